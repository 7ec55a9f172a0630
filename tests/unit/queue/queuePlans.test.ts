// The work queue at a million guarantors (issue 18 item 3): each source's reads are index searches
// or scans of small covering indexes, never a scan of the guarantors or the accounts tables (at that
// size some 250 and 280 MB, beyond the page cache, so every such read decrypts them again).
import { afterEach, describe, expect, it } from 'vitest';
import { badDebtQueueSource } from '../../../src/main/capabilities/badDebt/queueSource';
import { collectionsQueueSource } from '../../../src/main/capabilities/queue/collections';
import { returnedMailQueueSource } from '../../../src/main/capabilities/statements/queueSource';
import { plansOf } from '../queryPlans';
import { setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

const everything = () => true;

describe('the work queue reads by index at a million guarantors', () => {
  it('collections: the open accounts from accounts_open; a guarantor’s row only by id, for those who need a person', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    const statements = plansOf(db, () => collectionsQueueSource.items(db, '2026-11-26', everything));
    const open = statements.find((s) => /FROM accounts a\s+WHERE a.balance_cents > 0/.test(s.sql))!.plan;
    expect(open).toMatch(/SCAN a USING COVERING INDEX accounts_open/);
    // The guarantors are looked up one by one after the filter (no scan of the table), in the
    // index of what the queue reads of them (migration 032), not in the table's wide rows.
    expect(open).toMatch(/SEARCH g USING COVERING INDEX guarantors_queue \(id=\?\)/);
    // The accounts in credit are read once for the whole book (who is owed a refund), by their index.
    const credit = statements.find((s) => /WHERE a.balance_cents < 0/.test(s.sql))!.plan;
    expect(credit).toMatch(/SCAN a USING INDEX accounts_credit/);
    for (const { sql, plan } of statements) {
      expect(plan, sql).not.toMatch(/SCAN g\b(?! USING (COVERING )?INDEX)/);
      expect(plan, sql).not.toMatch(/SCAN (a|accounts)$/m);
    }
  });

  it('new addresses: the guarantors whose mail came back, from their own index', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    const [read] = plansOf(db, () => returnedMailQueueSource.items(db, '2026-11-26', everything));
    expect(read!.plan).toMatch(
      /SEARCH g USING INDEX guarantors_mail_returned \(mail_returned_on>\? AND mail_returned_on<\?\)/,
    );
  });

  it('Medicare first bills (BD-04): the Medicare accounts that owe, from their own index by remittance date', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    const statements = plansOf(db, () => badDebtQueueSource.items(db, '2026-11-26', everything));
    const near = statements.find((s) => /INDEXED BY accounts_medicare_owing/.test(s.sql))!;
    // Each remittance date by its own index, in the window only (migration 036): no scan of the
    // owing Medicare accounts, each probed for its facts.
    expect(near.plan).toMatch(
      /SEARCH w USING (COVERING )?INDEX accounts_medicare_owing \(medicare_ra_date>\? AND medicare_ra_date<\?\)/,
    );
    expect(near.plan).toMatch(
      /SEARCH w USING (COVERING )?INDEX accounts_medicare_secondary_ra \(secondary_ra_date>\? AND secondary_ra_date<\?\)/,
    );
    expect(near.plan).toMatch(
      /SEARCH w USING (COVERING )?INDEX accounts_medicare_medicaid_ra \(medicaid_ra_date>\? AND medicaid_ra_date<\?\)/,
    );
    expect(near.plan).toMatch(
      /SEARCH f USING (COVERING )?INDEX bad_debt_facts_secondary_denied \(secondary_denied_on>\? AND secondary_denied_on<\?\)/,
    );
    expect(near.plan).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(near.plan).not.toMatch(/SCAN (a|w)\b/);
  });

  it('revalidating some guarantors (the kept queue): no source scans the accounts or the guarantors, collections and credits read theirs by index', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const db = t.app.store.db;
    const only = new Set([1, 2]);
    const statements = plansOf(db, () => {
      for (const source of t.app.extensions.queueSources) source.items(db, '2026-11-26', everything, only);
    });
    for (const { sql, plan } of statements) {
      if (/\baccounts a\b/.test(sql)) {
        expect(plan, sql).not.toMatch(/SCAN a$/m);
        expect(plan, sql).not.toMatch(/SCAN a USING (COVERING )?INDEX accounts_(open|credit)\b/);
      }
      if (/\bguarantors g\b/.test(sql)) expect(plan, sql).not.toMatch(/SCAN g$/m);
      // The plans and promises (the plans' source): those of the guarantors asked, by guarantor.
      if (/FROM (plans|promises) p\b/.test(sql)) expect(plan, sql).not.toMatch(/SCAN p\b/);
    }
    const ofPlans = statements.filter((s) => /FROM (plans|promises) p JOIN guarantors g/.test(s.sql));
    expect(ofPlans.length).toBe(2);
    for (const p of ofPlans)
      expect(p.plan).toMatch(/SEARCH p USING INDEX (plans|promises)_guarantor \(guarantor_id=\?\)/);
    const open = statements.find((s) => /FROM accounts a\s+WHERE a.balance_cents > 0/.test(s.sql))!.plan;
    expect(open).toMatch(/SEARCH a USING (COVERING )?INDEX accounts_(open|guarantor) \(guarantor_id=\?/);
    // The accounts on an active plan: only those of the guarantors asked, not every plan's.
    expect(open).toMatch(/SEARCH pa USING (COVERING )?INDEX plan_accounts_account \(account_id=\?\)/);
    expect(open).not.toMatch(/SEARCH p USING (COVERING )?INDEX plans_active/);
    const credit = statements.filter((s) => /WHERE a.balance_cents < 0/.test(s.sql));
    expect(credit.length).toBeGreaterThan(0);
    for (const c of credit)
      expect(c.plan).toMatch(/SEARCH a USING (COVERING )?INDEX accounts_(credit|guarantor) \(guarantor_id=\?/);
  });
});
