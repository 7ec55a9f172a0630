// The live preview beside the plan form: every payment with its due date, the total against the
// balance, and whether the plan is within the policy's tier for this balance (PP-01).
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { planMonths } from '../../../../shared/rules/planPolicy';
import type { Preview } from '../../../../shared/schemas/planTermsForm';
import { paymentsPhrase } from './planTerms';

function TierLine({ preview }: { preview: Extract<Preview, { ok: true }> }) {
  const { tier, within, reasons } = preview.tier;
  const limits = `${tier.upToCents === null ? 'for this balance' : `up to ${formatCents(tier.upToCents)}`}: at most ${tier.maxMonths} months, at least ${formatCents(tier.minMonthlyCents)} a month`;
  if (within) return <p className="tier-ok">Within the plan policy ({limits}).</p>;
  return (
    <div className="tier-outside">
      <p>
        <strong>Outside the plan policy</strong> ({limits}):
      </p>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}

export function SchedulePreview({ preview, balanceCents }: { preview: Preview; balanceCents: number }) {
  return (
    <section className="schedule-preview" aria-labelledby="schedule-preview-title">
      <h3 id="schedule-preview-title">Schedule</h3>
      {!preview.ok ? (
        <p className="muted">{balanceCents > 0 ? preview.reason : 'Choose the accounts to see the schedule.'}</p>
      ) : (
        <>
          <p className="schedule-summary">
            {preview.request.downPaymentCents > 0 &&
              `${formatCents(preview.request.downPaymentCents)} down today, then `}
            {paymentsPhrase(preview.request.frequency, preview.installments)}, from{' '}
            {formatShortDate(preview.installments[0]!.dueDate)} to{' '}
            {formatShortDate(preview.installments.at(-1)!.dueDate)} (
            {planMonths({
              frequency: preview.request.frequency,
              count: preview.installments.length,
              firstDueDate: preview.installments[0]!.dueDate,
              lastDueDate: preview.installments.at(-1)!.dueDate,
            })}{' '}
            months). No interest.
          </p>
          <div
            className="table-scroll schedule-scroll"
            tabIndex={0}
            role="region"
            aria-label="Payments of the plan (scrolls)"
          >
            <table className="table compact">
              <caption className="visually-hidden">Payments of the plan</caption>
              <thead>
                <tr>
                  <th scope="col">Payment</th>
                  <th scope="col">Due</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.request.downPaymentCents > 0 && (
                  <tr>
                    <td>Down payment</td>
                    <td>Today</td>
                    <td className="num">{formatCents(preview.request.downPaymentCents)}</td>
                  </tr>
                )}
                {preview.installments.map((i) => (
                  <tr key={i.number}>
                    <td>{i.number}</td>
                    <td>{formatShortDate(i.dueDate)}</td>
                    <td className="num">{formatCents(i.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="schedule-total">
            Total <strong>{formatCents(preview.totalCents)}</strong>{' '}
            {preview.totalCents === balanceCents ? (
              <span className="badge ok">Equals the balance</span>
            ) : (
              <span className="badge bad">The balance is {formatCents(balanceCents)}</span>
            )}
          </p>
          <TierLine preview={preview} />
        </>
      )}
    </section>
  );
}
