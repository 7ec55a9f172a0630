// Issue 11 item 3: statements tell the whole truth (ST-01, ST-02, ST-03, ECA-05, ECA-06, PP-01,
// PP-02). Credits are shown, each with the date it is refunded by (ECA-05), never subtracted from
// another account; a guarantor whose credit covers what is owed gets no dunning and no final notice;
// a final notice asks for what is owed and says when the credit comes back; everything since the last
// statement is itemised by ledger entry, so an entry posted on a statement's date after the run is on
// the next one; a plan's accounts get a statement asking for the plan's payment (with its coupon),
// the same amount and date as the day's lapse letter.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../../../src/main/store/snapshotCodec';
import { COMBINED_HEADER, importSmall } from '../accounts/fixtures';
import { pdfPages } from '../pdfText';
import { sendStatements, setUpAndLogIn, testApp, type TestApp } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

const JANE = 'G1,M100,Smith,Jane,1980-02-14,12 Oak St,Portland,ME,04101,(207) 555-0142';
/** Jane: A1 $500.00 (2025-01-10); A2 a $1,000.00 stay of which insurance paid `insurance`. */
const extract = (insurance: string) =>
  [
    COMBINED_HEADER,
    `${JANE},A1,2025-01-10,2025-01-10,outpatient,self_pay,,T1,charge,500.00,2025-01-10,,Clinic visit`,
    `${JANE},A2,2025-06-01,2025-06-03,inpatient,commercial,,T2,charge,1000.00,2025-06-03,,Room and board`,
    `${JANE},A2,2025-06-01,2025-06-03,inpatient,commercial,,T3,insurance_payment,-${insurance},2025-07-01,EOB 77,Insurer`,
  ].join('\r\n');
/** One more insurance payment on A2, as a later extract brings it. */
const laterPayment = (id: string, amount: string, date: string) =>
  [
    COMBINED_HEADER,
    `${JANE},A2,2025-06-01,2025-06-03,inpatient,commercial,,${id},insurance_payment,-${amount},${date},EOB 78,Insurer`,
  ].join('\r\n');

async function ready(text = extract('700.00')) {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t, text);
  return { admin, ...ids };
}

const db = () => t.app.store.db;
const text = async (file: Parameters<TestApp['file']>[0]) =>
  (await pdfPages(await t.file(file))).join(' ').replace(/\s+/g, ' ');
async function latestStatement(guarantorId: number, admin: string) {
  const [s] = await t.call('statements:list', { guarantorId }, admin);
  if (!s) return null;
  const snapshot = decodeSnapshot(
    db().prepare('SELECT snapshot FROM statements WHERE id = ?').pluck().get(s.id) as string,
  );
  return { ...s, snapshot, text: await text(await t.call('statements:reprint', { statementId: s.id }, admin)) };
}

describe('credits are shown with their refunds (issue 11, ST-02, ECA-05)', () => {
  it('a $100.00 credit on A2 (an insurer’s overpayment) is listed and said to go back to the insurer, not subtracted from A1’s $500.00', async () => {
    const { admin, jane } = await ready(extract('1100.00')); // A2: 1,000 - 1,100 = -100
    expect((await t.call('statements:due', {}, admin)).dueCents).toBe(50_000);
    await sendStatements(t, admin, 'statements-credit-1');
    const s = (await latestStatement(jane, admin))!;
    expect(s.amountDueCents).toBe(50_000);
    // The credit is the insurer's overpayment of 2025-07-01 (Jane paid nothing on A2): it goes back to
    // the insurer, and the statement says so; nothing of it is Jane's to receive or to pay.
    expect(s.snapshot).toMatchObject({
      balanceCents: 40_000,
      creditCents: -10_000,
      payerCredits: [{ accountNumber: 'A2', amountCents: 10_000 }],
    });
    expect(s.snapshot.refunds).toBeUndefined();
    expect(
      (await t.call('credits:list', { guarantorId: jane }, admin)).map((c) => [c.creditCents, c.patientCents]),
    ).toEqual([[10_000, 0]]);
    expect(s.snapshot.accounts.map((a) => [a.accountNumber, a.balanceCents, a.step])).toEqual([
      ['A1', 50_000, 'regular'],
      ['A2', -10_000, 'credit'],
    ]);
    expect(s.text).toContain('-$100.00');
    expect(s.text).toContain('Credit: we refund it');
    expect(s.text).toContain(
      'Your insurer overpaid $100.00 on account A2: we return it to your insurer. You do not owe it, and it is not subtracted from what you pay now.',
    );
    expect(s.text).not.toContain('We owe you');
    expect(s.text).toContain('Total balance $400.00');
    expect(s.text).toContain('Amount due now: $500.00');
    expect(s.text).toContain('What you owe; the credit of $100.00 listed above is not in these figures.');
    // A credit is refunded, not billed: it starts no 501(r) clock and runs no cycle.
    expect(db().prepare(`SELECT first_statement_date FROM accounts WHERE account_number = 'A2'`).pluck().get()).toBe(
      null,
    );
  });

  it('ECA-05: a credit that covers what is owed stops the cycle: no final notice, no dunning at all', async () => {
    const { admin, jane } = await ready();
    for (const date of ['2026-11-26', '2026-12-26', '2027-01-25']) {
      t.clock.setToday(date);
      await sendStatements(t, admin, `statements-c-${date}`);
    }
    // Financial assistance (or insurance) leaves A2 $600.00 in credit: Jane owes $500.00 - $600.00.
    await importSmall(t, laterPayment('T9', '900.00', '2027-02-01'));
    t.clock.setToday('2027-02-24'); // A1's final notice would be due today
    const due = await t.call('statements:due', {}, admin);
    expect(due).toMatchObject({ dueCount: 0, finalNotices: 0 });
    expect(due.skipped.creditOrZero).toBe(1);
    expect(await t.raw('statements:prepare', { jobId: 'statements-c-final' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await t.call('statements:list', { guarantorId: jane }, admin)).map((s) => s.kind)).not.toContain(
      'final_notice',
    );
    expect(db().prepare(`SELECT final_notice_date FROM accounts WHERE account_number = 'A1'`).pluck().get()).toBe(null);
  });

  it('ECA-05: the final notice asks for what is owed ($500.00) and says where the $200.00 credit goes', async () => {
    const { admin, jane } = await ready(extract('1000.00')); // A2 owes nothing: A1 alone runs the cycle
    for (const date of ['2026-11-26', '2026-12-26', '2027-01-25']) {
      t.clock.setToday(date);
      await sendStatements(t, admin, `statements-n-${date}`);
    }
    await importSmall(t, laterPayment('T9', '200.00', '2027-02-01')); // A2: -$200.00
    t.clock.setToday('2027-02-24');
    const run = await sendStatements(t, admin, 'statements-n-final');
    expect(run).toMatchObject({ count: 1, finalNotices: 1, amountCents: 50_000 });
    const s = (await latestStatement(jane, admin))!;
    expect(s).toMatchObject({ kind: 'final_notice', amountDueCents: 50_000 });
    expect(s.text).toContain('FINAL NOTICE');
    expect(s.text).toContain('you have not paid the amount due of $500.00 and have not applied');
    // The insurer's overpayment of 2027-02-01 made the credit: it goes back to the insurer.
    expect(s.text).toContain('Your insurer overpaid $200.00 on account A2: we return it to your insurer.');
  });
});

describe('everything since the last statement, without gaps (issue 11, ST-02)', () => {
  it('a reversal names what it reverses, with the right article: “Reversal of an insurance payment”', async () => {
    const { admin, jane } = await ready(); // A2: $1,000.00 less $700.00 from the insurer (T3)
    await sendStatements(t, admin, 'statements-rev-1');
    t.clock.setToday('2026-11-27');
    const t3 = db().prepare(`SELECT id FROM ledger_entries WHERE external_id = 'T3'`).pluck().get() as number;
    await t.call(
      'ledger:reverse',
      { entryId: t3, reason: 'posted to the wrong account', effectiveDate: '2026-11-27' },
      admin,
    );
    t.clock.setToday('2026-12-26');
    await sendStatements(t, admin, 'statements-rev-2');
    const s = (await latestStatement(jane, admin))!;
    expect(s.snapshot.activity).toEqual([
      {
        date: '2026-11-27',
        accountNumber: 'A2',
        description: 'Reversal of an insurance payment: posted to the wrong account',
        amountCents: 70_000,
      },
    ]);
    expect(s.text).toContain('Reversal of an insurance payment');
  });

  it('a payment posted on the statement’s date after the run is itemised on the next statement', async () => {
    const { admin, jane } = await ready();
    await sendStatements(t, admin, 'statements-gap-1'); // 2026-11-26: $800.00
    await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '2201',
        amountCents: 10_000,
        effectiveDate: '2026-11-26',
        allocations: [],
      },
      admin,
    );
    t.clock.setToday('2026-12-26');
    await sendStatements(t, admin, 'statements-gap-2');
    const s = (await latestStatement(jane, admin))!;
    expect(s.amountDueCents).toBe(70_000);
    expect(s.snapshot.activity).toEqual([
      { date: '2026-11-26', accountNumber: 'A1', description: 'Patient payment', amountCents: -10_000 },
    ]);
    // The previous balance is what the last statement asked for: nothing is missing in between.
    expect(s.snapshot.previousBalanceCents).toBe(80_000);
    expect(s.text).toContain('Previous balance $800.00; balance now $700.00.');
    // Each statement keeps the last ledger entry it covered.
    const marks = db()
      .prepare('SELECT ledger_mark FROM statements WHERE guarantor_id = ? ORDER BY statement_date')
      .pluck()
      .all(jane) as number[];
    expect(marks[1]!).toBeGreaterThan(marks[0]!);
  });

  it('an account paid off since the last statement still shows its payment', async () => {
    const { admin, jane, a1 } = await ready();
    await sendStatements(t, admin, 'statements-off-1');
    t.clock.setToday('2026-12-10');
    await t.call(
      'payments:post',
      {
        guarantorId: jane,
        method: 'check',
        reference: '2202',
        amountCents: 50_000,
        effectiveDate: '2026-12-10',
        allocations: [{ accountId: a1, amountCents: 50_000 }],
      },
      admin,
    );
    t.clock.setToday('2026-12-26');
    await sendStatements(t, admin, 'statements-off-2');
    const s = (await latestStatement(jane, admin))!;
    expect(s.snapshot.accounts.map((a) => a.accountNumber)).toEqual(['A2']);
    expect(s.snapshot.activity).toEqual([
      { date: '2026-12-10', accountNumber: 'A1', description: 'Patient payment', amountCents: -50_000 },
    ]);
    expect(s.snapshot.previousBalanceCents).toBe(80_000);
  });
});

async function planOnBoth(admin: string, jane: number, a1: number, a2: number) {
  // $800.00 in 5 monthly payments of $160.00 from 2026-12-15.
  return t.call(
    'plans:create',
    {
      guarantorId: jane,
      accountIds: [a1, a2],
      fapAnswer: 'declined',
      downPaymentCents: 0,
      frequency: 'monthly',
      firstDueDate: '2026-12-15',
      installmentCount: 5,
    },
    admin,
  );
}

describe('a current plan gets a statement with its installment and a coupon (PP-01, PP-02)', () => {
  it('asks for $160.00 by December 15, 2026, on the statement and on its payment stub', async () => {
    const { admin, jane, a1, a2 } = await ready();
    const plan = await planOnBoth(admin, jane, a1, a2);
    const due = await t.call('statements:due', {}, admin);
    expect(due.held).toEqual([]);
    await sendStatements(t, admin, 'statements-plan-1');
    const s = (await latestStatement(jane, admin))!;
    expect(s).toMatchObject({ kind: 'regular', amountDueCents: 16_000, dueDate: '2026-12-15' });
    expect(s.snapshot.plans).toEqual([{ planId: plan.id, amountCents: 16_000, dueDate: '2026-12-15', cure: false }]);
    expect(s.text).toContain(`Payment plan #${plan.id}: your payment of $160.00 is due December 15, 2026.`);
    expect(s.text).toContain('Total balance $800.00');
    expect(s.text).toContain('Payment plan'); // the box says what kind of statement it is, not "1 of 4"
    expect(s.text).not.toContain('1 of 4');
    // The stub (the coupon) asks for the installment.
    expect(s.text).toMatch(
      /Please detach and return this part with your payment\..*Amount due \$160\.00 Please pay by 12\/15\/2026/,
    );
    // The plan's accounts run no dunning cycle.
    expect(db().prepare('SELECT count(*) FROM statement_accounts').pluck().get()).toBe(0);
  });
});

describe('a credit beside a plan', () => {
  it('PP-02: the plan’s payment is asked in full; the insurer’s overpayment is not subtracted', async () => {
    const { admin, jane, a1 } = await ready(extract('1100.00')); // A1 $500.00; A2 $100.00 in credit
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
    await sendStatements(t, admin, 'statements-plancredit-1');
    const s = (await latestStatement(jane, admin))!;
    expect(s).toMatchObject({ amountDueCents: 10_000, dueDate: '2026-12-15' });
    expect(s.text).toContain('Your insurer overpaid $100.00 on account A2: we return it to your insurer.');
    expect(s.text).toContain('Total balance $400.00');
  });
});

describe('the lapse letter and the statement of the same day agree (PP-02)', () => {
  it('both ask for the same amount by the same date, read back with pdftotext', async () => {
    const { admin, jane, a1, a2 } = await ready();
    await planOnBoth(admin, jane, a1, a2);
    await sendStatements(t, admin, 'statements-lapse-1');
    // The December payment is missed: past the 10 grace days the plan lapses and a letter is queued.
    t.clock.setToday('2026-12-26');
    await t.call('plans:runDaily', {}, admin);
    const letter = await t.call('letters:lapseBatch', {}, admin);
    await sendStatements(t, admin, 'statements-lapse-2');
    const [statement] = await t.call('statements:list', { guarantorId: jane }, admin);
    const statementFile = await t.call('statements:reprint', { statementId: statement!.id }, admin);
    const dir = mkdtempSync(path.join(tmpdir(), 'recoup-lapse-'));
    try {
      const read = (name: string, bytes: Buffer) => {
        const file = path.join(dir, name);
        writeFileSync(file, bytes);
        return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      };
      const letterText = read('letter.pdf', await t.file(letter));
      const statementText = read('statement.pdf', await t.file(statementFile));
      const asked = /please pay (\$[\d,.]+) by ([A-Z][a-z]+ \d+, \d{4})/.exec(letterText);
      expect(asked).not.toBeNull();
      const [, amount, date] = asked!;
      expect([amount, date]).toEqual(['$160.00', 'January 15, 2027']); // cure: 2026-12-26 + 20 days
      expect(statementText).toContain(`pay ${amount} by ${date} to keep your plan`);
      expect(statementText).toMatch(/Amount due \$160\.00/);
      expect(statement).toMatchObject({ amountDueCents: 16_000, dueDate: '2027-01-15' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('returned mail stops mail until the address is corrected (issue 11)', () => {
  it('holds statements and letters, asks the queue for a new address, and ends with the corrected address', async () => {
    const { admin, jane, a1, a2 } = await ready();
    await planOnBoth(admin, jane, a1, a2);
    t.clock.setToday('2026-12-26');
    await t.call('plans:runDaily', {}, admin); // the plan lapses: a lapse letter is queued
    await t.call(
      'activity:log',
      {
        guarantorId: jane,
        kind: 'letter',
        outcome: 'returned_mail',
        note: 'Envelope back: no such street',
        occurredOn: '2026-12-26',
      },
      admin,
    );
    // Statements: held, with the reason.
    const due = await t.call('statements:due', {}, admin);
    expect(due.held).toEqual([
      expect.objectContaining({ guarantorId: jane, holds: ['returned_mail'], accountsOnly: false }),
    ]);
    expect(await t.raw('statements:prepare', { jobId: 'statements-mail-1' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Letters: the lapse letter waits.
    expect(await t.raw('letters:lapseBatch', {}, admin)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The work queue asks for a new address.
    const queue = await t.call('queue:list', { assignee: 'all' }, admin);
    expect(queue.items).toContainEqual(
      expect.objectContaining({ kind: 'new_address', guarantorId: jane, key: `newAddress:${jane}` }),
    );
    const holds = await t.call('holds:list', { guarantorId: jane }, admin);
    expect(holds).toContainEqual(expect.objectContaining({ reason: 'returned_mail', automatic: true, active: true }));

    // A clerk enters the corrected address: the hold ends, the history keeps both addresses.
    await t.call(
      'holds:newAddress',
      { guarantorId: jane, address: { line1: '9 Pine St', line2: '', city: 'Portland', state: 'ME', zip: '04103' } },
      admin,
    );
    expect((await t.call('holds:list', { guarantorId: jane }, admin)).map((h) => h.reason)).not.toContain(
      'returned_mail',
    );
    const ws = await t.call('accounts:open', { guarantorId: jane }, admin);
    expect(ws.activities.map((a) => a.note)).toContainEqual(
      expect.stringMatching(/12 Oak St, Portland, ME 04101 → 9 Pine St, Portland, ME 04103/),
    );
    expect((await t.call('queue:list', { assignee: 'all' }, admin)).items.map((i) => i.kind)).not.toContain(
      'new_address',
    );
    const letters = await t.call('letters:lapseBatch', {}, admin);
    expect(letters.count).toBe(1);
    expect((await pdfPages(await t.file(letters))).join(' ')).toContain('9 Pine St');
    expect(await t.call('statements:due', {}, admin)).toMatchObject({ dueCount: 1, held: [] });
  });

  it('an extract bringing a different address ends the hold; the same address does not', async () => {
    const { admin, jane } = await ready();
    const flag = () => t.app.store.db.prepare('SELECT mail_returned_on FROM guarantors WHERE id = ?').pluck().get(jane);
    await t.call(
      'activity:log',
      { guarantorId: jane, kind: 'letter', outcome: 'returned_mail', note: '', occurredOn: '2026-11-26' },
      admin,
    );
    await importSmall(t, extract('700.00')); // the same address again
    expect(flag()).toBe('2026-11-26');
    await importSmall(t, extract('700.00').replaceAll('12 Oak St', '40 Birch Rd'));
    expect(flag()).toBeNull();
    const ws = await t.call('accounts:open', { guarantorId: jane }, admin);
    expect(ws.activities.map((a) => a.note)).toContainEqual(
      expect.stringContaining('Address corrected (the billing system’s extract)'),
    );
  });

  it('a ZIP+4 or letter case is no new address; the bounced address brought back by an extract holds the mail again', async () => {
    const { admin, jane } = await ready();
    const flag = () => t.app.store.db.prepare('SELECT mail_returned_on FROM guarantors WHERE id = ?').pluck().get(jane);
    await t.call(
      'activity:log',
      { guarantorId: jane, kind: 'letter', outcome: 'returned_mail', note: '', occurredOn: '2026-11-26' },
      admin,
    );
    // The same street in capitals with the ZIP+4: the post office reads the same address.
    await importSmall(t, extract('700.00').replaceAll('12 Oak St', '12 OAK ST').replaceAll('04101', '04101-2233'));
    expect(flag()).toBe('2026-11-26');
    // A clerk enters the corrected address; the billing system still has the old one, and its next
    // extract brings it back: the mail is held again, and the activity says why.
    await t.call(
      'holds:newAddress',
      { guarantorId: jane, address: { line1: '9 Pine St', line2: '', city: 'Portland', state: 'ME', zip: '04103' } },
      admin,
    );
    expect(flag()).toBeNull();
    await importSmall(t, extract('700.00'));
    expect(flag()).toBe('2026-11-26');
    const ws = await t.call('accounts:open', { guarantorId: jane }, admin);
    expect(ws.activities.map((a) => a.note)).toContainEqual(
      expect.stringContaining('brought back the address mail came back from'),
    );
    expect(await t.call('statements:due', {}, admin)).toMatchObject({ dueCount: 0 });
  });
});
