// What the OB documents print, gathered from the store once: the patient, the case's current
// version (reads.ts versionView), the deposits (reads.ts depositTotals for every total), the
// progress of the schedule (reads.ts caseProgress: THE definition of paid, next due and past due),
// the hospital and the policies. Nothing here computes a figure of its own.
import { addDays } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { ObProgress, TrueUp } from '../../../shared/rules/obstetrics';
import type { Hospital } from '../../../shared/schemas/hospital';
import type { FapScreening, ObStatus, ObVersionView } from '../../../shared/schemas/obstetrics';
import { documentLanguage, type DocumentLanguage } from '../../../shared/wording';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { ObCasesRow } from '../../store/schema';
import { assistancePolicy, hospitalIdentity, obstetricsPolicy } from '../../platform/settings';
import { credits } from '../compliance';
import { guarantorName, guarantorRow, mailingAddress } from '../accounts';
import { caseProgress, caseReference, caseRow, currentVersion, depositTotals, versionView } from './reads';

export interface ObPatient {
  name: string;
  /** The hospital's guarantor number (null: registration has not given one yet). */
  number: string | null;
  address: string[];
}

/** What the agreement and the OB statement share. */
export interface ObCaseFacts {
  caseId: number;
  guarantorId: number;
  /** "OB-12". */
  reference: string;
  status: ObStatus;
  language: DocumentLanguage;
  /** The business date it is printed (the statement's date for a statement). */
  date: string;
  hospital: Hospital;
  patient: ObPatient;
  version: ObVersionView;
  fapScreening: FapScreening;
  /** The deposits she has paid (held or applied), oldest first. */
  deposits: { receiptNumber: string; receivedOn: string; amountCents: number }[];
  /** depositTotals.liveCents: paid to date. */
  paidToDateCents: number;
  /** Financial assistance's refund deadline (assistancePolicy.refundWithinDays): the true-up's refund. */
  refundDays: number;
  /** Settings → Obstetrics: whom to ask ('' : the hospital's phone). */
  obContact: string;
}

export interface ObStatementFacts extends ObCaseFacts {
  /** caseProgress on the statement date. */
  progress: ObProgress;
}

export interface TrueUpLetterFacts {
  caseId: number;
  /** Settings → Obstetrics: whom to ask ('' : the hospital's phone), as on the agreement and statements. */
  obContact: string;
  guarantorId: number;
  reference: string;
  language: DocumentLanguage;
  date: string;
  hospital: Hospital;
  patient: ObPatient;
  estimateCents: number;
  realShareCents: number;
  source: string;
  /** What the true-up counted as paid: the real share less the remainder billed, or plus the refund. */
  paidCents: number;
  outcome: TrueUp;
  truedUpOn: string;
  refundDays: number;
  refundBy: string;
}

export function caseOrRefuse(db: Db, caseId: number): ObCasesRow {
  const row = caseRow(db, caseId);
  if (!row) throw new AppError('not_found', 'There is no such OB arrangement.');
  return row;
}

/** Her documents' language: asked for, else the case's, else the guarantor's recorded language (LANG-01). */
export function caseLanguage(db: Db, c: ObCasesRow, asked?: DocumentLanguage): DocumentLanguage {
  if (asked) return asked;
  if (c.language === 'en' || c.language === 'es') return c.language;
  return documentLanguage(guarantorRow(db, c.guarantor_id).language);
}

function patientOf(db: Db, guarantorId: number): ObPatient {
  const g = guarantorRow(db, guarantorId);
  return { name: guarantorName(g), number: g.external_id, address: mailingAddress(g) };
}

export function caseFacts(db: Db, caseId: number, date: string, language?: DocumentLanguage): ObCaseFacts {
  const c = caseOrRefuse(db, caseId);
  const deposits = (
    prepared(
      db,
      `SELECT receipt_number, received_on, amount_cents FROM ob_deposits
        WHERE case_id = ? AND status IN ('held','applied') ORDER BY received_on, id`,
    ).all(caseId) as { receipt_number: string; received_on: string; amount_cents: number }[]
  ).map((d) => ({ receiptNumber: d.receipt_number, receivedOn: d.received_on, amountCents: d.amount_cents }));
  return {
    caseId,
    guarantorId: c.guarantor_id,
    reference: caseReference(caseId),
    status: c.status,
    language: caseLanguage(db, c, language),
    date,
    hospital: hospitalIdentity(db),
    patient: patientOf(db, c.guarantor_id),
    version: versionView(db, currentVersion(db, caseId)),
    fapScreening: c.fap_screening,
    deposits,
    paidToDateCents: depositTotals(db, caseId).liveCents,
    refundDays: assistancePolicy(db).refundWithinDays,
    obContact: obstetricsPolicy(db).obContact,
  };
}

export function statementFacts(db: Db, caseId: number, statementDate: string, language?: DocumentLanguage) {
  const facts = caseFacts(db, caseId, statementDate, language);
  return { ...facts, progress: caseProgress(db, caseId, statementDate).progress } satisfies ObStatementFacts;
}

/**
 * The date the refund is due by, as the credits worklist (the refund task) says it for the delivery
 * accounts (its rule: the day the credit arose plus the days to refund): the letter promises what
 * the worklist asks of the hospital. Null once no credit is left on them.
 */
function refundDueBy(db: Db, caseId: number, guarantorId: number, today: string): string | null {
  const linked = new Set(
    prepared(db, 'SELECT account_id FROM ob_delivery_accounts WHERE case_id = ?').pluck().all(caseId) as number[],
  );
  const dates = credits(db, today, guarantorId)
    .filter((k) => linked.has(k.accountId))
    .map((k) => k.dueDate)
    .sort();
  return dates[0] ?? null;
}

export function trueUpLetterFacts(
  db: Db,
  caseId: number,
  today: string,
  language?: DocumentLanguage,
): TrueUpLetterFacts {
  const c = caseOrRefuse(db, caseId);
  const reference = caseReference(caseId);
  if (
    c.status !== 'closed' ||
    c.real_share_cents === null ||
    c.true_up_outcome === null ||
    c.true_up_cents === null ||
    c.trued_up_on === null
  )
    throw new AppError('not_allowed', `${reference} is not trued up yet: its letter follows the true-up.`);
  const real = c.real_share_cents;
  const outcome: TrueUp =
    c.true_up_outcome === 'even'
      ? { outcome: 'even', cents: 0 }
      : { outcome: c.true_up_outcome === 'refund' ? 'refund' : 'bill', cents: c.true_up_cents };
  // The true-up decided outcome = real share − paid (obTrueUp): what it counted as paid follows from its record.
  const paid =
    outcome.outcome === 'bill' ? real - outcome.cents : outcome.outcome === 'refund' ? real + outcome.cents : real;
  const refundDays = assistancePolicy(db).refundWithinDays;
  return {
    caseId,
    guarantorId: c.guarantor_id,
    reference,
    language: caseLanguage(db, c, language),
    date: today,
    hospital: hospitalIdentity(db),
    patient: patientOf(db, c.guarantor_id),
    estimateCents: versionView(db, currentVersion(db, caseId)).estimate.shareCents,
    realShareCents: real,
    source: c.real_share_source ?? '',
    paidCents: paid,
    outcome,
    truedUpOn: c.trued_up_on,
    refundDays,
    refundBy: refundDueBy(db, c.id, c.guarantor_id, today) ?? addDays(c.trued_up_on, refundDays),
    obContact: obstetricsPolicy(db).obContact,
  };
}
