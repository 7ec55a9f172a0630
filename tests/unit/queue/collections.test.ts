// The work queue drives collections (issue 11 item 8): the accounts that need a person come in by
// the documented score, each guarantor once per reason; held accounts stay out; a high balance
// comes in only alone; pending applications go to supervisors; marking an item done writes the
// guarantor's activity and closes the follow-up it came from.
import { afterEach, describe, expect, it } from 'vitest';
import {
  OPEN_BALANCES_ONLY_SQL,
  OPEN_BALANCES_SQL,
  OPEN_COLUMNS,
} from '../../../src/main/capabilities/queue/collections';
import { addUserAndLogIn, SETUP, setUpAndLogIn, testApp, type TestApp } from '../support';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';

let t: TestApp;
afterEach(() => t?.cleanup());

const row = (
  g: string,
  last: string,
  acct: string,
  payer: string,
  firstStatement: string,
  tx: string,
  type: string,
  amount: string,
  date: string,
) =>
  `${g},M${g},${last},Pat,1970-01-01,1 Elm St,Augusta,ME,04330,2075550100,${acct},2026-05-01,2026-05-01,outpatient,${payer},${firstStatement},${tx},${type},${amount},${date},,`;

// Business date 2026-11-26; statements are due 21 days after their date (the shipped policy).
const EXTRACT = [
  COMBINED_HEADER,
  row('G1', 'Ames', 'B1', 'self_pay', '2026-09-01', 'X1', 'charge', '1000.00', '2026-05-01'), // no payment since 09/01
  row('G2', 'Baker', 'B2', 'self_pay', '2026-09-01', 'X2', 'charge', '500.00', '2026-05-01'),
  row('G2', 'Baker', 'B2', 'self_pay', '2026-09-01', 'X3', 'patient_payment', '-100.00', '2026-09-15'), // paid since
  row('G3', 'Cole', 'B3', 'self_pay', '2026-11-10', 'X4', 'charge', '2000.00', '2026-05-01'), // not due until 12/01
  row('G4', 'Dunn', 'B4', 'self_pay', '2026-06-01', 'X5', 'charge', '300.00', '2026-05-01'), // final notice 09/01
  row('G5', 'Ellis', 'B5', 'commercial', '', 'X6', 'charge', '6000.00', '2026-05-01'), // high balance only
  row('G6', 'Ford', 'B6', 'self_pay', '2026-09-01', 'X7', 'charge', '7000.00', '2026-05-01'), // no payment, and high
  row('G7', 'Gray', 'B7', 'self_pay', '2026-09-01', 'X8', 'charge', '500.00', '2026-05-01'), // assistance pending
  row('G8', 'Hale', 'B8', 'self_pay', '2026-09-01', 'X9', 'charge', '900.00', '2026-05-01'), // disputed: on hold
].join('\r\n');

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  await importSmall(t, EXTRACT);
  const db = t.app.store.db;
  const gid = (ext: string) => db.prepare('SELECT id FROM guarantors WHERE external_id = ?').pluck().get(ext) as number;
  db.prepare("UPDATE accounts SET final_notice_date = '2026-09-01' WHERE account_number = 'B4'").run();
  db.prepare(
    "UPDATE guarantors SET fap_status = 'pending', fap_status_date = '2026-11-06' WHERE external_id = 'G7'",
  ).run();
  const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
  const other = await addUserAndLogIn(t, admin, 'clerk', 'clerk2');
  const supervisor = await addUserAndLogIn(t, admin, 'supervisor', 'sup1');
  await t.call('holds:place', { guarantorId: gid('G8'), reason: 'dispute', note: 'Says she paid' }, clerk);
  return { admin, clerk, other, supervisor, gid, db };
}

describe('collection items in the work queue', () => {
  it('ranks the accounts that need a person by the documented score, each once, held ones left out', async () => {
    const { clerk, supervisor } = await ready();
    const q = await t.call('queue:list', { assignee: 'all' }, clerk);
    expect(q.items.map((i) => [i.guarantorName, i.kind, i.score, i.amountCents, i.date])).toEqual([
      // log10(301) x 3 (56 days after the notice's deadline of 10/01, capped)
      ['Pat Dunn', 'final_notice_passed', 7.44, 30_000, '2026-10-01'],
      // log10(7,001) x (1.25 + 65/120): the statement of 09/01 was due 09/22
      ['Pat Ford', 'no_payment', 6.89, 700_000, '2026-09-22'],
      ['Pat Ames', 'no_payment', 5.38, 100_000, '2026-09-22'],
      // log10(6,001) x 1: over the $5,000.00 threshold and nothing else in the queue
      ['Pat Ellis', 'high_balance', 3.78, 600_000, '2026-11-26'],
    ]);
    expect(q.items[0]!.summary).toBe(
      'Final notice of 09/01/2026 gave until 10/01/2026; $300.00 still owed on 1 account. Next: the 501(r) notices are complete; decide on an agency placement or another collection action (ECA-05).',
    );
    expect(q.items[2]!.summary).toBe(
      'No payment since the statement of 09/01/2026 (due 09/22/2026); $1,000.00 self-pay owed. Last payment: none.',
    );
    // Nobody has worked these accounts yet: they are everyone's, so they are in each clerk's own queue.
    expect((await t.call('queue:list', { assignee: 'me' }, clerk)).items).toHaveLength(4);
    // The pending application is a supervisor's to decide: log10(501) x (1.5 + 20/30).
    const sup = await t.call('queue:list', { assignee: 'me', kind: 'assistance_pending' }, supervisor);
    expect(sup.items).toMatchObject([{ guarantorName: 'Pat Gray', score: 5.85, date: '2026-11-06' }]);
    expect((await t.call('queue:list', { assignee: 'all', kind: 'assistance_pending' }, clerk)).items).toEqual([]);
  });

  it('a high balance comes in only when nothing else brings the guarantor in, whatever the filter', async () => {
    const { clerk, gid } = await ready();
    const high = async () =>
      (await t.call('queue:list', { assignee: 'all', kind: 'high_balance' }, clerk)).items.map((i) => i.guarantorName);
    expect(await high()).toEqual(['Pat Ellis']); // Ford is over it too, but is in for no payment
    await t.call(
      'followUps:add',
      { guarantorId: gid('G5'), title: 'Ask about the insurer', note: '', dueDate: '2026-11-26' },
      clerk,
    );
    expect(await high()).toEqual([]);
    const all = await t.call('queue:list', { assignee: 'all' }, clerk);
    expect(all.items.filter((i) => i.guarantorName === 'Pat Ellis').map((i) => i.kind)).toEqual(['follow_up']);
  });

  it('the threshold is a setting', async () => {
    const { admin, clerk } = await ready();
    const settings = await t.call('settings:get', {}, admin);
    await t.call('settings:update', { queue: { highBalanceCents: 800_000 } }, admin);
    expect(settings.queue.highBalanceCents).toBe(500_000);
    expect((await t.call('queue:list', { assignee: 'all', kind: 'high_balance' }, clerk)).items).toEqual([]);
    // A threshold below zero is refused on its field, and changes nothing.
    expect(await t.raw('settings:update', { queue: { highBalanceCents: -1 } }, admin)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { 'queue.highBalanceCents': expect.any(String) } },
    });
    expect((await t.call('settings:get', {}, admin)).queue.highBalanceCents).toBe(800_000);
  });

  it('a payment since the statement, or a plan, takes the account out', async () => {
    const { clerk, gid } = await ready();
    await t.call(
      'payments:post',
      {
        guarantorId: gid('G1'),
        method: 'cash',
        reference: '',
        amountCents: 2_500,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );
    await t.call(
      'plans:create',
      {
        guarantorId: gid('G6'),
        accountIds: [
          t.app.store.db.prepare("SELECT id FROM accounts WHERE account_number = 'B6'").pluck().get() as number,
        ],
        fapAnswer: 'declined',
        downPaymentCents: 0,
        frequency: 'monthly',
        firstDueDate: '2026-12-15',
        installmentCount: 36,
      },
      clerk,
    );
    const kinds = (await t.call('queue:list', { assignee: 'all' }, clerk)).items.map(
      (i) => `${i.guarantorName}: ${i.kind}`,
    );
    expect(kinds).toEqual(['Pat Dunn: final_notice_passed', 'Pat Ellis: high_balance']);
  });

  it('returned mail takes the guarantor out of the collection items, as it holds the run and the 501(r) gate', async () => {
    const { clerk, db, gid } = await ready();
    db.prepare("UPDATE guarantors SET mail_returned_on = '2026-11-20' WHERE id = ?").run(gid('G6'));
    const kinds = (await t.call('queue:list', { assignee: 'all' }, clerk)).items.map(
      (i) => `${i.guarantorName}: ${i.kind}`,
    );
    // Before: Pat Ford's "no payment" stayed although nothing can reach her until the address is
    // corrected; the item for her is the new address.
    expect(kinds).not.toContain('Pat Ford: no_payment');
    expect(kinds).toContain('Pat Ford: new_address');
    expect(kinds).toContain('Pat Ames: no_payment');
  });

  it('says when collection actions may follow, and leaves a held account’s balance out', async () => {
    const { clerk, gid, db } = await ready();
    // ECA-05: a notice of 09/20 gave until 10/20, but 120 days from the first statement (08/20) run to 12/18.
    db.prepare(
      "UPDATE accounts SET first_statement_date = '2026-08-20', final_notice_date = '2026-09-20' WHERE account_number = 'B4'",
    ).run();
    const [notice] = (await t.call('queue:list', { assignee: 'all', kind: 'final_notice_passed' }, clerk)).items;
    expect(notice!.summary).toBe(
      'Final notice of 09/20/2026 gave until 10/20/2026; $300.00 still owed on 1 account. Next: call the guarantor; collection actions are allowed from 12/18/2026 (ECA-05).',
    );
    // log10(301) x (2 + 37/30) = 2.4786 x 3 (capped) = 7.44: 37 days since 10/20.
    expect(notice!.score).toBe(7.44);
    // A hold on one of Ford's accounts: only the other counts ($7,000.00 less the held $2,500.00).
    await importSmall(
      t,
      [
        COMBINED_HEADER,
        row('G6', 'Ford', 'B9', 'self_pay', '2026-09-01', 'X10', 'charge', '2500.00', '2026-05-01'),
      ].join('\r\n'),
    );
    const before = (await t.call('queue:list', { assignee: 'all', kind: 'no_payment' }, clerk)).items.find(
      (i) => i.guarantorName === 'Pat Ford',
    );
    expect(before!.amountCents).toBe(950_000);
    const b9 = db.prepare("SELECT id FROM accounts WHERE account_number = 'B9'").pluck().get() as number;
    await t.call('holds:place', { guarantorId: gid('G6'), accountId: b9, reason: 'dispute', note: '' }, clerk);
    const after = (await t.call('queue:list', { assignee: 'all', kind: 'no_payment' }, clerk)).items.find(
      (i) => i.guarantorName === 'Pat Ford',
    );
    expect(after!.amountCents).toBe(700_000);
  });

  it('while a final notice’s 30 days run, the account waits: no item for it yet', async () => {
    const { clerk, db } = await ready();
    // Dunn's final notice of 11/10 gives until 12/10; the statement of 06/01 went unpaid long ago.
    db.prepare("UPDATE accounts SET final_notice_date = '2026-11-10' WHERE account_number = 'B4'").run();
    const q = await t.call('queue:list', { assignee: 'all' }, clerk);
    expect(q.items.filter((i) => i.guarantorName === 'Pat Dunn')).toEqual([]);
    t.clock.setToday('2026-12-10');
    const due = await t.call('queue:list', { assignee: 'all', kind: 'final_notice_passed' }, clerk);
    expect(due.items.map((i) => [i.guarantorName, i.date, i.score])).toEqual([
      // log10(301) x 2: the deadline is today
      ['Pat Dunn', '2026-12-10', 4.96],
    ]);
  });

  it('belongs to whoever last worked the account: another clerk’s account leaves my own queue', async () => {
    const { clerk, other, gid } = await ready();
    await t.call(
      'activity:log',
      {
        guarantorId: gid('G1'),
        kind: 'call',
        direction: 'outbound',
        outcome: 'no_answer',
        note: '',
        occurredOn: '2026-11-25',
      },
      other,
    );
    const mine = (await t.call('queue:list', { assignee: 'me' }, clerk)).items.map((i) => i.guarantorName);
    expect(mine).not.toContain('Pat Ames');
    const theirs = await t.call('queue:list', { assignee: 'me' }, other);
    expect(theirs.items.find((i) => i.guarantorName === 'Pat Ames')).toMatchObject({ assignee: 'Test clerk' });
  });
});

describe('marking an item done', () => {
  it('writes the outcome on the guarantor’s activity, once', async () => {
    const { clerk, gid } = await ready();
    const q = await t.call('queue:list', { assignee: 'me', kind: 'no_payment' }, clerk);
    const ames = q.items.find((i) => i.guarantorName === 'Pat Ames')!;
    await t.call(
      'queue:worked',
      {
        key: ames.key,
        guarantorId: ames.guarantorId,
        outcome: 'Will pay $100 on Friday',
        activityKind: 'call',
        result: 'reached',
      },
      clerk,
    );
    const ws = await t.call('accounts:open', { guarantorId: gid('G1') }, clerk);
    expect(ws.activities).toMatchObject([
      {
        kind: 'call',
        direction: 'outbound',
        outcome: 'reached',
        note: 'Work queue, no payment: Will pay $100 on Friday',
        occurredOn: '2026-11-26',
        by: 'Test clerk',
      },
    ]);
    const after = await t.call('queue:list', { assignee: 'me' }, clerk);
    expect(after.items.map((i) => i.key)).not.toContain(ames.key);
    expect(after.workedToday).toBe(1);
    // Again: refused, and nothing more is written.
    expect(
      await t.raw('queue:worked', { key: ames.key, guarantorId: ames.guarantorId, outcome: 'again' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed', message: 'This item was already marked done today.' } });
    // An item of the queue is about its own guarantor only; a guarantor who does not exist has no activity.
    const ford = q.items.find((i) => i.guarantorName === 'Pat Ford')!;
    expect(
      await t.raw('queue:worked', { key: ford.key, guarantorId: ames.guarantorId, outcome: 'x' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { guarantorId: expect.any(String) } } });
    expect(
      await t.raw('queue:worked', { key: 'noPayment:999:2026-01-01', guarantorId: 999, outcome: 'x' }, clerk),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.app.store.db.prepare('SELECT count(*) FROM work_log').pluck().get()).toBe(1);
    expect((await t.call('accounts:open', { guarantorId: gid('G1') }, clerk)).activities).toHaveLength(1);
  });

  it('closes the follow-up the item came from', async () => {
    const { clerk, gid } = await ready();
    const { id } = await t.call(
      'followUps:add',
      { guarantorId: gid('G5'), title: 'Ask about the insurer', note: '', dueDate: '2026-11-20' },
      clerk,
    );
    const [item] = (await t.call('queue:list', { assignee: 'me', kind: 'follow_up' }, clerk)).items;
    expect(item).toMatchObject({ key: `followUp:${id}` });
    await t.call(
      'queue:worked',
      { key: item!.key, guarantorId: gid('G5'), outcome: 'Insurer paid; told the guarantor' },
      clerk,
    );
    const ws = await t.call('accounts:open', { guarantorId: gid('G5') }, clerk);
    expect(ws.followUps).toMatchObject([{ id, status: 'done' }]);
    expect(ws.activities).toMatchObject([
      { kind: 'note', outcome: 'noted', note: 'Work queue, follow-up due: Insurer paid; told the guarantor' },
    ]);
    // Tomorrow it does not come back: the follow-up is closed (Ellis's high balance does, with nothing else).
    t.clock.setToday('2026-11-27');
    const tomorrow = await t.call('queue:list', { assignee: 'all' }, clerk);
    expect(tomorrow.items.filter((i) => i.guarantorName === 'Pat Ellis').map((i) => i.kind)).toEqual(['high_balance']);
  });

  it('a supervisor-only item cannot be marked done by a clerk', async () => {
    const { clerk, supervisor } = await ready();
    const [item] = (await t.call('queue:list', { assignee: 'me', kind: 'assistance_pending' }, supervisor)).items;
    const worked = { key: item!.key, guarantorId: item!.guarantorId };
    expect(await t.raw('queue:worked', { ...worked, outcome: 'decided' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: 'This item is a supervisor’s to work.' },
    });
    expect((await t.raw('queue:worked', { ...worked, outcome: 'Asked for the pay stubs' }, supervisor)).ok).toBe(true);
  });

  it('an item the work itself resolved is still marked done, on its guarantor', async () => {
    const { clerk, gid } = await ready();
    const [item] = (await t.call('queue:list', { assignee: 'me', kind: 'final_notice_passed' }, clerk)).items;
    await t.call(
      'payments:post',
      {
        guarantorId: gid('G4'),
        method: 'card',
        reference: '',
        amountCents: 30_000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      clerk,
    );
    expect((await t.call('queue:list', { assignee: 'me', kind: 'final_notice_passed' }, clerk)).items).toEqual([]);
    await t.call(
      'queue:worked',
      { key: item!.key, guarantorId: gid('G4'), outcome: 'Paid in full by card', result: 'paid_in_person' },
      clerk,
    );
    expect((await t.call('accounts:open', { guarantorId: gid('G4') }, clerk)).activities).toMatchObject([
      { kind: 'note', outcome: 'paid_in_person', note: 'Work queue: Paid in full by card' },
    ]);
  });
});

describe('the queue reads by index at scale', () => {
  it('the open accounts are read from their covering index; the last statement and payments are index probes', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    const plan = (
      t.app.store.db.prepare(`EXPLAIN QUERY PLAN ${OPEN_BALANCES_SQL}`).all({
        heldAccounts: '[]',
        heldGuarantors: '[]',
        noticeCutoff: '2026-10-27',
        statementCutoff: '2026-11-05',
        highBalance: 500_000,
      }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.some((d) => /SCAN a USING COVERING INDEX accounts_open/.test(d))).toBe(true);
    expect(plan.some((d) => /SEARCH s USING COVERING INDEX sqlite_autoindex_statements_1/.test(d))).toBe(true);
    expect(plan.some((d) => /SEARCH e USING (COVERING )?INDEX ledger_paying/.test(d))).toBe(true);
    expect(plan.some((d) => /SEARCH pa USING COVERING INDEX accounts_guarantor/.test(d))).toBe(true);
  });

  it('the rows are read as arrays in the order the source names their columns, for the whole book and for some guarantors', async () => {
    t = testApp();
    await setUpAndLogIn(t);
    for (const sql of [OPEN_BALANCES_SQL, OPEN_BALANCES_ONLY_SQL])
      expect(
        t.app.store.db
          .prepare(sql)
          .columns()
          .map((c) => c.name),
      ).toEqual(OPEN_COLUMNS);
  });
});

describe('day one with the demo data', () => {
  it('the queue is not empty: accounts that need a person, highest score first, each once per reason', async () => {
    t = testApp({ today: '2026-11-26' });
    await t.call('setup:create', { ...SETUP, demoData: true });
    const admin = (await t.call('auth:login', { username: SETUP.admin.username, password: SETUP.admin.password }))
      .sessionId;
    const clerk = await addUserAndLogIn(t, admin, 'clerk', 'clerk1');
    const q = await t.call('queue:list', { assignee: 'me' }, clerk);
    const kinds = new Set(q.items.map((i) => i.kind));
    // The demo's deceased guarantors came in with the extract: their estates are everyone's work (issue 14).
    expect([...kinds].sort()).toEqual(['estate', 'high_balance', 'no_payment']);
    expect(q.items.length).toBeGreaterThan(20);
    const scores = q.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const reasons = q.items.map((i) => `${i.guarantorId}:${i.kind}`);
    expect(new Set(reasons).size).toBe(reasons.length);
    // Pending applications wait for a supervisor (the administrator here).
    const sup = await t.call('queue:list', { assignee: 'me', kind: 'assistance_pending' }, admin);
    expect(sup.items.length).toBeGreaterThan(0);
  });
});
