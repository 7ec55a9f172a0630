// The statement run (ST-03, ECA-05): who is due and who is held, the run itself, D0 and the final
// notice dates, nothing twice on one day, byte-for-byte reprints, cancel.
import { afterEach, describe, expect, it } from 'vitest';
import { setUpAndLogIn, testApp, type TestApp, sendStatements } from '../support';
import { pdfPages } from '../pdfText';
import { importSmall } from '../accounts/fixtures';
import { PassThrough, Writable } from 'node:stream';
import { reprintRun } from '../../../src/main/capabilities/statements/pastRuns';
import { releaseRun } from '../../../src/main/capabilities/statements/release';

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
    const run = await sendStatements(t, admin, 'statements-0001');
    expect(run).toMatchObject({ count: 1, finalNotices: 0, amountCents: 80_000 });
    const pages = await pdfPages(await t.file(run.file));
    expect(pages[0]).toContain('Jane Smith');
    const d0 = t.app.store.db
      .prepare('SELECT DISTINCT first_statement_date FROM accounts WHERE guarantor_id = ?')
      .pluck()
      .all(jane);
    expect(d0).toEqual(['2026-11-26']);
    expect((await t.call('statements:due', {}, admin)).dueCount).toBe(0);
    expect(await t.raw('statements:prepare', { jobId: 'statements-0002' }, admin)).toMatchObject({
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
    expect((await pdfPages(await t.file(reprint)))[0]).toContain('Statement 1 of 4');
  });

  it('every 30 days a statement, then the final notice, then the ECA date on the account', async () => {
    const { admin, jane } = await ready();
    for (const [date, n] of [
      ['2026-11-26', 1],
      ['2026-12-26', 2],
      ['2027-01-25', 3],
    ] as const) {
      t.clock.setToday(date);
      expect((await sendStatements(t, admin, `statements-${n}-000`)).count).toBeGreaterThan(0);
    }
    t.clock.setToday('2027-02-23');
    expect((await t.call('statements:due', {}, admin)).dueCount).toBe(0); // 29 days after the third
    t.clock.setToday('2027-02-24');
    expect(await t.call('statements:due', {}, admin)).toMatchObject({ dueCount: 2, finalNotices: 2 });
    const run = await sendStatements(t, admin, 'statements-final-0');
    expect(run.finalNotices).toBe(2);
    expect((await pdfPages(await t.file(run.file))).join(' ')).toContain('FINAL NOTICE');
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
    const { runId } = await t.call('statements:prepare', { jobId: 'statements-cancel-prep' }, admin);
    const off = t.app.onEvent((e) => {
      if (e.jobId === 'statements-cancel') void t.call('jobs:cancel', { jobId: 'statements-cancel' }, admin);
    });
    expect(await t.raw('statements:release', { runId, jobId: 'statements-cancel' }, admin)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('cancelled') },
    });
    off();
    expect(t.app.store.db.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
    expect(
      t.app.store.db.prepare('SELECT count(*) FROM accounts WHERE first_statement_date IS NOT NULL').pluck().get(),
    ).toBe(0);
  });

  it('a run whose batch cannot be written to disk records nothing, and can be run again', async () => {
    const { admin } = await ready();
    // The disk fills as the batch's last bytes are flushed: the run must not commit before that.
    const full = new Writable({
      write: (_chunk, _encoding, done) => done(),
      final: (done) => done(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
    });
    const { runId } = await t.call('statements:prepare', { jobId: 'statements-full-prep' }, admin);
    await expect(releaseRun(t.app, runId, 1, '2026-11-26', full)).rejects.toThrow(/no space left/);
    const db = t.app.store.db;
    expect(db.inTransaction).toBe(false);
    expect(db.prepare(`SELECT status FROM statement_runs WHERE id = ?`).pluck().get(runId)).toBe('prepared');
    expect(db.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM accounts WHERE first_statement_date IS NOT NULL').pluck().get()).toBe(0);
    const again = await t.call('statements:release', { runId, jobId: 'statements-again' }, admin);
    expect(again.count).toBeGreaterThan(0);
    expect((await pdfPages(await t.file(again.file))).length).toBeGreaterThan(0);
  });
});

describe('a run before some entries are dated', () => {
  it('leaves out what is owed only after the run date, and sends nothing to a guarantor who owed nothing then', async () => {
    const { admin, jane, john } = await ready();
    t.clock.setToday('2026-03-02'); // John's only charge is dated 2026-10-01; Jane's A2 charge 2025-06-03
    const run = await sendStatements(t, admin, 'statements-early-1');
    expect(run.count).toBe(1);
    const [s] = await t.call('statements:list', { guarantorId: jane }, admin);
    expect(s!.amountDueCents).toBe(80_000);
    expect(await t.call('statements:list', { guarantorId: john }, admin)).toEqual([]);
    expect(
      t.app.store.db.prepare('SELECT first_statement_date FROM accounts WHERE guarantor_id = ?').pluck().all(john),
    ).toEqual([null]);
  });
});

describe('one guarantor, accounts at different points of their own cycles (ECA-05 per account)', () => {
  const clockOf = (accountNumber: string) =>
    t.app.store.db
      .prepare('SELECT first_statement_date AS d0, final_notice_date AS final FROM accounts WHERE account_number = ?')
      .get(accountNumber) as { d0: string | null; final: string | null };

  it('a held account stays off the statement and starts its own cycle later, with its own D0 and final notice', async () => {
    const { admin, jane } = await ready();
    const a2 = t.app.store.db.prepare(`SELECT id FROM accounts WHERE account_number = 'A2'`).pluck().get() as number;
    await t.call(
      'holds:place',
      { guarantorId: jane, accountId: a2, reason: 'dispute', note: 'disputes the stay' },
      admin,
    );
    const due = await t.call('statements:due', {}, admin);
    expect(due).toMatchObject({ dueCents: 50_000 + 120_000 });
    expect(due.held).toEqual([expect.objectContaining({ guarantorId: jane, holds: ['dispute'], accountsOnly: true })]);
    await sendStatements(t, admin, 'statements-a-1');
    expect(clockOf('A1')).toEqual({ d0: '2026-11-26', final: null });
    expect(clockOf('A2')).toEqual({ d0: null, final: null });
    let [first] = await t.call('statements:list', { guarantorId: jane }, admin);
    let text = (
      await pdfPages(await t.file(await t.call('statements:reprint', { statementId: first!.id }, admin)))
    ).join(' ');
    expect(text).toContain('A1');
    expect(text).not.toContain('A2');

    const [hold] = (await t.call('holds:list', { guarantorId: jane }, admin)).filter((h) => h.id !== null);
    await t.call('holds:release', { holdId: hold!.id!, note: 'resolved with the patient' }, admin);
    const runs: [string, number][] = [
      ['2026-12-26', 2],
      ['2027-01-25', 3],
      ['2027-02-24', 4],
      ['2027-03-26', 5],
    ];
    for (const [date, n] of runs) {
      t.clock.setToday(date);
      await sendStatements(t, admin, `statements-a-${n}`);
    }
    // A1: statements on 11-26, 12-26, 01-25, final notice 02-24. A2: 12-26, 01-25, 02-24, final 03-26.
    expect(clockOf('A1')).toEqual({ d0: '2026-11-26', final: '2027-02-24' });
    expect(clockOf('A2')).toEqual({ d0: '2026-12-26', final: '2027-03-26' });
    const list = await t.call('statements:list', { guarantorId: jane }, admin);
    expect(list.map((s) => [s.statementDate, s.kind, s.numberInCycle])).toEqual([
      ['2027-03-26', 'final_notice', 4],
      ['2027-02-24', 'final_notice', 4],
      ['2027-01-25', 'regular', 3],
      ['2026-12-26', 'regular', 2],
      ['2026-11-26', 'regular', 1],
    ]);
    // The mixed statement says which account each line is at, and whose final notice it is.
    first = list.find((s) => s.statementDate === '2027-02-24');
    text = (await pdfPages(await t.file(await t.call('statements:reprint', { statementId: first!.id }, admin))))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('before other collection actions on account A1.');
    expect(text).toContain('If by March 26, 2027 you have not paid the balance of account A1 and have not applied');
    expect(text).toContain('Final notice for this account');
    expect(text).toContain('Statement 3 of 4');
    // After both final notices nothing more is due.
    t.clock.setToday('2027-04-30');
    expect((await t.call('statements:due', {}, admin)).skipped.cycleComplete).toBeGreaterThan(0);
    const recorded = t.app.store.db
      .prepare(
        `SELECT a.account_number, sa.step, sa.number FROM statement_accounts sa JOIN accounts a ON a.id = sa.account_id
          JOIN statements s ON s.id = sa.statement_id WHERE a.guarantor_id = ? ORDER BY s.statement_date, a.account_number`,
      )
      .raw()
      .all(jane);
    expect(recorded).toEqual([
      ['A1', 'regular', 1],
      ['A1', 'regular', 2],
      ['A2', 'regular', 1],
      ['A1', 'regular', 3],
      ['A2', 'regular', 2],
      ['A1', 'final_notice', 4],
      ['A2', 'regular', 3],
      ['A1', 'after_notice', null],
      ['A2', 'final_notice', 4],
    ]);
  });
});

describe('a past run printed again', () => {
  it('lists the runs and prints a run’s batch again, page for page as it was', async () => {
    const { admin } = await ready();
    const first = await sendStatements(t, admin, 'statements-again-1');
    const runs = await t.call('statements:runs', {}, admin);
    expect(runs).toEqual([
      expect.objectContaining({
        id: first.runId,
        runDate: '2026-11-26',
        statements: 2,
        finalNotices: 0,
        amountCents: 200_000,
        by: 'Avery Admin',
      }),
    ]);
    await expect(
      reprintRun(t.app.store.db, first.runId, new PassThrough().resume(), { isCancelled: () => true }),
    ).rejects.toThrow(/cancelled/);
    const again = await t.call('statements:runPdf', { runId: first.runId, jobId: 'statements-again-0001' }, admin);
    expect(await pdfPages(await t.file(again))).toEqual(await pdfPages(await t.file(first.file)));
    // A run's file is named by its date and its own number: two runs a day never share a name (issue 11).
    expect(first.file.fileName).toBe(`statements-2026-11-26-run-${first.runId}.pdf`);
    expect(again.fileName).toBe(`statements-2026-11-26-run-${first.runId}-again.pdf`);
    // A recorded statement whose drawing no longer matches its hash is refused, not printed differently.
    expect(() => t.app.store.db.prepare(`UPDATE statements SET sha256 = 'x'`).run()).toThrow(/cannot be changed/);
    t.app.store.db.exec('DROP TRIGGER statements_no_update'); // as if the record had been damaged
    t.app.store.db.prepare(`UPDATE statements SET sha256 = 'changed' WHERE run_id = ?`).run(first.runId);
    expect(
      await t.raw('statements:runPdf', { runId: first.runId, jobId: 'statements-again-0001' }, admin),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no longer reprints exactly') },
    });
    expect(await t.raw('statements:runPdf', { runId: 999, jobId: 'statements-again-0002' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('a payment plan: its accounts are not dunned, the statement asks for its payment (PP-01, PP-02)', () => {
  it('shows the plan’s installment with the guarantor’s other balance, due on the installment’s date', async () => {
    const { admin, jane, a1 } = await ready();
    await t.call(
      'plans:create',
      {
        guarantorId: jane,
        accountIds: [a1],
        fapAnswer: 'declined',
        downPaymentCents: 0,
        frequency: 'monthly',
        firstDueDate: '2026-12-15',
        installmentCount: 5,
      },
      admin,
    );
    const due = await t.call('statements:due', {}, admin);
    expect(due.held).toEqual([]);
    await sendStatements(t, admin, 'statements-plan-1');
    const [s] = await t.call('statements:list', { guarantorId: jane }, admin);
    // A1 on the plan: its first installment, $100.00 of $500.00, due 2026-12-15 (before the
    // statement's own 21 days, 2026-12-17); A2 owes $300.00.
    expect(s).toMatchObject({ amountDueCents: 10_000 + 30_000, dueDate: '2026-12-15', kind: 'regular' });
    // Only A2 runs a cycle; a plan's account gets its D0 from the statement that showed it.
    const recorded = t.app.store.db
      .prepare(
        'SELECT a.account_number, sa.step FROM statement_accounts sa JOIN accounts a ON a.id = sa.account_id ORDER BY 1',
      )
      .raw()
      .all();
    expect(recorded).toEqual([
      ['A2', 'regular'],
      ['A3', 'regular'],
    ]);
  });
});

describe('a short cycle', () => {
  it('the final notice never names a date before D0 + 120 (ECA-05): it names the date the gate uses', async () => {
    const { admin, jane } = await ready();
    const settings = await t.call('settings:get', {}, admin);
    await t.call(
      'settings:update',
      { statements: { ...settings.statements, daysBetween: 7, regularStatements: 1 } },
      admin,
    );
    await sendStatements(t, admin, 'statements-short-1'); // D0 2026-11-26
    t.clock.setToday('2026-12-03');
    const run = await sendStatements(t, admin, 'statements-short-2');
    expect(run.finalNotices).toBeGreaterThan(0);
    const [notice] = await t.call('statements:list', { guarantorId: jane }, admin);
    expect(notice).toMatchObject({ kind: 'final_notice', dueDate: '2027-03-26' }); // D0 + 120, not 2027-01-02
    const a1 = t.app.store.db.prepare(`SELECT id FROM accounts WHERE account_number = 'A1'`).pluck().get() as number;
    expect(await t.call('eca:check', { accountId: a1, kind: 'credit_report' }, admin)).toMatchObject({
      allowedFrom: '2027-03-26',
    });
  });
});
