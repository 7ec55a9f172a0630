// A plan's schedule (each payment, what was paid toward it, the missed ones marked) and its event
// history (set up, lapsed, current again, defaulted, re-scheduled ... with the reason and who).
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { InstallmentProgress } from '../../../../shared/rules/planProgress';
import { PLAN_STATUS_LABELS, type PlanEventView, type PlanStatus } from '../../../../shared/schemas/plans';

const EVENT_LABELS: Record<string, string> = {
  created: 'Set up',
  rescheduled: 'Re-scheduled',
  reaged: 'Re-aged (PP-03)',
  signed: 'Agreement signed',
  lapsed: 'Lapsed',
  current: 'Current again',
  defaulted: 'Defaulted',
  completed: 'Paid in full',
  cancelled: 'Cancelled',
};

const statusLabel = (s: string) => PLAN_STATUS_LABELS[s as PlanStatus] ?? s;

function PaymentState({ i, today }: { i: InstallmentProgress; today: string }) {
  if (i.missed) return <span className="badge bad">Missed</span>;
  if (i.paidCents >= i.amountCents) return <span className="badge ok">Paid</span>;
  if (i.paidCents > 0) return <span className="badge warn">Part paid</span>;
  if (i.dueDate <= today) return <span className="badge warn">Due</span>;
  return null;
}

export function ScheduleTable({
  installments,
  today,
  planId,
}: {
  installments: InstallmentProgress[];
  today: string;
  planId: number;
}) {
  return (
    <div className="table-scroll schedule-scroll" tabIndex={0} role="region" aria-label={`Payments of plan #${planId}`}>
      <table className="table compact">
        <caption className="visually-hidden">Payments of plan #{planId}</caption>
        <thead>
          <tr>
            <th scope="col">Payment</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col" className="num">
              Paid
            </th>
            <th scope="col">
              <span className="visually-hidden">State</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {installments.map((i) => (
            <tr key={i.number} className={i.missed ? 'missed' : undefined}>
              <td>{i.number === 0 ? 'Down payment' : i.number}</td>
              <td className="nowrap">{formatShortDate(i.dueDate)}</td>
              <td className="num">{formatCents(i.amountCents)}</td>
              <td className={i.paidCents === 0 ? 'num zero' : 'num'}>{formatCents(i.paidCents)}</td>
              <td>
                <PaymentState i={i} today={today} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EventTable({ events, planId }: { events: PlanEventView[]; planId: number }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`History of plan #${planId}`}>
      <table className="table compact plan-events">
        <caption className="visually-hidden">History of plan #{planId}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col">From → to</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatShortDate(e.onDate)}</td>
              <td className="nowrap">{EVENT_LABELS[e.kind] ?? e.kind}</td>
              <td className="nowrap">
                {e.fromStatus || e.toStatus ? (
                  [e.fromStatus, e.toStatus]
                    .filter(Boolean)
                    .map((s) => statusLabel(s!))
                    .join(' → ')
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="wrap">{e.reason}</td>
              <td>{e.by ?? <span className="muted">Daily check</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
