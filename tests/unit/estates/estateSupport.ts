// Steps of an estate the tests share. Filing is the documents' step (estates:file, claim.ts: the
// gate, the statement of claim and the cover letter); where a test needs an estate past it without
// drawing the documents, `filedByRows` writes what filing records (status, date, where, the claim
// per account and in all, its event) through the row layer.
import { changeEstate, changeEstateAccount, insertEstateEvent } from '../../../src/main/capabilities/estates/rows';
import { estateAccounts } from '../../../src/main/capabilities/estates/views';
import type { EstateWorld } from './fixtures';

export const SUPERVISOR_APPROVAL = { username: 'sup1', password: 'password-for-sup1' };

export function filedByRows(w: EstateWorld, estateId: number, on: string): number {
  const db = w.t.app.store.db;
  const accounts = estateAccounts(db, estateId).filter((a) => a.balance_cents > 0);
  const claim = accounts.reduce((t, a) => t + a.balance_cents, 0);
  for (const a of accounts) changeEstateAccount(db, estateId, a.account_id, { claimCents: a.balance_cents });
  changeEstate(db, estateId, { status: 'filed', filed_on: on, filed_with: 'clerk', claim_cents: claim });
  insertEstateEvent(db, estateId, 'filed', on, { claimCents: claim, filedWith: 'clerk' }, w.t.app.nowIso(), null);
  return claim;
}

/** Every ECA-register row of an account, oldest first. */
export function register(w: EstateWorld, accountId: number) {
  return w.t.app.store.db
    .prepare('SELECT kind, attempted_on, allowed, allowed_from FROM eca_attempts WHERE account_id = ? ORDER BY id')
    .all(accountId) as { kind: string; attempted_on: string; allowed: number; allowed_from: string | null }[];
}
