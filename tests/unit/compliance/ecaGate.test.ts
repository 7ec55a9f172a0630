// The 501(r) gate as a service: every ECA kind refused too early (with the date it becomes
// allowed) and allowed on time; every attempt is in the register; the estate release (ECA-04).
import { afterEach, describe, expect, it } from 'vitest';
import { attemptEca, checkEca } from '../../../src/main/capabilities/compliance/ecaGate';
import { ECA_KINDS } from '../../../src/shared/rules/ecaClock';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';
import { importSmall } from '../accounts/fixtures';
import { courtWorld } from '../smallClaims/fixtures';
import { backfillFinalNoticeActions } from '../../../src/main/store/migrations/021_small_claims';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  // A1's first statement went out 2025-02-01 (D0); its final notice 2025-06-01.
  t.app.store.db.prepare(`UPDATE accounts SET final_notice_date = '2025-06-01' WHERE id = ?`).run(ids.a1);
  return { admin, ...ids };
}

describe('the ECA gate', () => {
  it.each(ECA_KINDS)('%s: refused the day before the notice deadline, allowed on it', async (kind) => {
    const { a1 } = await ready();
    const db = t.app.store.db;
    expect(() => attemptEca(db, a1, kind, '2025-06-30', t.app.nowIso(), 1)).toThrow(
      /not allowed yet for account A1: .*It is allowed from July 1, 2025\./,
    );
    expect(attemptEca(db, a1, kind, '2025-07-01', t.app.nowIso(), 1).allowed).toBe(true);
    const register = db.prepare('SELECT kind, attempted_on, allowed, allowed_from FROM eca_attempts ORDER BY id').all();
    expect(register).toEqual([
      { kind, attempted_on: '2025-06-30', allowed: 0, allowed_from: '2025-07-01' },
      { kind, attempted_on: '2025-07-01', allowed: 1, allowed_from: '2025-07-01' },
    ]);
  });

  it('an account with no final notice is refused with the reason and no date', async () => {
    const { a2 } = await ready();
    expect(() => attemptEca(t.app.store.db, a2, 'credit_report', '2026-11-26', t.app.nowIso(), 1)).toThrow(
      /final notice with the plain-language summary has not been sent/,
    );
  });

  it('a pending application suspends the gate for the guarantor’s accounts', async () => {
    const { a1, jane } = await ready();
    t.app.store.db.prepare(`UPDATE guarantors SET fap_status = 'pending' WHERE id = ?`).run(jane);
    expect(checkEca(t.app.store.db, a1, 'wage_garnishment', '2026-11-26')).toMatchObject({
      allowed: false,
      allowedFrom: null,
    });
  });

  it('ECA-04: an estate claim before the clock allows waits for a supervisor release, given through the channel with a reason', async () => {
    // A2 has had no final notice: the clock cannot allow any ECA.
    const { admin, a2 } = await ready();
    const clerk = await addUserAndLogIn(t, admin, 'clerk');
    expect((await t.call('eca:check', { accountId: a2, kind: 'estate_claim' }, clerk)).reasons.at(-1)).toBe(
      'A claim against an estate goes before the clock allows only when a supervisor releases it with a reason, as where the probate deadline comes first (ECA-04).',
    );
    expect(await t.raw('eca:releaseEstateClaim', { accountId: a2, reason: 'counsel agreed' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await t.call('eca:releaseEstateClaim', { accountId: a2, reason: 'counsel agreed' }, admin);
    expect((await t.call('eca:check', { accountId: a2, kind: 'estate_claim' }, clerk)).allowed).toBe(true);
    // The release is for the estate claim alone.
    expect((await t.call('eca:check', { accountId: a2, kind: 'lien' }, clerk)).allowed).toBe(false);
  });

  it('refuses while a hold stands on the account or the guarantor, and allows once it is released', async () => {
    const { admin, jane, a1, a2 } = await ready();
    const db = t.app.store.db;
    const { id } = await t.call(
      'holds:place',
      { guarantorId: jane, accountId: a1, reason: 'dispute', note: '' },
      admin,
    );
    expect(() => attemptEca(db, a1, 'civil_action', '2026-11-26', t.app.nowIso(), 1)).toThrow(
      /on hold \(balance disputed\)/,
    );
    // The hold is on A1 alone; A2's own clock decides for A2.
    expect(checkEca(db, a2, 'civil_action', '2026-11-26').reasons.join(' ')).not.toMatch(/on hold/);
    await t.call('holds:release', { holdId: id, note: 'resolved' }, admin);
    expect(attemptEca(db, a1, 'civil_action', '2026-11-26', t.app.nowIso(), 1).allowed).toBe(true);
  });

  it('a payment in between does not move the clock (ECA-05 counts from D0 and the notice; BD-05 is another clock)', async () => {
    const { admin, jane, a1 } = await ready();
    const db = t.app.store.db;
    const before = checkEca(db, a1, 'credit_report', '2025-06-30');
    expect(before).toMatchObject({ allowed: false, allowedFrom: '2025-07-01' });
    await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '881',
        amountCents: 5_000,
        effectiveDate: '2025-06-15',
        allocations: [{ accountId: a1, amountCents: 5_000 }],
      },
      admin,
    );
    expect(checkEca(db, a1, 'credit_report', '2025-06-30')).toMatchObject({
      allowed: false,
      allowedFrom: '2025-07-01',
    });
    expect(checkEca(db, a1, 'credit_report', '2025-07-01').allowed).toBe(true);
  });

  it('an action the final notice Recoup sent did not name waits for a notice that names it (ECA-05)', async () => {
    // The court book's final notice (2026-05-03) named a credit report, a civil action, wage
    // garnishment and a bank levy; D0 + 120 = notice + 30 = 2026-06-02.
    const w = await courtWorld();
    try {
      const db = w.t.app.store.db;
      expect(db.prepare("SELECT final_notice_actions FROM accounts WHERE account_number = 'C1'").pluck().get()).toBe(
        '["credit_report","civil_action","wage_garnishment","bank_levy"]',
      );
      expect(checkEca(db, w.acct('C1'), 'civil_action', '2026-06-02').allowed).toBe(true);
      expect(checkEca(db, w.acct('C1'), 'credit_report', '2026-06-02').allowed).toBe(true);
      expect(checkEca(db, w.acct('C1'), 'wage_garnishment', '2026-06-02').allowed).toBe(true);
      for (const kind of ['lien', 'debt_sale'] as const) {
        const d = checkEca(db, w.acct('C1'), kind, '2026-06-02');
        expect(d).toMatchObject({ allowed: false, allowedFrom: null });
        expect(d.reasons.join(' ')).toMatch(
          /final notice of May 3, 2026 did not name .* a final notice naming it must go out first \(ECA-05\)/,
        );
      }
      // A notice sent before Recoup kept the actions (migration 021) has them filled in from its
      // recorded snapshot, so the older notices are judged too.
      db.prepare('UPDATE accounts SET final_notice_actions = NULL').run();
      expect(checkEca(db, w.acct('C1'), 'lien', '2026-06-02').allowed).toBe(true); // not judged while unknown
      expect(backfillFinalNoticeActions(db)).toBe(5); // C1, C2, C3, N1, X1
      expect(db.prepare("SELECT final_notice_actions FROM accounts WHERE account_number = 'C1'").pluck().get()).toBe(
        '["credit_report","civil_action","wage_garnishment","bank_levy"]',
      );
      // The refusal is in the register like any other.
      expect(() => attemptEca(db, w.acct('C1'), 'lien', '2026-06-02', w.t.app.nowIso(), 1)).toThrow(
        /did not name “place a lien”/,
      );
      expect(
        db.prepare("SELECT allowed FROM eca_attempts WHERE kind = 'lien' AND account_id = ?").pluck().all(w.acct('C1')),
      ).toEqual([0]);
    } finally {
      w.t.cleanup();
    }
  });
});
