// What the estates screens share: a status as a badge, the days left to a date in words, the
// reminder line, and the deadline with the dates weighed and the rule that produced it (PR-01/PR-02).
import { daysBetween, formatLongDate, formatShortDate, type BusinessDate } from '../../../../shared/dates';
import { ESTATE_STATUS_LABELS, OPEN_ESTATE_STATUSES, type EstateStatus } from '../../../../shared/rules/estates';
import type { EstateDetail } from '../../../../shared/schemas/estates';
import { DataTable } from '../../components/DataTable';

export const DASH = <span className="muted">—</span>;

export const OPEN_ESTATE: ReadonlySet<EstateStatus> = new Set(OPEN_ESTATE_STATUSES);

const STATUS_TONE: Record<EstateStatus, string> = {
  watching: 'warn',
  referred: 'warn',
  filed: 'info',
  allowed: 'ok',
  disallowed: 'bad',
  paid_part: 'ok',
  paid: 'ok',
  closed_nothing: '',
  withdrawn: '',
};

export function EstateStatusBadge({ status }: { status: EstateStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`}>{ESTATE_STATUS_LABELS[status]}</span>;
}

/** "12 days left", "due today", "3 days ago". */
export function daysLeftText(today: BusinessDate, due: BusinessDate): string {
  const n = daysBetween(today, due);
  if (n === 0) return 'Due today';
  if (n > 0) return n === 1 ? '1 day left' : `${n} days left`;
  return n === -1 ? 'Passed 1 day ago' : `Passed ${-n} days ago`;
}

/** The days left as a badge: red within the last week or past, amber within a month. */
export function DaysLeft({ today, due }: { today: BusinessDate; due: BusinessDate }) {
  const n = daysBetween(today, due);
  const tone = n <= 7 ? 'bad' : n <= 30 ? 'warn' : '';
  return <span className={`badge ${tone}`}>{daysLeftText(today, due)}</span>;
}

/** The claim deadline: the date, the sentence that explains it, and every date weighed. */
export function DeadlineExplained({ detail: d, today }: { detail: EstateDetail; today: BusinessDate }) {
  const info = d.deadlineInfo;
  const filed = d.filedOn !== null;
  return (
    <>
      <p className="estate-deadline">
        <span className="estate-deadline-date">{formatLongDate(info.deadline)}</span>{' '}
        {filed ? (
          <span className="badge ok">Claim filed {formatShortDate(d.filedOn!)}</span>
        ) : OPEN_ESTATE.has(d.status) ? (
          <DaysLeft today={today} due={info.deadline} />
        ) : null}
      </p>
      <p className="prose">{info.explanation}</p>
      <DataTable
        caption="The dates weighed for the claim deadline"
        showCaption
        rows={info.lines}
        rowKey={(l) => `${l.rule}-${l.date}-${l.label}`}
        empty="No date was weighed."
        columns={[
          { header: 'Date', rowHeader: true, className: 'nowrap', cell: (l) => formatShortDate(l.date) },
          {
            header: 'What it is',
            className: 'prose-cell',
            cell: (l) => (
              <>
                {l.label}
                {l.date === info.deadline && (
                  <>
                    {' '}
                    <span className="badge info">The deadline</span>
                  </>
                )}
              </>
            ),
          },
          { header: 'Rule', className: 'nowrap', cell: (l) => l.rule },
        ]}
      />
      <p className="muted">
        The probate table’s row: {info.rule.state === '*' ? 'the Uniform Probate Code’s default' : info.rule.state}, in
        force from {formatShortDate(info.rule.effectiveFrom)}
        {info.rule.source ? ` (${info.rule.source})` : ''}.
      </p>
    </>
  );
}
