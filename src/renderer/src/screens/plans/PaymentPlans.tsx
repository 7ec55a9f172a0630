// The guarantor's payment plans and promises to pay on the account workspace: the active plans in
// full, earlier ones (paid, cancelled, replaced) folded away, and the promises with what was paid
// toward each.
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { AccountView } from '../../../../shared/schemas/accounts';
import type { PlanView, PromiseView } from '../../../../shared/schemas/plans';
import { FormAlert } from '../../components/Field';
import { isOpenPlan } from '../../../../shared/schemas/plans';
import { PlanCard, type PlanActions } from './PlanCard';

const PROMISE_LABELS: Record<PromiseView['status'], { text: string; tone: string }> = {
  open: { text: 'Open', tone: 'info' },
  kept: { text: 'Kept', tone: 'ok' },
  broken: { text: 'Broken', tone: 'bad' },
  cancelled: { text: 'Cancelled', tone: '' },
  suspended: { text: 'Suspended (the guarantor died)', tone: 'warn' },
};

function Promises({
  promises,
  onPromise,
  deceased,
}: {
  promises: PromiseView[];
  onPromise: () => void;
  deceased: boolean;
}) {
  return (
    <div className="promises">
      <div className="section-head">
        <h3 id="ws-promises">
          Promises to pay <span className="count">{promises.filter((p) => p.status === 'open').length} open</span>
        </h3>
        {!deceased && (
          <button type="button" onClick={onPromise}>
            Promise to pay…
          </button>
        )}
      </div>
      {promises.length === 0 ? (
        <p className="muted">No promises to pay.</p>
      ) : (
        <div className="table-scroll">
          <table className="table compact" aria-labelledby="ws-promises">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Promised on</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Paid toward it
                </th>
              </tr>
            </thead>
            <tbody>
              {promises.map((p) => (
                <tr key={p.id}>
                  <td className="num">{formatCents(p.amountCents)}</td>
                  <td className="nowrap">{formatShortDate(p.promisedOn)}</td>
                  <td className="nowrap">{formatShortDate(p.dueDate)}</td>
                  <td>
                    <span className={`badge ${PROMISE_LABELS[p.status].tone}`}>{PROMISE_LABELS[p.status].text}</span>
                    {p.resolvedOn && <span className="muted"> {formatShortDate(p.resolvedOn)}</span>}
                  </td>
                  <td className="num">{formatCents(p.paidCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface PaymentPlansProps {
  plans: PlanView[] | null;
  promises: PromiseView[] | null;
  error: string | null;
  accounts: AccountView[];
  /** Accounts with a balance on no active plan; a plan can be set up while there are any. */
  choices: AccountView[];
  actions: PlanActions;
  /** The guarantor is recorded as deceased (issue 14): no plan or promise is offered; suspended ones show. */
  deceased?: boolean;
  onSetUp: () => void;
  onPromise: () => void;
}

export function PaymentPlans({
  plans,
  promises,
  error,
  accounts,
  choices,
  actions,
  deceased = false,
  onSetUp,
  onPromise,
}: PaymentPlansProps) {
  const active = (plans ?? []).filter((p) => isOpenPlan(p.status));
  // A death suspends a plan: it stays in view (an undo of the death resumes it), not among the ended ones.
  const suspended = (plans ?? []).filter((p) => p.status === 'suspended');
  const earlier = (plans ?? []).filter((p) => !isOpenPlan(p.status) && p.status !== 'suspended');
  return (
    <section className="ws-section" aria-labelledby="ws-plans">
      <div className="section-head">
        <h2 id="ws-plans">
          Payment plans <span className="count">{active.length} open</span>
        </h2>
        {choices.length > 0 && !deceased && (
          <button type="button" onClick={onSetUp}>
            Set up a payment plan…
          </button>
        )}
      </div>
      <FormAlert message={error} />
      {plans && deceased && (
        <p className="muted">
          No payment plan or promise can be offered: the guarantor is recorded as deceased, and the balance is claimed
          from the estate.
        </p>
      )}
      {plans && active.length === 0 && !deceased && (
        <p className="muted">
          No open payment plan.
          {choices.length === 0 &&
            (accounts.some((a) => a.balanceCents > 0)
              ? ' No account has a balance that is not already on a plan.'
              : ' Nothing is owed.')}
        </p>
      )}
      {[...active, ...suspended].map((p) => (
        <PlanCard key={p.id} plan={p} accounts={accounts} actions={actions} />
      ))}
      {earlier.length > 0 && (
        <details className="earlier-plans">
          <summary>Earlier plans ({earlier.length}): paid in full, cancelled or replaced</summary>
          {earlier.map((p) => (
            <PlanCard key={p.id} plan={p} accounts={accounts} actions={actions} />
          ))}
        </details>
      )}
      {promises && <Promises promises={promises} onPromise={onPromise} deceased={deceased} />}
    </section>
  );
}
