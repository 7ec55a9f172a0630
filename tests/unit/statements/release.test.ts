// Issue 11 item 7: the statement run is reviewed before it is sent. A clerk prepares it (nothing is
// recorded as sent); the proof shows the counts, the money, the accounts held and why, and a sample
// of pages; only a supervisor releases it; a prepared run can be discarded; a stale one is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { importSmall } from '../accounts/fixtures';
import { pdfPages } from '../pdfText';
import { addUserAndLogIn, setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  t.app.store.db.prepare('UPDATE accounts SET first_statement_date = NULL').run();
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor', 'sup1');
  return { admin, clerk, supervisor, ...ids };
}

const count = (sql: string) => t.app.store.db.prepare(sql).pluck().get() as number;

describe('a statement run is prepared, proved, and released by a supervisor', () => {
  it('prepared by a clerk: nothing is sent until a supervisor releases it', async () => {
    const { clerk, john } = await ready();
    await t.call('holds:place', { guarantorId: john, reason: 'dispute', note: 'disputes the ER visit' }, clerk);
    const run = await t.call('statements:prepare', { jobId: 'statements-prep-1' }, clerk);
    expect(run).toMatchObject({
      statements: 1,
      regular: 1,
      finalNotices: 0,
      planStatements: 0,
      withCredits: 0,
      amountCents: 80_000,
      held: [expect.objectContaining({ guarantorId: john, holds: ['dispute'], accountsOnly: false })],
      stale: false,
      preparedBy: 'Test clerk',
    });
    // Nothing recorded as sent: no statement, no D0, no past run; the guarantor is still due.
    expect(count('SELECT count(*) FROM statements')).toBe(0);
    expect(count('SELECT count(*) FROM accounts WHERE first_statement_date IS NOT NULL')).toBe(0);
    expect(await t.call('statements:runs', {}, clerk)).toEqual([]);
    expect((await t.call('statements:due', {}, clerk)).dueCount).toBe(1);
    expect(await t.call('statements:prepared', {}, clerk)).toMatchObject({ runId: run.runId, stale: false });

    // The proof: counts, money, who is held and why, and the first page of a statement as it will print.
    const proof = (await pdfPages(await t.file(await t.call('statements:proof', { runId: run.runId }, clerk)))).map(
      (p) => p.replace(/\s+/g, ' '),
    );
    expect(proof[0]).toContain('Statement run of November 26, 2026: proof (not sent)');
    expect(proof[0]).toContain('Regular statements 1');
    expect(proof[0]).toContain('Amount due on all statements $800.00');
    expect(proof[0]).toContain('John O');
    expect(proof[0]).toContain('Balance disputed');
    expect(proof[0]).toContain(
      '1 guarantor held, with no statement (by reason: Balance disputed 1); 0 guarantors with some accounts held, those accounts left off their statements. Listed: all of them.',
    );
    expect(proof.some((p) => p.includes('Jane Smith') && p.includes('Statement 1 of 4'))).toBe(true);

    // A clerk alone cannot release it; a wrong password neither; the supervisor's approval does.
    expect(await t.raw('statements:release', { runId: run.runId, jobId: 'statements-rel-1' }, clerk)).toMatchObject({
      ok: false,
      error: { fields: { approval: expect.stringContaining('supervisor') } },
    });
    expect(
      await t.raw(
        'statements:release',
        { runId: run.runId, jobId: 'statements-rel-2', approval: { username: 'sup1', password: 'not the password' } },
        clerk,
      ),
    ).toMatchObject({ ok: false });
    expect(count('SELECT count(*) FROM statements')).toBe(0);
    const released = await t.call(
      'statements:release',
      { runId: run.runId, jobId: 'statements-rel-3', approval: { username: 'sup1', password: 'password-for-sup1' } },
      clerk,
    );
    expect(released).toMatchObject({ runId: run.runId, count: 1, amountCents: 80_000 });
    expect(count('SELECT count(*) FROM statements')).toBe(1);
    expect(count('SELECT count(*) FROM statement_run_items')).toBe(0);
    expect(count(`SELECT count(*) FROM accounts WHERE first_statement_date = '2026-11-26'`)).toBe(2);
    expect(await t.call('statements:runs', {}, clerk)).toEqual([
      expect.objectContaining({ id: run.runId, by: 'Test clerk', releasedBy: 'Test supervisor', statements: 1 }),
    ]);
    expect(await t.call('statements:prepared', {}, clerk)).toBeNull();
    // Released once: a second release is refused.
    expect(await t.raw('statements:release', { runId: run.runId, jobId: 'statements-rel-4' }, clerk)).toMatchObject({
      ok: false,
    });
  });

  it('a supervisor’s own session releases without typing a password', async () => {
    const { clerk, supervisor } = await ready();
    const cache = () => t.app.store.db.pragma('cache_size', { simple: true }) as number;
    const before = cache();
    const run = await t.call('statements:prepare', { jobId: 'statements-prep-2' }, clerk);
    expect(
      await t.call('statements:release', { runId: run.runId, jobId: 'statements-rel-5' }, supervisor),
    ).toMatchObject({
      count: 2,
    });
    // The run's larger page cache (256 MiB, issue 18) is given back once it is prepared and released.
    expect(cache()).toBe(before);
    expect(before).toBe(-65536);
  });

  it('a run something changed under is stale, refused at release, and prepared again', async () => {
    const { clerk, supervisor, jane } = await ready();
    const run = await t.call('statements:prepare', { jobId: 'statements-prep-3' }, clerk);
    await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'cash',
        reference: '',
        amountCents: 5_000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );
    expect(await t.call('statements:prepared', {}, clerk)).toMatchObject({ runId: run.runId, stale: true });
    expect(
      await t.raw('statements:release', { runId: run.runId, jobId: 'statements-rel-6' }, supervisor),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('prepare the run again') },
    });
    expect(count('SELECT count(*) FROM statements')).toBe(0);
    // Prepared again, it replaces the stale one and carries the payment.
    const again = await t.call('statements:prepare', { jobId: 'statements-prep-4' }, clerk);
    expect(again).toMatchObject({ stale: false, amountCents: 200_000 - 5_000 });
    expect(count(`SELECT count(*) FROM statement_runs WHERE status = 'discarded'`)).toBe(1);
    // The next business day, a run prepared yesterday is stale too.
    t.clock.setToday('2026-11-27');
    expect(await t.call('statements:prepared', {}, clerk)).toMatchObject({ runId: again.runId, stale: true });
  });

  it('an extract that changes an account without a ledger entry (the patient’s name) makes the run stale', async () => {
    const { clerk } = await ready();
    const run = await t.call('statements:prepare', { jobId: 'statements-prep-x' }, clerk);
    const entries = count('SELECT count(*) FROM ledger_entries');
    // The same accounts, A1's patient now named on the account: no ledger entry is posted.
    await importSmall(
      t,
      [
        'guarantor_id,mrn,last_name,first_name,date_of_birth,address_line1,city,state,zip,phone,account_number,service_from,service_to,service_type,payer_class,first_statement_date,transaction_id,transaction_type,amount,effective_date,reference,memo,patient_name',
        'G1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142,A1,2025-01-10,2025-01-10,outpatient,self_pay,2025-02-01,T1,charge,500.00,2025-01-10,,Clinic visit,Tommy Smith',
      ].join('\r\n'),
    );
    expect(count('SELECT count(*) FROM ledger_entries')).toBe(entries);
    expect(count(`SELECT count(*) FROM accounts WHERE patient_name = 'Tommy Smith'`)).toBe(1);
    expect(await t.call('statements:prepared', {}, clerk)).toMatchObject({ runId: run.runId, stale: true });
  });

  it('a prepared run can be discarded: nothing of it is sent', async () => {
    const { clerk, supervisor } = await ready();
    const run = await t.call('statements:prepare', { jobId: 'statements-prep-5' }, clerk);
    expect(await t.call('statements:discard', { runId: run.runId }, clerk)).toEqual({ discarded: true });
    expect(await t.call('statements:prepared', {}, clerk)).toBeNull();
    expect(
      await t.raw('statements:release', { runId: run.runId, jobId: 'statements-rel-7' }, supervisor),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(count('SELECT count(*) FROM statements')).toBe(0);
    expect(count('SELECT count(*) FROM statement_run_items')).toBe(0);
  });
});
