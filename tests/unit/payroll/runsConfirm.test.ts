// What came back for a run (issue 16, semantics 5): payroll's confirmation checked line by line
// and posted all-or-nothing, a bank run settled with its returns, open lines in the work queue.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { settleRun, splitOverAccounts } from '../../../src/main/capabilities/payroll/confirmation';
import { payrollQueueSource } from '../../../src/main/capabilities/payroll/queueSource';
import {
  addArrangement,
  addEmployee,
  balance,
  BANK_SETTINGS,
  bigWorld,
  entryCount,
  upload,
  type BigWorld,
} from './runSupport';

let w: BigWorld;
afterEach(() => w?.t.cleanup());

const FULL = {
  columns: {
    employeeId: 'Emp',
    payDate: 'Pay date',
    amountDeducted: 'Deducted',
    hoursWorked: 'Hours',
    grossPay: 'Gross',
  },
  dateFormat: 'YYYY-MM-DD' as const,
  amountFormat: 'dollars' as const,
};
const SHORT = { ...FULL, columns: { employeeId: 'Emp', amountDeducted: 'Deducted' } };

/**
 * Jane (E100, $20.00 an hour, 40 h every two weeks: at most $1,020.00) $600.00 on A1 ($500.00,
 * 2025-01-10) and A2 ($300.00, 2025-06-01); John (E200, $8.00 an hour: at most 80 h × $0.75 =
 * $60.00) $100.00 asked, $60.00 expected; Ana (E300, $15.00 an hour) $40.00. The run of July 3 is
 * made on July 1; the confirmation comes on July 6.
 */
async function confirmWorld() {
  w = await bigWorld();
  const { t, db } = w;
  const ej = addEmployee(db, { number: 'E100', guarantorId: w.jane });
  const eo = addEmployee(db, {
    number: 'E200',
    lastName: "O'Brien-Núñez",
    firstName: 'John',
    rateCents: 800,
    guarantorId: w.john,
  });
  const ea = addEmployee(db, {
    number: 'E300',
    lastName: 'Lopez',
    firstName: 'Ana',
    rateCents: 1500,
    guarantorId: w.ana,
  });
  const ids = {
    jane: addArrangement(t, {
      guarantorId: w.jane,
      employeeId: ej,
      accountIds: [w.a1, w.a2],
      amountCents: 60000,
      firstDate: '2026-07-03',
    }),
    john: addArrangement(t, {
      guarantorId: w.john,
      employeeId: eo,
      accountIds: [w.a3],
      amountCents: 10000,
      firstDate: '2026-07-03',
    }),
    ana: addArrangement(t, {
      guarantorId: w.ana,
      employeeId: ea,
      accountIds: [w.a4],
      amountCents: 4000,
      firstDate: '2026-07-03',
    }),
  };
  await t.call('payroll:createRun', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
  const run = (await t.call('payroll:runs', { method: 'payroll' }, w.clerk))[0]!;
  const detail = await t.call('payroll:run', { runId: run.id }, w.clerk);
  const line = (arrangementId: number) => detail.lineViews.find((l) => l.arrangementId === arrangementId)!.id;
  t.clock.setToday('2026-07-06');
  return { ids, runId: run.id, line };
}

function sumOfBalances(): number {
  return w.db.prepare('SELECT sum(balance_cents) FROM accounts').pluck().get() as number;
}

describe('payroll:confirm', () => {
  it('names every problem by line and column, and posts nothing', async () => {
    const { ids, runId } = await confirmWorld();
    const file = [
      'Emp,Pay date,Deducted,Hours,Gross',
      'E100,2026-07-03,abc,80,1600.00',
      'E999,2026-07-03,10.00,80,1600.00',
      'E100,2026-07-03,10.00,80,1600.00',
      'E200,2026-07-10,20.00,80,640.00',
      'E300,2026-07-03,45.00,80,1200.00',
    ].join('\r\n');
    const uploadId = await upload(w.t, w.clerk, 'confirm.csv', file);
    const before = { entries: entryCount(w.db), sum: sumOfBalances() };
    const p = await w.t.call('payroll:confirmPreview', { runId, uploadId, mapping: FULL }, w.clerk);
    expect(p.problems.map((x) => [x.line, x.column])).toEqual([
      [2, 'Deducted'],
      [3, 'Emp'],
      [4, 'Emp'],
      [5, 'Pay date'],
      [6, 'Deducted'],
    ]);
    expect(p.problems[1]!.reason).toMatch(/E999 is not in this run/);
    expect(p.problems[2]!.reason).toMatch(/on line 2 already/);
    expect(p.problems[4]!.reason).toBe(
      `$45.00 is more than the $40.00 asked for PD-${ids.ana}: payroll must return $5.00 to the employee.`,
    );
    const r = await w.t.raw('payroll:confirm', { runId, uploadId, mapping: FULL }, w.clerk);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(/^The confirmation has 5 problems; nothing was posted\. Line 2, column Deducted/);
    expect(entryCount(w.db)).toBe(before.entries);
    expect(sumOfBalances()).toBe(before.sum);
    expect((await w.t.call('payroll:run', { runId }, w.clerk)).status).toBe('sent');
  });

  it('refuses a deduction that broke the wage floor for the hours and gross payroll reports (PD-01)', async () => {
    const { runId } = await confirmWorld();
    // John worked 40 h in the two weeks for $320.00: $320.00 − 40 × $7.25 = $30.00 could be taken;
    // the rule with 40 straight-time hours says the same (40 × $0.75). $45.00 taken: return $15.00.
    // Jane's $600.00 from 80 h and $1,600.00 keeps the floor (at most $1,020.00).
    const file = [
      'Emp,Pay date,Deducted,Hours,Gross',
      'E100,2026-07-03,600.00,80,1600.00',
      'E200,2026-07-03,45.00,40,320.00',
    ].join('\n');
    const uploadId = await upload(w.t, w.clerk, 'confirm.csv', file);
    const p = await w.t.call('payroll:confirmPreview', { runId, uploadId, mapping: FULL }, w.clerk);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ line: 3, column: 'Gross' });
    expect(p.problems[0]!.reason).toMatch(
      /\$45\.00 from 40 hours and \$320\.00 gross brings pay below the wage floor \(PD-01\): at most \$30\.00 could be taken; payroll must return \$15\.00/,
    );
    // The same at 80 hours and $640.00: exactly $60.00 above the floor, allowed.
    const ok = await upload(
      w.t,
      w.clerk,
      'ok.csv',
      ['Emp,Pay date,Deducted,Hours,Gross', 'E200,2026-07-03,60.00,80,640.00'].join('\n'),
    );
    expect(
      (await w.t.call('payroll:confirmPreview', { runId, uploadId: ok, mapping: FULL }, w.clerk)).problems,
    ).toEqual([]);
  });

  it('posts payroll deductions oldest account first, keeps each outcome, reconciles; a second confirmation is refused', async () => {
    const { ids, runId, line } = await confirmWorld();
    const sumBefore = sumOfBalances();
    const file = [
      'Emp,Pay date,Deducted,Hours,Gross',
      'E100,2026-07-03,600.00,80,1600.00',
      'e200,2026-07-03,20.00,80,640.00',
    ].join('\r\n');
    const uploadId = await upload(w.t, w.clerk, 'confirm.csv', file);
    const preview = await w.t.call('payroll:confirmPreview', { runId, uploadId, mapping: FULL }, w.clerk);
    expect(preview.lines.map((l) => [l.reference, l.deductedCents, l.outcome])).toEqual([
      [`PD-${ids.jane}`, 60000, 'deducted'],
      [`PD-${ids.john}`, 2000, 'short'],
    ]);
    expect(preview.missing.map((m) => m.reference)).toEqual([`PD-${ids.ana}`]);
    const d = await w.t.call('payroll:confirm', { runId, uploadId, mapping: FULL }, w.clerk);
    expect(d).toMatchObject({
      status: 'reconciled',
      deductedCents: 62000,
      postedCents: 62000,
      open: 2,
      confirmationName: 'confirm.csv',
    });
    expect(
      Object.fromEntries(
        d.lineViews.map((l) => [l.arrangementId, [l.outcome, l.deductedCents, l.hoursCenti, l.grossCents]]),
      ),
    ).toEqual({
      [ids.jane]: ['deducted', 60000, 8000, 160000],
      [ids.john]: ['short', 2000, 8000, 64000],
      [ids.ana]: ['missed', 0, null, null],
    });
    // $600.00: A1's $500.00 first (2025-01-10), then $100.00 of A2's $300.00.
    expect(balance(w.db, w.a1)).toBe(0);
    expect(balance(w.db, w.a2)).toBe(20000);
    expect(balance(w.db, w.a3)).toBe(118000);
    expect(balance(w.db, w.a4)).toBe(40000);
    expect(sumBefore - sumOfBalances()).toBe(62000);
    const entries = w.db
      .prepare(
        "SELECT account_id, amount_cents, effective_date, reference, external_id FROM ledger_entries WHERE type = 'payroll_deduction' ORDER BY id",
      )
      .all();
    expect(entries).toEqual([
      {
        account_id: w.a1,
        amount_cents: -50000,
        effective_date: '2026-07-03',
        reference: `PD-${ids.jane} pay 2026-07-03`,
        external_id: `payroll:${line(ids.jane)}:${w.a1}`,
      },
      {
        account_id: w.a2,
        amount_cents: -10000,
        effective_date: '2026-07-03',
        reference: `PD-${ids.jane} pay 2026-07-03`,
        external_id: `payroll:${line(ids.jane)}:${w.a2}`,
      },
      {
        account_id: w.a3,
        amount_cents: -2000,
        effective_date: '2026-07-03',
        reference: `PD-${ids.john} pay 2026-07-03`,
        external_id: `payroll:${line(ids.john)}:${w.a3}`,
      },
    ]);
    const again = await upload(w.t, w.clerk, 'confirm.csv', file);
    const second = await w.t.raw('payroll:confirm', { runId, uploadId: again, mapping: FULL }, w.clerk);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.code).toBe('conflict');
    expect(sumBefore - sumOfBalances()).toBe(62000);

    // The short and the missed lines wait in the work queue until resolved.
    const queue = () =>
      payrollQueueSource.items(w.db, '2026-07-06', () => true).filter((i) => i.key.startsWith('payroll:line:'));
    expect(queue().map((i) => [i.key, i.guarantorId, i.amountCents])).toEqual([
      [`payroll:line:${line(ids.ana)}`, w.ana, 4000],
      [`payroll:line:${line(ids.john)}`, w.john, 4000],
    ]);
    expect(queue()[0]!.summary).toMatch(/\$0\.00 deducted of \$40\.00 \(not deducted\)/);
    const resolved = await w.t.call(
      'payroll:resolveLine',
      { lineId: line(ids.ana), note: 'Unpaid leave; payroll confirms the next period.' },
      w.clerk,
    );
    expect(resolved.open).toBe(1);
    expect(resolved.lineViews.find((l) => l.arrangementId === ids.ana)).toMatchObject({
      resolvedOn: '2026-07-06',
      resolvedBy: 'Test clerk',
    });
    expect(queue().map((i) => i.guarantorId)).toEqual([w.john]);
    const twice = await w.t.raw('payroll:resolveLine', { lineId: line(ids.ana), note: 'again' }, w.clerk);
    expect(twice.ok).toBe(false);
    const deducted = await w.t.raw('payroll:resolveLine', { lineId: line(ids.jane), note: 'nothing to do' }, w.clerk);
    expect(deducted.ok).toBe(false);
  });

  it('property: what the ledger holds for a run is what payroll deducted, and the balances drop by exactly that', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60000 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
        async (jane, john, ana) => {
          const { runId } = await confirmWorld();
          try {
            const sumBefore = sumOfBalances();
            const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
            const rows = ['Emp,Deducted', `E100,${cents(jane)}`, `E200,${cents(john)}`];
            if (ana !== null) rows.push(`E300,${cents(ana)}`);
            const uploadId = await upload(w.t, w.clerk, 'c.csv', rows.join('\n'));
            const d = await w.t.call('payroll:confirm', { runId, uploadId, mapping: SHORT }, w.clerk);
            const total = jane + john + (ana ?? 0);
            expect(d.deductedCents).toBe(total);
            expect(d.postedCents).toBe(total);
            expect(sumBefore - sumOfBalances()).toBe(total);
          } finally {
            w.t.cleanup();
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});

describe('payroll:settle (a bank run)', () => {
  async function settleWorld() {
    w = await bigWorld();
    await w.t.call('settings:update', { payroll: BANK_SETTINGS }, w.admin);
    const ana = addArrangement(w.t, {
      guarantorId: w.ana,
      method: 'bank',
      accountIds: [w.a4],
      amountCents: 2500,
      frequency: 'monthly',
      firstDate: '2026-07-03',
      bank: { holder: 'Ana Lopez', routing: '021000021', account: '123456789', type: 'checking' },
    });
    const bo = addArrangement(w.t, {
      guarantorId: w.bo,
      method: 'bank',
      accountIds: [w.a5],
      amountCents: 4000,
      frequency: 'weekly',
      firstDate: '2026-06-26',
      bank: { holder: 'Bo Chen', routing: '011000015', account: '9876543210123', type: 'savings' },
    });
    await w.t.call('payroll:createRun', { method: 'bank', runDate: '2026-07-03' }, w.clerk);
    const runId = (await w.t.call('payroll:runs', { method: 'bank' }, w.clerk))[0]!.id;
    const d = await w.t.call('payroll:run', { runId }, w.clerk);
    const line = (id: number) => d.lineViews.find((l) => l.arrangementId === id)!.id;
    w.t.clock.setToday('2026-07-08');
    return { ana, bo, runId, line };
  }

  it('posts each debit not returned as an ACH payment, keeps the return code, reconciles', async () => {
    const { ana, bo, runId, line } = await settleWorld();
    const early = await w.t.raw('payroll:settle', { runId, settledOn: '2026-07-02', returns: [] }, w.clerk);
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.fields?.settledOn).toMatch(/between the debit date/);
    const d = await w.t.call(
      'payroll:settle',
      { runId, settledOn: '2026-07-07', returns: [{ lineId: line(bo), code: 'r01' }] },
      w.clerk,
    );
    expect(d).toMatchObject({ status: 'reconciled', deductedCents: 2500, postedCents: 2500, open: 1 });
    expect(d.lineViews.find((l) => l.arrangementId === bo)).toMatchObject({
      outcome: 'returned',
      returnCode: 'R01',
      deductedCents: 0,
    });
    expect(d.lineViews.find((l) => l.arrangementId === ana)).toMatchObject({
      outcome: 'deducted',
      deductedCents: 2500,
    });
    const payments = w.db
      .prepare('SELECT guarantor_id, method, amount_cents, effective_date, reference FROM payments')
      .all();
    expect(payments).toEqual([
      {
        guarantor_id: w.ana,
        method: 'ach',
        amount_cents: 2500,
        effective_date: '2026-07-07',
        reference: `ABT-${ana} debit 2026-07-03`,
      },
    ]);
    expect(balance(w.db, w.a4)).toBe(37500);
    expect(balance(w.db, w.a5)).toBe(25000);
    const item = payrollQueueSource
      .items(w.db, '2026-07-08', () => true)
      .find((i) => i.key === `payroll:line:${line(bo)}`);
    expect(item?.summary).toMatch(/came back: R01 Insufficient funds/);
    const again = await w.t.raw('payroll:settle', { runId, settledOn: '2026-07-07', returns: [] }, w.clerk);
    expect(again.ok).toBe(false);
  });

  it('a return that means the authorization is gone ends the arrangement (stopped, the note names the code)', async () => {
    const { ana, bo, runId, line } = await settleWorld();
    const ended: unknown[][] = [];
    settleRun(
      w.t.app,
      {
        runId,
        settledOn: '2026-07-07',
        returns: [
          { lineId: line(bo), code: 'R02' },
          { lineId: line(ana), code: 'R01' },
        ],
      },
      1,
      (...args) => {
        ended.push(args.slice(1, 6));
      },
    );
    expect(ended).toEqual([
      [bo, 'stopped', '2026-07-07', 'The bank returned the debit of July 3, 2026: R02 Account closed.', 1],
    ]);
  });
});

describe('payroll:settle ends an arrangement through the arrangements’ own end', () => {
  it('R02: the arrangement stops on the settlement date, its note naming the code; R01 leaves it active', async () => {
    w = await bigWorld();
    await w.t.call('settings:update', { payroll: BANK_SETTINGS }, w.admin);
    const bank = (holder: string, account: string) => ({
      holder,
      routing: '021000021',
      account,
      type: 'checking' as const,
    });
    const ana = addArrangement(w.t, {
      guarantorId: w.ana,
      method: 'bank',
      accountIds: [w.a4],
      amountCents: 2500,
      firstDate: '2026-07-03',
      bank: bank('Ana Lopez', '123456789'),
    });
    const bo = addArrangement(w.t, {
      guarantorId: w.bo,
      method: 'bank',
      accountIds: [w.a5],
      amountCents: 4000,
      firstDate: '2026-07-03',
      bank: bank('Bo Chen', '55554444'),
    });
    await w.t.call('payroll:createRun', { method: 'bank', runDate: '2026-07-03' }, w.clerk);
    const runId = (await w.t.call('payroll:runs', { method: 'bank' }, w.clerk))[0]!.id;
    const lines = (await w.t.call('payroll:run', { runId }, w.clerk)).lineViews;
    const line = (id: number) => lines.find((l) => l.arrangementId === id)!.id;
    w.t.clock.setToday('2026-07-08');
    await w.t.call(
      'payroll:settle',
      {
        runId,
        settledOn: '2026-07-07',
        returns: [
          { lineId: line(bo), code: 'R02' },
          { lineId: line(ana), code: 'R01' },
        ],
      },
      w.clerk,
    );
    const row = (id: number) =>
      w.db.prepare('SELECT status, ended_on, end_note FROM deduction_arrangements WHERE id = ?').get(id);
    expect(row(bo)).toEqual({
      status: 'stopped',
      ended_on: '2026-07-07',
      end_note: 'The bank returned the debit of July 3, 2026: R02 Account closed.',
    });
    expect(row(ana)).toMatchObject({ status: 'active', ended_on: null });
  });
});

describe('the payroll queue source', () => {
  it('a match to confirm, a signature awaited 7 days, and a pay date within 3 days without a run', async () => {
    w = await bigWorld('2026-07-01');
    // Employee E400 has Bo Chen's birth date and last name, not matched yet.
    addEmployee(w.db, { number: 'E400', lastName: 'Chen', firstName: 'Bo', birthDate: '1979-04-04' });
    // E500 shares only Bo's birth date: the one match rule offers nothing, so the queue shows nothing.
    addEmployee(w.db, { number: 'E500', lastName: 'Quinn', firstName: 'Zed', birthDate: '1979-04-04' });
    const ea = addEmployee(w.db, { number: 'E300', lastName: 'Lopez', firstName: 'Ana', guarantorId: w.ana });
    const ej = addEmployee(w.db, { number: 'E100', guarantorId: w.jane });
    const waiting = addArrangement(w.t, {
      guarantorId: w.ana,
      employeeId: ea,
      accountIds: [w.a4],
      amountCents: 4000,
      firstDate: '2026-07-03',
      signedOn: null,
      createdAt: '2026-06-24T15:00:00.000Z',
    });
    const jane = addArrangement(w.t, {
      guarantorId: w.jane,
      employeeId: ej,
      accountIds: [w.a1],
      amountCents: 5000,
      firstDate: '2026-07-03',
    });
    const items = payrollQueueSource.items(w.db, '2026-07-01', () => true);
    expect(items.map((i) => [i.key, i.guarantorId])).toEqual([
      [expect.stringMatching(/^payroll:match:\d+$/), w.bo],
      [`payroll:signature:${waiting}`, w.ana],
      [`payroll:due:${jane}:2026-07-03`, w.jane],
      // Jane works in TX and no TX row is on file: a supervisor adds it (the federal minimum is used meanwhile).
      [`payroll:stateRow:${jane}`, w.jane],
    ]);
    expect(items[2]!.summary).toMatch(/pay date .*July 3, 2026 is in 2 days/);
    // Six days after set-up: not yet; once the run is made, the due item goes.
    expect(
      payrollQueueSource.items(w.db, '2026-06-30', () => true).some((i) => i.key.startsWith('payroll:signature')),
    ).toBe(false);
    await w.t.call('payroll:createRun', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
    expect(payrollQueueSource.items(w.db, '2026-07-01', () => true).some((i) => i.key.startsWith('payroll:due'))).toBe(
      false,
    );
    expect(payrollQueueSource.items(w.db, '2026-07-01', (k) => k !== 'payroll')).toEqual([]);
  });
});

describe('the payroll queue source: what nobody must forget', () => {
  it('a run with no confirmation 3 days after pay day, a pay date passed with no file, a deduction that can take nothing', async () => {
    w = await bigWorld('2026-07-01');
    w.db
      .prepare(
        "INSERT INTO wage_floors (jurisdiction, effective_from, minimum_wage_cents, source, created_at) VALUES ('TX', '2020-01-01', 725, 'test', 't')",
      )
      .run();
    const ej = addEmployee(w.db, { number: 'E100', guarantorId: w.jane, frequency: 'weekly' });
    const jane = addArrangement(w.t, {
      guarantorId: w.jane,
      employeeId: ej,
      accountIds: [w.a1],
      amountCents: 5000,
      firstDate: '2026-07-03',
      frequency: 'weekly',
    });
    // John paid $7.25 an hour: nothing above the floor.
    const eo = addEmployee(w.db, { number: 'E200', guarantorId: w.john, rateCents: 725 });
    const john = addArrangement(w.t, {
      guarantorId: w.john,
      employeeId: eo,
      accountIds: [w.a3],
      amountCents: 1000,
      firstDate: '2026-07-03',
    });
    await w.t.call('payroll:createRun', { method: 'payroll', runDate: '2026-07-03' }, w.clerk);
    // July 13: payroll has not confirmed July 3; no file was made for July 10.
    const keys = payrollQueueSource.items(w.db, '2026-07-13', () => true).map((i) => i.key);
    const run = (await w.t.call('payroll:runs', {}, w.clerk))[0]!.id;
    expect(keys).toContain(`payroll:answer:${run}`);
    expect(keys).toContain(`payroll:missedDate:${jane}:2026-07-10`);
    expect(keys).toContain(`payroll:nothing:${john}`);
    const answer = payrollQueueSource
      .items(w.db, '2026-07-13', () => true)
      .find((i) => i.key === `payroll:answer:${run}`)!;
    expect(answer.summary).toMatch(
      /payroll's confirmation of the deductions of .*July 3, 2026 .* has not come back 10 days after pay day/,
    );
    // Two days after pay day: not yet.
    expect(
      payrollQueueSource.items(w.db, '2026-07-05', () => true).some((i) => i.key === `payroll:answer:${run}`),
    ).toBe(false);
  });
});

describe('the queue source is the app’s', () => {
  it('payroll items come through queue:list', async () => {
    w = await bigWorld('2026-07-01');
    const ej = addEmployee(w.db, { number: 'E100', guarantorId: w.jane });
    addArrangement(w.t, {
      guarantorId: w.jane,
      employeeId: ej,
      accountIds: [w.a1],
      amountCents: 5000,
      firstDate: '2026-07-03',
    });
    const q = await w.t.call('queue:list', { kind: 'payroll', assignee: 'all' }, w.clerk);
    // The pay date within 3 days without a file, and TX (her work state) with no wage-floor row.
    expect(q.items.map((i) => i.key.split(':').slice(0, 2).join(':')).sort()).toEqual([
      'payroll:due',
      'payroll:stateRow',
    ]);
    expect(new Set(q.items.map((i) => i.guarantorId))).toEqual(new Set([w.jane]));
  });
});

describe('splitOverAccounts', () => {
  it('oldest first up to what each owes, skipping accounts that owe nothing; beyond the owed on the last, as a credit', () => {
    const accounts = [
      { accountId: 1, balanceCents: 50000 },
      { accountId: 2, balanceCents: 0 },
      { accountId: 3, balanceCents: -500 },
      { accountId: 4, balanceCents: 10000 },
    ];
    expect(splitOverAccounts(accounts, 30000)).toEqual([{ accountId: 1, cents: 30000 }]);
    expect(splitOverAccounts(accounts, 55000)).toEqual([
      { accountId: 1, cents: 50000 },
      { accountId: 4, cents: 5000 },
    ]);
    expect(splitOverAccounts(accounts, 70000)).toEqual([
      { accountId: 1, cents: 50000 },
      { accountId: 4, cents: 20000 },
    ]);
    expect(
      splitOverAccounts(
        [
          { accountId: 7, balanceCents: 0 },
          { accountId: 8, balanceCents: 0 },
        ],
        5000,
      ),
    ).toEqual([{ accountId: 8, cents: 5000 }]);
  });
});
