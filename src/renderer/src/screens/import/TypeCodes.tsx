// The billing system's transaction codes and the Recoup type each one means ("PMT" is a patient
// payment). Recoup's own type names (charge, patient_payment, ...) need no mapping.
import { useId, useState } from 'react';
import { LEDGER_TYPE_LABELS, LEDGER_TYPES, type LedgerType } from '../../../../shared/schemas/ledger';

const IMPORTABLE_TYPES = LEDGER_TYPES.filter(
  (t): t is Exclude<LedgerType, 'reversal' | 'court_costs'> => t !== 'reversal' && t !== 'court_costs',
);

function TypeSelect({
  id,
  value,
  label,
  onChange,
}: {
  id?: string;
  value: string;
  label: string;
  onChange: (t: string) => void;
}) {
  return (
    <select id={id} aria-label={id ? undefined : label} value={value} onChange={(e) => onChange(e.target.value)}>
      {IMPORTABLE_TYPES.map((t) => (
        <option key={t} value={t}>
          {LEDGER_TYPE_LABELS[t]}
        </option>
      ))}
    </select>
  );
}

export function TypeCodes({
  codes,
  onChange,
}: {
  codes: Record<string, string>;
  onChange: (c: Record<string, string>) => void;
}) {
  const ids = { code: useId(), type: useId(), heading: useId() };
  const [code, setCode] = useState('');
  const [type, setType] = useState<string>('charge');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const trimmed = code.trim();
    if (!trimmed) return setError('Type the code as the billing system writes it.');
    if (trimmed.length > 20) return setError('A code is at most 20 characters.');
    setError(null);
    onChange({ ...codes, [trimmed]: type });
    setCode('');
  };
  const entries = Object.entries(codes);
  return (
    <section className="type-codes" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>Transaction codes of the billing system</h3>
      <p className="muted">
        Only codes that are not Recoup&rsquo;s own type names need a line here (for example PMT → Patient payment).
      </p>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">Code in the file</th>
            <th scope="col">Recoup type</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([c, t]) => (
            <tr key={c}>
              <td className="mono">{c}</td>
              <td>
                <TypeSelect
                  value={t}
                  label={`Recoup type for code ${c}`}
                  onChange={(next) => onChange({ ...codes, [c]: next })}
                />
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="small"
                  aria-label={`Remove code ${c}`}
                  onClick={() => {
                    const next = { ...codes };
                    delete next[c];
                    onChange(next);
                  }}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
          <tr className="add-row">
            <td>
              <label htmlFor={ids.code} className="visually-hidden">
                New code
              </label>
              <input
                id={ids.code}
                type="text"
                value={code}
                maxLength={20}
                placeholder="e.g. PMT"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${ids.code}-error` : undefined}
                onChange={(e) => setCode(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add();
                  }
                }}
              />
              {error && (
                <p id={`${ids.code}-error`} className="field-error" role="alert">
                  {error}
                </p>
              )}
            </td>
            <td>
              <label htmlFor={ids.type} className="visually-hidden">
                Recoup type for the new code
              </label>
              <TypeSelect id={ids.type} value={type} label="Recoup type for the new code" onChange={setType} />
            </td>
            <td className="row-actions">
              <button type="button" className="small" onClick={add}>
                Add code
              </button>
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
