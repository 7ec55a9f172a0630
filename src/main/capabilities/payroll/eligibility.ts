// Which of a guarantor's accounts an arrangement can cover (issue 16): owing, and with the hospital.
// Each account that owes but cannot be covered comes with why, in the clerk's words.
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { accountRows } from '../accounts';
import { holdsOf } from '../compliance';
import { activePlanSql } from '../plans';
import { arrangementReference } from './reads';

export const LIVE_SQL = `('awaiting_signature','active')`;

export interface EligibleAccount {
  accountId: number;
  accountNumber: string;
  serviceFrom: string;
  serviceTo: string;
  owedCents: number;
}

const HOLD_BARS: Partial<Record<string, string>> = {
  placed_with_agency: 'At a collection agency.',
  in_litigation: 'In a court case.',
  estate_claim: 'Claimed from an estate.',
  dispute: 'The balance is disputed.',
  bankruptcy: 'The guarantor is in bankruptcy.',
  deceased: 'The guarantor is recorded as deceased.',
};

/**
 * The accounts an arrangement could cover: owing, and with the hospital (not at an agency, in a
 * court case or an estate claim, disputed or in bankruptcy, on an active payment plan or in another
 * live arrangement). Each account that owes but cannot be covered comes with why.
 */
export function accountEligibility(
  db: Db,
  guarantorId: number,
  today: string,
  exceptArrangementId = 0,
): { eligible: EligibleAccount[]; ineligible: (EligibleAccount & { reason: string })[] } {
  const holds = holdsOf(db, guarantorId, today).filter((h) => h.active);
  const onPlan = new Set(
    prepared(
      db,
      `SELECT pa.account_id FROM plan_accounts pa JOIN plans p ON p.id = pa.plan_id WHERE p.guarantor_id = ? AND ${activePlanSql('p')}`,
    )
      .pluck()
      .all(guarantorId) as number[],
  );
  const inOther = new Map(
    (
      prepared(
        db,
        `SELECT da.account_id, d.id, d.method FROM deduction_arrangement_accounts da JOIN deduction_arrangements d ON d.id = da.arrangement_id
          WHERE d.guarantor_id = ? AND d.status IN ${LIVE_SQL} AND d.id <> ?`,
      ).all(guarantorId, exceptArrangementId) as { account_id: number; id: number; method: 'payroll' | 'bank' }[]
    ).map((r) => [r.account_id, arrangementReference(r.method, r.id)]),
  );
  const eligible: EligibleAccount[] = [];
  const ineligible: (EligibleAccount & { reason: string })[] = [];
  for (const a of accountRows(db, guarantorId)) {
    if (a.balance_cents <= 0) continue;
    const acct: EligibleAccount = {
      accountId: a.id,
      accountNumber: a.account_number,
      serviceFrom: a.service_from,
      serviceTo: a.service_to,
      owedCents: a.balance_cents,
    };
    const bar = holds.find((h) => HOLD_BARS[h.reason] && (h.accountId === null || h.accountId === a.id));
    const reason = bar
      ? HOLD_BARS[bar.reason]!
      : onPlan.has(a.id)
        ? 'On an active payment plan.'
        : inOther.has(a.id)
          ? `In ${inOther.get(a.id)}.`
          : null;
    if (reason) ineligible.push({ ...acct, reason });
    else eligible.push(acct);
  }
  return { eligible, ineligible };
}
