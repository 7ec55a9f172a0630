// BD-06: the collection-effort evidence, through its channel, on the book of documentsWorld.ts.
// By hand, for 2025 (every account billed four times: 02/10, 03/12, 04/11, 05/11):
//   Medicare M1, M2, M3: statements 4, 4, 4 -> 4.0; letters 1 (G1's letter about all accounts), 0, 0
//   -> 0.3; calls 1, 0, 1 -> 0.7; placed M1 -> 33%; M1 from its first bill 02/10 to its placement
//   06/15 = 125 days.
//   Non-Medicare C1, S1: statements 4.0; letters 1, 0 -> 0.5; calls 1, 0 -> 0.5; placed C1 -> 50%;
//   C1 02/10 -> 06/15 = 125 days.
//   The shares placed differ by 17 points (more than 10): not alike.
// For January to March: two statements each, no letter, calls 2/3 against 1/2, nobody placed: alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effortEvidence } from '../../../src/main/capabilities/badDebt/effort';
import { pdfText } from '../smallClaims/docSupport';
import { docsWorld, type DocsWorld } from './documentsWorld';

let w: DocsWorld;
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  w = await docsWorld();
}, 90_000);
afterAll(() => w.t.cleanup());

describe('the collection-effort evidence (BD-06)', () => {
  it('compares Medicare with the rest, figure by figure, from the store', () => {
    const e = effortEvidence(w.t.app.store.db, '2025-01-01', '2025-12-31', '2025-10-01', 'Test clerk');
    expect(e.medicare).toEqual({
      accounts: 3,
      statementsPerAccount: 4,
      lettersPerAccount: 1 / 3,
      callsPerAccount: 2 / 3,
      placedShare: 1 / 3,
      medianDaysToWriteOffOrPlacement: 125,
      reached: 1,
    });
    expect(e.nonMedicare).toEqual({
      accounts: 2,
      statementsPerAccount: 4,
      lettersPerAccount: 0.5,
      callsPerAccount: 0.5,
      placedShare: 0.5,
      medianDaysToWriteOffOrPlacement: 125,
      reached: 1,
    });
    expect(e.alike).toBe(false);
    expect(e.sentence).toContain('the share placed with an agency (33% against 50%)');
  });

  it('says they were treated alike when the figures are close', () => {
    const e = effortEvidence(w.t.app.store.db, '2025-01-01', '2025-03-31', '2025-10-01', 'Test clerk');
    expect(e.medicare.statementsPerAccount).toBe(2);
    expect(e.nonMedicare.statementsPerAccount).toBe(2);
    expect(e.medicare.placedShare).toBe(0);
    expect(e.alike).toBe(true);
    expect(e.comparable).toBe(true);
    expect(e.sentence).toMatch(/^Medicare and non-Medicare accounts were treated alike/);
  });

  it('does not say "treated alike" when a group had nothing billed, and points to the policy below', async () => {
    // 2024: nobody was billed (the first statements are of 2025-02-10).
    const e = effortEvidence(w.t.app.store.db, '2024-01-01', '2024-12-31', '2025-10-01', 'Test clerk');
    expect(e.medicare.accounts).toBe(0);
    expect(e.nonMedicare.accounts).toBe(0);
    expect(e.alike).toBe(false);
    expect(e.comparable).toBe(false);
    expect(e.sentence).toMatch(/^No account was billed in the period, so these figures cannot show/);
    expect(e.sentence).toContain('The policy below');
    const file = await w.t.call(
      'badDebt:effortEvidence',
      { periodFrom: '2024-01-01', periodTo: '2024-12-31' },
      w.clerk,
    );
    const text = flat(pdfText(await w.t.file(file)));
    expect(text).toContain('Cannot be shown from the figures');
    expect(text).not.toContain('Treated alike');
    // The verdict comes before the policy it points to.
    expect(text.indexOf('The policy below')).toBeLessThan(text.indexOf('none of them has a payer class'));
  });

  it("counts the billing system's first bill when Recoup sent no statement that day", () => {
    // January 2025: no Recoup statement (the first is of 02/10). M2's extract says its first bill
    // went out 2025-01-25: M2 is billed in January, 1 bill; nobody else is -> cannot compare.
    const db = w.t.app.store.db;
    const before = db.prepare(`SELECT first_statement_date FROM accounts WHERE account_number = 'M2'`).pluck().get();
    db.prepare(`UPDATE accounts SET first_statement_date = '2025-01-25' WHERE account_number = 'M2'`).run();
    try {
      const e = effortEvidence(db, '2025-01-01', '2025-01-31', '2025-10-01', 'Test clerk');
      expect(e.medicare.accounts).toBe(1);
      expect(e.medicare.statementsPerAccount).toBe(1);
      expect(e.nonMedicare.accounts).toBe(0);
      expect(e.comparable).toBe(false);
      expect(e.sentence).toMatch(/^No non-Medicare account was billed in the period/);
      // Over 2025 the billing system's bill adds to Recoup's four: (5 + 4 + 4) / 3.
      const year = effortEvidence(db, '2025-01-01', '2025-12-31', '2025-10-01', 'Test clerk');
      expect(year.medicare.statementsPerAccount).toBeCloseTo(13 / 3, 10);
    } finally {
      db.prepare(`UPDATE accounts SET first_statement_date = ? WHERE account_number = 'M2'`).run(before);
    }
  });

  it('prints the policy, the table and the sentence', async () => {
    const file = await w.t.call(
      'badDebt:effortEvidence',
      { periodFrom: '2025-01-01', periodTo: '2025-12-31' },
      w.clerk,
    );
    const text = flat(pdfText(await w.t.file(file)));
    expect(text).toContain('Collection effort: Medicare and non-Medicare accounts compared');
    expect(text).toContain('Not treated alike');
    expect(text).toContain('none of them has a payer class, so Medicare and non-Medicare balances are billed');
    expect(text).toContain('Accounts billed in the period 3 2');
    expect(text).toContain('Bills sent per account (average) 4.0 4.0');
    expect(text).toContain('Letters per account (average) 0.3 0.5');
    expect(text).toContain('Calls per account (average) 0.7 0.5');
    expect(text).toContain('Share placed with a collection agency 33% 50%');
    expect(text).toContain('Median days from the first bill to a write-off or placement 125 125');
    expect(text).toContain('Page 1 of 1');
    const event = w.t.app.store.db
      .prepare(`SELECT kind FROM audit_events WHERE channel = 'badDebt:effortEvidence' ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get();
    expect(event).toBe('print');
  });

  it('refuses a period that ends before it begins', async () => {
    await expect(
      w.t.call('badDebt:effortEvidence', { periodFrom: '2025-12-31', periodTo: '2025-01-01' }, w.clerk),
    ).rejects.toThrow(/invalid_input/);
  });
});
