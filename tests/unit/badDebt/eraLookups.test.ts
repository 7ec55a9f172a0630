// Issue 18: the 835 import takes the file the preview just read (same bytes, same SHA-256) rather
// than reading it again. Whatever the order, what posts must be what an import alone posts (X-01,
// each real file imported after its preview and without one, on two books alike. The file
// detail's claims, read as arrays and named (fileDetail), are the stored rows as claimView shows them.
import { afterEach, describe, expect, it } from 'vitest';
import { claimView, type ClaimRow } from '../../../src/main/capabilities/badDebt/era';
import type { RemittanceAdjustmentsRow } from '../../../src/main/store/schema';
import { count, eraWorld, fixture, snapshot, upload, type EraWorld } from './eraSupport';

const worlds: EraWorld[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.t.cleanup();
});

const FILES = [
  'managed-care.835',
  'medicare-part-a.835',
  'secondary-payment.835',
  'tertiary-payment.835',
  'cob-contractural-adjustment.835',
];

async function world(): Promise<EraWorld> {
  const w = await eraWorld();
  worlds.push(w);
  return w;
}

const ledger = (w: EraWorld) =>
  w.t.app.store.db
    .prepare('SELECT account_id, type, amount_cents, effective_date, reference, memo FROM ledger_entries ORDER BY id')
    .all();

describe('an import after its preview posts what an import alone posts', () => {
  it.each(FILES)('%s', async (name) => {
    const previewed = await world();
    const alone = await world();
    const id1 = await upload(previewed.t, previewed.clerk, name, fixture(name));
    const id2 = await upload(alone.t, alone.clerk, name, fixture(name));
    const before = snapshot(previewed.t);
    const preview = await previewed.t.call('era:preview', { uploadId: id1 }, previewed.clerk);
    expect(snapshot(previewed.t)).toBe(before);
    const afterPreview = await previewed.t.call('era:import', { uploadId: id1 }, previewed.clerk);
    const direct = await alone.t.call('era:import', { uploadId: id2 }, alone.clerk);
    expect(afterPreview.totals).toEqual(preview.totals);
    expect(afterPreview.transactions).toEqual(direct.transactions);
    expect(afterPreview.totals).toEqual(direct.totals);
    expect(ledger(previewed)).toEqual(ledger(alone));
  });

  it('a preview of one file and the import of another reads the other', async () => {
    const w = await world();
    const a = await upload(w.t, w.clerk, 'managed-care.835', fixture('managed-care.835'));
    const b = await upload(w.t, w.clerk, 'medicare-part-a.835', fixture('medicare-part-a.835'));
    await w.t.call('era:preview', { uploadId: a }, w.clerk);
    const detail = await w.t.call('era:import', { uploadId: b }, w.clerk);
    expect(detail.file.fileName).toBe('medicare-part-a.835');
    expect(detail.transactions.map((t) => t.payerName)).not.toContain('RUSHMORE LIFE');
    expect(count(w.t, 'remittance_files')).toBe(1);
    // The first file, imported after the other, is read for itself.
    const a2 = await upload(w.t, w.clerk, 'managed-care.835', fixture('managed-care.835'));
    const first = await w.t.call('era:import', { uploadId: a2 }, w.clerk);
    expect(first.transactions.map((t) => t.payerName)).toEqual(['RUSHMORE LIFE']);
  });
});

describe('the file detail reads its claims as arrays and names them (issue 18)', () => {
  it.each(FILES)('%s: every claim as claimView shows a stored row', async (name) => {
    const w = await world();
    const id = await upload(w.t, w.clerk, name, fixture(name));
    const detail = await w.t.call('era:import', { uploadId: id }, w.clerk);
    const db = w.t.app.store.db;
    // The row as SELECT * names it (every column), through the one view.
    const stored = (
      db.prepare('SELECT id FROM remittance_claims ORDER BY transaction_id, seq').pluck().all() as number[]
    ).map((claimId) => {
      const row = db
        .prepare(
          'SELECT c.*, a.account_number FROM remittance_claims c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.id = ?',
        )
        .get(claimId) as ClaimRow;
      const adjustments = db
        .prepare('SELECT * FROM remittance_adjustments WHERE claim_id = ? ORDER BY id')
        .all(claimId) as RemittanceAdjustmentsRow[];
      return claimView(row, adjustments);
    });
    expect(stored.length).toBeGreaterThan(0);
    expect(detail.transactions.flatMap((t) => t.claims)).toEqual(stored);
  });
});
