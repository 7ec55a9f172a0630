// Pieces the obstetrics screens share (issue 17, PP-04): the case's status, the estimate's
// arithmetic one sentence per step (the same steps the agreement and the OB statement print), the
// schedule with the last allowed date and why, and each installment's state. Every figure comes from
// main (ob:estimate, ob:case): nothing is worked out here.
import { formatLongDate, formatShortDate, type BusinessDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { DocumentLanguage } from '../../../../shared/rules/documentLanguage';
import { type InstallmentState, type ObEstimate, type ObInstallment } from '../../../../shared/rules/obstetrics';
import { OB_STATUS_LABELS, type ObStatus } from '../../../../shared/schemas/obstetrics';
import { estimateLines, installmentStateText, obEmtalaSentence } from '../../../../shared/wording/obTexts';
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

export function InstallmentBadge({ state }: { state: InstallmentState }) {
  const tone = state === 'paid' ? 'ok' : state === 'past_due' ? 'warn' : '';
  return <span className={`badge ${tone}`.trim()}>{installmentStateText('en', state)}</span>;
}

/** The EMTALA sentence (PP-04), plainly, on the interview and the case page; in Spanish beside it for a Spanish speaker. */
export function EmtalaNote({ language = 'en' }: { language?: DocumentLanguage }) {
  return (
    <div className="ob-emtala" role="note" aria-label="Her care never depends on payment">
      <p>{obEmtalaSentence('en')}</p>
      {language === 'es' && <p lang="es">{obEmtalaSentence('es')}</p>}
    </div>
  );
}

/** The estimate's arithmetic, every step in a sentence with its amount (the agreement's and the statement's words). */
export function EstimateLines({ estimate, title = 'The estimate' }: { estimate: ObEstimate; title?: string }) {
  return (
    <div className="ob-estimate">
      <h3>{title}</h3>
      <p>
        Her estimated share: <strong>{formatCents(estimate.shareCents)}</strong>
      </p>
      <ol aria-label="How the estimate is worked out" className="ob-steps">
        {estimateLines('en', estimate.steps).map((l, i) => (
          <li key={i} className={`op-${l.op}`}>
            <span>{l.text}</span>
            {l.amount !== null && (
              <span className="num">
                {l.op === 'add' ? '+ ' : l.op === 'subtract' ? '− ' : l.op === 'result' ? '= ' : ''}
                {l.amount}
              </span>
            )}
          </li>
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
  listed = true,
}: {
  /** False where the schedule's table follows (the case page): the sentences without the list. */
  listed?: boolean;
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
      {listed && installments.length > 0 && (
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
  closed = false,
  caption = 'The schedule, payment by payment',
}: {
  /** The schedule closed with the delivery (or the cancellation): what was not paid is no longer due before it. */
  closed?: boolean;
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
        {
          header: 'State',
          cell: (i) =>
            closed && i.state !== 'paid' ? (
              <span className="badge">No longer due</span>
            ) : (
              <InstallmentBadge state={i.state} />
            ),
        },
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
