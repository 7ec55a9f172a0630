// One payment plan on the account workspace: its status (lapsed and defaulted stand out), the
// terms, where the payments stand, the approval and financial-assistance answer it was made with,
// the agreement, and its schedule and history to open. The actions a plan allows sit in its head.
import { useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { AccountView } from '../../../../shared/schemas/accounts';
import type { FileHandle } from '../../../../shared/schemas/files';
import {
  FAP_ANSWER_LABELS,
  isOpenPlan,
  PLAN_STATUS_LABELS,
  type PlanStatus,
  type PlanView,
} from '../../../../shared/schemas/plans';
import { messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import { useChannelMutation } from '../../queries';
import { useWorkspace } from '../../session';
import { paymentsPhrase } from './planTerms';
import { EventTable, ScheduleTable } from './PlanTables';

export const STATUS_TONES: Record<PlanStatus, string> = {
  current: 'ok',
  lapsed: 'warn',
  defaulted: 'bad',
  completed: 'ok',
  cancelled: '',
  replaced: '',
  suspended: 'warn',
};

/** For a defaulted plan: when it had lapsed and the cure deadline its letter gave. */
function lapseHistory(plan: PlanView): string {
  if (!plan.lapsedOn) return '';
  const deadline = plan.cureDeadline ? `; the cure deadline was ${formatShortDate(plan.cureDeadline)}` : '';
  return ` It lapsed on ${formatShortDate(plan.lapsedOn)}${deadline}.`;
}

function termsLine(plan: PlanView): string {
  const regular = plan.progress.installments.filter((i) => i.number > 0);
  const down = plan.downPaymentCents > 0 ? `${formatCents(plan.downPaymentCents)} down, then ` : '';
  const day = plan.frequency === 'monthly' && plan.dayOfMonth ? ` on day ${plan.dayOfMonth} of the month` : '';
  return `${formatCents(plan.balanceCents)} interest-free: ${down}${paymentsPhrase(plan.frequency, regular)}${day}, from ${formatShortDate(regular[0]?.dueDate ?? plan.startDate)}.`;
}

export interface PlanActions {
  onOpenPdf: (file: FileHandle) => void;
  onSigned: (plan: PlanView) => void;
  onReschedule: (plan: PlanView) => void;
  onCancel: (plan: PlanView) => void;
}

export function PlanCard({
  plan,
  accounts,
  actions,
}: {
  plan: PlanView;
  accounts: AccountView[];
  actions: PlanActions;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const agreement = useChannelMutation('plans:agreement');
  const [error, setError] = useState<string | null>(null);
  const headingId = `plan-${plan.id}`;
  const p = plan.progress;
  // The deadline the lapse letter gave, as stored; the worked-out one only if none was stored.
  const cureBy = plan.status === 'lapsed' ? (plan.cureDeadline ?? p.cureDeadline) : null;
  const numbers = plan.accountIds.map((id) => accounts.find((a) => a.id === id)?.accountNumber ?? `#${id}`);
  const active = isOpenPlan(plan.status);

  const print = async () => {
    setError(null);
    try {
      actions.onOpenPdf(await agreement.mutateAsync({ planId: plan.id }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <article className={`plan-card plan-${plan.status}`} aria-labelledby={headingId}>
      <div className="plan-head">
        <h3 id={headingId}>Plan #{plan.id}</h3>
        <span className={`badge ${STATUS_TONES[plan.status]}`}>{PLAN_STATUS_LABELS[plan.status]}</span>
        <span className="muted">since {formatShortDate(plan.statusSince)}</span>
        <div className="plan-actions">
          <button
            type="button"
            className="small"
            aria-describedby={headingId}
            disabled={agreement.isPending}
            onClick={() => void print()}
          >
            {agreement.isPending ? 'Preparing…' : 'Print agreement'}
          </button>
          {active && !plan.agreementSignedOn && (
            <button type="button" className="small" aria-describedby={headingId} onClick={() => actions.onSigned(plan)}>
              Record the date it was signed…
            </button>
          )}
          {active && (
            <>
              <button
                type="button"
                className="small"
                aria-describedby={headingId}
                onClick={() => actions.onReschedule(plan)}
              >
                Re-schedule…
              </button>
              <button
                type="button"
                className="small"
                aria-describedby={headingId}
                onClick={() => actions.onCancel(plan)}
              >
                Cancel plan…
              </button>
            </>
          )}
        </div>
      </div>
      <FormAlert message={error} />
      <p className="plan-terms-line">{termsLine(plan)}</p>
      {plan.status === 'lapsed' && (
        <p className="plan-alert warn">
          {formatCents(p.pastDueCents)} past due. Cure by <strong>{cureBy ? formatShortDate(cureBy) : '—'}</strong>, or
          the plan defaults and the accounts return to the collection cycle.
        </p>
      )}
      {plan.status === 'defaulted' && (
        <p className="plan-alert bad">
          Defaulted on {formatShortDate(plan.statusSince)}: the accounts return to the collection cycle.
          {lapseHistory(plan)}
        </p>
      )}
      <dl className="plan-facts">
        <div>
          <dt>Paid so far</dt>
          <dd>{formatCents(p.paidCents)}</dd>
        </div>
        <div>
          <dt>Still owed on the plan</dt>
          <dd>{formatCents(p.owedCents)}</dd>
        </div>
        {active && (
          <>
            <div>
              <dt>Past due</dt>
              <dd className={p.pastDueCents > 0 ? 'owing' : undefined}>{formatCents(p.pastDueCents)}</dd>
            </div>
            <div>
              <dt>Next payment</dt>
              <dd>
                {p.nextDue
                  ? `${formatShortDate(p.nextDue.dueDate)}: ${formatCents(p.nextDue.amountCents)}`
                  : 'None left'}
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>{numbers.length === 1 ? 'Account' : 'Accounts'}</dt>
          <dd>{numbers.join(', ')}</dd>
        </div>
        <div>
          <dt>Agreement signed</dt>
          <dd>{plan.agreementSignedOn ? formatShortDate(plan.agreementSignedOn) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Financial assistance</dt>
          <dd>{FAP_ANSWER_LABELS[plan.fapAnswer]}</dd>
        </div>
        <div>
          <dt>Plan policy</dt>
          <dd>
            {plan.policyEffectiveFrom <= '1900-01-01'
              ? 'Shipped defaults'
              : `Version of ${formatShortDate(plan.policyEffectiveFrom)}`}
            {plan.withinTier ? '; within its tier' : ''}
          </dd>
        </div>
      </dl>
      {!plan.withinTier && (
        <p className="plan-exception">
          <strong>Outside the policy</strong>, approved by {plan.approvedBy ?? '—'}. Reason:{' '}
          {plan.approvalReason ?? '—'}
        </p>
      )}
      {(plan.replacesPlanId !== null || plan.reaged) && (
        <p className="muted">
          {[
            plan.reaged ? 'Re-aged (PP-03)' : null,
            plan.replacesPlanId !== null ? `replaces plan #${plan.replacesPlanId}` : null,
          ]
            .filter(Boolean)
            .join('; ')
            .replace(/^./, (c) => c.toUpperCase())}
          .
        </p>
      )}
      <details className="plan-more">
        <summary>Schedule ({p.installments.length} payments)</summary>
        <ScheduleTable installments={p.installments} today={today} planId={plan.id} />
      </details>
      <details className="plan-more">
        <summary>History ({plan.events.length})</summary>
        <EventTable events={plan.events} planId={plan.id} />
      </details>
    </article>
  );
}
