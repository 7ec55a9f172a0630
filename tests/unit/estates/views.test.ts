// What a clerk reads about estates (issue 14): the list, nearest deadline first, each figure from the
// ledger or the recorded claim (a reversed estate recovery is not recovered); the work queue's
// estate items from the death to the closing, scored by hand; the probate table as seeded and a
// supervisor's new row from a date, which judges deaths from then only.
import { afterEach, describe, expect, it } from 'vitest';
import { estateWorld, footprint, ledgerSum, refusal, type EstateWorld } from './fixtures';
import { filedByRows } from './estateSupport';

let w: EstateWorld | undefined;
afterEach(() => w?.t.cleanup());

async function estateItems(world: EstateWorld, on: string) {
  world.t.clock.setToday(on);
  const q = await world.t.call('queue:list', { kind: 'estate', assignee: 'all' }, world.clerk);
  return q.items.map((i) => ({ key: i.key, summary: i.summary, score: i.score, assignee: i.assignee }));
}

describe('the estates list and detail', () => {
  it('lists open estates nearest deadline first, every figure from the ledger or the recorded claim', async () => {
    w = await estateWorld();
    const { t, clerk, gid, acct } = w;
    const db = t.app.store.db;
    const e1 = await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E1'), dateOfDeath: '2026-05-01', source: 'family' },
      clerk,
    );
    const e2 = await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E2'), dateOfDeath: '2026-03-01', source: 'obituary' },
      clerk,
    );
    // E2 (CA, the UPC default): 2026-03-01 + 12 months = 2027-03-01; E1 (MN): 2027-05-01.
    const list = await t.call('estates:list', {}, clerk);
    expect(list.map((e) => [e.id, e.guarantorName, e.deadline, e.owedCents, e.status, e.claimCents])).toEqual([
      [e2.id, '李美玲', '2027-03-01', 82_000, 'watching', null],
      [e1.id, 'Eleanor Marsh', '2027-05-01', 405_000, 'watching', null],
    ]);
    expect(list[0]?.reminder).toMatchObject({ kind: 'find_estate', urgency: 4 });

    filedByRows(w, e1.id, '2026-06-10');
    const paid = await t.call(
      'estates:payment',
      { estateId: e1.id, receivedOn: '2026-06-10', amountCents: 50_000, method: 'check' },
      clerk,
    );
    expect([paid.claimCents, paid.recoveredCents, paid.owedCents]).toEqual([405_000, 50_000, 355_000]);
    expect(paid.accounts.map((a) => a.claimCents)).toEqual([300_000, 40_000, 65_000]);
    // The payment reversed: nothing recovered, everything owed again (the ledger says so).
    const entryId = db.prepare(`SELECT id FROM ledger_entries WHERE type = 'estate_recovery'`).pluck().get() as number;
    await t.call(
      'ledger:reverse',
      { entryId, reason: 'The estate’s check bounced', effectiveDate: '2026-06-10' },
      w.supervisor,
    );
    const d = await t.call('estates:estate', { estateId: e1.id }, clerk);
    expect([d.recoveredCents, d.owedCents, d.claimCents]).toEqual([0, 405_000, 405_000]);
    for (const a of d.accounts) expect(a.balanceCents).toBe(ledgerSum(w, a.accountId));
    expect(d.accounts.find((a) => a.accountId === acct('M1'))?.recoveredCents).toBe(0);

    // The workspace: the deaths and the estate for any account of the guarantor.
    const ge = await t.call('estates:ofGuarantor', { guarantorId: gid('E2') }, clerk);
    expect(ge.deaths.map((x) => [x.dateOfDeath, x.source, x.recordedBy])).toEqual([
      ['2026-03-01', 'obituary', 'Test clerk'],
    ]);
    expect(ge.estate).toMatchObject({ id: e2.id, letterLanguage: 'es', guarantorName: '李美玲' });
    expect(await refusal(t.call('estates:ofGuarantor', { guarantorId: gid('E2') + 1000 }, clerk))).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the estate in the work queue', () => {
  it('puts nothing in the queue for an estate whose accounts owe nothing', async () => {
    w = await estateWorld();
    const { t, clerk, gid } = w;
    // 李美玲's L1 owes $820.00; paid in full before the death is known, her estate has nothing to claim.
    await t.call(
      'payments:post',
      {
        guarantorId: gid('E2'),
        method: 'check',
        reference: '77',
        amountCents: 82_000,
        effectiveDate: t.clock.today(),
        allocations: [],
      },
      clerk,
    );
    const { id } = await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E2'), dateOfDeath: '2026-06-01', source: 'family' },
      clerk,
    );
    expect((await estateItems(w, '2026-06-10')).filter((i) => i.key.startsWith(`estate:${id}:`))).toEqual([]);
  });

  it('comes in with the death, rises as the deadline nears, follows up after filing and leaves with the closing', async () => {
    w = await estateWorld();
    const { t, clerk, gid } = w;
    // Died 2026-06-01 (MN): outer limit 2027-06-01. Owed $4,050.00: log10(4,051) = 3.6076.
    const { id } = await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E1'), dateOfDeath: '2026-06-01', source: 'family' },
      clerk,
    );
    const s = (urgency: number) => Math.round(3.6076 * urgency * 100) / 100;
    expect(await estateItems(w, '2026-06-10')).toEqual([
      {
        key: `estate:${id}:find_estate:2027-06-01`,
        summary:
          'The estate of Eleanor Marsh: Find the probate estate (court, personal representative) and refer to legal; the claim is due by June 1, 2027.',
        score: s(1.5), // 5.41
        assignee: null,
      },
    ]);
    // 2027-05-02 is 30 days before 2027-06-01 (May has 31: May 2 -> Jun 1 = 30): weight 2.5.
    expect((await estateItems(w, '2027-05-01'))[0]?.key).toBe(`estate:${id}:find_estate:2027-06-01`);
    expect((await estateItems(w, '2027-05-02'))[0]).toMatchObject({
      key: `estate:${id}:deadline_near:2027-06-01`,
      score: s(2.5),
    });
    // 14 days: 2027-05-18, weight 3; 7 days: 2027-05-25, weight 4; passed 2027-06-02, weight 4.
    expect((await estateItems(w, '2027-05-18'))[0]?.score).toBe(s(3));
    expect((await estateItems(w, '2027-05-25'))[0]?.score).toBe(s(4));
    expect((await estateItems(w, '2027-06-02'))[0]).toMatchObject({
      key: `estate:${id}:deadline_passed:2027-06-01`,
      summary:
        'The estate of Eleanor Marsh: The last day to present the claim was June 1, 2027: ask legal whether anything can still be done, or close the estate.',
    });

    // Filed 2026-06-10: the clerk of court is asked every 30 days (2026-07-10); a call answers it.
    t.clock.setToday('2026-06-10');
    filedByRows(w, id, '2026-06-10');
    expect(await estateItems(w, '2026-07-09')).toEqual([]);
    expect((await estateItems(w, '2026-07-10'))[0]).toMatchObject({
      key: `estate:${id}:follow_up:2026-07-10`,
      score: s(1.5),
    });
    await t.call('estates:record', { estateId: id, event: 'call', on: '2026-07-10', note: 'Still pending.' }, clerk);
    expect(await estateItems(w, '2026-08-08')).toEqual([]);
    expect((await estateItems(w, '2026-08-09'))[0]?.key).toBe(`estate:${id}:follow_up:2026-08-09`);
    await t.call('estates:close', { estateId: id, on: '2026-08-09', note: 'Nothing left' }, w.supervisor);
    expect(await estateItems(w, '2026-08-09')).toEqual([]);
  });
});

describe('the probate table', () => {
  it('is seeded from the rules by state, the UPC default included', async () => {
    w = await estateWorld();
    const rows = await w.t.call('estates:rules', {}, w.clerk);
    const figures = (s: string) => {
      const r = rows.find((x) => x.state === s)!;
      return [
        r.noticeMonths,
        r.mailedDays,
        r.outerMonths,
        r.lastIllnessClass,
        r.generalClass,
        r.finalYearClass,
        r.suitDays,
      ];
    };
    expect(rows.map((r) => r.state).sort()).toEqual(['*', 'AZ', 'FL', 'IA', 'IL', 'ME', 'MN', 'MT', 'UT', 'VT']);
    // The figures rules.test.ts computes with.
    expect(figures('*')).toEqual([4, 60, 12, 4, 6, null, 60]);
    expect(figures('AZ')).toEqual([4, 60, 24, 4, 6, null, 60]);
    expect(figures('MT')).toEqual([4, 30, 12, 4, 6, null, 60]);
    expect(figures('UT')).toEqual([3, 60, 12, 4, 6, null, 60]);
    expect(figures('VT')).toEqual([4, 60, 36, 4, 6, null, 60]);
    expect(figures('IL')).toEqual([6, 90, 24, 4, 6, null, 60]);
    expect(figures('FL')).toEqual([3, 30, 24, 4, 6, null, 30]);
    expect(figures('IA')).toEqual([4, 60, 12, 5, 8, null, 60]);
    expect(figures('MN')).toEqual([4, 60, 12, 4, 7, 5, 60]);
  });

  it('takes a supervisor’s new row from a date, which judges deaths from then; refuses a clash, changing nothing', async () => {
    w = await estateWorld();
    const { t, clerk, supervisor, gid } = w;
    const row = {
      state: 'MN' as const,
      noticeMonths: 4,
      mailedDays: 60,
      outerMonths: 18,
      publicationWeeks: 3,
      lastIllnessClass: 4,
      generalClass: 7,
      finalYearClass: 5,
      suitDays: 60,
      effectiveFrom: '2026-05-01',
      source: 'Minn. Stat. 524.3-803 (amended)',
      note: '',
    };
    expect(await refusal(t.call('estates:setRule', row, clerk))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(t.call('estates:setRule', { ...row, lastIllnessClass: 7 }, supervisor))).toMatchObject({
      fields: { lastIllnessClass: expect.any(String) },
    });
    const before = footprint(w);
    expect(await refusal(t.call('estates:setRule', { ...row, effectiveFrom: '1900-01-01' }, supervisor))).toMatchObject(
      {
        fields: {
          effectiveFrom: 'MN already has a row from that date: a change takes a new date (rows are never changed).',
        },
      },
    );
    expect(footprint(w)).toBe(before);
    await t.call('estates:setRule', row, supervisor);
    const rules = await t.call('estates:rules', {}, clerk);
    expect(rules.filter((r) => r.state === 'MN').map((r) => [r.effectiveFrom, r.outerMonths, r.recordedBy])).toEqual([
      ['1900-01-01', 12, null],
      ['2026-05-01', 18, 'Test supervisor'],
    ]);
    // A death before 2026-05-01 keeps the old row (12 months): 2026-04-30 + 12 = 2027-04-30.
    const early = await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E1'), dateOfDeath: '2026-04-30', source: 'family' },
      clerk,
    );
    expect(early.deadline).toBe('2027-04-30');
    await t.call('estates:undoDeath', { guarantorId: gid('E1'), reason: 'Wrong date' }, supervisor);
    // From 2026-05-01, 18 months: 2026-05-01 + 18 = 2027-11-01.
    const late = await t.call(
      'estates:recordDeath',
      { guarantorId: gid('E1'), dateOfDeath: '2026-05-01', source: 'family' },
      clerk,
    );
    expect([late.deadline, late.deadlineInfo.rule.effectiveFrom]).toEqual(['2027-11-01', '2026-05-01']);
  });
});
