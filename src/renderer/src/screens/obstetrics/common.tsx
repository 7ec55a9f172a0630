// Pieces the obstetrics screens share (issue 17, PP-04): the case's status, the estimate's
// arithmetic one sentence per step (the same steps the agreement and the OB statement print), the
// schedule with the last allowed date and why, and each installment's state. Every figure comes from
// main (ob:estimate, ob:case): nothing is worked out here.
import { formatLongDate, formatShortDate, type BusinessDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import {
  DELIVERY_KIND_LABELS,
  type EstimateStep,
  type InstallmentState,
  type ObEstimate,
  type ObInstallment,
} from '../../../../shared/rules/obstetrics';
import { OB_STATUS_LABELS, type ObStatus } from '../../../../shared/schemas/obstetrics';
import { DataTable } from '../../components/DataTable';
import { PLACES } from '../../routes';

export const DASH = '—';

const STATUS_TONE: Record<ObStatus, string> = {
  awaiting_signature: 'warn',
  active: 'ok',
  delivered: 'ok',
  closed: '',
  cancelled: 'bad',
};

export function ObStatusBadge({ status }: { status: ObStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`.trim()}>{OB_STATUS_LABELS[status]}</span>;
}

export const INSTALLMENT_STATE_LABELS: Record<InstallmentState, string> = {
  paid: 'Paid',
  part_paid: 'Part paid',
  past_due: 'Past due',
  due: 'Due',
};

export function InstallmentBadge({ state }: { state: InstallmentState }) {
  const tone = state === 'paid' ? 'ok' : state === 'past_due' ? 'warn' : '';
  return <span className={`badge ${tone}`.trim()}>{INSTALLMENT_STATE_LABELS[state]}</span>;
}

function percent(bp: number): string {
  return `${(bp / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
}

/** One step of the estimate, as the clerk reads it to the patient. */
export function stepSentence(s: EstimateStep): string {
  switch (s.step) {
    case 'charges':
      return `The hospital's expected charges for a ${DELIVERY_KIND_LABELS[s.kind].toLowerCase()} are ${formatCents(s.cents)}.`;
    case 'allowed':
      return `${s.payerName || 'The payer'} allows ${formatCents(s.cents)} for the delivery: the estimate starts from that amount.`;
    case 'plan_year_ends':
      return `The plan year ends on ${formatLongDate(s.planYearEnd)}, before the expected delivery on ${formatLongDate(s.expectedDelivery)}: the new year's full deductible of ${formatCents(s.deductibleCents)} and out-of-pocket maximum of ${formatCents(s.oopCents)} apply.`;
    case 'deductible':
      return `Deductible: ${formatCents(s.cents)} (${formatCents(s.remainingCents)} of the deductible is left to meet).`;
    case 'coinsurance':
      return `Coinsurance: ${percent(s.bp)} of the remaining ${formatCents(s.onCents)} is ${formatCents(s.cents)}.`;
    case 'copay':
      return `Copay for the delivery: ${formatCents(s.cents)}.`;
    case 'oop_cap':
      return `That would be ${formatCents(s.beforeCents)}, but the out-of-pocket maximum caps her share at ${formatCents(s.cents)}.`;
    case 'self_pay_discount':
      return `Self-pay discount of ${percent(s.bp)}: less ${formatCents(s.cents)}.`;
    case 'assistance':
      return `Financial assistance already granted (${percent(s.bp)}): less ${formatCents(s.cents)}.`;
    case 'share':
      return `Her estimated share: ${formatCents(s.cents)}.`;
  }
}

/** The estimate's arithmetic, every step in a sentence. */
export function EstimateLines({ estimate, title = 'The estimate' }: { estimate: ObEstimate; title?: string }) {
  return (
    <div className="ob-estimate">
      <h3>{title}</h3>
      <p>
        Her estimated share: <strong>{formatCents(estimate.shareCents)}</strong>
      </p>
      <ol aria-label="How the estimate is worked out">
        {estimate.steps.map((s, i) => (
          <li key={`${s.step}-${i}`}>{stepSentence(s)}</li>
        ))}
      </ol>
    </div>
  );
}

/** The schedule: each due date and amount, the last allowed date and why (PP-04). */
export function ScheduleLines({
  installments,
  lastAllowed,
  daysBefore,
  expectedDelivery,
  heldCents,
  scheduledCents,
  emptyReason,
}: {
  installments: readonly ObInstallment[];
  lastAllowed: BusinessDate;
  daysBefore: number;
  expectedDelivery: BusinessDate;
  heldCents: number;
  scheduledCents: number;
  emptyReason: 'nothing_due' | 'too_near' | null;
}) {
  return (
    <div className="ob-schedule">
      <h3>The schedule</h3>
      <p>
        Every payment falls due by <strong>{formatLongDate(lastAllowed)}</strong>: {daysBefore} days before the expected
        delivery on {formatLongDate(expectedDelivery)} (PP-04: the schedule ends before delivery).
        {heldCents > 0 && ` ${formatCents(heldCents)} already received counts toward the estimate.`}
      </p>
      {emptyReason === 'nothing_due' && <p>Nothing is to be paid before delivery.</p>}
      {emptyReason === 'too_near' && (
        <p>
          The last allowed date has passed: nothing is scheduled before delivery; her share is settled after the payer
          decides (the true-up).
        </p>
      )}
      {installments.length > 0 && (
        <>
          <p>
            {installments.length === 1
              ? `One payment of ${formatCents(installments[0]!.amountCents)}`
              : `${installments.length} monthly payments`}{' '}
            to collect {formatCents(scheduledCents)}:
          </p>
          <ol className="ob-due-list" aria-label="Each payment">
            {installments.map((i) => (
              <li key={i.seq}>
                {formatCents(i.amountCents)} due {formatLongDate(i.dueDate)}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** The schedule against the deposits: each installment's state. */
export function ProgressTable({
  items,
  caption = 'The schedule, payment by payment',
}: {
  items: readonly (ObInstallment & { coveredCents: number; state: InstallmentState })[];
  caption?: string;
}) {
  return (
    <DataTable
      caption={caption}
      showCaption
      rows={items}
      rowKey={(i) => i.seq}
      empty="Nothing is scheduled before delivery."
      columns={[
        { header: 'Payment', rowHeader: true, cell: (i) => `${i.seq}` },
        { header: 'Due', className: 'nowrap', cell: (i) => formatShortDate(i.dueDate) },
        { header: 'Amount', className: 'num', cell: (i) => formatCents(i.amountCents) },
        { header: 'Received toward it', className: 'num', cell: (i) => formatCents(i.coveredCents) },
        { header: 'State', cell: (i) => <InstallmentBadge state={i.state} /> },
      ]}
    />
  );
}

export function obCaseHref(caseId: number): string {
  return `#${PLACES.obstetrics.path}/${caseId}`;
}

export function interviewHref(guarantorId?: number): string {
  return `#${PLACES.obstetrics.path}/new${guarantorId ? `/${guarantorId}` : ''}`;
}

/** Opens the interview (for a guarantor already known, or for a new patient). */
export function openInterview(guarantorId?: number): void {
  window.location.hash = interviewHref(guarantorId).slice(1);
}
