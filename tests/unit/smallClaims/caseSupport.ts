// Steps of a case the tests share. The demand letter is the documents' step (smallClaims:demand,
// demand.ts); where a test needs a case past it without drawing the letter, `demandRecorded` writes
// what the demand step records (status, date sent, file-after date, its event) through the row layer.
import { changeCase, insertEvent } from '../../../src/main/capabilities/smallClaims/rows';
import type { CourtWorld } from './fixtures';

export const LA_COURT = {
  courtName: 'Los Angeles Superior Court, Stanley Mosk Courthouse',
  courtAddress: '111 N Hill St, Los Angeles, CA 90012',
  county: 'Los Angeles',
  waiverNote: '',
};

/** The CA small-claims court's limit row id (seeded by migration 021). */
export function caCourtId(w: CourtWorld): number {
  return w.t.app.store.db.prepare("SELECT id FROM court_limits WHERE state = 'CA'").pluck().get() as number;
}

/** G1's case for both accounts (C1 $1,500.00, C2 $450.00), opened by the clerk today. */
export async function openG1(w: CourtWorld): Promise<number> {
  const { caseId } = await w.t.call(
    'smallClaims:open',
    {
      guarantorId: w.gid('G1'),
      accountIds: [w.acct('C1'), w.acct('C2')],
      courtId: caCourtId(w),
      basis: 'open_account',
      ...LA_COURT,
    },
    w.clerk,
  );
  return caseId;
}

export function demandRecorded(w: CourtWorld, caseId: number, sentOn: string, fileAfter: string): void {
  const db = w.t.app.store.db;
  changeCase(db, caseId, { status: 'demand_sent', demand_sent_on: sentOn, file_after: fileAfter });
  insertEvent(db, caseId, 'demand', sentOn, { fileAfter }, w.t.app.nowIso(), null);
}

/** Every ECA-register row of an account, oldest first. */
export function register(w: CourtWorld, accountId: number) {
  return w.t.app.store.db
    .prepare('SELECT kind, attempted_on, allowed, allowed_from FROM eca_attempts WHERE account_id = ? ORDER BY id')
    .all(accountId) as { kind: string; attempted_on: string; allowed: number; allowed_from: string | null }[];
}

/** An account's balance as the ledger has it: the sum of its entries. */
export function ledgerSum(w: CourtWorld, accountId: number): number {
  return w.t.app.store.db
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE account_id = ?')
    .pluck()
    .get(accountId) as number;
}

/** The case's litigation holds in force (placed by filing, not released). */
export function activeLitigationHolds(w: CourtWorld, guarantorId: number) {
  return w.t.app.store.db
    .prepare(
      "SELECT account_id, note FROM holds WHERE guarantor_id = ? AND reason = 'in_litigation' AND released_on IS NULL ORDER BY account_id",
    )
    .all(guarantorId) as { account_id: number; note: string }[];
}

/** A call's refusal: its code, message and fields. */
export async function refusal(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    return (e as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
  }
  throw new Error('the call was not refused');
}

/** What a refused step must leave as it was: every case table, the holds, the ledger, the activity log. */
export function footprint(w: CourtWorld): string {
  const db = w.t.app.store.db;
  const tables = [
    'court_cases',
    'court_case_accounts',
    'court_case_events',
    'court_actions',
    'holds',
    'ledger_entries',
    'activities',
    'accounts',
  ];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
}
