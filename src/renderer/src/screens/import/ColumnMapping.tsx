// Import, step 2, for one file: which of the file's columns holds each Recoup field, how its dates
// and amounts are written, its text encoding, and the billing system's own transaction codes.
// Saved as a profile, the mapping is done once per source.
import { useId } from 'react';
import { DATE_FORMATS, type ImportField, type ImportMapping, type RecordKind } from '../../../../shared/schemas/import';
import { formatBytes } from '../../format';
import { fieldsOf, hasTransactions, LAYOUT_LABELS, type MappedFile } from './importFiles';
import { Profiles } from './Profiles';
import { TypeCodes } from './TypeCodes';

const RECORD_LABELS: Record<RecordKind, string> = {
  guarantor: 'Guarantor',
  account: 'Account',
  transaction: 'Transaction',
};

const ENCODING_LABELS: Record<ImportMapping['encoding'], string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (older Windows systems)',
};

function FieldRow({
  field,
  headers,
  column,
  onChange,
}: {
  field: ImportField;
  headers: string[];
  column: string | undefined;
  onChange: (column: string) => void;
}) {
  const id = useId();
  const unknown = column && !headers.includes(column);
  const missing = field.required && !column;
  return (
    <tr className={missing ? 'missing' : undefined}>
      <th scope="row">
        <label htmlFor={id}>{field.label}</label>
        {field.required && <span className="required">required</span>}
      </th>
      <td>
        <select
          id={id}
          value={column ?? ''}
          aria-invalid={missing || unknown ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">— not in this file —</option>
          {unknown && <option value={column}>{column} (not in this file)</option>}
          {headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </td>
      <td className="muted">{field.format}</td>
    </tr>
  );
}

function Options({ file, onChange }: { file: MappedFile; onChange: (m: ImportMapping) => void }) {
  const ids = { date: useId(), encoding: useId(), sign: useId() };
  const m = file.mapping;
  const notUtf8 = file.notUtf8 && m.encoding === 'windows-1252';
  return (
    <div className="map-options">
      <div className="field">
        <label htmlFor={ids.date}>Dates are written</label>
        <select
          id={ids.date}
          value={m.dateFormat}
          onChange={(e) => onChange({ ...m, dateFormat: e.target.value as ImportMapping['dateFormat'] })}
        >
          {DATE_FORMATS.map((d) => (
            <option key={d} value={d}>
              {d === 'YYYY-MM-DD' ? 'YYYY-MM-DD (2026-03-16)' : 'MM/DD/YYYY (03/16/2026)'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.encoding}>Text encoding</label>
        <select
          id={ids.encoding}
          value={m.encoding}
          aria-describedby={notUtf8 ? `${ids.encoding}-hint` : undefined}
          onChange={(e) => onChange({ ...m, encoding: e.target.value as ImportMapping['encoding'] })}
        >
          {Object.entries(ENCODING_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {notUtf8 && (
          <p id={`${ids.encoding}-hint`} className="field-hint">
            This file is not UTF-8 text; it is read as Windows-1252.
          </p>
        )}
      </div>
      {hasTransactions(file.layout) && (
        <div className="field">
          <label htmlFor={ids.sign}>Amounts</label>
          <select
            id={ids.sign}
            value={m.amountSign}
            onChange={(e) => onChange({ ...m, amountSign: e.target.value as ImportMapping['amountSign'] })}
          >
            <option value="signed">Signed (payments are negative)</option>
            <option value="by_type">All positive (the type gives the sign)</option>
          </select>
        </div>
      )}
    </div>
  );
}

interface ColumnMappingProps {
  file: MappedFile;
  onChange: (mapping: ImportMapping) => void;
}

export function ColumnMapping({ file, onChange }: ColumnMappingProps) {
  const headingId = useId();
  const m = file.mapping;
  const fields = fieldsOf(file.layout);
  const groups = (['guarantor', 'account', 'transaction'] as const).filter((r) => fields.some((f) => f.record === r));
  const setColumn = (name: string, column: string) => {
    const columns = { ...m.columns };
    if (column) columns[name] = column;
    else delete columns[name];
    onChange({ ...m, columns });
  };
  return (
    <section className="map-file" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {LAYOUT_LABELS[file.layout]}: <span className="mono">{file.fileName}</span>{' '}
        <span className="muted small">
          {formatBytes(file.sizeBytes)}, {file.headers.length} columns
        </span>
      </h2>
      <Profiles layout={file.layout} mapping={m} onLoad={onChange} />
      <Options file={file} onChange={onChange} />
      <table className="table mapping">
        <caption className="visually-hidden">Columns of {file.fileName}</caption>
        <colgroup>
          <col className="c-field" />
          <col className="c-column" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Recoup field</th>
            <th scope="col">Column in the file</th>
            <th scope="col">What it looks like</th>
          </tr>
        </thead>
        {groups.map((record) => (
          <tbody key={record}>
            {groups.length > 1 && (
              <tr className="group-row">
                <th scope="colgroup" colSpan={3}>
                  {RECORD_LABELS[record]}
                </th>
              </tr>
            )}
            {fields
              .filter((f) => f.record === record)
              .map((f) => (
                <FieldRow
                  key={f.name}
                  field={f}
                  headers={file.headers}
                  column={m.columns[f.name]}
                  onChange={(column) => setColumn(f.name, column)}
                />
              ))}
          </tbody>
        ))}
      </table>
      {hasTransactions(file.layout) && (
        <TypeCodes codes={m.typeCodes} onChange={(typeCodes) => onChange({ ...m, typeCodes })} />
      )}
    </section>
  );
}
