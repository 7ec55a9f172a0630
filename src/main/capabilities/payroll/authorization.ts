// The authorization form of an arrangement (PD-03), printed and kept among the guarantor's documents
// (as plans' agreements and estates' letters are), and recorded on the arrangement: the signature
// can be recorded only once a form was printed (PD-02). Every figure it prints is the arrangement's
// view's (issue 16 section 4): what the covered accounts owe now (reads.ts coveredOwedCents, each
// account never below zero so the lines add up to the total), the next date it deducts or debits
// (the first scheduleDates date on or after today, and on or after the signature while active), the
// number of periods it takes at the amount (owed ÷ amount, rounded up) and the date of the last.
import { AppError } from '../../../shared/errors';
import { fullName } from '../../../shared/names';
import { scheduleDates, type PayFrequency } from '../../../shared/rules/payroll';
import { formatLongDate } from '../../../shared/dates';
import type { ArrangementStatus } from '../../../shared/schemas/payroll';
import { documentLanguage, type DocumentLanguage } from '../../../shared/wording';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { DeductionArrangementsRow, EmployeesRow } from '../../store/schema';
import { storeDocument } from '../../platform/documents';
import { hospitalIdentity, payrollPolicy } from '../../platform/settings';
import { guarantorName, guarantorRow } from '../accounts';
import { setAuthorizationDocument } from './arrangementRows';
import { authorizationPdf, type AuthorizationFacts } from './authorizationPdf';
import { maskedAccount } from './bankSeal';
import { arrangementReference, coveredOwedCents } from './reads';

const ENDED: Record<Exclude<ArrangementStatus, 'awaiting_signature' | 'active'>, string> = {
  paid: 'paid in full',
  terminated: 'the employment ended',
  revoked: 'revoked',
  stopped: 'stopped by the hospital',
  cancelled: 'cancelled before signing',
};

/** More deductions than this is not a schedule anyone can sign (weekly for 190 years). */
export const MOST_PERIODS = 10_000;

export interface ArrangementSchedule {
  /** The next date it deducts (or debits); null when nothing is owed. */
  nextDate: string | null;
  /** Deductions of the full amount (the last may be less) it takes to pay what is owed. */
  periods: number;
  lastDate: string | null;
  /** What the last one takes. */
  lastAmountCents: number;
}

/**
 * Issue 16 section 4's view: nextDate = the first schedule date on or after today (and on or after
 * the signature when signed); periods = ceil(owed / amount); lastDate = the periods-th date from
 * nextDate.
 */
export function arrangementSchedule(
  a: { first_date: string; frequency: PayFrequency; amount_cents: number; signed_on: string | null },
  owedCents: number,
  today: string,
): ArrangementSchedule {
  if (owedCents <= 0) return { nextDate: null, periods: 0, lastDate: null, lastAmountCents: 0 };
  const periods = Math.ceil(owedCents / a.amount_cents);
  const from = a.signed_on !== null && a.signed_on > today ? a.signed_on : today;
  const dates = scheduleDates(a.first_date, a.frequency, from, '9999-12-31', Math.min(periods, MOST_PERIODS));
  return {
    nextDate: dates[0] ?? null,
    periods,
    lastDate: periods <= MOST_PERIODS ? (dates[periods - 1] ?? null) : null,
    lastAmountCents: owedCents - (periods - 1) * a.amount_cents,
  };
}

function arrangementRow(db: Db, arrangementId: number): DeductionArrangementsRow {
  const a = prepared(db, 'SELECT * FROM deduction_arrangements WHERE id = ?').get(arrangementId) as
    DeductionArrangementsRow | undefined;
  if (!a) throw new AppError('not_found', 'There is no such payroll deduction or bank transfer.');
  return a;
}

/** What printing touches, for the audit (known before it is drawn, so a refused print names it too). */
export function authorizationRecords(db: Db, arrangementId: number): string[] {
  const g = prepared(db, 'SELECT guarantor_id FROM deduction_arrangements WHERE id = ?').pluck().get(arrangementId) as
    number | undefined;
  return g === undefined ? [] : [`deduction_arrangement:${arrangementId}`, `guarantor:${g}`];
}

/** The facts the form prints, from the store; refused for an arrangement that has ended. */
export function authorizationFacts(
  db: Db,
  arrangementId: number,
  today: string,
  language?: DocumentLanguage,
): AuthorizationFacts {
  const a = arrangementRow(db, arrangementId);
  const reference = arrangementReference(a.method, a.id);
  if (a.status !== 'awaiting_signature' && a.status !== 'active')
    throw new AppError(
      'not_allowed',
      `${reference} has ended (${ENDED[a.status]}${a.ended_on ? `, ${formatLongDate(a.ended_on)}` : ''}): its authorization is not printed. Set up a new one if the guarantor wants to pay this way again.`,
    );
  const g = guarantorRow(db, a.guarantor_id);
  const accounts = prepared(
    db,
    `SELECT ac.account_number, ac.service_from, ac.service_to, MAX(ac.balance_cents, 0) AS owed
       FROM deduction_arrangement_accounts da JOIN accounts ac ON ac.id = da.account_id
      WHERE da.arrangement_id = ? ORDER BY ac.service_from, ac.account_number`,
  ).all(a.id) as { account_number: string; service_from: string; service_to: string; owed: number }[];
  const owed = coveredOwedCents(db, a.id);
  const s = arrangementSchedule(a, owed, today);
  if (s.nextDate === null || s.lastDate === null)
    throw new AppError(
      'not_allowed',
      owed <= 0
        ? `The accounts of ${reference} owe nothing now: there is nothing to authorize.`
        : `At ${a.amount_cents} cents a period, ${reference} would take ${s.periods} periods: no one can sign that schedule. End it and set one up with a larger amount.`,
    );

  let payroll: AuthorizationFacts['payroll'] = null;
  let bank: AuthorizationFacts['bank'] = null;
  if (a.method === 'payroll') {
    const e = prepared(db, 'SELECT * FROM employees WHERE id = ?').get(a.employee_id) as EmployeesRow | undefined;
    if (!e) throw new AppError('not_found', `The employee of ${reference} is not on the roster.`);
    const policy = payrollPolicy(db);
    payroll = {
      employeeName: fullName({ firstName: e.first_name, middleName: '', lastName: e.last_name }),
      employeeNumber: e.employee_number,
      finalPayDeduction: policy.finalPayDeduction,
      payrollContact: policy.payrollContact,
    };
  } else {
    bank = {
      holderName: a.bank_holder_name ?? '',
      routingNumber: a.bank_routing ?? '',
      accountMasked: maskedAccount(a.bank_account_last4 ?? ''),
      accountType: a.bank_account_type === 'savings' ? 'savings' : 'checking',
    };
  }
  return {
    method: a.method,
    language: language ?? documentLanguage(g.language),
    reference,
    date: today,
    hospital: hospitalIdentity(db),
    guarantor: { name: guarantorName(g), number: g.external_id },
    accounts: accounts.map((r) => ({
      accountNumber: r.account_number,
      serviceFrom: r.service_from,
      serviceTo: r.service_to,
      owedCents: r.owed,
    })),
    totalCents: owed,
    amountCents: a.amount_cents,
    frequency: a.frequency,
    firstDate: s.nextDate,
    periods: s.periods,
    lastDate: s.lastDate,
    lastAmountCents: s.lastAmountCents,
    payroll,
    bank,
  };
}

export interface PrintedAuthorization {
  documentId: number;
  guarantorId: number;
  reference: string;
  language: DocumentLanguage;
}

/**
 * Draws the form, keeps it among the guarantor's documents and records it on the arrangement (the
 * latest printing is the one to be signed). Inside the caller's transaction.
 */
export async function printAuthorization(
  db: Db,
  input: { arrangementId: number; language?: DocumentLanguage },
  when: { today: string; now: string; by: number },
): Promise<PrintedAuthorization> {
  const facts = authorizationFacts(db, input.arrangementId, when.today, input.language);
  const bytes = await authorizationPdf(facts);
  const guarantorId = arrangementRow(db, input.arrangementId).guarantor_id;
  const payroll = facts.method === 'payroll';
  const documentId = storeDocument(db, {
    guarantorId,
    kind: payroll ? 'payroll_authorization' : 'bank_transfer_authorization',
    title: `${payroll ? 'Payroll deduction authorization' : 'Automatic bank transfer authorization'} ${facts.reference}${facts.language === 'es' ? ' (Spanish)' : ''}`,
    fileName: `${payroll ? 'payroll-deduction' : 'bank-transfer'}-authorization-${facts.reference}-${when.today}.pdf`,
    mimeType: 'application/pdf',
    bytes,
    at: when.now,
    by: when.by,
  });
  setAuthorizationDocument(db, input.arrangementId, documentId);
  return { documentId, guarantorId, reference: facts.reference, language: facts.language };
}
