// Placement (issue 12 item 2): who is eligible, with the reason for each account left out; batches
// built by hand, by share and by score, reviewed and released by a supervisor; the placement file
// in the agency's layout with only the minimum necessary (HP-02); a placed account held from
// statements and out of the queue; the business associate agreement required (HP-02).
import { afterEach, describe, expect, it } from 'vitest';
import { addAgency, agencyWorld, placeByHand, type AgencyWorld } from './fixtures';

let w: AgencyWorld;
afterEach(() => w?.t.cleanup());

describe('who may be placed', () => {
  it('lists the eligible accounts and every account left out with its reasons', async () => {
    w = await agencyWorld();
    const view = await w.t.call('placements:eligible', {}, w.clerk);
    const eligible = view.eligible.map((c) => c.accountNumber).sort();
    // P3 below the $50.00 minimum, P5 final notice 2026-11-15 + 30 days = 2026-12-15 still to come,
    // P6 no final notice (not in the delinquent book), P7 disputed, P8 assistance pending.
    expect(eligible).toEqual(['P1', 'P10', 'P2', 'P4', 'P9']);
    // BD-06: Medicare (P2), Medicare Advantage (P9) and Medicaid (P10) go exactly as self-pay does.
    expect(view.eligibleCents).toBe(100_000 + 50_000 + 80_000 + 65_000 + 30_000);
    const reasons = Object.fromEntries(view.leftOut.map((c) => [c.accountNumber, c.reasons]));
    expect(reasons).toEqual({
      P3: ['below_threshold'],
      P5: ['final_notice_recent'],
      P7: ['hold'],
      P8: ['assistance_pending'],
    });
    expect(view.leftOutByReason.below_threshold).toBe(1);
    expect(view.leftOutByReason.hold).toBe(1);
  });
});

describe('a batch by hand', () => {
  it('is built by a clerk, released by a supervisor, held from statements and written in the layout', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    const { batchIds } = await w.t.call(
      'placements:build',
      { kind: 'primary', method: 'hand', agencyId, accountIds: [w.acct('P1'), w.acct('P4')] },
      w.clerk,
    );
    const batchId = batchIds[0] as number;
    const draft = await w.t.call('placements:batch', { batchId }, w.clerk);
    expect(draft.status).toBe('draft');
    expect(draft.rows.map((r) => [r.accountNumber, r.status, r.proposedCents])).toEqual([
      ['P1', 'proposed', 100_000],
      ['P4', 'proposed', 80_000],
    ]);
    // A clerk alone cannot release it.
    const refused = await w.t.raw('placements:release', { batchId }, w.clerk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const released = await w.t.call(
      'placements:release',
      { batchId, approval: { username: 'sup1', password: 'password-for-sup1' } },
      w.clerk,
    );
    expect(released).toMatchObject({ placed: 2, placedCents: 180_000, dropped: [] });
    const file = (await w.t.file(released.file)).toString('utf8');
    const lines = file
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'account_number,guarantor_id,mrn,last_name,first_name,middle_name,date_of_birth,address_line1,address_line2,city,state,zip,phone,patient_name,service_from,service_to,balance,payer_class,first_statement_date,final_notice_date,placement_kind,placed_on',
    );
    expect(lines[1]).toBe(
      'P1,G1,MG1,Ames,Ann,,1970-01-01,1 Elm St,,Augusta,ME,04330,2075550100,,2026-04-01,2026-04-02,1000.00,self_pay,2026-06-01,2026-09-01,primary,2026-12-01',
    );
    // The name in any script; HP-02: no service type (obstetric), no memo, no diagnosis.
    expect(lines[2]).toContain('王,小明');
    expect(file).not.toMatch(/obstetric|Room and board|inpatient/);
    // Held from statements and the queue; the account screen shows where it is.
    const holds = await w.t.call('holds:list', { guarantorId: w.gid('G1') }, w.clerk);
    expect(holds.find((h) => h.active && h.reason === 'placed_with_agency')?.accountId).toBe(w.acct('P1'));
    const due = await w.t.call('statements:due', {}, w.clerk);
    expect(due.held.find((h) => h.guarantorId === w.gid('G1'))?.holds).toEqual(['placed_with_agency']);
    const queue = await w.t.call('queue:list', { assignee: 'all' }, w.supervisor);
    expect(queue.items.some((i) => i.guarantorId === w.gid('G1'))).toBe(false);
    const where = await w.t.call('placements:ofGuarantor', { guarantorId: w.gid('G1') }, w.clerk);
    expect(where).toMatchObject([
      {
        accountNumber: 'P1',
        agencyName: 'Acme Recovery',
        status: 'placed',
        placedOn: '2026-12-01',
        placedCents: 100_000,
      },
    ]);
    // 180 recall days from 2026-12-01.
    expect(where[0]?.recallDueOn).toBe('2027-05-30');
    // Not eligible again while placed.
    const again = await w.t.call('placements:eligible', {}, w.clerk);
    expect(again.leftOut.find((c) => c.accountNumber === 'P1')?.reasons).toEqual(['already_placed']);
    // The file prints again, the same bytes.
    const reprint = await w.t.call('placements:file', { batchId }, w.clerk);
    expect((await w.t.file(reprint)).toString('utf8')).toBe(file);
  });

  it('refuses accounts that cannot be placed, naming each, and places nothing', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    const r = await w.t.raw(
      'placements:build',
      { kind: 'primary', method: 'hand', agencyId, accountIds: [w.acct('P1'), w.acct('P3'), w.acct('P7')] },
      w.clerk,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('P3: balance below the placement minimum');
      expect(r.error.message).toContain('P7: on hold');
    }
    expect(await w.t.call('placements:batches', {}, w.clerk)).toEqual([]);
  });

  it('HP-02: no placement with an agency without a business associate agreement', async () => {
    w = await agencyWorld();
    const { agencyId } = await w.t.call(
      'agencies:save',
      { name: 'No Paper LLC', recallDays: 180, remittanceMethod: 'net', sharePercent: 50 },
      w.supervisor,
    );
    await w.t.call(
      'agencies:setFee',
      { agencyId, kind: 'primary', rateBp: 2000, effectiveFrom: '2026-01-01' },
      w.supervisor,
    );
    const r = await w.t.raw(
      'placements:build',
      { kind: 'primary', method: 'hand', agencyId, accountIds: [w.acct('P1')] },
      w.clerk,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    if (!r.ok) expect(r.error.message).toContain('business associate agreement');
    const list = await w.t.call('agencies:list', {}, w.clerk);
    expect(list[0]?.cannotPlace).toContain('HP-02');
  });

  it('checks every account again at release: one paid in the meantime is dropped with its reason', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    const { batchIds } = await w.t.call(
      'placements:build',
      { kind: 'primary', method: 'hand', agencyId, accountIds: [w.acct('P1'), w.acct('P2')] },
      w.clerk,
    );
    await w.t.call(
      'payments:post',
      {
        guarantorId: w.gid('G2'),
        amountCents: 46_000,
        method: 'check',
        reference: '1001',
        effectiveDate: '2026-12-01',
      },
      w.clerk,
    );
    const released = await w.t.call('placements:release', { batchId: batchIds[0] as number }, w.supervisor);
    expect(released.placed).toBe(1);
    expect(released.dropped).toEqual([{ accountNumber: 'P2', reasons: ['below_threshold'] }]);
    const detail = await w.t.call('placements:batch', { batchId: batchIds[0] as number }, w.clerk);
    expect(detail.rows.find((r) => r.accountNumber === 'P2')).toMatchObject({
      status: 'dropped',
      returnReason: 'not_eligible',
    });
  });
});

describe('batches by share and by score', () => {
  it('by share: the eligible accounts split 2:1, large and small balances dealt to each', async () => {
    w = await agencyWorld();
    const a = await addAgency(w, 'Acme Recovery', { share: 60 });
    const b = await addAgency(w, 'Bay State Credit', { share: 30 });
    const { batchIds } = await w.t.call('placements:build', { kind: 'primary', method: 'share' }, w.clerk);
    expect(batchIds).toHaveLength(2);
    const batches = await w.t.call('placements:batches', {}, w.clerk);
    const count = (id: number) => batches.find((x) => x.agencyId === id)?.accountCount;
    // Five eligible accounts, weights 60:30 -> 3.33 and 1.67 -> largest remainder: 3 and 2.
    expect(count(a)).toBe(3);
    expect(count(b)).toBe(2);
    // Dealt largest first to whoever is furthest behind: P1 $1,000 to Acme, P4 $800 to Bay State,
    // P9 $650 to Acme, P2 $500 to Bay State...
    const acme = await w.t.call(
      'placements:batch',
      { batchId: batches.find((x) => x.agencyId === a)?.id as number },
      w.clerk,
    );
    expect(acme.rows.map((r) => r.accountNumber)).toContain('P1');
    const bay = await w.t.call(
      'placements:batch',
      { batchId: batches.find((x) => x.agencyId === b)?.id as number },
      w.clerk,
    );
    expect(bay.rows.map((r) => r.accountNumber)).toContain('P4');
  });

  it('by score: the accounts split by what a dollar placed has earned the hospital (the scorecard)', async () => {
    w = await agencyWorld();
    const a = await addAgency(w, 'Acme Recovery', { share: 50 });
    const b = await addAgency(w, 'Bay State Credit', { share: 50 });
    await placeByHand(w, a, ['P1']); // $1,000.00
    await placeByHand(w, b, ['P2']); // $500.00
    const remit = (agencyId: number, account: string, cents: number) =>
      w.t.call(
        'remittances:post',
        {
          agencyId,
          reference: `R-${account}`,
          receivedOn: '2026-12-01',
          source: 'keyed',
          lines: [{ accountNumber: account, paidOn: '2026-12-01', collectedCents: cents }],
        },
        w.clerk,
      );
    // Acme: $500.00 collected, 25% fee $125.00, net-back $375.00 of $1,000.00 placed = 37.50%.
    await remit(a, 'P1', 50_000);
    // Bay State: $100.00 collected, fee $25.00, net-back $75.00 of $500.00 = 15.00%.
    await remit(b, 'P2', 10_000);
    const { batchIds } = await w.t.call('placements:build', { kind: 'primary', method: 'score' }, w.clerk);
    expect(batchIds).toHaveLength(2);
    const batches = await w.t.call('placements:batches', {}, w.clerk);
    const drafts = batches.filter((x) => x.status === 'draft');
    // P4, P9 and P10 left to place: 3 x 3750 / 5250 = 2.14 and 3 x 1500 / 5250 = 0.86 -> 2 and 1.
    expect(drafts.find((x) => x.agencyId === a)?.accountCount).toBe(2);
    expect(drafts.find((x) => x.agencyId === b)?.accountCount).toBe(1);
  });

  it('by score with nothing collected yet is refused: build it by share', async () => {
    w = await agencyWorld();
    await addAgency(w, 'Acme Recovery', { share: 50 });
    const r = await w.t.raw('placements:build', { kind: 'primary', method: 'score' }, w.clerk);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    if (!r.ok) expect(r.error.message).toContain('build this batch by share');
  });

  it('cancelling a draft frees its accounts; a removed account is eligible again', async () => {
    w = await agencyWorld();
    const agencyId = await addAgency(w);
    const { batchIds } = await w.t.call(
      'placements:build',
      { kind: 'primary', method: 'hand', agencyId, accountIds: [w.acct('P1'), w.acct('P2')] },
      w.clerk,
    );
    const batchId = batchIds[0] as number;
    const draft = await w.t.call('placements:batch', { batchId }, w.clerk);
    await w.t.call('placements:remove', { batchId, placementIds: [draft.rows[0]?.id as number] }, w.clerk);
    let view = await w.t.call('placements:eligible', {}, w.clerk);
    expect(view.eligible.map((c) => c.accountNumber)).toContain('P1');
    await w.t.call('placements:cancel', { batchId }, w.clerk);
    view = await w.t.call('placements:eligible', {}, w.clerk);
    expect(view.eligible.map((c) => c.accountNumber)).toContain('P2');
    expect(await w.t.raw('placements:release', { batchId }, w.supervisor)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
  });
});

describe('licence states', () => {
  it('an agency takes only guarantors living where it is licensed', async () => {
    w = await agencyWorld();
    const { agencyId: nh } = await w.t.call(
      'agencies:save',
      {
        name: 'Granite Collections',
        baaSignedOn: '2026-01-15',
        recallDays: 180,
        remittanceMethod: 'net',
        sharePercent: 50,
        licenceStates: ['NH'],
      },
      w.supervisor,
    );
    await w.t.call(
      'agencies:setFee',
      { agencyId: nh, kind: 'primary', rateBp: 2000, effectiveFrom: '2026-01-01' },
      w.supervisor,
    );
    // Every guarantor of the book lives in Maine.
    const r = await w.t.raw(
      'placements:build',
      { kind: 'primary', method: 'hand', agencyId: nh, accountIds: [w.acct('P1')] },
      w.clerk,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('P1: the agency is not licensed where the guarantor lives');
    const byShare = await w.t.raw('placements:build', { kind: 'primary', method: 'share' }, w.clerk);
    expect(byShare).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    // A Maine agency beside it takes them all.
    const me = await addAgency(w, 'Acme Recovery', { share: 50 });
    const { batchIds } = await w.t.call('placements:build', { kind: 'primary', method: 'share' }, w.clerk);
    const batches = await w.t.call('placements:batches', {}, w.clerk);
    expect(batches.map((b) => [b.agencyId, b.accountCount])).toEqual([[me, 5]]);
    expect(batchIds).toHaveLength(1);
  });
});
