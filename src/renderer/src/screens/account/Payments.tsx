// The guarantor's payments with their receipt numbers. A payment split over several accounts is
// reversed as a whole (a bounced check, a payment posted to the wrong person).
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { PaymentView } from '../../../../shared/schemas/accounts';
import { PAYMENT_METHOD_LABELS } from '../../../../shared/schemas/ledger';
import { DataTable } from '../../components/DataTable';

export function Payments({ payments, onReverse }: { payments: PaymentView[]; onReverse: (p: PaymentView) => void }) {
  return (
    <section className="ws-section" aria-labelledby="ws-payments">
      <h2 id="ws-payments">
        Payments <span className="count">{payments.length}</span>
      </h2>
      <DataTable
        caption="Payments"
        rows={payments}
        rowKey={(p) => p.id}
        rowClassName={(p) => (p.reversed ? 'reversed' : undefined)}
        empty="No payments have been posted in Recoup for this guarantor."
        columns={[
          { header: 'Receipt', className: 'mono', cell: (p) => p.receiptNumber },
          { header: 'Date', className: 'nowrap', cell: (p) => formatShortDate(p.effectiveDate) },
          { header: 'Method', cell: (p) => PAYMENT_METHOD_LABELS[p.method] },
          { header: 'Reference', className: 'wrap', cell: (p) => p.reference },
          { header: 'Amount', className: 'num', cell: (p) => formatCents(p.amountCents) },
          { header: 'Status', cell: (p) => (p.reversed ? <span className="badge bad">Reversed</span> : 'Posted') },
          {
            header: 'Actions',
            headerHidden: true,
            className: 'row-actions',
            cell: (p) =>
              !p.reversed && (
                <button
                  type="button"
                  className="small"
                  aria-label={`Reverse payment ${p.receiptNumber}`}
                  onClick={() => onReverse(p)}
                >
                  Reverse payment…
                </button>
              ),
          },
        ]}
      />
    </section>
  );
}
