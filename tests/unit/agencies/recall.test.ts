// Recall (issue 12 item 3, BD-07): by hand for a reason, automatically after the contract's recall
// days without a payment, and when the account is paid in full; each return told to the agency in
// a recall file in its layout; the date it came back kept; the placement's hold ended.
import { afterEach, describe, expect, it } from 'vitest';
import { addAgency, agencyWorld, placeByHand, type AgencyWorld } from './fixtures';

let w: AgencyWorld;
afterEach(() => w?.t.cleanup());

async function placedId(accountNumber: string, guarantor: string) {
  const where = await w.t.call('placements:ofGuarantor', { guarantorId: w.gid(guarantor) }, w.clerk);
  return where.find((p) => p.accountNumber === accountNumber)?.placementId as number;
}

describe('recall by hand', () => {
  it('brings the account back with the reason and the date, ends the hold, and writes the recall file', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await w.t.call(
      'agencies:setLayout',
      {
        agencyId,
        file: 'recall',
        layout: {
          format: 'fixed',
          dateFormat: 'YYYYMMDD',
          amounts: 'cents',
          columns: [
            { field: 'account_number', start: 1, width: 10 },
            { field: 'recalled_on', start: 11, width: 8 },
            { field: 'recall_reason', start: 19, width: 20 },
            { field: 'balance', start: 39, width: 9 },
          ],
        },
      },
      w.supervisor,
    );
    await placeByHand(w, agencyId, ['P1', 'P2']);
    w.t.clock.setToday('2026-12-10');
    const r = await w.t.call(
      'placements:recall',
      { placementIds: [await placedId('P1', 'G1')], reason: 'complaint', note: 'Called the CEO' },
      w.clerk,
    );
    expect(r.recalled).toBe(1);
    expect(r.files).toHaveLength(1);
    const text = (await w.t.file(r.files[0]!.file)).toString('utf8');
    // Fixed width: 10 + 8 + 20 + 9 characters, the balance in cents zero-filled.
    expect(text).toBe(`${'P1'.padEnd(10)}20261210${'complaint'.padEnd(20)}000100000\r\n`);
    const where = await w.t.call('placements:ofGuarantor', { guarantorId: w.gid('G1') }, w.clerk);
    expect(where[0]).toMatchObject({
      status: 'returned',
      returnedOn: '2026-12-10',
      returnReason: 'complaint',
      recallDueOn: null,
    });
    const holds = await w.t.call('holds:list', { guarantorId: w.gid('G1') }, w.clerk);
    expect(holds.some((h) => h.active && h.reason === 'placed_with_agency')).toBe(false);
    // Recalled twice: refused.
    const again = await w.t.raw(
      'placements:recall',
      { placementIds: [where[0]!.placementId], reason: 'complaint' },
      w.clerk,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const files = await w.t.call('recalls:list', {}, w.clerk);
    expect(files).toMatchObject([{ agencyName: 'Acme Recovery', count: 1, automatic: false, madeOn: '2026-12-10' }]);
  });
});

describe('automatic recall', () => {
  it('comes the day after the recall days without a payment; a payment moves the day', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w, 'Acme Recovery', { recallDays: 90 });
    await placeByHand(w, agencyId, ['P1', 'P2']);
    // P2's guarantor pays the hospital $20.00 on 2027-01-15: its recall day moves to 2027-04-15.
    w.t.clock.setToday('2027-01-15');
    await w.t.call(
      'payments:post',
      { guarantorId: w.gid('G2'), amountCents: 2_000, method: 'cash', reference: '', effectiveDate: '2027-01-15' },
      w.clerk,
    );
    expect((await w.t.call('placements:ofGuarantor', { guarantorId: w.gid('G2') }, w.clerk))[0]).toMatchObject({
      lastPaymentOn: '2027-01-15',
      recallDueOn: '2027-04-15',
    });
    // 2026-12-01 + 90 days = 2027-03-01: the day before, nothing comes back.
    w.t.clock.setToday('2027-02-28');
    await w.t.call('placements:batches', {}, w.clerk); // the day's jobs run before a call
    expect((await w.t.call('recalls:list', {}, w.clerk)).length).toBe(0);
    w.t.clock.setToday('2027-03-01');
    await w.t.call('placements:batches', {}, w.clerk);
    const files = await w.t.call('recalls:list', {}, w.clerk);
    expect(files).toMatchObject([{ automatic: true, count: 1, madeOn: '2027-03-01', madeBy: null }]);
    const p1 = await w.t.call('placements:ofGuarantor', { guarantorId: w.gid('G1') }, w.clerk);
    expect(p1[0]).toMatchObject({ status: 'returned', returnReason: 'no_payment', returnedOn: '2027-03-01' });
    expect((await w.t.call('placements:ofGuarantor', { guarantorId: w.gid('G2') }, w.clerk))[0]?.status).toBe('placed');
    w.t.clock.setToday('2027-04-15');
    await w.t.call('placements:batches', {}, w.clerk);
    expect((await w.t.call('placements:ofGuarantor', { guarantorId: w.gid('G2') }, w.clerk))[0]).toMatchObject({
      status: 'returned',
      returnedOn: '2027-04-15',
    });
  });
});

describe('paid in full', () => {
  it('a payment that clears the account returns it at once, and the next recall file tells the agency', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P2']);
    await w.t.call(
      'payments:post',
      { guarantorId: w.gid('G2'), amountCents: 50_000, method: 'check', reference: '77', effectiveDate: '2026-12-01' },
      w.clerk,
    );
    const where = await w.t.call('placements:ofGuarantor', { guarantorId: w.gid('G2') }, w.clerk);
    expect(where[0]).toMatchObject({ status: 'returned', returnReason: 'paid_in_full', returnedOn: '2026-12-01' });
    w.t.clock.setToday('2026-12-02');
    await w.t.call('placements:batches', {}, w.clerk);
    const files = await w.t.call('recalls:list', {}, w.clerk);
    expect(files).toMatchObject([{ count: 1, automatic: true }]);
    const text = (await w.t.file(await w.t.call('recalls:file', { recallFileId: files[0]!.id }, w.clerk))).toString();
    expect(text).toContain('P2,G2,Baker,Bo,2026-12-01,2026-12-01,paid_in_full,0.00');
  });
});

describe('written off by financial assistance', () => {
  it('comes back as "assistance approved", not as paid (the agency earns no fee on it)', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    await placeByHand(w, agencyId, ['P1']);
    const guarantorId = w.gid('G1');
    await w.t.call('fap:record', { guarantorId, status: 'pending', date: '2026-12-01', note: '' }, w.clerk);
    const discount = { kind: 'full' as const };
    const preview = await w.t.call('fap:preview', { guarantorId, discount }, w.supervisor);
    await w.t.call(
      'fap:decide',
      {
        guarantorId,
        decision: 'approved_full',
        decidedOn: '2026-12-01',
        discount,
        previewed: preview.accounts.map((a) => ({
          accountId: a.accountId,
          adjustmentCents: a.adjustmentCents,
          refundCents: a.refundCents,
        })),
      },
      w.supervisor,
    );
    const where = await w.t.call('placements:ofGuarantor', { guarantorId }, w.clerk);
    expect(where[0]).toMatchObject({
      status: 'returned',
      returnReason: 'assistance_approved',
      returnedOn: '2026-12-01',
    });
  });
});
