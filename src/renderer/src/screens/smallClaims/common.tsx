// What the small-claims screens share: the check's lines as a table (pass / fail / wait, what was
// found, the rule), the economics of a suit, a case's status as a badge, and the case list's columns.
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { LineState, SuitDecision } from '../../../../shared/rules/smallClaims';
import { CASE_STATUS_LABELS, type CaseStatus, type CaseSummary } from '../../../../shared/schemas/smallClaims';
import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import { caseHref } from '../../routes';

export const DASH = <span className="muted">—</span>;

const LINE_WORDS: Record<LineState, { text: string; tone: string }> = {
  pass: { text: 'Pass', tone: 'ok' },
  fail: { text: 'Fail', tone: 'bad' },
  wait: { text: 'Wait', tone: 'warn' },
};

export function LineBadge({ state }: { state: LineState }) {
  return <span className={`badge ${LINE_WORDS[state].tone}`}>{LINE_WORDS[state].text}</span>;
}

const STATUS_TONE: Record<CaseStatus, string> = {
  open: '',
  demand_sent: 'warn',
  filed: 'warn',
  served: 'warn',
  judgment: 'ok',
  satisfied: 'ok',
  dismissed: '',
  withdrawn: '',
  lost: 'bad',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`}>{CASE_STATUS_LABELS[status]}</span>;
}

/** The answer in one sentence: file today, prepare now and file from a date, or not. */
export function verdict(d: SuitDecision): string {
  if (d.canFile) return 'Yes: every check passes, and the suit may be filed today.';
  if (d.canPrepare)
    return `Prepare now, file later: every check passes but the 501(r) waiting period${
      d.ecaAllowedFrom ? `, which ends on ${formatLongDate(d.ecaAllowedFrom)}` : ''
    }. Open the case and send the demand letter; the filing waits for that date.`;
  const fails = d.lines.filter((l) => l.state === 'fail').map((l) => `“${l.label}”`);
  return `No: ${fails.length === 1 ? 'one check fails' : `${fails.length} checks fail`}: ${fails.join(', ')}. The lines below say why.`;
}

/** Every line of the check: what it checked, the answer, what it found, the rule it applies. */
export function DecisionLines({ decision, caption }: { decision: SuitDecision; caption: string }) {
  return (
    <DataTable
      caption={caption}
      rows={decision.lines}
      rowKey={(l) => l.key}
      empty="Nothing was checked."
      columns={[
        { header: 'Check', rowHeader: true, cell: (l) => l.label },
        { header: 'Answer', className: 'nowrap', cell: (l) => <LineBadge state={l.state} /> },
        { header: 'What was found', className: 'prose-cell', cell: (l) => l.detail },
        { header: 'Rule', cell: (l) => l.rule },
      ]}
    />
  );
}

/** Filing and service fees and the clerk's hours against the claim times the expected recovery. */
export function Economics({ decision }: { decision: SuitDecision }) {
  const e = decision.economics;
  if (!e) return <p className="muted">No economics without a court and something to claim.</p>;
  return (
    <dl className="facts">
      <dt>Claim</dt>
      <dd>
        {formatCents(e.claimCents)}
        {decision.waivedCents > 0 && (
          <span className="muted"> ({formatCents(decision.waivedCents)} over the limit waived)</span>
        )}
      </dd>
      <dt>Expected back</dt>
      <dd>{formatCents(e.expectedRecoveryCents)}</dd>
      <dt>Filing fee</dt>
      <dd>{formatCents(e.filingFeeCents)}</dd>
      <dt>Service fee</dt>
      <dd>{formatCents(e.serviceFeeCents)}</dd>
      <dt>The clerk’s time</dt>
      <dd>{formatCents(e.clerkCostCents)}</dd>
      <dt>Costs in all</dt>
      <dd>{formatCents(e.costCents)}</dd>
      <dt>Net expected</dt>
      <dd>
        <strong>{formatCents(e.netCents)}</strong>
      </dd>
      <dt>501(r): a suit allowed from</dt>
      <dd>{decision.ecaAllowedFrom ? formatLongDate(decision.ecaAllowedFrom) : 'Not while the gate refuses'}</dd>
      <dt>Last day to sue</dt>
      <dd>{decision.limitationLastDay ? formatLongDate(decision.limitationLastDay) : DASH}</dd>
    </dl>
  );
}

/** The columns of a list of cases (the cases list, the hearings of the week, a guarantor's cases). */
export function caseColumns(options: { guarantor: boolean; hearing?: boolean }): Column<CaseSummary>[] {
  return [
    {
      header: 'Case',
      rowHeader: true,
      className: 'nowrap',
      cell: (c) => (
        <>
          <a href={caseHref(c.caseId)}>Case #{c.caseId}</a>
          {c.caseNumber && <div className="muted mono">{c.caseNumber}</div>}
        </>
      ),
    },
    ...(options.guarantor ? [{ header: 'Defendant', cell: (c: CaseSummary) => c.guarantorName }] : []),
    ...(options.hearing
      ? [
          {
            header: 'Hearing',
            className: 'nowrap',
            cell: (c: CaseSummary) =>
              c.hearingOn ? `${formatShortDate(c.hearingOn)}${c.hearingTime ? ` ${c.hearingTime}` : ''}` : DASH,
          },
        ]
      : []),
    { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
    {
      header: 'Court',
      cell: (c) => (
        <>
          {c.courtName}
          <div className="muted">
            {c.county}, {c.state}
          </div>
        </>
      ),
    },
    { header: 'Claim', className: 'num', cell: (c) => formatCents(c.claimCents) },
    { header: 'Owed now', className: 'num', cell: (c) => formatCents(c.balanceCents) },
    { header: 'Next step', className: 'prose-cell', cell: (c) => c.next },
  ];
}

export function CaseTable({
  caption,
  rows,
  empty,
  stale,
  guarantor = true,
  hearing,
}: {
  caption: string;
  rows: readonly CaseSummary[];
  empty: string;
  stale?: boolean;
  guarantor?: boolean;
  hearing?: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(c) => c.caseId}
      stale={stale}
      empty={empty}
      columns={caseColumns({ guarantor, hearing })}
    />
  );
}
