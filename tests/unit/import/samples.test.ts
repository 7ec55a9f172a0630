// The sample extracts shipped in resources/samples: the clean one imports, the other is refused
// with every bad line named, and nothing is written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csvHeaders } from '../../../src/main/capabilities/imports/csv';
import { autoMapping, runImport } from '../../../src/main/capabilities/imports/importer';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import { setUpAndLogIn, testApp, type TestApp, importHooks } from '../support';

const samples = path.resolve(__dirname, '../../../resources/samples');
let t: TestApp;
afterEach(() => t?.cleanup());

function combined(name: string) {
  const text = readFileSync(path.join(samples, name), 'utf8');
  return [
    {
      name,
      layout: 'combined' as const,
      text,
      mapping: {
        layout: 'combined' as const,
        columns: autoMapping(csvHeaders(text), 'combined'),
        dateFormat: 'YYYY-MM-DD' as const,
        encoding: 'utf-8' as const,
        amountSign: 'signed' as const,
        typeCodes: {},
      },
    },
  ];
}

describe('sample extracts', () => {
  it('the clean sample imports all-or-nothing and reconciles', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const report = await runImport(t.app.store.db, combined('extract-clean.csv'), {
      ...importHooks(t),
      mode: 'commit',
      now: t.app.nowIso(),
      userId: 1,
      source: 'test',
    });
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.guarantors.created).toBe(6);
    expect(report.transactions.created).toBe(88);
    expect(verifyBalances(t.app.store.db).ok).toBe(true);
  });

  it('the sample with errors lists each bad line with its column and a plain reason, and writes nothing', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const report = await runImport(t.app.store.db, combined('extract-with-errors.csv'), {
      ...importHooks(t),
      mode: 'commit',
      now: t.app.nowIso(),
      userId: 1,
      source: 'test',
    });
    expect(report.committed).toBe(false);
    const byLine = new Map(report.errors.map((e) => [e.line, e]));
    expect(byLine.get(3)).toMatchObject({
      column: 'effective_date',
      reason: expect.stringContaining('is not a real date'),
    });
    expect(byLine.get(5)).toMatchObject({
      column: 'amount',
      reason: expect.stringContaining('more than two decimals'),
    });
    expect(byLine.get(8)).toMatchObject({
      column: 'last_name',
      reason: 'Line 8, column last_name: empty, but a value is required.',
    });
    expect(byLine.get(10)).toMatchObject({
      column: 'transaction_id',
      reason: expect.stringContaining('duplicate of line 9'),
    });
    expect(byLine.get(12)).toMatchObject({
      column: 'transaction_type',
      reason: expect.stringContaining('not a known transaction type'),
    });
    expect(byLine.get(14)?.reason).toMatch(/has 52 fields; the header has 51/);
    expect(byLine.get(16)).toMatchObject({ column: 'amount', reason: expect.stringContaining('is not an amount') });
    expect(report.errorCount).toBe(7);
    const db = t.app.store.db;
    expect(db.prepare('SELECT count(*) FROM guarantors').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM ledger_entries').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });
});
