// The guarantor's payments with their receipt numbers. A payment split over several accounts is
// reversed as a whole (a bounced check, a payment posted to the wrong person).
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { PaymentView } from '../../../../shared/schemas/accounts';
import { PAYMENT_METHOD_LABELS } from '../../../../shared/schemas/ledger';

export function Payments({ payments, onReverse }: { payments: PaymentView[]; onReverse: (p: PaymentView) => void }) {
  return (
    <section className="ws-section" aria-labelledby="ws-payments">
      <h2 id="ws-payments">
        Payments <span className="count">{payments.length}</span>
      </h2>
      {payments.length === 0 ? (
        <p className="muted">No payments have been posted in Recoup for this guarantor.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Receipt</th>
                <th scope="col">Date</th>
                <th scope="col">Method</th>
                <th scope="col">Reference</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id} className={p.reversed ? 'reversed' : undefined}>
                  <td className="mono">{p.receiptNumber}</td>
                  <td className="nowrap">{formatShortDate(p.effectiveDate)}</td>
                  <td>{PAYMENT_METHOD_LABELS[p.method]}</td>
                  <td className="wrap">{p.reference}</td>
                  <td className="num">{formatCents(p.amountCents)}</td>
                  <td>{p.reversed ? <span className="badge bad">Reversed</span> : 'Posted'}</td>
                  <td className="row-actions">
                    {!p.reversed && (
                      <button
                        type="button"
                        className="small"
                        aria-label={`Reverse payment ${p.receiptNumber}`}
                        onClick={() => onReverse(p)}
                      >
                        Reverse payment…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
