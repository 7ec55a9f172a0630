// What a clerk may post alone (issue 11, HP-01 integrity): two checks on a patient payment before it
// is posted. Pure: the payment form and main ask the same rule.
import { daysBetween, type BusinessDate } from '../dates';

/** How far apart two payments may be dated and still look like the same payment posted twice. */
export const DUPLICATE_WINDOW_DAYS = 14;

export interface PaymentSeen {
  receiptNumber: string;
  amountCents: number;
  reference: string;
  effectiveDate: BusinessDate;
}

/**
 * A reference as written on a check or slip: case, spaces and punctuation ignored, and a leading
 * "check", "chk", "ck", "no." or "#" (so "Check 4417", "#4417" and "No. 4417" are one check).
 */
export function sameReference(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '')
      .replace(/^(check|chk|ck|no)(?=\d)/, '');
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * The guarantor's earlier payment this one likely repeats: the same amount and the same reference
 * (a check number) dated within DUPLICATE_WINDOW_DAYS of each other; or, with no reference on
 * either, the same amount on the same date. Reversed payments are left out by the caller.
 */
export function likelyDuplicate(
  payment: Omit<PaymentSeen, 'receiptNumber'>,
  earlier: readonly PaymentSeen[],
): PaymentSeen | null {
  for (const p of earlier) {
    if (p.amountCents !== payment.amountCents) continue;
    const apart = Math.abs(daysBetween(p.effectiveDate, payment.effectiveDate));
    if (sameReference(p.reference, payment.reference) && apart <= DUPLICATE_WINDOW_DAYS) return p;
    if (p.reference.trim() === '' && payment.reference.trim() === '' && apart === 0) return p;
  }
  return null;
}

/**
 * A payment dated before the guarantor's last statement changes a period the patient was already
 * told about (a statement, perhaps a final notice): a clerk needs a supervisor's approval for it.
 */
export function backdatedIntoStatementedPeriod(
  effectiveDate: BusinessDate,
  lastStatementDate: BusinessDate | null,
): boolean {
  return lastStatementDate !== null && effectiveDate < lastStatementDate;
}
