// The statement run (ST-03, ECA-05): who is due and who is held, the run itself, D0 and the final
// notice dates, nothing twice on one day, byte-for-byte reprints, cancel.
import { afterEach, describe, expect, it } from 'vitest';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  // A clean start for the cycle: the sample's imported first-statement dates are cleared.
  t.app.store.db.prepare('UPDATE accounts SET first_statement_date = NULL').run();
  return { admin, ...ids };
}

describe('the statement run', () => {
  it('shows who is due, runs, sets D0, and sends nothing twice on one day', async () => {
    const { admin, jane, john } = await ready();
    await t.call('holds:place', { guarantorId: john, reason: 'dispute', note: 'disputes the ER visit' }, admin);
    const due = await t.call('statements:due', {}, admin);
    expect(due).toMatchObject({
      dueCount: 1,
      finalNotices: 0,
      dueCents: 80_000,
      held: [{ guarantorId: john, holds: ['dispute'] }],
    });
    const run = await t.call('statements:run', { taskId: 'statements-0001' }, admin);
    expect(run).toMatchObject({ count: 1, finalNotices: 0, amountCents: 80_000 });
    const pages = await pdfPages(Buffer.from(run.file.base64, 'base64'));
    expect(pages[0]).toContain('Jane Smith');
    const d0 = t.app.store.db
      .prepare('SELECT DISTINCT first_statement_date FROM accounts WHERE guarantor_id = ?')
      .pluck()
      .all(jane);
    expect(d0).toEqual(['2026-11-26']);
    expect((await t.call('statements:due', {}, admin)).dueCount).toBe(0);
    expect(await t.raw('statements:run', { taskId: 'statements-0002' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const [listed] = await t.call('statements:list', { guarantorId: jane }, admin);
    expect(listed).toMatchObject({
      statementDate: '2026-11-26',
      numberInCycle: 1,
      kind: 'regular',
      amountDueCents: 80_000,
    });
    const reprint = await t.call('statements:reprint', { statementId: listed!.id }, admin);
    expect((await pdfPages(Buffer.from(reprint.base64, 'base64')))[0]).toContain('Statement 1 of 3');
  });

  it('every 30 days a statement, then the final notice, then the ECA date on the account', async () => {
    const { admin, jane } = await ready();
    for (const [date, n] of [
      ['2026-11-26', 1],
      ['2026-12-26', 2],
      ['2027-01-25', 3],
    ] as const) {
      t.clock.setToday(date);
      expect((await t.call('statements:run', { taskId: `statements-${n}-000` }, admin)).count).toBeGreaterThan(0);
    }
    t.clock.setToday('2027-02-23');
    expect((await t.call('statements:due', {}, admin)).dueCount).toBe(0); // 29 days after the third
    t.clock.setToday('2027-02-24');
    expect(await t.call('statements:due', {}, admin)).toMatchObject({ dueCount: 2, finalNotices: 2 });
    const run = await t.call('statements:run', { taskId: 'statements-final-0' }, admin);
    expect(run.finalNotices).toBe(2);
    expect((await pdfPages(Buffer.from(run.file.base64, 'base64'))).join(' ')).toContain('FINAL NOTICE');
    const ws = await t.call('accounts:open', { guarantorId: jane }, admin);
    expect(ws.accounts[0]).toMatchObject({ firstStatementDate: '2026-11-26', finalNoticeDate: '2027-02-24' });
    // D0 + 120 = 2027-03-26; notice + 30 = 2027-03-26.
    expect(ws.accounts[0]!.nextStep).toMatch(/allowed from March 26, 2027/);
    const eca = await t.call('eca:check', { accountId: ws.accounts[0]!.id, kind: 'credit_report' }, admin);
    expect(eca).toMatchObject({ allowed: false, allowedFrom: '2027-03-26' });
    t.clock.setToday('2027-03-26');
    expect((await t.call('eca:check', { accountId: ws.accounts[0]!.id, kind: 'credit_report' }, admin)).allowed).toBe(
      true,
    );
    t.clock.setToday('2027-04-30');
    expect((await t.call('statements:due', {}, admin)).skipped.cycleComplete).toBeGreaterThan(0);
  });

  it('a cancelled run records nothing', async () => {
    const { admin } = await ready();
    const off = t.app.onEvent((e) => {
      if (e.taskId === 'statements-cancel') void t.call('task:cancel', { taskId: 'statements-cancel' }, admin);
    });
    expect(await t.raw('statements:run', { taskId: 'statements-cancel' }, admin)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('cancelled') },
    });
    off();
    expect(t.app.store.db.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
    expect(
      t.app.store.db.prepare('SELECT count(*) FROM accounts WHERE first_statement_date IS NOT NULL').pluck().get(),
    ).toBe(0);
  });
});

describe('a run before some entries are dated', () => {
  it('leaves out what is owed only after the run date, and sends nothing to a guarantor who owed nothing then', async () => {
    const { admin, jane, john } = await ready();
    t.clock.setToday('2026-03-02'); // John's only charge is dated 2026-10-01; Jane's A2 charge 2025-06-03
    const run = await t.call('statements:run', { taskId: 'statements-early-1' }, admin);
    expect(run.count).toBe(1);
    const [s] = await t.call('statements:list', { guarantorId: jane }, admin);
    expect(s!.amountDueCents).toBe(80_000);
    expect(await t.call('statements:list', { guarantorId: john }, admin)).toEqual([]);
    expect(
      t.app.store.db.prepare('SELECT first_statement_date FROM accounts WHERE guarantor_id = ?').pluck().all(john),
    ).toEqual([null]);
  });
});
