// badDebt:account, setFacts, indigence (BD-11) and the work queue's bad_debt items.
import { afterEach, describe, expect, it } from 'vitest';
import { badDebtWorld, type BadDebtWorld } from './world';

let w: BadDebtWorld;
afterEach(() => w.t.cleanup());

describe('badDebt:account', () => {
  it('shows the facts, the clock by the one rule, and records facts and indigence', async () => {
    w = await badDebtWorld();
    const view = await w.t.call('badDebt:account', { accountId: w.ids.B1 }, w.clerk);
    expect(view).toMatchObject({ accountNumber: 'B1', setting: 'outpatient', ccn: '123456', balanceCents: 40_000 });
    expect(view.clock.firstWriteOffDate).toBe('2026-06-02');
    expect(view.clock.listable).toBe(true);

    // BD-03: the professional component recorded takes it off.
    const pc = await w.t.call(
      'badDebt:setFacts',
      {
        accountId: w.ids.B1,
        professionalComponent: true,
        qmb: false,
        ccn: '654321',
        medicaidAd: false,
        medicaidAdNote: '',
        secondaryDeniedOn: null,
      },
      w.clerk,
    );
    expect(pc.facts.professionalComponent).toBe(true);
    expect(pc.ccn).toBe('654321');
    expect(pc.clock.criteria.find((c) => c.rule === 'BD-03')?.state).toBe('not_met');

    // BD-11: a self-declaration only is recorded, and is not proof; a determination weighing resources is.
    const indigence = {
      accountId: w.ids.B2,
      determinedOn: '2026-03-10',
      assetsCents: 0,
      liabilitiesCents: 120_000,
      monthlyIncomeCents: 90_000,
      monthlyExpensesCents: 110_000,
      householdSize: 2,
      extenuating: '',
      noOtherSource: true,
      indigent: true,
      note: '',
    };
    const self = await w.t.call('badDebt:indigence', { ...indigence, selfDeclarationOnly: true }, w.clerk);
    expect(self.clock.criteria.find((c) => c.rule === 'BD-11')?.state).toBe('not_met');
    const weighed = await w.t.call('badDebt:indigence', { ...indigence, selfDeclarationOnly: false }, w.clerk);
    expect(weighed.indigence).toHaveLength(2);
    expect(weighed.clock.kind).toBe('indigent');
    expect(weighed.clock.criteria.find((c) => c.rule === 'BD-11')?.state).toBe('met');
  });

  it('a determination dated after today is refused and nothing is recorded', async () => {
    w = await badDebtWorld();
    await expect(
      w.t.call(
        'badDebt:indigence',
        {
          accountId: w.ids.B2,
          determinedOn: '2026-12-01',
          assetsCents: 0,
          liabilitiesCents: 0,
          monthlyIncomeCents: 0,
          monthlyExpensesCents: 0,
          householdSize: 1,
          extenuating: '',
          noOtherSource: true,
          selfDeclarationOnly: false,
          indigent: true,
          note: '',
        },
        w.clerk,
      ),
    ).rejects.toThrow(/after today/);
    expect((await w.t.call('badDebt:account', { accountId: w.ids.B2 }, w.clerk)).indigence).toEqual([]);
  });
});

describe('the work queue (kind bad_debt)', () => {
  it('a clerk sees a first bill due within 14 days (BD-04); a supervisor sees a write-off waiting', async () => {
    // Today 2026-06-08: B1's bill went out; B2's RA is 2026-02-20 so its first bill is due 2026-06-20 —
    // 2026-06-08 is 12 days before. The extract's first statement date counts as sent: clear B2's.
    w = await badDebtWorld('2026-06-08');
    w.t.app.store.db.prepare('UPDATE accounts SET first_statement_date = NULL WHERE id = ?').run(w.ids.B2);
    const clerkQueue = await w.t.call('queue:list', { kind: 'bad_debt', assignee: 'all' }, w.clerk);
    expect(clerkQueue.items.map((i) => [i.key, i.date])).toEqual([
      [`bad_debt:first_bill:${w.ids.B2}:2026-06-20`, '2026-06-20'],
    ]);
    expect(clerkQueue.items[0]!.summary).toMatch(/Send the first bill for Medicare account B2 by June 20, 2026/);

    // 15 days before the deadline it is not there yet; 14 days before it is (FIRST_BILL_WARNING_DAYS).
    w.t.clock.setToday('2026-06-05');
    expect((await w.t.call('queue:list', { kind: 'bad_debt', assignee: 'all' }, w.clerk)).items).toEqual([]);
    w.t.clock.setToday('2026-06-06');
    expect((await w.t.call('queue:list', { kind: 'bad_debt', assignee: 'all' }, w.clerk)).items).toHaveLength(1);
    // Once the deadline passed without a bill, BD-04 cannot be met: no reminder.
    w.t.clock.setToday('2026-06-21');
    expect((await w.t.call('queue:list', { kind: 'bad_debt', assignee: 'all' }, w.clerk)).items).toEqual([]);
    w.t.clock.setToday('2026-06-08');

    await w.t.call('badDebt:propose', { accountIds: [w.ids.B1], ceasedOn: '2026-06-05', note: '' }, w.clerk);
    const supQueue = await w.t.call('queue:list', { kind: 'bad_debt', assignee: 'all' }, w.sup);
    expect(supQueue.items.some((i) => i.summary.includes('write-off of $340.00 on account B1'))).toBe(true);
    const clerkAgain = await w.t.call('queue:list', { kind: 'bad_debt', assignee: 'all' }, w.clerk);
    expect(clerkAgain.items.some((i) => i.summary.includes('account B1'))).toBe(false);
  });

  // The first bill's clock starts at the latest remittance of four dates (BD-04): the queue reads the
  // candidates by each date's index (migration 036), so each one is tried as the latest, and a later
  // date outside the window moves the deadline past it.
  it.each([
    [
      'the secondary payer’s remittance',
      `UPDATE accounts SET medicare_ra_date = '2025-11-01', secondary_ra_date = '2026-02-20' WHERE id = ?`,
    ],
    [
      'Medicaid’s remittance',
      `UPDATE accounts SET medicare_ra_date = '2025-11-01', medicaid_ra_date = '2026-02-20' WHERE id = ?`,
    ],
    [
      'the secondary payer’s denial',
      `UPDATE accounts SET medicare_ra_date = '2025-11-01' WHERE id = ?`,
      `INSERT INTO bad_debt_facts (account_id, secondary_denied_on, updated_at) VALUES (?, '2026-02-20', 't')
         ON CONFLICT (account_id) DO UPDATE SET secondary_denied_on = excluded.secondary_denied_on`,
    ],
  ])('the latest remittance may be %s (BD-04: due 120 days after 2026-02-20)', async (_, ...sql) => {
    w = await badDebtWorld('2026-06-08');
    const db = w.t.app.store.db;
    // A statement the day before the remittance is not its first bill (BD-04: the bill follows it).
    db.prepare(`UPDATE accounts SET first_statement_date = '2026-02-19' WHERE id = ?`).run(w.ids.B2);
    for (const q of sql) db.prepare(q).run(w.ids.B2);
    const keys = async () =>
      (await w.t.call('queue:list', { kind: 'bad_debt', assignee: 'all' }, w.clerk)).items.map((i) => i.key);
    expect(await keys()).toEqual([`bad_debt:first_bill:${w.ids.B2}:2026-06-20`]);
    // A statement on the day of the latest remittance is its first bill: nothing to remind.
    db.prepare(`UPDATE accounts SET first_statement_date = '2026-02-20' WHERE id = ?`).run(w.ids.B2);
    expect(await keys()).toEqual([]);
    db.prepare(`UPDATE accounts SET first_statement_date = NULL WHERE id = ?`).run(w.ids.B2);
    // A Medicare remittance in the window does not bring the account in when a later date (here
    // 2026-03-10: due 2026-07-08, 30 days from 2026-06-08) is outside it.
    db.prepare(
      `UPDATE accounts SET medicare_ra_date = '2026-02-20', secondary_ra_date = '2026-03-10' WHERE id = ?`,
    ).run(w.ids.B2);
    expect(await keys()).toEqual([]);
  });
});
