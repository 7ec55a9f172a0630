// The receipt for a posted payment: drawn once, kept with the guarantor's documents and linked to
// the payment, so every later print of it is the same document.
import { AppError } from '../../../shared/errors';
import type { PaymentMethod } from '../../../shared/schemas/ledger';
import type { RecoupApp } from '../../app';
import { linkReceipt } from './entries';
import { paymentReceipt } from './receiptPdf';
import { documentLanguage } from '../../../shared/rules/documentLanguage';
import { storeDocument } from '../../platform/documents';
import { hospitalIdentity } from '../../platform/settings';
import { guarantorName, guarantorRow, mailingAddress } from '../accounts';

async function drawReceipt(app: RecoupApp, paymentId: number, by: number): Promise<number> {
  const db = app.store.db;
  const p = db
    .prepare(
      `SELECT p.*, u.full_name AS received_by_name FROM payments p LEFT JOIN users u ON u.id = p.received_by WHERE p.id = ?`,
    )
    .get(paymentId) as
    | {
        id: number;
        receipt_number: string;
        guarantor_id: number;
        method: PaymentMethod;
        reference: string;
        amount_cents: number;
        effective_date: string;
        received_by_name: string | null;
      }
    | undefined;
  if (!p) throw new AppError('not_found', 'There is no such payment.');
  const g = guarantorRow(db, p.guarantor_id);
  const parts = db
    .prepare(
      `SELECT e.id, a.id AS account_id, a.account_number, a.service_from, a.service_to, -e.amount_cents AS applied
         FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
        WHERE e.payment_id = ? AND e.type = 'patient_payment' ORDER BY a.service_from, a.id`,
    )
    .all(paymentId) as {
    id: number;
    account_id: number;
    account_number: string;
    service_from: string;
    service_to: string;
    applied: number;
  }[];
  // The balance right after this payment: everything in the ledger up to and including its entry.
  const balanceAfter = db
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE account_id = ? AND id <= ?')
    .pluck();
  const bytes = await paymentReceipt({
    hospital: hospitalIdentity(db),
    language: documentLanguage(g.language),
    receiptNumber: p.receipt_number,
    date: p.effective_date,
    guarantor: {
      name: guarantorName(g),
      address: mailingAddress(g),
      externalId: g.external_id,
    },
    method: p.method,
    reference: p.reference,
    amountCents: p.amount_cents,
    receivedBy: p.received_by_name ?? 'Recoup',
    allocations: parts.map((x) => ({
      accountNumber: x.account_number,
      serviceFrom: x.service_from,
      serviceTo: x.service_to,
      appliedCents: x.applied,
      balanceAfterCents: balanceAfter.get(x.account_id, x.id) as number,
    })),
  });
  const fileName = `receipt-${p.receipt_number}.pdf`;
  const documentId = db.transaction(() => {
    const id = storeDocument(db, {
      guarantorId: g.id,
      kind: 'payment_receipt',
      title: `Payment receipt ${p.receipt_number}`,
      fileName,
      mimeType: 'application/pdf',
      bytes,
      at: app.nowIso(),
      by,
    });
    linkReceipt(db, paymentId, id);
    return id;
  })();
  return documentId;
}

/**
 * The payment's receipt: the one kept since it was first drawn, or drawn and kept now (the first
 * time, or when drawing it failed right after the payment was saved).
 */
export async function receiptFor(
  app: RecoupApp,
  paymentId: number,
  by: number,
): Promise<{ documentId: number; guarantorId: number }> {
  const db = app.store.db;
  const p = db.prepare('SELECT guarantor_id, receipt_document_id FROM payments WHERE id = ?').get(paymentId) as
    { guarantor_id: number; receipt_document_id: number | null } | undefined;
  if (!p) throw new AppError('not_found', 'There is no such payment.');
  const documentId = p.receipt_document_id ?? (await drawReceipt(app, paymentId, by));
  return { documentId, guarantorId: p.guarantor_id };
}
