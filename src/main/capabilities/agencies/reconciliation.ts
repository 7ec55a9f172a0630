// A remittance reconciled against the cheque or transfer and the agency's invoice (issue 12 item 4).
// The rule (docs/user-guide/agency-remittances.md):
//  - the cheque or transfer should be what the lines remit: gross, all they collected; net, what
//    they collected less the agency's fees;
//  - the invoice should be the fees the agency earned and has not kept: gross, the fees on its
//    lines; net, none of those (it kept them); and in both, the fees on payments made to the
//    hospital directly on its placed accounts during the remittance's period, which runs from the
//    day after the agency's previous remittance was received to the day this one was received
//    (its first remittance: everything up to that day), so each direct payment is invoiced once;
//  - a line whose fee differs from the contract's rate on its placement is a difference too.
// Each difference is said in words; no difference, no words.
import { addDays, formatShortDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import { plural } from '../../../shared/plural';
import { agencyFee } from '../../../shared/rules/agencyFees';
import type { ReconciliationView } from '../../../shared/schemas/agencies';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { AgencyRemittancesRow } from '../../store/schema';
import { directPayments } from './directPayments';

type Header = Pick<
  AgencyRemittancesRow,
  | 'id'
  | 'agency_id'
  | 'method'
  | 'received_on'
  | 'fee_cents'
  | 'remitted_cents'
  | 'cheque_cents'
  | 'cheque_reference'
  | 'invoice_cents'
  | 'invoice_reference'
> & { agency_name: string };

/** The first day of the remittance's period for direct payments (null: from the beginning). */
export function periodStart(db: Db, h: Pick<Header, 'id' | 'agency_id' | 'received_on'>): string | null {
  const prev = prepared<[number, string, string, number], { received_on: string }>(
    db,
    `SELECT received_on FROM agency_remittances
      WHERE agency_id = ? AND (received_on < ? OR (received_on = ? AND id < ?))
      ORDER BY received_on DESC, id DESC LIMIT 1`,
  ).get(h.agency_id, h.received_on, h.received_on, h.id);
  return prev ? addDays(prev.received_on, 1) : null;
}

/** Lines whose fee is not the contract's rate on their placement: line number, stated, contract. */
function feeDifferences(db: Db, remittanceId: number) {
  const rows = prepared<
    [number],
    { line_no: number; account_number: string; collected_cents: number; fee_cents: number; fee_rate_bp: number | null }
  >(
    db,
    `SELECT l.line_no, a.account_number, l.collected_cents, l.fee_cents, p.fee_rate_bp
       FROM agency_remittance_lines l JOIN placements p ON p.id = l.placement_id JOIN accounts a ON a.id = l.account_id
      WHERE l.remittance_id = ? ORDER BY l.line_no`,
  ).all(remittanceId);
  const out: { line: number; account: string; stated: number; contract: number }[] = [];
  for (const r of rows) {
    if (r.fee_rate_bp === null) continue;
    const contract = agencyFee(r.collected_cents, r.fee_rate_bp);
    if (contract !== r.fee_cents)
      out.push({ line: r.line_no, account: r.account_number, stated: r.fee_cents, contract });
  }
  return out;
}

const SHOWN = 20;

/**
 * The reconciliation of a remittance: as recorded when it was reconciled (a closed reconciliation
 * does not change when a payment is posted later with an earlier date; that payment is on the
 * direct payments list for its date), or as it stands today (`fresh`, and before it is reconciled).
 */
export function reconciliationOf(db: Db, remittanceId: number, today: string, fresh = false): ReconciliationView {
  const h = prepared<[number], Header & { reconciliation: string | null }>(
    db,
    `SELECT r.id, r.agency_id, r.method, r.received_on, r.fee_cents, r.remitted_cents, r.cheque_cents, r.cheque_reference,
            r.invoice_cents, r.invoice_reference, r.reconciliation, ag.name AS agency_name
       FROM agency_remittances r JOIN agencies ag ON ag.id = r.agency_id WHERE r.id = ?`,
  ).get(remittanceId);
  if (!h) throw new AppError('not_found', 'There is no such remittance.');
  if (!fresh && h.reconciliation !== null) return JSON.parse(h.reconciliation) as ReconciliationView;
  const from = periodStart(db, h);
  const direct = directPayments(db, h.agency_id, from ?? '0001-01-01', h.received_on, today);
  const directFee = direct.reduce((s, d) => s + d.feeCents, 0);
  const lineFee = h.method === 'gross' ? h.fee_cents : 0;
  const expectedInvoice = lineFee + directFee;
  const differences: string[] = [];

  const chequeDiff = h.cheque_cents === null ? null : h.cheque_cents - h.remitted_cents;
  const chequeName = h.cheque_reference ? `The cheque or transfer ${h.cheque_reference}` : 'The cheque or transfer';
  if (h.cheque_cents === null)
    differences.push(`No cheque or transfer is recorded yet; the lines remit ${formatCents(h.remitted_cents)}.`);
  else if (chequeDiff !== null && chequeDiff !== 0)
    differences.push(
      `${chequeName} is ${formatCents(h.cheque_cents)}, ${formatCents(Math.abs(chequeDiff))} ${chequeDiff > 0 ? 'more' : 'less'} than the ${formatCents(h.remitted_cents)} the lines remit${h.method === 'net' ? ' (collected less the agency’s fees)' : ''}.`,
    );

  const basis =
    `${h.method === 'gross' ? `fees on the remittance’s lines ${formatCents(lineFee)}` : 'no fees on its lines (a net agency keeps them)'}` +
    (from !== null && from > h.received_on
      ? ' and none on payments made to the hospital (the previous remittance was received the same day)'
      : ` and ${formatCents(directFee)} on ${plural(direct.length, 'payment', 'payments')} made to the hospital while placed` +
        ` (${from ? `${formatShortDate(from)} to` : 'up to'} ${formatShortDate(h.received_on)})`);
  const invoiceDiff = h.invoice_cents === null ? null : h.invoice_cents - expectedInvoice;
  const invoiceName = h.invoice_reference ? `The invoice ${h.invoice_reference}` : 'The invoice';
  if (h.invoice_cents === null)
    differences.push(
      `No invoice is recorded yet; ${h.agency_name} has earned ${formatCents(expectedInvoice)}: ${basis}.`,
    );
  else if (invoiceDiff !== null && invoiceDiff !== 0)
    differences.push(
      `${invoiceName} is ${formatCents(h.invoice_cents)}, ${formatCents(Math.abs(invoiceDiff))} ${invoiceDiff > 0 ? 'more' : 'less'} than the ${formatCents(expectedInvoice)} ${h.agency_name} earned: ${basis}.`,
    );

  const fees = feeDifferences(db, remittanceId);
  if (fees.length > 0) {
    const over = fees.reduce((s, f) => s + f.stated - f.contract, 0);
    differences.push(
      `${plural(fees.length, 'line states a fee', 'lines state fees')} other than the contract's rate, ${formatCents(Math.abs(over))} ${over >= 0 ? 'more' : 'less'} in all.`,
    );
    for (const f of fees.slice(0, SHOWN))
      differences.push(
        `Line ${f.line} (account ${f.account}): fee ${formatCents(f.stated)}, the contract's rate gives ${formatCents(f.contract)}.`,
      );
    if (fees.length > SHOWN) differences.push(`And ${fees.length - SHOWN} more lines like these.`);
  }

  return {
    remittanceId,
    expectedChequeCents: h.remitted_cents,
    chequeCents: h.cheque_cents,
    chequeDifferenceCents: chequeDiff,
    expectedInvoiceCents: expectedInvoice,
    invoiceCents: h.invoice_cents,
    invoiceDifferenceCents: invoiceDiff,
    differences,
  };
}
