// The guarantor's payments with their receipt numbers. Each receipt prints again (the same document
// kept since it was first drawn, or drawn now if that failed when the payment was saved). A payment
// split over several accounts is reversed as a whole (a bounced check, a payment posted to the
// wrong person).
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { PaymentView } from '../../../../shared/schemas/accounts';
import { PAYMENT_METHOD_LABELS } from '../../../../shared/schemas/ledger';
import type { FileHandle } from '../../../../shared/schemas/files';
import { DataTable } from '../../components/DataTable';
import { FormAlert } from '../../components/Field';
import { useOpenFile } from '../../storedDocument';
import { useChannelMutation } from '../../queries';

export function Payments({
  payments,
  onReverse,
  onOpenReceipt,
}: {
  payments: PaymentView[];
  onReverse: (p: PaymentView) => void;
  onOpenReceipt: (file: FileHandle) => void;
}) {
  const print = useChannelMutation('payments:receipt');
  const { opening, error, open } = useOpenFile((paymentId) => print.mutateAsync({ paymentId }), onOpenReceipt);
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
            cell: (p) => (
              <>
                <button
                  type="button"
                  className="small"
                  aria-label={`Receipt ${p.receiptNumber}`}
                  disabled={opening !== null}
                  onClick={() => void open(p.id)}
                >
                  {opening === p.id ? 'Opening…' : 'Receipt'}
                </button>
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
              </>
            ),
          },
        ]}
      />
      <FormAlert message={error} />
    </section>
  );
}
