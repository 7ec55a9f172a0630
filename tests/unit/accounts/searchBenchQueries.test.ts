// Issue 18: the search bench measures queries that find someone — names in other scripts among
// them — not empty lookups. On a small synthetic store with the bench's 1% of script guarantors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addScriptGuarantors, searchQueries } from '../../../src/bench/search';
import { search } from '../../../src/main/capabilities/accounts/search';
import { runImport } from '../../../src/main/capabilities/imports/importer';
import { extractFiles, generateExtract } from '../../../src/main/demo/synthetic';
import { importHooks, setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
beforeAll(async () => {
  t = testApp();
  await setUpAndLogIn(t);
  const x = generateExtract({ seed: 20261126, guarantors: 1500, today: '2026-11-26' });
  const report = await runImport(t.app.store.db, extractFiles(x), {
    ...importHooks(t),
    mode: 'commit',
    now: t.app.nowIso(),
    userId: 1,
    source: 'test',
  });
  if (!report.committed) throw new Error('import failed');
});
afterAll(() => t.cleanup());

describe('the search bench’s queries', () => {
  it('adds 1% of guarantors with names in other scripts, once', () => {
    const db = t.app.store.db;
    expect(addScriptGuarantors(db, '2026-11-26T09:00:00.000Z')).toBe(15);
    expect(addScriptGuarantors(db, '2026-11-26T09:00:00.000Z')).toBe(15);
    expect(db.prepare('SELECT count(*) FROM guarantors').pluck().get()).toBe(1515);
  });

  it('mix seven kinds, and every query finds someone, by what it looks for', () => {
    const db = t.app.store.db;
    const queries = searchQueries(db, 140);
    const kinds = new Map<string, number>();
    for (const { kind } of queries) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({
      name_prefixes: 20,
      full_name: 20,
      account_number: 20,
      mrn: 20,
      phone: 20,
      date_of_birth: 20,
      script_name: 20,
    });
    const on = { script_name: 'name', name_prefixes: 'name', full_name: 'name' } as Record<string, string>;
    for (const { kind, query } of queries) {
      const found = search(db, query);
      expect({ query, found: found.length > 0 }).toEqual({ query, found: true });
      expect(found[0]!.matchedOn).toBe(on[kind] ?? kind);
    }
    // The script queries are written in their scripts (not only accented Latin).
    const scripts = queries.filter((q) => q.kind === 'script_name').map((q) => q.query);
    expect(scripts.some((q) => /\p{Script=Cyrillic}/u.test(q))).toBe(true);
    expect(scripts.some((q) => /\p{Script=Han}/u.test(q))).toBe(true);
    expect(scripts.some((q) => /\p{Script=Arabic}/u.test(q))).toBe(true);
  });
});
