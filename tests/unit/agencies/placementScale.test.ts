// The placement build at a million guarantors (issue 18 item 3): the accounts that may pass the
// rule's cheap tests (the minimum, the same for every payer class, BD-06; the days since the final
// notice and the first statement) are read from accounts_placeable (migration 029) in the batch's
// order, largest balance first, a slice at a time and without a sort, and the expensive facts
// (guarantor, holds, plans, placements) are read by id for those only, until the batch is full.
import { afterEach, describe, expect, it } from 'vitest';
import { buildBatches, scoreWeights } from '../../../src/main/capabilities/agencies';
import { plansOf } from '../queryPlans';
import { addAgency, AGENCY_TODAY, agencyWorld, type AgencyWorld } from './fixtures';

let w: AgencyWorld;
afterEach(() => w?.t.cleanup());

describe('the placement build reads an index in its order', () => {
  it('the eligible by the cheap facts from accounts_placeable, the facts of each by id', async () => {
    w = await agencyWorld();
    await addAgency(w, 'Acme Recovery', { share: 60 });
    const db = w.t.app.store.db;
    const by = db.prepare("SELECT id FROM users WHERE username = 'sup1'").pluck().get() as number;
    let batchIds: number[] = [];
    const statements = plansOf(db, () => {
      batchIds = buildBatches(
        db,
        { kind: 'primary', method: 'share', maxAccounts: 3 },
        AGENCY_TODAY,
        `${AGENCY_TODAY}T12:00:00.000Z`,
        by,
        scoreWeights,
      );
    });
    const slice = statements.find((s) => s.sql.includes('a.balance_cents <= @balance'));
    expect(slice?.plan, slice?.sql).toMatch(
      /SEARCH a USING COVERING INDEX accounts_placeable \(balance_cents>\? AND balance_cents<\?\)/,
    );
    expect(slice?.plan).not.toMatch(/TEMP B-TREE/);
    const facts = statements.find((s) => s.sql.includes('WHERE a.id = @id'));
    expect(facts?.plan, facts?.sql).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(facts?.plan).toMatch(/SEARCH g USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    // The three largest eligible: P1 $1,000, P4 $800, P9 $650 (P7 is held, P8's assistance pending).
    const rows = db
      .prepare(
        'SELECT a.account_number FROM placements p JOIN accounts a ON a.id = p.account_id WHERE p.batch_id = ? ORDER BY p.id',
      )
      .pluck()
      .all(batchIds[0]);
    expect(rows).toEqual(['P1', 'P4', 'P9']);
  });
});
