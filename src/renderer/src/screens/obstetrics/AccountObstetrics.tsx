// The guarantor's OB prepayment arrangements on the account workspace (issue 17): each case with its
// status and next payment, a link to its page, and a new OB interview for her.
import { formatLongDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { FormAlert } from '../../components/Field';
import { useChannelQuery } from '../../queries';
import { DASH, obCaseHref, ObStatusBadge, openInterview } from './common';
import './obstetrics.css';

export function AccountObstetrics({ guarantorId, deceased }: { guarantorId: number; deceased: boolean }) {
  const cases = useChannelQuery('ob:guarantor', { guarantorId });
  const list = cases.value ?? [];
  const live = list.some((c) => c.status === 'awaiting_signature' || c.status === 'active');
  return (
    <section className="ws-section" aria-labelledby="ws-obstetrics">
      <div className="section-head">
        <h2 id="ws-obstetrics">Obstetrics: payments before delivery</h2>
        {cases.value && !live && !deceased && (
          <button type="button" onClick={() => openInterview(guarantorId)}>
            New OB interview
          </button>
        )}
      </div>
      <FormAlert message={cases.error} />
      {cases.value && list.length === 0 && <p className="muted">No OB arrangement.</p>}
      {list.length > 0 && (
        <ul>
          {list.map((c) => (
            <li key={c.id}>
              <a href={obCaseHref(c.id)}>{c.reference}</a> <ObStatusBadge status={c.status} /> expected{' '}
              {formatLongDate(c.expectedDelivery)}; estimate {formatCents(c.estimateCents)}; received{' '}
              {formatCents(c.heldCents + c.appliedCents)}; next due{' '}
              {c.nextDue ? `${formatCents(c.nextDue.cents)} on ${formatLongDate(c.nextDue.dueDate)}` : DASH}
              {c.pastDueCents > 0 && `; past due ${formatCents(c.pastDueCents)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
