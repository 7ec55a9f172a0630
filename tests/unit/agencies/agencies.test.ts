// Agencies and their contracts (issue 12 item 1): kept by a supervisor, every change in the
// history, fees from a date (a placement keeps the fee of its day), layouts checked against the
// file's fields (HP-02: a placement layout cannot ask for anything beyond the minimum necessary).
import { afterEach, describe, expect, it } from 'vitest';
import { readLayout, writeLayout } from '../../../src/main/capabilities/agencies/layouts';
import { defaultLayout, type AgencyLayout } from '../../../src/shared/schemas/agencies';
import { addAgency, agencyWorld, placeByHand, type AgencyWorld } from './fixtures';

let w: AgencyWorld | undefined;
afterEach(() => w?.t.cleanup());

describe('an agency and its contract', () => {
  it('keeps every change in its history; a clerk may read but not change it', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await w.t.call(
      'agencies:save',
      {
        agencyId,
        name: 'Acme Recovery',
        baaSignedOn: '2026-01-15',
        recallDays: 120,
        remittanceMethod: 'net',
        sharePercent: 100,
        licenceStates: ['ME', 'NH'],
      },
      w.supervisor,
    );
    await w.t.call(
      'agencies:setFee',
      { agencyId, kind: 'primary', rateBp: 2_200, effectiveFrom: '2026-12-15' },
      w.supervisor,
    );
    const d = await w.t.call('agencies:get', { agencyId }, w.clerk);
    expect(d).toMatchObject({ recallDays: 120, remittanceMethod: 'net', licenceStates: ['ME', 'NH'] });
    expect(d.feesToday).toEqual({ primary: 2_500, secondary: null, legal: null });
    expect(d.fees.map((f) => [f.kind, f.rateBp, f.effectiveFrom])).toEqual([
      ['primary', 2_200, '2026-12-15'],
      ['primary', 2_500, '2026-01-01'],
    ]);
    expect(d.history.map((h) => h.what)).toEqual([
      'Primary fee 22.00% from 2026-12-15',
      'Changed: licence states, recall days, remittance method',
      'Primary fee 25.00% from 2026-01-01',
      'Agency added',
    ]);
    expect(
      await w.t.raw('agencies:save', { name: 'X', recallDays: 90, remittanceMethod: 'net', sharePercent: 0 }, w.clerk),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The same fee date twice is refused; a name taken is refused (letter case aside).
    expect(
      await w.t.raw(
        'agencies:setFee',
        { agencyId, kind: 'primary', rateBp: 1_000, effectiveFrom: '2026-12-15' },
        w.supervisor,
      ),
    ).toMatchObject({ ok: false, error: { code: 'conflict', fields: { effectiveFrom: expect.any(String) } } });
    expect(
      await w.t.raw(
        'agencies:save',
        { name: 'ACME RECOVERY', recallDays: 90, remittanceMethod: 'net', sharePercent: 0 },
        w.supervisor,
      ),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a placement keeps the fee of its day; inactive agencies take nothing and keep their history', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await w.t.call(
      'agencies:setFee',
      { agencyId, kind: 'primary', rateBp: 2_200, effectiveFrom: '2026-12-15' },
      w.supervisor,
    );
    await placeByHand(w, agencyId, ['P1']);
    const batches = await w.t.call('placements:batches', {}, w.clerk);
    const rows = (await w.t.call('placements:batch', { batchId: batches[0]!.id }, w.clerk)).rows;
    expect(rows[0]?.feeRateBp).toBe(2_500);
    await w.t.call('agencies:setActive', { agencyId, active: false, note: 'Contract ended' }, w.supervisor);
    const r = await w.t.raw(
      'placements:build',
      { kind: 'primary', method: 'hand', agencyId, accountIds: [w.acct('P2')] },
      w.clerk,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const list = await w.t.call('agencies:list', {}, w.clerk);
    expect(list[0]).toMatchObject({
      active: false,
      placedCount: 1,
      placedCents: 100_000,
      cannotPlace: 'Acme Recovery is inactive.',
    });
  });
});

describe('layouts', () => {
  it('refuses a placement layout asking for a field beyond the minimum necessary (HP-02), and overlaps', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    const r = await w.t.raw(
      'agencies:setLayout',
      {
        agencyId,
        file: 'placement',
        layout: {
          format: 'csv',
          columns: [
            { field: 'account_number', heading: 'A' },
            { field: 'last_name', heading: 'L' },
            { field: 'first_name', heading: 'F' },
            { field: 'balance', heading: 'B' },
            { field: 'service_type', heading: 'T' },
          ],
        },
      },
      w.supervisor,
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'layout.columns.4.field': expect.stringContaining('HP-02') } },
    });
    const overlap = await w.t.raw(
      'agencies:setLayout',
      {
        agencyId,
        file: 'recall',
        layout: {
          format: 'fixed',
          columns: [
            { field: 'account_number', start: 1, width: 10 },
            { field: 'recalled_on', start: 10, width: 8 },
            { field: 'recall_reason', start: 18, width: 10 },
          ],
        },
      },
      w.supervisor,
    );
    expect(overlap).toMatchObject({
      ok: false,
      error: { fields: { 'layout.columns.1.start': expect.stringContaining('overlaps') } },
    });
  });

  it('writes CSV with the delimiter asked, formulas neutralised, and reads it back; fixed-width both ways', () => {
    const csv: AgencyLayout = {
      format: 'csv',
      delimiter: 'pipe',
      header: true,
      dateFormat: 'MM/DD/YYYY',
      amounts: 'dollars',
      columns: [
        { field: 'account_number', heading: 'Acct' },
        { field: 'last_name', heading: 'Last' },
        { field: 'first_name', heading: 'First' },
        { field: 'balance', heading: 'Bal' },
        { field: 'placed_on', heading: 'Placed' },
      ],
    };
    const text = writeLayout('placement', csv, [
      {
        account_number: 'A1',
        last_name: '=HYPERLINK("x")',
        first_name: 'Zoë',
        balance: -1250,
        placed_on: '2026-12-01',
      },
    ]).toString('utf8');
    expect(text).toBe('\uFEFFAcct|Last|First|Bal|Placed\r\nA1|"\'=HYPERLINK(""x"")"|Zoë|-12.50|12/01/2026\r\n');
    const remit: AgencyLayout = {
      format: 'fixed',
      dateFormat: 'YYYYMMDD',
      amounts: 'cents',
      columns: [
        { field: 'account_number', start: 1, width: 8 },
        { field: 'paid_on', start: 9, width: 8 },
        { field: 'collected', start: 17, width: 9 },
      ],
    };
    const read = readLayout(remit, 'A1      20261120000012345\r\nB22     20261121-00000500\nshort\n');
    expect(read.rows).toEqual([
      { line: 1, values: { account_number: 'A1', paid_on: '20261120', collected: '000012345' } },
      { line: 2, values: { account_number: 'B22', paid_on: '20261121', collected: '-00000500' } },
    ]);
    expect(read.problems).toEqual([
      { line: 3, field: null, reason: 'The line is 5 characters; the layout needs at least 17.' },
    ]);
    const missing = readLayout(defaultLayout('remittance'), 'account_number,paid_on\r\nA1,2026-11-20\r\n');
    expect(missing.problems[0]?.reason).toBe('The header has no column “collected”.');
  });
});
