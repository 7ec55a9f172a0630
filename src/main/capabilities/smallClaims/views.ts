// What a clerk reads about a case: the summary a list shows, the detail a case screen shows, and the
// one definition of each figure (what the case's accounts owe, what was recovered since filing, what
// is still owed on the judgment), all from the ledger. The next step is said in plain words.
import { addDays, formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import { caseReminder, type CaseReminder, type ClaimBasis, type SuitDecision } from '../../../shared/rules/smallClaims';
import { PATIENT_MONEY_TYPES } from '../../../shared/schemas/ledger';
import {
  CASE_STATUS_LABELS,
  type CaseAccountView,
  type CaseActionView,
  type CaseDetail,
  type CaseEventView,
  type CaseStatus,
  type CaseSummary,
  type PostJudgmentKind,
  type ServiceMethod,
} from '../../../shared/schemas/smallClaims';
import { smallClaimsPolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import { guarantorName } from '../accounts';
import { entryStandsSql } from '../ledger';
import { limitById, suitCheck } from './check';

import { OPEN_STATUSES_SQL } from './rows';

/** What a case's accounts owe (owedCents in SQL: a credit counts as nothing owed), for case `c`. */
export const OWED_SQL = `(SELECT coalesce(sum(max(a.balance_cents, 0)), 0) FROM court_case_accounts ca JOIN accounts a ON a.id = ca.account_id
  WHERE ca.case_id = c.id)`;
const PATIENT_MONEY_SQL = PATIENT_MONEY_TYPES.map((t) => `'${t}'`).join(',');

/** A case as stored, with its guarantor's name and state. */
export interface CaseRow {
  id: number;
  guarantor_id: number;
  court_limit_id: number;
  court_name: string;
  court_address: string;
  county: string;
  basis: ClaimBasis;
  balance_cents: number;
  claim_cents: number;
  waived_cents: number;
  waiver_note: string;
  status: CaseStatus;
  opened_on: string;
  demand_sent_on: string | null;
  file_after: string | null;
  filed_on: string | null;
  case_number: string | null;
  filing_fee_cents: number;
  served_on: string | null;
  service_method: ServiceMethod | null;
  service_fee_cents: number;
  hearing_on: string | null;
  hearing_time: string;
  hearing_place: string;
  judgment_on: string | null;
  judgment_cents: number | null;
  costs_cents: number | null;
  interest_rate_bp: number | null;
  closed_on: string | null;
  close_note: string;
  opened_by: number | null;
  first_name: string;
  middle_name: string;
  last_name: string;
  state: string;
}

const CASE_SELECT = `SELECT c.*, g.first_name, g.middle_name, g.last_name, g.state
  FROM court_cases c JOIN guarantors g ON g.id = c.guarantor_id`;

export function caseRow(db: Db, caseId: number): CaseRow {
  const r = db.prepare(`${CASE_SELECT} WHERE c.id = ?`).get(caseId) as CaseRow | undefined;
  if (!r) throw new AppError('not_found', 'There is no such small-claims case.');
  return r;
}

/** "Small-claims case #3 (SC-2026-0142)": how a case is named in the activity log, the ledger and the holds. */
export function caseLabel(c: Pick<CaseRow, 'id' | 'case_number'>): string {
  return `Small-claims case #${c.id}${c.case_number ? ` (${c.case_number})` : ''}`;
}

export interface CaseAccountRow {
  account_id: number;
  account_number: string;
  service_from: string;
  service_to: string;
  opened_balance_cents: number;
  balance_cents: number;
  hold_id: number | null;
  patient_name: string;
}

/** The case's accounts, oldest service first (the order money and adjustments go in). */
export function caseAccounts(db: Db, caseId: number): CaseAccountRow[] {
  return db
    .prepare(
      `SELECT ca.account_id, a.account_number, a.service_from, a.service_to, ca.balance_cents AS opened_balance_cents,
              a.balance_cents, ca.hold_id, a.patient_name
         FROM court_case_accounts ca JOIN accounts a ON a.id = ca.account_id
        WHERE ca.case_id = ? ORDER BY a.service_from, a.id`,
    )
    .all(caseId) as CaseAccountRow[];
}

/** What a call about a case touched, for the audit: the guarantor and every account of the case (none when there is no such case). */
export function caseRecords(db: Db, caseId: number): string[] {
  const g = db.prepare('SELECT guarantor_id FROM court_cases WHERE id = ?').pluck().get(caseId) as number | undefined;
  if (g === undefined) return [];
  return [`guarantor:${g}`, ...caseAccounts(db, caseId).map((a) => `account:${a.account_id}`)];
}

/** What the case's accounts owe today (the ledger's balances; an account in credit counts as nothing). */
export function owedCents(accounts: readonly Pick<CaseAccountRow, 'balance_cents'>[]): number {
  return accounts.reduce((t, a) => t + Math.max(0, a.balance_cents), 0);
}

/**
 * The claim, one definition for the screens and every document: before filing, what was claimed at
 * the opening or less when payments since have left less owed (the demand letter and the packet
 * never ask for more than the ledger says); once filed, what was filed (fileCase lowers it then).
 */
export function currentClaimCents(c: Pick<CaseRow, 'claim_cents' | 'filed_on'>, owed: number): number {
  return c.filed_on ? c.claim_cents : Math.max(0, Math.min(c.claim_cents, owed));
}

/**
 * The excess over the court's limit given up, with the claim above: before filing, what is owed
 * above the claim when the clerk recorded waiving the excess (payments since may have left less, or
 * nothing, above the limit); once filed, what was waived at the filing.
 */
export function currentWaivedCents(
  c: Pick<CaseRow, 'claim_cents' | 'waived_cents' | 'filed_on'>,
  owed: number,
): number {
  if (c.filed_on) return c.waived_cents;
  return c.waived_cents > 0 ? Math.max(0, owed - currentClaimCents(c, owed)) : 0;
}

/**
 * The patient's money on each filed case's accounts from the filing to the close (standing entries
 * only: a reversed payment is not recovered; a refund takes back what it refunds); every case (the
 * reports) or one (`caseId`, the case screen).
 */
export function recoveredByCase(db: Db, caseId?: number): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT c.id, -coalesce(sum(e.amount_cents), 0) AS recovered
         FROM court_cases c JOIN court_case_accounts ca ON ca.case_id = c.id
         JOIN ledger_entries e ON e.account_id = ca.account_id AND e.type IN (${PATIENT_MONEY_SQL})
          AND e.effective_date >= c.filed_on AND e.effective_date <= coalesce(c.closed_on, '9999-12-31')
        WHERE c.filed_on IS NOT NULL${caseId === undefined ? '' : ' AND c.id = ?'} AND ${entryStandsSql('e')}
        GROUP BY c.id`,
    )
    .all(...(caseId === undefined ? [] : [caseId])) as { id: number; recovered: number }[];
  return new Map(rows.map((r) => [r.id, r.recovered]));
}

/** Still owed on the judgment: what the case's accounts owe once judgment is entered (the adjustments made them so). */
export function judgmentOwed(c: Pick<CaseRow, 'status'>, owed: number): number {
  return c.status === 'judgment' ? owed : 0;
}

/** The next thing to do, in plain words for a clerk. */
export function nextStep(
  c: CaseRow,
  owed: number,
  today: string,
  p: { serveDaysBeforeHearing: number; serveDaysAfterFiling: number },
): string {
  const hearing = c.hearing_on
    ? `${formatLongDate(c.hearing_on)}${c.hearing_time ? ` at ${c.hearing_time}` : ''}${c.hearing_place ? `, ${c.hearing_place}` : ''}`
    : '';
  const open = c.status === 'open' || c.status === 'demand_sent';
  if (open && owed <= 0) return 'Nothing is owed on the case’s accounts any more: withdraw the case.';
  if ((c.status === 'filed' || c.status === 'served') && c.hearing_on && c.hearing_on < today)
    return `The hearing was on ${formatLongDate(c.hearing_on)}: record the judgment, or a continuance if the hearing was moved.`;
  switch (c.status) {
    case 'open':
      return 'Send the demand letter: it gives the guarantor a last chance to pay and the date after which the hospital will file.';
    case 'demand_sent':
      return c.file_after && today <= c.file_after
        ? `Wait for the guarantor to answer the demand letter. If nothing is paid, file the claim with ${c.court_name} from ${formatLongDate(addDays(c.file_after, 1))} (the letter said after ${formatLongDate(c.file_after)}).`
        : `The demand letter’s date has passed: file the claim with ${c.court_name} and record the case number, or withdraw the case if the guarantor has paid or set up a plan.`;
    case 'filed': {
      const serveBy = c.hearing_on
        ? addDays(c.hearing_on, -p.serveDaysBeforeHearing)
        : addDays(c.filed_on!, p.serveDaysAfterFiling);
      return c.hearing_on
        ? `Have the guarantor served by ${formatLongDate(serveBy)} (the hearing is on ${hearing}) and record how and when.`
        : `Record the hearing date the court gives, and have the guarantor served by ${formatLongDate(serveBy)}; record how and when.`;
    }
    case 'served':
      if (!c.hearing_on) return 'Record the hearing date the court gives.';
      return `Go to the hearing on ${hearing}. Bring the court packet, the testimony sheet and the original records.`;
    case 'judgment':
      return owed > 0
        ? `Collect the judgment: ${formatCents(owed)} is still owed. Record each payment as it comes in; a wage garnishment, bank levy or lien passes the 501(r) gate first.`
        : 'The judgment is paid: close the case as satisfied (file the satisfaction of judgment with the court).';
    default:
      return `Nothing: the case is closed (${CASE_STATUS_LABELS[c.status].toLowerCase()}${c.closed_on ? ` on ${formatLongDate(c.closed_on)}` : ''}).`;
  }
}

function reminderOf(db: Db, c: CaseRow, owed: number, today: string): CaseReminder | null {
  const p = smallClaimsPolicy(db);
  return caseReminder(
    {
      status: c.status,
      fileAfter: c.file_after,
      filedOn: c.filed_on,
      servedOn: c.served_on,
      hearingOn: c.hearing_on,
      judgmentOn: c.judgment_on,
      judgmentOwedCents: judgmentOwed(c, owed),
    },
    today,
    p,
  );
}

function summaryOf(
  c: CaseRow,
  owed: number,
  today: string,
  policy: { serveDaysBeforeHearing: number; serveDaysAfterFiling: number },
): CaseSummary {
  return {
    caseId: c.id,
    guarantorId: c.guarantor_id,
    guarantorName: guarantorName(c),
    status: c.status,
    state: c.state,
    courtName: c.court_name,
    county: c.county,
    caseNumber: c.case_number,
    claimCents: currentClaimCents(c, owed),
    balanceCents: owed,
    openedOn: c.opened_on,
    filedOn: c.filed_on,
    hearingOn: c.hearing_on,
    hearingTime: c.hearing_time,
    next: nextStep(c, owed, today, policy),
  };
}

/** Cases as a list shows them: open first (by hearing, then opened), then closed, newest first. */
export function caseSummaries(
  db: Db,
  today: string,
  where: { guarantorId?: number; open?: boolean } = {},
): CaseSummary[] {
  const conds: string[] = [];
  const args: (string | number)[] = [];
  if (where.guarantorId !== undefined) {
    conds.push('c.guarantor_id = ?');
    args.push(where.guarantorId);
  }
  if (where.open) conds.push(`c.status IN (${OPEN_STATUSES_SQL})`);
  // What each case's accounts owe, in the same query (owedCents: a credit counts as nothing owed).
  const rows = db
    .prepare(
      `SELECT c.*, g.first_name, g.middle_name, g.last_name, g.state,
              ${OWED_SQL} AS owed
         FROM court_cases c JOIN guarantors g ON g.id = c.guarantor_id${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}
        ORDER BY c.status IN (${OPEN_STATUSES_SQL}) DESC, c.hearing_on IS NULL, c.hearing_on, c.opened_on DESC, c.id DESC`,
    )
    .all(...args) as (CaseRow & { owed: number })[];
  const policy = smallClaimsPolicy(db);
  return rows.map((c) => summaryOf(c, c.owed, today, policy));
}

interface EventRow {
  id: number;
  kind: string;
  on_date: string;
  detail: string;
  at: string;
  by_name: string | null;
}

/** An event's words: kept with it when it was recorded; for an event another step wrote without them, said from its kind. */
function eventText(kind: string, detail: Record<string, unknown>): string {
  if (typeof detail.text === 'string' && detail.text) return detail.text;
  if (kind === 'demand' && typeof detail.fileAfter === 'string')
    return `Demand letter sent: the hospital will file after ${formatLongDate(detail.fileAfter)}.`;
  const words: Record<string, string> = {
    opened: 'Case opened.',
    demand: 'Demand letter sent.',
    filed: 'Claim filed.',
    served: 'Guarantor served.',
    hearing: 'Hearing set.',
    continued: 'Hearing continued.',
    judgment: 'Judgment entered.',
    payment: 'Payment received.',
    post_judgment: 'Post-judgment action.',
    closed: 'Case closed.',
    note: 'Note.',
  };
  return words[kind] ?? kind;
}

const POST_JUDGMENT_LABELS: Record<PostJudgmentKind, string> = {
  wage_garnishment: 'Wage garnishment',
  bank_levy: 'Bank levy',
  lien: 'Lien',
};
export { POST_JUDGMENT_LABELS };

/** The case as its screen shows it. */
export function caseDetail(db: Db, caseId: number, today: string): CaseDetail {
  const c = caseRow(db, caseId);
  const accounts = caseAccounts(db, caseId);
  const owed = owedCents(accounts);
  const events: CaseEventView[] = (
    db
      .prepare(
        `SELECT e.id, e.kind, e.on_date, e.detail, e.at, u.full_name AS by_name FROM court_case_events e
           LEFT JOIN users u ON u.id = e.by WHERE e.case_id = ? ORDER BY e.on_date, e.id`,
      )
      .all(caseId) as EventRow[]
  ).map((e) => ({
    id: e.id,
    kind: e.kind,
    on: e.on_date,
    text: eventText(e.kind, JSON.parse(e.detail) as Record<string, unknown>),
    at: e.at,
    by: e.by_name,
  }));
  const actions: CaseActionView[] = (
    db
      .prepare('SELECT id, kind, requested_on, allowed, reasons, note FROM court_actions WHERE case_id = ? ORDER BY id')
      .all(caseId) as {
      id: number;
      kind: PostJudgmentKind;
      requested_on: string;
      allowed: number;
      reasons: string;
      note: string;
    }[]
  ).map((a) => ({
    id: a.id,
    kind: a.kind,
    requestedOn: a.requested_on,
    allowed: a.allowed === 1,
    reasons: JSON.parse(a.reasons) as string[],
    note: a.note,
  }));
  const demandDocumentId =
    (db.prepare('SELECT document_id FROM court_demand_letters WHERE case_id = ?').pluck().get(caseId) as
      number | null | undefined) ?? null;
  const accountViews: CaseAccountView[] = accounts.map((a) => ({
    accountId: a.account_id,
    accountNumber: a.account_number,
    patientName: a.patient_name,
    serviceFrom: a.service_from,
    serviceTo: a.service_to,
    openedBalanceCents: a.opened_balance_cents,
    balanceCents: a.balance_cents,
  }));
  const check = caseCheck(db, c, accounts, today);
  return {
    ...summaryOf(c, owed, today, smallClaimsPolicy(db)),
    courtAddress: c.court_address,
    basis: c.basis,
    court: limitById(db, c.court_limit_id),
    balanceAtOpenCents: c.balance_cents,
    waivedCents: currentWaivedCents(c, owed),
    waiverNote: c.waiver_note,
    demandSentOn: c.demand_sent_on,
    fileAfter: c.file_after,
    demandDocumentId,
    filingFeeCents: c.filing_fee_cents,
    servedOn: c.served_on,
    serviceMethod: c.service_method,
    serviceFeeCents: c.service_fee_cents,
    hearingPlace: c.hearing_place,
    judgmentOn: c.judgment_on,
    judgmentCents: c.judgment_cents,
    costsCents: c.costs_cents,
    interestRateBp: c.interest_rate_bp,
    recoveredCents: recoveredByCase(db, c.id).get(c.id) ?? 0,
    judgmentOwedCents: judgmentOwed(c, owed),
    closedOn: c.closed_on,
    closeNote: c.close_note,
    accounts: accountViews,
    events,
    actions,
    reminder: reminderOf(db, c, owed, today),
    check,
  };
}

/**
 * The check as it stands for a case on a date: its own accounts, court, basis and waiver; its own
 * filing not counted, its own holds no bar. When the guarantor has since moved to another state, the
 * case's court is no longer the venue: the check is of the new state's courts.
 */
export function caseCheck(db: Db, c: CaseRow, accounts: readonly CaseAccountRow[], on: string): SuitDecision {
  return suitCheck(
    db,
    {
      guarantorId: c.guarantor_id,
      accountIds: accounts.map((a) => a.account_id),
      ...(limitById(db, c.court_limit_id).state === c.state ? { courtId: c.court_limit_id } : {}),
      basis: c.basis,
      waiveExcess: c.waived_cents > 0,
      caseId: c.id,
      ownHoldIds: ownHolds(accounts),
    },
    on,
  ).decision;
}

/** The case's litigation holds by account (the holds filing placed and nothing has released). */
export function ownHolds(accounts: readonly Pick<CaseAccountRow, 'account_id' | 'hold_id'>[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const a of accounts) if (a.hold_id !== null) m.set(a.account_id, a.hold_id);
  return m;
}

export { reminderOf };
