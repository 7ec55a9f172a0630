// Payroll's layout for the deduction file (issue 16): which fields, in which order, under which
// headers, how dates and amounts are written; saved as a profile the pay-period file is made by.
import { useId, useState } from 'react';
import {
  AMOUNT_FORMATS,
  DEDUCTION_FILE_FIELD_LABELS,
  DEDUCTION_FILE_FIELDS,
  PAYROLL_DATE_FORMATS,
  type DeductionFileField,
  type DeductionFileMapping,
} from '../../../../shared/schemas/payroll';
import { messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../components/Field';
import { useChannelMutation } from '../../queries';

const DEFAULT_HEADERS: Record<DeductionFileField, string> = {
  employeeId: 'Employee ID',
  employeeName: 'Employee Name',
  payDate: 'Pay Date',
  amount: 'Amount',
  deductionCode: 'Deduction Code',
  reference: 'Reference',
  remainingBalance: 'Balance Left',
};

interface Row {
  field: DeductionFileField;
  include: boolean;
  header: string;
}

export function DeductionLayoutDialog({ onClose }: { onClose: () => void }) {
  const ids = { name: useId(), date: useId(), amount: useId() };
  const save = useChannelMutation('payroll:saveProfile');
  const [name, setName] = useState('');
  const [rows, setRows] = useState<Row[]>(
    DEDUCTION_FILE_FIELDS.map((f) => ({ field: f, include: f !== 'remainingBalance', header: DEFAULT_HEADERS[f] })),
  );
  const [dateFormat, setDateFormat] = useState<DeductionFileMapping['dateFormat']>('YYYY-MM-DD');
  const [amountFormat, setAmountFormat] = useState<DeductionFileMapping['amountFormat']>('dollars');
  const [error, setError] = useState<string | null>(null);
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    const next = [...rows];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setRows(next);
  };
  return (
    <Dialog title="Payroll's layout for the deduction file" onClose={onClose} wide>
      <p>The columns payroll&apos;s system loads, in its order. The employee id and the amount are always needed.</p>
      <div className="field">
        <label htmlFor={ids.name}>Layout name</label>
        <input id={ids.name} type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="table-scroll">
        <table className="table">
          <caption>Columns, in order</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">In the file</th>
              <th scope="col">Header</th>
              <th scope="col">Order</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.field}>
                <th scope="row">{DEDUCTION_FILE_FIELD_LABELS[r.field]}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${DEDUCTION_FILE_FIELD_LABELS[r.field]} in the file`}
                    checked={r.include}
                    onChange={(e) => setRows(rows.map((x, k) => (k === i ? { ...x, include: e.target.checked } : x)))}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Header of ${DEDUCTION_FILE_FIELD_LABELS[r.field]}`}
                    value={r.header}
                    maxLength={120}
                    onChange={(e) => setRows(rows.map((x, k) => (k === i ? { ...x, header: e.target.value } : x)))}
                  />
                </td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="small"
                    aria-label={`Move ${DEDUCTION_FILE_FIELD_LABELS[r.field]} up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    Up
                  </button>{' '}
                  <button
                    type="button"
                    className="small"
                    aria-label={`Move ${DEDUCTION_FILE_FIELD_LABELS[r.field]} down`}
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    Down
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-grid mapping-options">
        <div className="field span-3">
          <label htmlFor={ids.date}>Dates are written</label>
          <select
            id={ids.date}
            value={dateFormat}
            onChange={(e) => setDateFormat(e.target.value as DeductionFileMapping['dateFormat'])}
          >
            {PAYROLL_DATE_FORMATS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div className="field span-3">
          <label htmlFor={ids.amount}>Amounts are written</label>
          <select
            id={ids.amount}
            value={amountFormat}
            onChange={(e) => setAmountFormat(e.target.value as DeductionFileMapping['amountFormat'])}
          >
            {AMOUNT_FORMATS.map((a) => (
              <option key={a} value={a}>
                {a === 'dollars' ? 'In dollars (12.50)' : 'In cents (1250)'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormAlert message={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={save.isPending}
          onClick={async () => {
            setError(null);
            try {
              await save.mutateAsync({
                kind: 'deductions',
                name,
                mapping: {
                  columns: rows.filter((r) => r.include).map((r) => ({ field: r.field, header: r.header })),
                  dateFormat,
                  amountFormat,
                },
              });
              onClose();
            } catch (e) {
              setError(messageOf(e));
            }
          }}
        >
          Save the layout
        </button>
      </div>
    </Dialog>
  );
}
