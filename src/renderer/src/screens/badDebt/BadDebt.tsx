// Medicare bad debt (issue 15): the accounts a write-off may list (BD-02), proposed by a clerk and
// approved or rejected by a supervisor (BD-09: the write-off posts a bad-debt entry, never a
// contractual adjustment); the write-offs made and reversed; the Exhibit 2A listing for a
// cost-reporting period and CCN with the reviewer's checks and the reconciliation to the ledger
// (BD-14), exported as PDF, Excel or CSV; and the hospital's collection-effort evidence (BD-06).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { FormProvider } from 'react-hook-form';
import { addDays, formatLongDate, formatShortDate, isBusinessDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { plural } from '../../../../shared/plural';
import { roleAtLeast } from '../../../../shared/roles';
import { costReportPeriod, EXHIBIT_2A_COLUMNS, type ListingLine } from '../../../../shared/rules/badDebt';
import {
  effortEvidenceInput,
  exportListingInput,
  listingInput,
  type BadDebtCandidate,
  type ListingFormat,
  type WriteOffStatus,
  type WriteOffView,
} from '../../../../shared/schemas/badDebt';
import { approveForm, proposeForm, rejectForm, reverseForm } from '../../../../shared/schemas/badDebtForms';
import type { FileHandle } from '../../../../shared/schemas/files';
import { call, messageOf } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, TextAreaField, TextField } from '../../components/Field';
import { PdfViewer } from '../../components/PdfViewer';
import { saveFile } from '../../files';
import { useSchemaForm } from '../../forms';
import { formatInstant } from '../../format';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { PLACES } from '../../routes';
import { useWorkspace } from '../../session';
import { Notice } from '../agencies/common';
import './badDebt.css';

const DASH = <span className="muted">—</span>;

/** The clock's summary in plain words: the rule id stays beside its criterion, not in the headline. */
export function plainSummary(summary: string): string {
  return summary.replace(/^[A-Z]+-\d+[a-z]?: /, '');
}

export const KIND_LABELS = { ordinary: 'Ordinary', dual: 'Dual-eligible', indigent: 'Indigent non-dual' } as const;
export const SETTING_LABELS = { inpatient: 'Inpatient', outpatient: 'Outpatient' } as const;
export const WRITE_OFF_STATUS_LABELS: Record<WriteOffStatus, string> = {
  proposed: 'Proposed',
  approved: 'Written off',
  rejected: 'Rejected',
  reversed: 'Reversed',
};

function statusBadge(s: WriteOffStatus) {
  const cls = s === 'approved' ? 'ok' : s === 'proposed' ? 'warn' : 'bad';
  return <span className={`badge ${cls}`}>{WRITE_OFF_STATUS_LABELS[s]}</span>;
}

function accountLink(r: { guarantorId: number; accountNumber: string }) {
  return (
    <a className="mono" href={`#${PLACES.account.path}/${r.guarantorId}`}>
      {r.accountNumber}
    </a>
  );
}

const TABS = [
  ['candidates', 'Candidates'],
  ['approvals', 'Approvals'],
  ['writeOffs', 'Write-offs'],
  ['listing', 'Listing'],
  ['evidence', 'Collection-effort evidence'],
] as const;
type Tab = (typeof TABS)[number][0];

/** The page's sections as tabs (arrow keys move between them, WAI-ARIA tabs pattern). */
function Tabs({ tab, onTab }: { tab: Tab; onTab: (t: Tab) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    onTab(TABS[next]![0]);
    refs.current[next]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Medicare bad debt">
      {TABS.map(([key, label], i) => (
        <button
          key={key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`bd-tab-${key}`}
          aria-controls={`bd-panel-${key}`}
          aria-selected={tab === key}
          tabIndex={tab === key ? 0 : -1}
          onClick={() => onTab(key)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Candidates: propose write-offs

function ProposeForm({ chosen, onDone }: { chosen: BadDebtCandidate[]; onDone: (message: string) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const form = useSchemaForm(proposeForm(today), { ceasedOn: today, note: '' });
  const propose = useChannelMutation('badDebt:propose');
  const [error, setError] = useState<string | null>(null);
  const submit = form.handleSubmit(async ({ ceasedOn, note }) => {
    setError(null);
    if (chosen.length === 0) {
      setError('Choose at least one account.');
      return;
    }
    try {
      const made = await propose.mutateAsync({ accountIds: chosen.map((c) => c.accountId), ceasedOn, note });
      const total = made.reduce((t, w) => t + w.amountCents, 0);
      onDone(
        `${plural(made.length, 'write-off', 'write-offs')} proposed (${formatCents(total)}): a supervisor approves them under Approvals.`,
      );
      form.reset({ ceasedOn: today, note: '' });
    } catch (e) {
      setError(messageOf(e));
    }
  });
  return (
    <FormProvider {...form}>
      <form noValidate aria-label="Propose write-offs" onSubmit={(e) => void submit(e)}>
        <p>
          {chosen.length === 0
            ? 'Choose the accounts to propose in the table above.'
            : `${plural(chosen.length, 'account', 'accounts')} chosen, ${formatCents(chosen.reduce((t, c) => t + c.allowableCents, 0))} allowable.`}
        </p>
        <div className="form-grid">
          <TextField
            name="ceasedOn"
            label="Collection effort ceased on"
            type="date"
            max={today}
            className="span-2"
            hint="Column 16 of the listing."
          />
          <TextAreaField name="note" label="Note (optional)" rows={2} className="span-4" />
        </div>
        <FormAlert message={error} />
        <div className="actions start">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Proposing…' : 'Propose'}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function Candidates({ onNotice }: { onNotice: (m: string) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const [setting, setSetting] = useState<'all' | 'inpatient' | 'outpatient'>('all');
  const [on, setOn] = useState(today);
  const [show, setShow] = useState<'listable' | 'open'>('listable');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const valid = isBusinessDate(on);
  const list = useChannelQuery('badDebt:candidates', { on: valid ? on : today, setting, show });
  const rows = list.value ?? [];
  const choosable = (c: BadDebtCandidate) => c.listable && c.writeOffStatus === null;
  const chosenRows = rows.filter((c) => chosen.has(c.accountId) && choosable(c));
  return (
    <div>
      <p className="muted">
        Medicare accounts and where each stands on its bad-debt clock. An account can be written off when every
        criterion is met; the amount is the unpaid Medicare deductible and coinsurance (BD-01).
      </p>
      <div className="bad-debt-filters">
        <div className="field">
          <label htmlFor="bd-setting">Setting</label>
          <select
            id="bd-setting"
            value={setting}
            onChange={(e) => setSetting(e.target.value as 'all' | 'inpatient' | 'outpatient')}
          >
            <option value="all">Inpatient and outpatient</option>
            <option value="inpatient">Inpatient</option>
            <option value="outpatient">Outpatient</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="bd-on">Write-off dated</label>
          <input id="bd-on" type="date" value={on} max={today} onChange={(e) => setOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="bd-show">Show</label>
          <select id="bd-show" value={show} onChange={(e) => setShow(e.target.value as 'listable' | 'open')}>
            <option value="listable">Accounts that can be written off</option>
            <option value="open">Every Medicare account that owes</option>
          </select>
        </div>
      </div>
      {!valid && <p className="field-error">Enter the write-off date.</p>}
      <FormAlert message={list.error} />
      {list.value && (
        <DataTable
          caption="Medicare bad-debt candidates"
          showCaption
          rows={rows}
          rowKey={(c) => c.accountId}
          stale={list.loading}
          virtual={rows.length > 100}
          scrollClassName="register-scroll"
          empty={
            show === 'listable'
              ? 'No Medicare account can be written off on that date.'
              : 'No Medicare account owes anything.'
          }
          columns={[
            {
              header: 'Choose',
              cell: (c) => (
                // An account not ready stays reachable by keyboard (aria-disabled, not disabled) and
                // its checkbox is described by the row's reason (WCAG 2.1.1, 1.3.1).
                <input
                  type="checkbox"
                  aria-label={`Choose account ${c.accountNumber}`}
                  aria-disabled={choosable(c) ? undefined : true}
                  aria-describedby={choosable(c) ? undefined : `bd-why-${c.accountId}`}
                  checked={chosen.has(c.accountId) && choosable(c)}
                  onChange={(e) =>
                    choosable(c) &&
                    setChosen((s) => {
                      const n = new Set(s);
                      if (e.target.checked) n.add(c.accountId);
                      else n.delete(c.accountId);
                      return n;
                    })
                  }
                />
              ),
            },
            { header: 'Account', rowHeader: true, cell: accountLink },
            { header: 'Patient', cell: (c) => c.patientName },
            { header: 'Setting', cell: (c) => SETTING_LABELS[c.setting] },
            { header: 'Kind', cell: (c) => KIND_LABELS[c.kind] },
            { header: 'Balance', className: 'num', cell: (c) => formatCents(c.balanceCents) },
            { header: 'Allowable', className: 'num', cell: (c) => formatCents(c.allowableCents) },
            {
              header: 'First write-off date',
              className: 'nowrap',
              cell: (c) => (c.firstWriteOffDate ? formatShortDate(c.firstWriteOffDate) : DASH),
            },
            {
              header: 'Where it stands',
              className: 'prose-cell',
              cell: (c) => (
                <span id={`bd-why-${c.accountId}`}>
                  {c.writeOffStatus
                    ? `A write-off is already ${WRITE_OFF_STATUS_LABELS[c.writeOffStatus].toLowerCase()}. `
                    : ''}
                  {plainSummary(c.summary)}
                </span>
              ),
            },
            { header: 'Write-off', cell: (c) => (c.writeOffStatus ? statusBadge(c.writeOffStatus) : DASH) },
          ]}
        />
      )}
      {rows.some(choosable) && (
        <div className="actions start">
          <button type="button" onClick={() => setChosen(new Set(rows.filter(choosable).map((c) => c.accountId)))}>
            Choose every account listed
          </button>
          <button type="button" disabled={chosenRows.length === 0} onClick={() => setChosen(new Set())}>
            Clear the choice
          </button>
        </div>
      )}
      <h3>Propose the chosen accounts</h3>
      <ProposeForm
        chosen={chosenRows}
        onDone={(m) => {
          setChosen(new Set());
          onNotice(m);
        }}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Approvals and write-offs

function ApproveDialog({
  chosen,
  onClose,
  onDone,
}: {
  chosen: WriteOffView[];
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const ids = chosen.map((w) => w.id);
  const today = useWorkspace((s) => s.status?.today ?? '');
  const decide = useChannelMutation('badDebt:decide');
  const form = useSchemaForm(approveForm(today), { writtenOffOn: today, note: '' });
  return (
    <DialogForm
      title={`Approve ${plural(ids.length, 'write-off', 'write-offs')}`}
      form={form}
      fields={['writtenOffOn', 'note']}
      submitLabel="Approve and write off"
      onClose={onClose}
      onSubmit={async ({ writtenOffOn, note }) => {
        const done = await decide.mutateAsync({ writeOffIds: ids, decision: 'approve', writtenOffOn, note });
        onDone(
          `${plural(done.length, 'account', 'accounts')} written off as Medicare bad debt on ${formatLongDate(writtenOffOn)} (${formatCents(done.reduce((t, w) => t + w.amountCents, 0))}).`,
        );
      }}
    >
      <p className="muted">
        Each account&rsquo;s clock is checked again on the write-off date; a bad-debt entry posts to each (never a
        contractual adjustment). All or none are written off.
      </p>
      <ul className="approve-chosen" aria-label="The write-offs to approve">
        {chosen.map((w) => (
          <li key={w.id}>
            Account {w.accountNumber}, {w.patientName}: {formatCents(w.amountCents)}
          </li>
        ))}
      </ul>
      <p>
        <strong>
          Total: {formatCents(chosen.reduce((t, w) => t + w.amountCents, 0))} on{' '}
          {plural(chosen.length, 'account', 'accounts')}
        </strong>
      </p>
      <div className="form-grid">
        <TextField
          name="writtenOffOn"
          label="Medicare write-off date"
          type="date"
          max={today}
          className="span-3"
          hint="Column 17 of the listing."
        />
        <TextAreaField name="note" label="Note (optional)" rows={2} className="span-6" />
      </div>
    </DialogForm>
  );
}

function RejectDialog({ ids, onClose, onDone }: { ids: number[]; onClose: () => void; onDone: (m: string) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const decide = useChannelMutation('badDebt:decide');
  const form = useSchemaForm(rejectForm, { note: '' });
  return (
    <DialogForm
      title={`Reject ${plural(ids.length, 'proposal', 'proposals')}`}
      form={form}
      fields={['note']}
      submitLabel="Reject"
      danger
      onClose={onClose}
      onSubmit={async ({ note }) => {
        const done = await decide.mutateAsync({ writeOffIds: ids, decision: 'reject', writtenOffOn: today, note });
        onDone(`${plural(done.length, 'proposal', 'proposals')} rejected.`);
      }}
    >
      <TextAreaField name="note" label="Why it is rejected" rows={3} />
    </DialogForm>
  );
}

function ReverseDialog({ w, onClose, onDone }: { w: WriteOffView; onClose: () => void; onDone: (m: string) => void }) {
  const reverse = useChannelMutation('badDebt:reverse');
  const form = useSchemaForm(reverseForm, { reason: '' });
  return (
    <DialogForm
      title={`Reverse the write-off of account ${w.accountNumber}`}
      form={form}
      fields={['reason']}
      submitLabel="Reverse the write-off"
      danger
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        await reverse.mutateAsync({ writeOffId: w.id, reason });
        onDone(`The write-off of account ${w.accountNumber} is reversed; ${formatCents(w.amountCents)} is owed again.`);
      }}
    >
      <p className="muted">
        The bad-debt entry of {formatCents(w.amountCents)} is reversed in the ledger. A listing already exported keeps
        the line; its reconciliation shows the reversal.
      </p>
      <TextAreaField name="reason" label="Reason" rows={3} />
    </DialogForm>
  );
}

const writeOffColumns = [
  { header: 'Account', rowHeader: true, cell: (w: WriteOffView) => accountLink(w) },
  { header: 'Patient', cell: (w: WriteOffView) => w.patientName },
  { header: 'Status', cell: (w: WriteOffView) => statusBadge(w.status) },
  { header: 'Effort ceased', className: 'nowrap', cell: (w: WriteOffView) => formatShortDate(w.ceasedOn) },
  { header: 'Deductible', className: 'num', cell: (w: WriteOffView) => formatCents(w.deductibleCents) },
  { header: 'Coinsurance', className: 'num', cell: (w: WriteOffView) => formatCents(w.coinsuranceCents) },
  { header: 'Paid before', className: 'num', cell: (w: WriteOffView) => formatCents(w.paidPriorCents) },
  { header: 'Amount', className: 'num', cell: (w: WriteOffView) => formatCents(w.amountCents) },
];

/** When, who and why on separate lines; words wrap whole (never cut mid-word). */
function DecisionText({ at, by, note }: { at: string; by: string | null; note: string }) {
  return (
    <>
      <span className="decision-line">{formatInstant(at)}</span>
      {by && <span className="decision-line">by {by}</span>}
      {note && <span className="decision-note">{note}</span>}
    </>
  );
}

type Decision =
  { kind: 'approve' | 'reject'; ids: number[]; chosen: WriteOffView[] } | { kind: 'reverse'; w: WriteOffView } | null;

function Approvals({ onNotice }: { onNotice: (m: string) => void }) {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const supervisor = roleAtLeast(role, 'supervisor');
  const list = useChannelQuery('badDebt:proposals', { status: 'proposed' });
  const rows = list.value ?? [];
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [open, setOpen] = useState<Decision>(null);
  const chosenRows = rows.filter((w) => chosen.has(w.id));
  const ids = chosenRows.map((w) => w.id);
  // After a decision the Approve button is disabled or gone: the focus goes to the table of
  // approvals (WCAG 2.4.3), not the page's heading.
  const tableArea = useRef<HTMLDivElement>(null);
  // Focused once the list has been read again after the decision (a focus given before the redraw
  // that follows it could be lost with it).
  const focusAfter = useRef(false);
  useEffect(() => {
    if (!focusAfter.current || list.loading) return;
    focusAfter.current = false;
    requestAnimationFrame(() => tableArea.current?.focus());
  }, [list.loading, list.value]);
  const done = (m: string) => {
    setOpen(null);
    setChosen(new Set());
    onNotice(m);
    focusAfter.current = true;
    requestAnimationFrame(() => tableArea.current?.focus());
  };
  return (
    <div>
      {!supervisor && (
        <p className="note" role="note">
          A supervisor approves or rejects proposed write-offs. You can see them here.
        </p>
      )}
      <FormAlert message={list.error} />
      {/* A stable, named place for the focus: the table inside is redrawn when the list changes. */}
      <div ref={tableArea} role="region" aria-label="Proposals waiting for approval" tabIndex={-1}>
        {list.value && (
          <DataTable
            caption="Write-offs waiting for approval"
            showCaption
            rows={rows}
            rowKey={(w) => w.id}
            stale={list.loading}
            empty="No write-off is waiting for approval."
            columns={[
              ...(supervisor
                ? [
                    {
                      header: 'Choose',
                      cell: (w: WriteOffView) => (
                        <input
                          type="checkbox"
                          aria-label={`Choose the proposal for account ${w.accountNumber}`}
                          checked={chosen.has(w.id)}
                          onChange={(e) =>
                            setChosen((s) => {
                              const n = new Set(s);
                              if (e.target.checked) n.add(w.id);
                              else n.delete(w.id);
                              return n;
                            })
                          }
                        />
                      ),
                    },
                  ]
                : []),
              ...writeOffColumns,
              {
                header: 'Proposed',
                className: 'wrap',
                cell: (w) =>
                  `${formatInstant(w.proposedAt)}${w.proposedBy ? ` by ${w.proposedBy}` : ''}${w.proposedNote ? `: ${w.proposedNote}` : ''}`,
              },
            ]}
          />
        )}
      </div>
      {supervisor && rows.length > 0 && (
        <div className="actions start">
          <button type="button" onClick={() => setChosen(new Set(rows.map((w) => w.id)))}>
            Choose every proposal
          </button>
          <button
            type="button"
            className="primary"
            disabled={ids.length === 0}
            onClick={() => setOpen({ kind: 'approve', ids, chosen: chosenRows })}
          >
            Approve…
          </button>
          <button
            type="button"
            disabled={ids.length === 0}
            onClick={() => setOpen({ kind: 'reject', ids, chosen: chosenRows })}
          >
            Reject…
          </button>
        </div>
      )}
      {open?.kind === 'approve' && <ApproveDialog chosen={open.chosen} onClose={() => setOpen(null)} onDone={done} />}
      {open?.kind === 'reject' && <RejectDialog ids={open.ids} onClose={() => setOpen(null)} onDone={done} />}
    </div>
  );
}

function WriteOffs({ onNotice }: { onNotice: (m: string) => void }) {
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const supervisor = roleAtLeast(role, 'supervisor');
  const list = useChannelQuery('badDebt:proposals', { status: 'all' });
  const rows = (list.value ?? []).filter((w) => w.status !== 'proposed');
  const [open, setOpen] = useState<WriteOffView | null>(null);
  return (
    <div>
      <FormAlert message={list.error} />
      {list.value && (
        <DataTable
          caption="Write-offs decided"
          showCaption
          rows={rows}
          rowKey={(w) => w.id}
          stale={list.loading}
          virtual={rows.length > 100}
          scrollClassName="register-scroll"
          empty="No write-off has been decided yet."
          columns={[
            ...writeOffColumns,
            {
              header: 'Written off',
              className: 'nowrap',
              cell: (w) => (w.writtenOffOn ? formatShortDate(w.writtenOffOn) : DASH),
            },
            {
              header: 'Decided',
              className: 'decision-cell',
              cell: (w) =>
                w.decidedAt ? <DecisionText at={w.decidedAt} by={w.decidedBy} note={w.decisionNote} /> : DASH,
            },
            {
              header: 'Reversed',
              className: 'decision-cell',
              cell: (w) =>
                w.reversedAt ? <DecisionText at={w.reversedAt} by={w.reversedBy} note={w.reversalReason} /> : DASH,
            },
            ...(supervisor
              ? [
                  {
                    header: 'Actions',
                    headerHidden: true,
                    className: 'row-actions',
                    cell: (w: WriteOffView) =>
                      w.status === 'approved' ? (
                        <button
                          type="button"
                          className="small"
                          aria-label={`Reverse the write-off of account ${w.accountNumber}`}
                          onClick={() => setOpen(w)}
                        >
                          Reverse…
                        </button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      {open && (
        <ReverseDialog
          w={open}
          onClose={() => setOpen(null)}
          onDone={(m) => {
            setOpen(null);
            onNotice(m);
          }}
        />
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The listing (Exhibit 2A)

const yn = (b: boolean) => (b ? 'Y' : 'N');
const d = (x: string | null) => (x ? formatShortDate(x) : '');

/** The 24 columns as the listing shows them, in Exhibit 2A's order. */
const LISTING_CELLS: Record<(typeof EXHIBIT_2A_COLUMNS)[number][0], (l: ListingLine) => string> = {
  '1': (l) => l.lastName,
  '2': (l) => l.firstName,
  '3': (l) => d(l.serviceFrom),
  '4': (l) => d(l.serviceTo),
  '5': (l) => l.accountNumber,
  '6': (l) => l.mbi,
  '7': (l) => l.medicaidNumber,
  '8': (l) => yn(l.indigentNonDual),
  '9': (l) => d(l.medicareRaDate),
  '10': (l) => (l.medicaidRaDate === 'AD' ? 'AD' : d(l.medicaidRaDate)),
  '11': (l) => d(l.secondaryRaDate),
  '12': (l) => (l.qmb ? 'QMB' : formatCents(l.beneficiaryResponsibilityCents)),
  '13': (l) => d(l.firstBillDate),
  '14': (l) => d(l.arWriteOffDate),
  '15a': (l) => yn(l.sentToAgency),
  '15': (l) => d(l.agencyReturnDate),
  '16': (l) => d(l.ceasedOn),
  '17': (l) => d(l.medicareWriteOffDate),
  '18': (l) => formatCents(l.recoveriesCents),
  '19': (l) => d(l.recoveryFye),
  '20': (l) => formatCents(l.deductibleCents),
  '21': (l) => formatCents(l.coinsuranceCents),
  '22': (l) => formatCents(l.paidPriorCents),
  '23': (l) => formatCents(l.allowableCents),
  '24': (l) => l.comments,
};
const MONEY_COLUMNS = new Set(['12', '18', '20', '21', '22', '23']);

function Listing({ onNotice }: { onNotice: (m: string) => void }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const settings = useChannelQuery('settings:get', {});
  const policy = settings.value?.badDebt;
  const period = policy ? costReportPeriod(today, policy.fiscalYearEnd) : null;
  const [ccn, setCcn] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [setting, setSetting] = useState<'inpatient' | 'outpatient'>('inpatient');
  const [preparer, setPreparer] = useState('');
  const [busy, setBusy] = useState<ListingFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const values = {
    ccn: ccn ?? policy?.ccn ?? '',
    periodFrom: from ?? period?.from ?? '',
    periodTo: to ?? period?.to ?? '',
    setting,
  };
  const checked = listingInput.safeParse(values);
  const input = checked.success ? checked.data : null;
  const listing = useChannelQuery(
    'badDebt:listing',
    input ?? { ccn: '000000', periodFrom: today, periodTo: today, setting },
    {
      enabled: input !== null,
    },
  );
  const records = useChannelQuery('badDebt:listings', {});
  const exportListing = useChannelMutation('badDebt:exportListing');
  const v = input ? listing.value : undefined;
  const problem = !policy
    ? null
    : values.ccn === ''
      ? 'Set the hospital’s CCN in Settings, Medicare bad debt, or enter it here.'
      : !checked.success
        ? (checked.error.issues[0]?.message ?? 'Give the CCN and the period.')
        : null;

  const doExport = async (format: ListingFormat) => {
    setExportError(null);
    const parsed = exportListingInput.safeParse({ ...values, format, preparer });
    if (!parsed.success) {
      setExportError(parsed.error.issues[0]?.message ?? 'Check the listing’s fields.');
      return;
    }
    setBusy(format);
    try {
      const file: FileHandle = await exportListing.mutateAsync(parsed.data);
      await saveFile(file);
      onNotice(`The listing was exported as ${format === 'xlsx' ? 'Excel' : format.toUpperCase()}.`);
    } catch (e) {
      setExportError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const blocked = !v || v.problems.length > 0;

  return (
    <div>
      <p className="muted">
        The Medicare bad-debt listing for the cost report (Exhibit 2A of CMS Pub. 15-2, chapter 40): one line per
        account written off in the period, and recoveries of earlier write-offs. Inpatient and outpatient are listed
        apart.
      </p>
      <div className="bad-debt-filters">
        <div className="field">
          <label htmlFor="bd-ccn">CCN</label>
          <input
            id="bd-ccn"
            type="text"
            value={values.ccn}
            maxLength={6}
            autoComplete="off"
            onChange={(e) => setCcn(e.target.value.toUpperCase())}
          />
        </div>
        <div className="field">
          <label htmlFor="bd-from">Period from</label>
          <input id="bd-from" type="date" value={values.periodFrom} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="bd-to">Period to</label>
          <input id="bd-to" type="date" value={values.periodTo} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="bd-listing-setting">Setting</label>
          <select
            id="bd-listing-setting"
            value={setting}
            onChange={(e) => setSetting(e.target.value as 'inpatient' | 'outpatient')}
          >
            <option value="inpatient">Inpatient</option>
            <option value="outpatient">Outpatient</option>
          </select>
        </div>
      </div>
      {period && (
        <p className="muted">
          The current cost-reporting period runs {formatLongDate(period.from)} to {formatLongDate(period.to)} (fiscal
          year end {policy?.fiscalYearEnd} in Settings).
        </p>
      )}
      {problem && <p className="field-error">{problem}</p>}
      <FormAlert message={settings.error ?? (input ? listing.error : null)} />
      {v && (
        <>
          <h3>The listing&rsquo;s header</h3>
          <dl className="facts listing-header">
            <dt>Provider</dt>
            <dd>{v.header.providerName}</dd>
            <dt>CCN</dt>
            <dd>{v.header.ccn}</dd>
            <dt>Subprovider CCN</dt>
            <dd>{v.header.subproviderCcn || DASH}</dd>
            <dt>Period</dt>
            <dd>
              {formatLongDate(v.header.periodFrom)} to {formatLongDate(v.header.periodTo)}
            </dd>
            <dt>Setting</dt>
            <dd>{SETTING_LABELS[v.header.setting]}</dd>
            <dt>Lines</dt>
            <dd>{v.lines.length.toLocaleString('en-US')}</dd>
            <dt>Total allowable bad debt</dt>
            <dd>{formatCents(v.header.totalAllowableCents)}</dd>
            <dt>Of which dual-eligible</dt>
            <dd>{formatCents(v.header.totalDualCents)}</dd>
          </dl>

          <h3>Checks</h3>
          {v.problems.length === 0 ? (
            <p className="reconciliation-ok">Every line passes the reviewer&rsquo;s checks.</p>
          ) : (
            <>
              <p className="form-alert" role="alert">
                {plural(v.problems.length, 'problem', 'problems')} in the listing: it cannot be exported until each is
                put right.
              </p>
              <DataTable
                caption="Problems in the listing"
                showCaption
                rows={v.problems}
                rowKey={(p, i) => `${p.line}-${p.column}-${i}`}
                empty="No problems."
                columns={[
                  { header: 'Line', className: 'num', cell: (p) => p.line },
                  { header: 'Column', className: 'nowrap', cell: (p) => p.column },
                  { header: 'Problem', className: 'prose-cell', cell: (p) => p.message },
                ]}
              />
            </>
          )}

          <h3>Reconciliation to the ledger</h3>
          <p className={v.reconciliation.agrees ? 'reconciliation-ok' : 'reconciliation-bad'}>
            {v.reconciliation.agrees
              ? 'The listing agrees with the ledger.'
              : `The listing does not agree with the ledger: it differs by ${formatCents(v.reconciliation.listingCents - v.reconciliation.ledgerNetCents)}.`}
          </p>
          <dl className="facts">
            <dt>Bad-debt write-offs in the ledger</dt>
            <dd>{formatCents(v.reconciliation.ledgerWriteOffCents)}</dd>
            <dt>Less recoveries received</dt>
            <dd>{formatCents(v.reconciliation.ledgerRecoveriesCents)}</dd>
            <dt>Net in the ledger</dt>
            <dd>{formatCents(v.reconciliation.ledgerNetCents)}</dd>
            <dt>Column 23 of the listing</dt>
            <dd>{formatCents(v.reconciliation.listingCents)}</dd>
            <dt>Expected reimbursement (BD-13)</dt>
            <dd>
              {formatCents(v.expectedReimbursementCents)} ({v.paymentRatePercent}% of the total, before any cap)
            </dd>
          </dl>

          <h3>Lines</h3>
          <DataTable
            caption={`Exhibit 2A listing, ${SETTING_LABELS[v.header.setting].toLowerCase()}, ${formatShortDate(v.header.periodFrom)} to ${formatShortDate(v.header.periodTo)}`}
            showCaption
            rows={v.lines}
            rowKey={(l) => l.line}
            stale={listing.loading}
            virtual={v.lines.length > 100}
            scrollClassName="listing-scroll"
            empty="No account was written off in this period."
            columns={[
              { header: 'Line', className: 'num', cell: (l) => l.line },
              ...EXHIBIT_2A_COLUMNS.map(([col, heading]) => ({
                header: `${col}. ${heading}`,
                rowHeader: col === '5',
                className: MONEY_COLUMNS.has(col) ? 'num' : col === '24' ? 'prose-cell' : 'nowrap',
                cell: (l: ListingLine) => LISTING_CELLS[col](l) || DASH,
              })),
            ]}
          />

          <h3>Export</h3>
          <div className="bad-debt-filters">
            <div className="field">
              <label htmlFor="bd-preparer">Prepared by</label>
              <input
                id="bd-preparer"
                type="text"
                value={preparer}
                autoComplete="name"
                onChange={(e) => setPreparer(e.target.value)}
              />
            </div>
            <div className="actions">
              {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
                <button key={f} type="button" disabled={blocked || busy !== null} onClick={() => void doExport(f)}>
                  {busy === f
                    ? 'Preparing…'
                    : f === 'pdf'
                      ? 'Export PDF'
                      : f === 'xlsx'
                        ? 'Export Excel'
                        : 'Export CSV'}
                </button>
              ))}
            </div>
          </div>
          {v.problems.length > 0 && <p className="muted">Exports wait until the problems above are put right.</p>}
          <FormAlert message={exportError} />
        </>
      )}

      <h3>Listings exported</h3>
      <FormAlert message={records.error} />
      {records.value && (
        <DataTable
          caption="Listings exported"
          rows={records.value}
          rowKey={(r) => r.id}
          empty="No listing has been exported yet."
          columns={[
            { header: 'Exported', className: 'nowrap', cell: (r) => formatInstant(r.exportedAt) },
            { header: 'CCN', rowHeader: true, className: 'mono', cell: (r) => r.ccn },
            {
              header: 'Period',
              className: 'nowrap',
              cell: (r) => `${formatShortDate(r.periodFrom)} to ${formatShortDate(r.periodTo)}`,
            },
            { header: 'Setting', cell: (r) => SETTING_LABELS[r.setting] },
            { header: 'Format', cell: (r) => (r.format === 'xlsx' ? 'Excel' : r.format.toUpperCase()) },
            { header: 'Lines', className: 'num', cell: (r) => r.lines.toLocaleString('en-US') },
            { header: 'Total allowable', className: 'num', cell: (r) => formatCents(r.totalAllowableCents) },
            { header: 'Prepared by', cell: (r) => r.preparedBy },
            { header: 'Fingerprint (SHA-256)', className: 'mono wrap', cell: (r) => r.sha256.slice(0, 16) },
          ]}
        />
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Collection-effort evidence (BD-06)

function Evidence() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const [from, setFrom] = useState(addDays(today, -364));
  const [to, setTo] = useState(today);
  const [pdf, setPdf] = useState<FileHandle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const print = async () => {
    setError(null);
    const parsed = effortEvidenceInput.safeParse({ periodFrom: from, periodTo: to });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Give the period.');
      return;
    }
    setBusy(true);
    try {
      setPdf(await call('badDebt:effortEvidence', parsed.data));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <p className="muted">
        The evidence an auditor asks for (BD-06): over a period, the statements, letters, calls and placements of
        Medicare and of other accounts side by side, showing the same collection effort for both.
      </p>
      <div className="bad-debt-filters">
        <div className="field">
          <label htmlFor="bd-ev-from">Period from</label>
          <input id="bd-ev-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="bd-ev-to">Period to</label>
          <input id="bd-ev-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="actions">
          <button ref={opener} type="button" className="primary" disabled={busy} onClick={() => void print()}>
            {busy ? 'Preparing…' : 'Print the evidence'}
          </button>
        </div>
      </div>
      <FormAlert message={error} />
      {pdf && (
        <PdfViewer
          file={pdf}
          onClose={() => {
            setPdf(null);
            opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}

export function BadDebt() {
  const [tab, setTab] = useState<Tab>('candidates');
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="bad-debt">
      <h1>Medicare bad debt</h1>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <Tabs tab={tab} onTab={setTab} />
      <div role="tabpanel" id={`bd-panel-${tab}`} aria-labelledby={`bd-tab-${tab}`} className="ws-section">
        <h2>{TABS.find(([k]) => k === tab)![1]}</h2>
        {tab === 'candidates' && <Candidates onNotice={setNotice} />}
        {tab === 'approvals' && <Approvals onNotice={setNotice} />}
        {tab === 'writeOffs' && <WriteOffs onNotice={setNotice} />}
        {tab === 'listing' && <Listing onNotice={setNotice} />}
        {tab === 'evidence' && <Evidence />}
      </div>
    </section>
  );
}
