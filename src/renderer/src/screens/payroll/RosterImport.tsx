// The roster import (issue 16, semantics 1): the hospital's roster as a CSV, uploaded, its headers
// read (payroll:rosterInspect), each Recoup field given its column (a saved profile, or the guess),
// checked with nothing changed (payroll:rosterPreview: every problem by line and column), then
// imported all or nothing (payroll:rosterImport).
import { useId, useState } from 'react';
import {
  PAYROLL_DATE_FORMATS,
  ROSTER_FIELD_LABELS,
  ROSTER_FIELDS,
  type RosterInspection,
  type RosterMapping,
  type RosterReport,
} from '../../../../shared/schemas/payroll';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { FormAlert, FormNotice } from '../../components/Field';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { DASH, FileChooser, plural, saveNamedMapping } from './common';

const REQUIRED = new Set(['employeeId', 'payFrequency']);

/** "BIWK = biweekly" lines <-> the mapping's codes. */
function codesText(codes: Record<string, string>): string {
  return Object.entries(codes)
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n');
}
function parseCodes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const [k, ...rest] = line.split('=');
    const v = rest.join('=').trim();
    if (k && k.trim() && v) out[k.trim()] = v;
  }
  return out;
}

function ReportFigures({ report, done }: { report: RosterReport; done: boolean }) {
  return (
    <ul className="payroll-step">
      <li>
        {plural(report.lines, 'employee line', 'employee lines')} in {report.fileName}
      </li>
      <li>
        {done ? 'Added' : 'To add'}: {report.added}; {done ? 'updated' : 'to update'}: {report.updated}; unchanged:{' '}
        {report.unchanged}
      </li>
      <li>
        Terminations: {report.terminated}
        {report.arrangementsEnded > 0 &&
          ` (${plural(report.arrangementsEnded, 'arrangement ends', 'arrangements end')}: deductions stop and the balance goes back to statements)`}
      </li>
      {extraFigures(report, done).map((line) => (
        <li key={line}>{line}</li>
      ))}
      <li>Employees with a match to confirm: {report.toConfirm}</li>
    </ul>
  );
}

/** The rarer counts, in plain words, only those that are not zero. */
function extraFigures(report: RosterReport, done: boolean): string[] {
  const out: string[] = [];
  const one = (n: number, single: string, many: string) => (n === 1 ? single : many);
  if (report.rehired > 0)
    out.push(
      `Rehired: ${plural(report.rehired, 'employee', 'employees')} an earlier roster marked terminated ${done ? one(report.rehired, 'is', 'are') : 'will be'} active again`,
    );
  if (report.keptTerminated > 0)
    out.push(
      `Kept terminated: ${plural(report.keptTerminated, 'employee', 'employees')} terminated by hand in Recoup ${one(report.keptTerminated, 'stays', 'stay')} terminated although the file says active (a roster does not undo a clerk's termination)`,
    );
  if (report.renamed > 0)
    out.push(
      `New last name: ${plural(report.renamed, 'employee', 'employees')} already matched ${done ? one(report.renamed, 'has', 'have') : 'will have'} the last name from the file (the match stays)`,
    );
  return out;
}

export function RosterImportDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const ids = { profile: useId(), date: useId(), codes: useId(), name: useId() };
  const profiles = useChannelQuery('payroll:profiles', { kind: 'roster' });
  const saveProfile = useChannelMutation('payroll:saveProfile');
  const importRoster = useChannelMutation('payroll:rosterImport');
  const [upload, setUpload] = useState<{ uploadId: string; inspection: RosterInspection } | null>(null);
  const [mapping, setMapping] = useState<RosterMapping | null>(null);
  const [codes, setCodes] = useState('');
  const [profileName, setProfileName] = useState('');
  const [preview, setPreview] = useState<RosterReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const current = (): RosterMapping | null => (mapping ? { ...mapping, codes: parseCodes(codes) } : null);
  const change = (m: RosterMapping) => {
    setMapping(m);
    setPreview(null);
  };

  const check = async () => {
    const m = current();
    if (!upload || !m) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await call('payroll:rosterPreview', { uploadId: upload.uploadId, mapping: m }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Import the employee roster" onClose={onClose} wide>
      <p>
        The hospital&apos;s roster as a CSV file: each employee&apos;s id, name, date of birth, pay frequency, hourly
        rate or salary, usual hours, exempt or not, work state, and whether employed. Nothing changes until the file has
        no problem; employees not in the file are left as they are.
      </p>
      <FileChooser
        label="Roster file (CSV)"
        onUploaded={async (uploadId) => {
          const inspection = await call('payroll:rosterInspect', { uploadId });
          setUpload({ uploadId, inspection });
          setMapping(inspection.suggested);
          setCodes(codesText(inspection.suggested.codes));
          setPreview(null);
        }}
      />
      {upload && mapping && (
        <>
          <p>
            {upload.inspection.fileName}: {plural(upload.inspection.lines, 'line', 'lines')} after the header,{' '}
            {plural(upload.inspection.headers.length, 'column', 'columns')}.
          </p>
          {profiles.value && profiles.value.length > 0 && (
            <div className="field">
              <label htmlFor={ids.profile}>Use a saved mapping</label>
              <select
                id={ids.profile}
                defaultValue=""
                onChange={(e) => {
                  const p = profiles.value?.find((x) => String(x.id) === e.target.value);
                  if (p && p.kind === 'roster') {
                    change(p.mapping);
                    setCodes(codesText(p.mapping.codes));
                    setProfileName(p.name);
                  }
                }}
              >
                <option value="">— the columns as guessed from the headers —</option>
                {profiles.value.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="table-scroll">
            <table className="table mapping">
              <caption>Which column holds each field</caption>
              <thead>
                <tr>
                  <th scope="col">Recoup field</th>
                  <th scope="col">Column in the file</th>
                </tr>
              </thead>
              <tbody>
                {ROSTER_FIELDS.map((f) => (
                  <MappingRow
                    key={f}
                    label={ROSTER_FIELD_LABELS[f]}
                    required={REQUIRED.has(f)}
                    headers={upload.inspection.headers}
                    column={mapping.columns[f]}
                    onChange={(column) => {
                      const columns = { ...mapping.columns };
                      if (column) columns[f] = column;
                      else delete columns[f];
                      change({ ...mapping, columns });
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-grid mapping-options">
            <div className="field span-2">
              <label htmlFor={ids.date}>Dates are written</label>
              <select
                id={ids.date}
                value={mapping.dateFormat}
                onChange={(e) => change({ ...mapping, dateFormat: e.target.value as RosterMapping['dateFormat'] })}
              >
                {PAYROLL_DATE_FORMATS.map((d) => (
                  <option key={d} value={d}>
                    {d === 'YYYY-MM-DD' ? 'YYYY-MM-DD (2026-03-16)' : 'MM/DD/YYYY (03/16/2026)'}
                  </option>
                ))}
              </select>
            </div>
            <div className="field span-4">
              <label htmlFor={ids.codes}>The roster&apos;s own words (optional)</label>
              <textarea
                id={ids.codes}
                rows={2}
                value={codes}
                aria-describedby={`${ids.codes}-hint`}
                onChange={(e) => {
                  setCodes(e.target.value);
                  setPreview(null);
                }}
              />
              <p id={`${ids.codes}-hint`} className="field-hint">
                One per line, such as BIWK = biweekly or LOA = active. W, BW, SM, M, A and T are understood already.
              </p>
            </div>
            <div className="field span-4">
              <label htmlFor={ids.name}>Save this mapping as</label>
              <input id={ids.name} type="text" value={profileName} onChange={(e) => setProfileName(e.target.value)} />
            </div>
            <div className="field span-2 align-end">
              <button
                type="button"
                disabled={saveProfile.isPending}
                onClick={async () => {
                  const m = current();
                  if (!m) return;
                  setError(null);
                  try {
                    const saved = await saveNamedMapping(saveProfile.mutateAsync, profiles.value, {
                      kind: 'roster',
                      name: profileName,
                      mapping: m,
                    });
                    setNotice(`Mapping saved as “${saved.name}”.`);
                  } catch (e) {
                    setError(messageOf(e));
                  }
                }}
              >
                Save the mapping
              </button>
            </div>
          </div>
          <FormNotice message={notice} />
          <div className="actions start">
            <button type="button" className="primary" disabled={busy} onClick={() => void check()}>
              {busy && !preview ? 'Checking…' : 'Check the file'}
            </button>
          </div>
        </>
      )}
      {preview && (
        <section aria-labelledby="roster-preview" className="payroll-step">
          <h3 id="roster-preview">
            {preview.importId !== null
              ? 'Imported'
              : preview.problems.length > 0
                ? `Problems: ${preview.problems.length} (nothing is imported until there are none)`
                : 'Ready to import (nothing has changed yet)'}
          </h3>
          <ReportFigures report={preview} done={preview.importId !== null} />
          {preview.problems.length > 0 && (
            <DataTable
              caption="Problems in the roster, by line and column"
              showCaption
              rows={preview.problems}
              rowKey={(_, i) => i}
              empty=""
              scrollClassName="problems-scroll"
              columns={[
                { header: 'Line', className: 'num', rowHeader: true, cell: (p) => p.line },
                { header: 'Column', cell: (p) => p.column ?? DASH },
                { header: 'Value', className: 'wrap', cell: (p) => p.value ?? DASH },
                { header: 'Problem', className: 'prose-cell', cell: (p) => p.reason },
              ]}
            />
          )}
        </section>
      )}
      <FormAlert message={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {preview !== null && preview.importId !== null ? 'Close' : 'Cancel'}
        </button>
        {preview && preview.problems.length === 0 && preview.importId === null && upload && (
          <button
            type="button"
            className="primary"
            disabled={importRoster.isPending}
            onClick={async () => {
              const m = current();
              if (!m) return;
              setError(null);
              try {
                const r = await importRoster.mutateAsync({ uploadId: upload.uploadId, mapping: m });
                const extra = extraFigures(r, true);
                onDone(
                  `Roster imported: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged; ${plural(r.toConfirm, 'employee has', 'employees have')} a match to confirm.${extra.length > 0 ? ` ${extra.map((x) => `${x}.`).join(' ')}` : ''}`,
                );
              } catch (e) {
                setError(messageOf(e));
              }
            }}
          >
            {importRoster.isPending ? 'Importing…' : `Import ${plural(preview.lines, 'employee', 'employees')}`}
          </button>
        )}
      </div>
    </Dialog>
  );
}

function MappingRow({
  label,
  required,
  headers,
  column,
  onChange,
}: {
  label: string;
  required: boolean;
  headers: string[];
  column: string | undefined;
  onChange: (column: string) => void;
}) {
  const id = useId();
  const missing = required && !column;
  return (
    <tr className={missing ? 'missing' : undefined}>
      <th scope="row">
        <label htmlFor={id}>{label}</label>
        {required && <span className="required">required</span>}
      </th>
      <td>
        <select
          id={id}
          value={column ?? ''}
          aria-invalid={missing ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">— not in this file —</option>
          {column && !headers.includes(column) && <option value={column}>{column} (not in this file)</option>}
          {headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
