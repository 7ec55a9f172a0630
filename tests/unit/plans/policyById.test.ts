// A plan's policy version (PP-01..03), read for every statement with a plan in a run: parsed once
// per stored text (issue 18), and never stale — a version replaced for its date (same id, new text)
// is read as it now stands.
import { afterEach, describe, expect, it } from 'vitest';
import { policyById, policyOn, setPolicy } from '../../../src/main/capabilities/plans/policy';
import { DEFAULT_PLAN_POLICY } from '../../../src/shared/schemas/plans';
import { setUpAndLogIn, testApp, type TestApp } from '../support';

const TODAY = '2026-11-26';
const NOW = `${TODAY}T12:00:00.000Z`;
let t: TestApp;
afterEach(() => t?.cleanup());

describe('policyById (PP-01..03)', () => {
  it('gives the version as stored, parsed once, and sees a change to it at once', async () => {
    t = testApp({ today: TODAY });
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    const by = db.prepare('SELECT min(id) FROM users').pluck().get() as number;
    const first = policyOn(db, TODAY, NOW);
    expect(policyById(db, first.id)).toEqual(DEFAULT_PLAN_POLICY);
    // The same text: the same parsed object, which no caller can change under another.
    expect(policyById(db, first.id)).toBe(policyById(db, first.id));
    expect(Object.isFrozen(policyById(db, first.id).tiers[0])).toBe(true);
    // A version for a later date, then replaced for that date: the same row, a new text.
    const later = setPolicy(db, '2026-12-01', { ...DEFAULT_PLAN_POLICY, graceDays: 15 }, TODAY, NOW, by);
    expect(policyById(db, later.id).graceDays).toBe(15);
    const replaced = setPolicy(db, '2026-12-01', { ...DEFAULT_PLAN_POLICY, graceDays: 25 }, TODAY, NOW, by);
    expect(replaced.id).toBe(later.id);
    expect(policyById(db, later.id).graceDays).toBe(25);
    // Changed in the store by any other way too.
    db.prepare('UPDATE plan_policies SET policy = ? WHERE id = ?').run(
      JSON.stringify({ ...DEFAULT_PLAN_POLICY, cureDays: 33 }),
      first.id,
    );
    expect(policyById(db, first.id).cureDays).toBe(33);
    expect(policyById(db, later.id).graceDays).toBe(25);
  });

  it('refuses a missing version and a stored text that is not a policy', async () => {
    t = testApp({ today: TODAY });
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    const first = policyOn(db, TODAY, NOW);
    expect(() => policyById(db, first.id + 1000)).toThrow(/missing/);
    db.prepare('UPDATE plan_policies SET policy = ? WHERE id = ?').run(
      JSON.stringify({ ...DEFAULT_PLAN_POLICY, graceDays: -1 }),
      first.id,
    );
    expect(() => policyById(db, first.id)).toThrow();
  });
});
