// Compliance: the issue log (anyone reports an issue with its category and, when it concerns one,
// the account; supervisors assign and resolve; nothing is deleted) and, for supervisors, the
// month's 501(r) registers an auditor reads: statements and final notices sent, ECA attempts
// allowed and refused with the clock's reasons, holds placed and released by staff, and the
// financial-assistance applications and decisions; as PDF and CSV too.
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { roleAtLeast } from '../../../../shared/roles';
import { ECA_KIND_LABELS, type EcaKind } from '../../../../shared/rules/ecaClock';
import { HOLD_REASON_LABELS, type HoldReason } from '../../../../shared/rules/statementCycle';
import {
  assignIssueForm,
  COMPLIANCE_CATEGORIES,
  COMPLIANCE_CATEGORY_LABELS,
  reportIssueForm,
  resolveIssueForm,
  type ComplianceIssueView,
} from '../../../../shared/schemas/compliance';
import { FAP_STATUS_LABELS } from '../../../../shared/schemas/accounts';
import type { MonthlyRegisters, RegisterKind } from '../../../../shared/schemas/registers';
import { noun } from '../../../../shared/plural';
import { call, messageOf } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { saveFile } from '../../components/saveFile';
import { useChannel } from '../../components/useChannel';
import { useWorkspace } from '../../session';
import type { FileOut } from '../../../../shared/schemas/files';

const STATUS_LABELS: Record<ComplianceIssueView['status'], string> = {
  open: 'Open',
  in_review: 'In review',
  resolved: 'Resolved',
};

/** Rows shown on screen per register; the PDF and CSV carry them all. */
const SHOWN = 100;

function ReportDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const form = useForm<z.input<typeof reportIssueForm>, unknown, z.output<typeof reportIssueForm>>({
    resolver: zodResolver(reportIssueForm),
    defaultValues: { category: '', description: '', accountNumber: '' },
  });
  return (
    <DialogForm
      title="Report a compliance issue"
      form={form}
      fields={['category', 'description', 'accountNumber']}
      submitLabel="Report"
      onClose={onClose}
      onSubmit={async (issue) => {
        const { id } = await call('compliance:report', issue);
        onDone(`Issue #${id} reported; a supervisor reviews it.`);
      }}
    >
      <div className="form-grid">
        <SelectField
          name="category"
          label="Category"
          placeholder="Choose…"
          options={COMPLIANCE_CATEGORIES.map((c) => ({ value: c, label: COMPLIANCE_CATEGORY_LABELS[c] }))}
          className="span-4"
        />
        <TextField name="accountNumber" label="Account number (optional)" className="span-2" />
        <TextAreaField name="description" label="What happened" rows={5} className="span-6" />
      </div>
    </DialogForm>
  );
}

function AssignDialog({
  issue,
  onClose,
  onDone,
}: {
  issue: ComplianceIssueView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const users = useChannel('users:directory', {});
  const form = useForm<z.input<typeof assignIssueForm>, unknown, z.output<typeof assignIssueForm>>({
    resolver: zodResolver(assignIssueForm),
    defaultValues: { assigneeId: '' },
  });
  return (
    <DialogForm
      title={`Assign issue #${issue.id}`}
      form={form}
      fields={['assigneeId']}
      submitLabel="Assign"
      onClose={onClose}
      onSubmit={async ({ assigneeId }) => {
        await call('compliance:assign', { issueId: issue.id, assigneeId });
        const name = users.value?.find((u) => u.id === assigneeId)?.fullName ?? 'the reviewer';
        onDone(`Issue #${issue.id} assigned to ${name}.`);
      }}
    >
      <p>{issue.description}</p>
      <SelectField
        name="assigneeId"
        label="Reviewer"
        placeholder="Choose…"
        options={(users.value ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
      />
    </DialogForm>
  );
}

function ResolveDialog({
  issue,
  onClose,
  onDone,
}: {
  issue: ComplianceIssueView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const form = useForm<z.input<typeof resolveIssueForm>, unknown, z.output<typeof resolveIssueForm>>({
    resolver: zodResolver(resolveIssueForm),
    defaultValues: { resolution: '' },
  });
  return (
    <DialogForm
      title={`Resolve issue #${issue.id}`}
      form={form}
      fields={['resolution']}
      submitLabel="Resolve"
      onClose={onClose}
      onSubmit={async ({ resolution }) => {
        await call('compliance:resolve', { issueId: issue.id, resolution });
        onDone(`Issue #${issue.id} resolved.`);
      }}
    >
      <p>{issue.description}</p>
      <TextAreaField name="resolution" label="Resolution" rows={4} />
    </DialogForm>
  );
}

function IssueLog({ canReview }: { canReview: boolean }) {
  const issues = useChannel('compliance:list', {});
  const [dialog, setDialog] = useState<
    { kind: 'report' } | { kind: 'assign' | 'resolve'; issue: ComplianceIssueView } | null
  >(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    issues.reload();
  };
  const list = issues.value ?? [];
  return (
    <section className="ws-section" aria-labelledby="issue-log">
      <div className="section-head">
        <h2 id="issue-log">
          Issue log <span className="count">{list.filter((i) => i.status !== 'resolved').length} open</span>
        </h2>
        <button type="button" onClick={() => setDialog({ kind: 'report' })}>
          Report an issue…
        </button>
      </div>
      <p className="muted">
        {canReview
          ? 'Every issue reported. Assign each for review and resolve it with what was done; nothing is deleted.'
          : 'The issues you reported or were given to review. A supervisor assigns and resolves them.'}
      </p>
      <FormAlert message={issues.error} />
      {notice && (
        <p className="form-notice" role="status">
          {notice}
        </p>
      )}
      {issues.value && list.length === 0 && <p className="muted">No issue has been reported.</p>}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label="Compliance issues">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Reported</th>
                <th scope="col">Category</th>
                <th scope="col">What happened</th>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <td className="num">{i.id}</td>
                  <td className="nowrap">
                    {formatShortDate(i.reportedOn)}
                    {i.reportedBy && <div className="muted">{i.reportedBy}</div>}
                  </td>
                  <td>{COMPLIANCE_CATEGORY_LABELS[i.category]}</td>
                  <td className="prose-cell">
                    {i.description}
                    {i.resolution && (
                      <div className="muted">
                        Resolved {i.resolvedOn ? formatShortDate(i.resolvedOn) : ''}
                        {i.resolvedBy ? ` by ${i.resolvedBy}` : ''}: {i.resolution}
                      </div>
                    )}
                  </td>
                  <td>{i.accountNumber ?? <span className="muted">—</span>}</td>
                  <td>
                    <span className={`badge ${i.status === 'resolved' ? 'ok' : 'warn'}`}>
                      {STATUS_LABELS[i.status]}
                    </span>
                    {i.assignee && <div className="muted">{i.assignee}</div>}
                  </td>
                  <td className="row-actions">
                    {canReview && i.status !== 'resolved' && (
                      <>
                        <button
                          type="button"
                          className="small"
                          aria-label={`Assign issue ${i.id}`}
                          onClick={() => setDialog({ kind: 'assign', issue: i })}
                        >
                          Assign…
                        </button>
                        <button
                          type="button"
                          className="small"
                          aria-label={`Resolve issue ${i.id}`}
                          onClick={() => setDialog({ kind: 'resolve', issue: i })}
                        >
                          Resolve…
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'report' && <ReportDialog onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'assign' && <AssignDialog issue={dialog.issue} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'resolve' && (
        <ResolveDialog issue={dialog.issue} onClose={() => setDialog(null)} onDone={done} />
      )}
    </section>
  );
}

/** The month's counts above the registers: each figure with its words. */
function monthCounts(r: MonthlyRegisters): [number, string][] {
  const finals = r.statements.filter((s) => s.kind === 'final_notice').length;
  const allowed = r.ecaAttempts.filter((e) => e.allowed).length;
  return [
    [r.statements.length, `${noun(r.statements.length, 'statement', 'statements')} sent`],
    [finals, `${noun(finals, 'final notice', 'final notices')} among them`],
    [allowed, `${noun(allowed, 'extraordinary collection action', 'extraordinary collection actions')} allowed`],
    [r.ecaAttempts.length - allowed, 'refused by the 501(r) gate'],
    [r.holds.length, `${noun(r.holds.length, 'hold', 'holds')} placed or released`],
    [
      r.assistance.length,
      noun(
        r.assistance.length,
        'financial-assistance application or decision',
        'financial-assistance applications and decisions',
      ),
    ],
  ];
}

const DASH = <span className="muted">—</span>;

function Guarantor({ name, number }: { name: string; number: string | null }) {
  return (
    <>
      {name}
      {number && <div className="muted">{number}</div>}
    </>
  );
}

interface RegisterColumn<T> {
  header: string;
  /** The cell's class (and the header's, for "num"): "nowrap", "num", "prose-cell". */
  className?: string;
  cell: (row: T) => ReactNode;
}

/** One register on screen: its heading, its first rows (the PDF and CSV carry them all), or a line saying none. */
function RegisterTable<T>({
  title,
  label,
  note,
  empty,
  rows,
  columns,
}: {
  title: string;
  label: string;
  note?: string;
  empty: string;
  rows: T[];
  columns: RegisterColumn<T>[];
}) {
  return (
    <>
      <h3>{title}</h3>
      {note && <p className="muted">{note}</p>}
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label={label}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.className === 'num' ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.header} className={c.className}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > SHOWN && (
        <p className="muted">
          The first {SHOWN} of {rows.length.toLocaleString('en-US')} are shown; the PDF and CSV have them all.
        </p>
      )}
    </>
  );
}

function Registers() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const [month, setMonth] = useState(today.slice(0, 7));
  const registers = useChannel('registers:month', { month });
  const [viewing, setViewing] = useState<FileOut | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = registers.value;
  const fetchFile = async (what: 'pdf' | RegisterKind) => {
    setError(null);
    setBusy(what);
    try {
      if (what === 'pdf') setViewing(await call('registers:pdf', { month }));
      else saveFile(await call('registers:csv', { month, register: what }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="ws-section" aria-labelledby="registers">
      <h2 id="registers">501(r) registers</h2>
      <p className="muted">
        What an auditor asks for, from Recoup&rsquo;s own records: every statement and final notice sent, every
        extraordinary collection action attempted with the clock&rsquo;s decision, every hold placed or released by
        staff, every financial-assistance application and decision.
      </p>
      <div className="register-bar">
        <div className="field">
          <label htmlFor="register-month">Month</label>
          <input
            id="register-month"
            type="month"
            value={month}
            max={today.slice(0, 7)}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('pdf')}>
            {busy === 'pdf' ? 'Preparing…' : 'Registers PDF'}
          </button>
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('statements')}>
            Statements CSV
          </button>
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('eca_attempts')}>
            ECA attempts CSV
          </button>
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('holds')}>
            Holds CSV
          </button>
          <button type="button" disabled={!r || busy !== null} onClick={() => void fetchFile('assistance')}>
            Assistance CSV
          </button>
        </div>
      </div>
      <FormAlert message={registers.error ?? error} />
      {r && (
        <div className={registers.loading ? 'stale' : undefined} aria-busy={registers.loading}>
          <ul className="import-counts" aria-label="This month">
            {monthCounts(r).map(([n, words]) => (
              <li key={words}>
                <strong>{n.toLocaleString('en-US')}</strong> {words}
              </li>
            ))}
          </ul>

          <RegisterTable
            title="Statements and final notices sent"
            label="Statements register"
            empty="No statement was sent this month."
            rows={r.statements}
            columns={[
              { header: 'Date', className: 'nowrap', cell: (s) => formatShortDate(s.date) },
              { header: 'Guarantor', cell: (s) => <Guarantor name={s.guarantor} number={s.guarantorNumber} /> },
              {
                header: 'Statement',
                cell: (s) => (s.kind === 'final_notice' ? 'Final notice' : `Statement ${s.numberInCycle}`),
              },
              { header: 'Accounts (number in cycle)', cell: (s) => s.accounts },
              { header: 'Amount due', className: 'num', cell: (s) => formatCents(s.amountDueCents) },
            ]}
          />
          <RegisterTable
            title="Extraordinary collection actions attempted"
            label="ECA register"
            empty="No extraordinary collection action was attempted this month."
            rows={r.ecaAttempts}
            columns={[
              { header: 'Date', className: 'nowrap', cell: (e) => formatShortDate(e.date) },
              { header: 'Guarantor', cell: (e) => e.guarantor },
              { header: 'Account', cell: (e) => e.accountNumber },
              { header: 'Action', cell: (e) => ECA_KIND_LABELS[e.kind as EcaKind] ?? e.kind },
              {
                header: 'Decision',
                cell: (e) => (
                  <>
                    <span className={`badge ${e.allowed ? 'ok' : 'warn'}`}>{e.allowed ? 'Allowed' : 'Refused'}</span>
                    {e.allowedFrom && !e.allowed && <div className="muted">from {formatShortDate(e.allowedFrom)}</div>}
                  </>
                ),
              },
              { header: 'Reason', className: 'prose-cell', cell: (e) => e.why },
              { header: 'By', cell: (e) => e.by ?? 'Recoup' },
            ]}
          />
          <RegisterTable
            title="Holds placed and released by staff"
            label="Holds register"
            note="The holds Recoup keeps from the record (a death, a bankruptcy, a current plan) are not events of the month; a pending application is in the financial-assistance register below."
            empty="No hold was placed or released this month."
            rows={r.holds}
            columns={[
              { header: 'Date', className: 'nowrap', cell: (h) => formatShortDate(h.date) },
              { header: 'Event', cell: (h) => (h.event === 'placed' ? 'Placed' : 'Released') },
              { header: 'Guarantor', cell: (h) => h.guarantor },
              { header: 'Account', cell: (h) => h.accountNumber ?? 'All accounts' },
              { header: 'Reason', cell: (h) => HOLD_REASON_LABELS[h.reason as HoldReason] ?? h.reason },
              { header: 'Note', cell: (h) => h.note || DASH },
              { header: 'By', cell: (h) => h.by ?? DASH },
            ]}
          />
          <RegisterTable
            title="Financial-assistance applications and decisions"
            label="Financial-assistance register"
            empty="No application or decision was recorded this month."
            rows={r.assistance}
            columns={[
              { header: 'Date', className: 'nowrap', cell: (x) => formatShortDate(x.date) },
              { header: 'Guarantor', cell: (x) => <Guarantor name={x.guarantor} number={x.guarantorNumber} /> },
              { header: 'Status', cell: (x) => FAP_STATUS_LABELS[x.status] },
              { header: 'Note', cell: (x) => x.note || DASH },
              { header: 'Recorded by', cell: (x) => x.by ?? DASH },
            ]}
          />
        </div>
      )}
      {viewing && <PdfViewer file={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}

export function Compliance() {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const supervisor = roleAtLeast(role, 'supervisor');
  return (
    <section>
      <h1>Compliance</h1>
      <IssueLog canReview={supervisor} />
      {supervisor && <Registers />}
    </section>
  );
}
