// An agency's remittances (issue 12 item 4): read from a file in the agency's layout or keyed in,
// checked line by line, posted all-or-nothing in one ledger change, never twice; a negative line
// takes back an earlier one; reconciled against the cheque and the invoice; and the payments made to
// the hospital on placed accounts, with the fee they earn the agency. Amounts computed by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { MONEY_OR_REVERSAL } from '../../../src/main/capabilities/agencies/directPayments';
import { EARLIER_LINES_SQL } from '../../../src/main/capabilities/agencies/remittances';
import { PATIENT_MONEY_TYPES } from '../../../src/shared/schemas/ledger';
import { importSmall } from '../accounts/fixtures';
import { addAgency as addAgencyByService, AGENCY_TODAY, agencyWorld, placeByHand } from './fixtures';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { addAgency, balances, count, place, upload } from './remittanceSupport';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  // Acme remits gross at 25.00%; Northway remits net at 33.33%.
  const acme = addAgency(t, 'Acme Recovery', 'gross', 2500);
  const northway = addAgency(t, 'Northway Collections', 'net', 3333);
  place(t, acme, ids.a1, '2026-10-01', { rateBp: 2500, placedCents: 50_000 });
  place(t, acme, ids.a2, '2026-10-01', { rateBp: 2500, placedCents: 30_000 });
  place(t, northway, ids.a3, '2026-10-15', { rateBp: 3333, placedCents: 120_000 });
  return { admin, acme, northway, ...ids };
}

const keyed = (agencyId: number, reference: string, lines: object[], receivedOn = '2026-11-20') =>
  ({ agencyId, reference, receivedOn, source: 'keyed', lines }) as never;

function entriesOf(accountId: number) {
  return t.app.store.db
    .prepare(
      'SELECT type, amount_cents, effective_date, reference, reverses_id FROM ledger_entries WHERE account_id = ? AND id > 4 ORDER BY id',
    )
    .all(accountId);
}

describe('fee and remitted arithmetic, gross and net', () => {
  it('gross: 25.00% of $33.33 is $8.33; the agency remits all $33.33; the balance falls by $33.33', async () => {
    const { admin, acme, a1 } = await ready();
    const input = keyed(acme, 'ACME-1', [
      { accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 3333, agencyReference: 'T-1' },
    ]);
    const before = balances(t);
    const preview = await t.call('remittances:preview', input, admin);
    expect(preview).toEqual({
      agencyName: 'Acme Recovery',
      method: 'gross',
      lineCount: 1,
      collectedCents: 3333,
      feeCents: 833,
      remittedCents: 3333,
      problems: [],
      alreadyPosted: null,
    });
    // A preview posts nothing.
    expect(balances(t)).toEqual(before);
    expect(count(t, 'agency_remittances')).toBe(0);

    const { remittanceId } = await t.call('remittances:post', input, admin);
    const after = balances(t);
    expect(after['account A1']).toBe(50_000 - 3333);
    expect(after['guarantor G1']).toBe(80_000 - 3333);
    expect(entriesOf(a1)).toEqual([
      {
        type: 'agency_remittance',
        amount_cents: -3333,
        effective_date: '2026-11-05',
        reference: 'ACME-1',
        reverses_id: null,
      },
    ]);
    const detail = await t.call('remittances:get', { remittanceId }, admin);
    expect(detail).toMatchObject({
      reference: 'ACME-1',
      method: 'gross',
      lineCount: 1,
      collectedCents: 3333,
      feeCents: 833,
      remittedCents: 3333,
    });
    expect(detail.lines).toEqual([
      {
        lineNo: 1,
        accountNumber: 'A1',
        guarantorName: 'Jane Smith',
        paidOn: '2026-11-05',
        collectedCents: 3333,
        feeCents: 833,
        remittedCents: 3333,
        agencyReference: 'T-1',
      },
    ]);
    const verify = await t.call('ledger:verify', {}, admin);
    expect(verify.differences).toEqual([]);
  });

  it('net: 33.33% of $10.01 is $3.34 (333.63 cents, rounded); the agency remits $6.67; the balance falls by the $10.01 the patient paid', async () => {
    const { admin, northway, a3 } = await ready();
    const input = keyed(northway, 'NW-1', [{ accountNumber: 'A3', paidOn: '2026-11-02', collectedCents: 1001 }]);
    expect(await t.call('remittances:preview', input, admin)).toMatchObject({
      method: 'net',
      collectedCents: 1001,
      feeCents: 334,
      remittedCents: 667,
      problems: [],
    });
    await t.call('remittances:post', input, admin);
    expect(balances(t)['account A3']).toBe(120_000 - 1001);
    expect(balances(t)['guarantor G2']).toBe(120_000 - 1001);
    expect(entriesOf(a3)).toMatchObject([{ type: 'agency_remittance', amount_cents: -1001 }]);
  });

  it('rounds each line’s fee to the cent, half away from zero: 25% of 2¢ is 1¢; a stated fee is taken as stated', async () => {
    const { admin, acme, northway } = await ready();
    expect(
      await t.call(
        'remittances:preview',
        keyed(acme, 'ACME-2', [
          { accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 2 },
          { accountNumber: 'A2', paidOn: '2026-11-05', collectedCents: 6 }, // 1.5¢ -> 2¢
        ]),
        admin,
      ),
    ).toMatchObject({ collectedCents: 8, feeCents: 3, remittedCents: 8 });
    // Net with the fee stated: remitted = collected - the stated fee.
    expect(
      await t.call(
        'remittances:preview',
        keyed(northway, 'NW-2', [
          { accountNumber: 'A3', paidOn: '2026-11-05', collectedCents: 10_000, feeCents: 3000 },
        ]),
        admin,
      ),
    ).toMatchObject({ collectedCents: 10_000, feeCents: 3000, remittedCents: 7000, problems: [] });
  });
});

describe('all-or-nothing', () => {
  it('one bad line posts nothing: ledger, balances and remittances unchanged, every problem named by line and field', async () => {
    const { admin, acme } = await ready();
    const before = balances(t);
    const entries = count(t, 'ledger_entries');
    const input = keyed(acme, 'ACME-BAD', [
      { accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 5000 },
      { accountNumber: 'ZZ9', paidOn: '2026-11-05', collectedCents: 100 },
      { accountNumber: 'A3', paidOn: '2026-11-05', collectedCents: 100 },
      { accountNumber: 'A2', paidOn: '2026-09-30', collectedCents: 100 },
      { accountNumber: 'A2', paidOn: '2026-11-21', collectedCents: 100 },
      { accountNumber: 'A2', paidOn: '2026-11-05', collectedCents: -100, agencyReference: 'NOPE' },
      { accountNumber: 'A2', paidOn: '2026-11-05', collectedCents: 100, feeCents: 200 },
    ]);
    const preview = await t.call('remittances:preview', input, admin);
    expect(preview.problems).toEqual([
      { line: 2, field: 'accountNumber', reason: 'There is no account ZZ9.' },
      { line: 3, field: 'accountNumber', reason: 'Account A3 has never been placed with Acme Recovery.' },
      {
        line: 4,
        field: 'paidOn',
        reason: 'Paid on 09/30/2026, before account A2 was placed with Acme Recovery on 10/01/2026.',
      },
      { line: 5, field: 'paidOn', reason: 'Paid on 11/21/2026, after the remittance was received.' },
      { line: 6, field: 'agencyReference', reason: 'No earlier line of Acme Recovery has transaction id NOPE.' },
      { line: 7, field: 'feeCents', reason: 'The fee $2.00 does not fit what was collected ($1.00).' },
    ]);
    // The good line's figures are still shown.
    expect(preview).toMatchObject({ lineCount: 7, collectedCents: 5000, feeCents: 1250 });
    const refused = await t.raw('remittances:post', input, admin);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid_input');
    expect(refused.error.message).toMatch(
      /^Nothing was posted: 6 problems in the remittance\. line 2 \(accountNumber\): There is no account ZZ9\./,
    );
    expect(refused.error.fields).toMatchObject({ 'line 2.accountNumber': 'There is no account ZZ9.' });
    expect(balances(t)).toEqual(before);
    expect(count(t, 'ledger_entries')).toBe(entries);
    expect(count(t, 'agency_remittances')).toBe(0);
    expect(count(t, 'agency_remittance_lines')).toBe(0);
  });

  it('refuses a file whose remitted amount does not add up with the method, naming the line and the field', async () => {
    const { admin, northway } = await ready();
    // Northway remits net: $100.00 collected, fee $33.33, so $66.67 remitted, not $100.00.
    const id = await upload(
      t,
      admin,
      'nw.csv',
      'account_number,paid_on,collected,fee,remitted,agency_reference\r\nA3,2026-11-03,100.00,33.33,100.00,N-1\r\nA3,11/03/2026,1O.00,,,N-2\r\n',
    );
    const input = {
      agencyId: northway,
      reference: 'NW-F',
      receivedOn: '2026-11-20',
      source: 'file',
      uploadId: id,
    } as const;
    const preview = await t.call('remittances:preview', input, admin);
    expect(preview.problems).toEqual([
      {
        line: 2,
        field: 'remitted',
        reason:
          'Remitted $100.00 does not add up: Northway Collections remits net, so it sends what it collected less its fee, $100.00 − $33.33 = $66.67.',
      },
      { line: 3, field: 'collected', reason: 'The collected amount “1O.00” is not dollars and cents, like 125.00.' },
      {
        line: 3,
        field: 'paid_on',
        reason: "The date paid “11/03/2026” is not a date in the layout's format YYYY-MM-DD.",
      },
    ]);
    const before = balances(t);
    await expect(t.call('remittances:post', input, admin)).rejects.toThrow(
      /invalid_input: Nothing was posted: 3 problems/,
    );
    expect(balances(t)).toEqual(before);
  });
});

describe('posting nothing twice', () => {
  it('the same remittance number again is refused naming the one already posted', async () => {
    const { admin, acme } = await ready();
    const input = keyed(acme, 'ACME-7', [{ accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 2000 }]);
    const { remittanceId } = await t.call('remittances:post', input, admin);
    const after = balances(t);
    expect((await t.call('remittances:preview', input, admin)).alreadyPosted).toEqual({
      remittanceId,
      reference: 'ACME-7',
    });
    await expect(t.call('remittances:post', input, admin)).rejects.toThrow(
      'conflict: Remittance ACME-7 from Acme Recovery was already posted on 11/26/2026 (received 11/20/2026, 1 line, $20.00 collected). Nothing was posted again.',
    );
    expect(balances(t)).toEqual(after);
    expect(count(t, 'agency_remittances')).toBe(1);
  });

  it('the same file again, under another number, is refused naming the remittance it was posted as', async () => {
    const { admin, acme } = await ready();
    const text =
      'account_number,paid_on,collected,fee,remitted,agency_reference\r\nA1,2026-11-05,33.33,8.33,33.33,TX-1\r\na2,2026-11-06,10.01,2.50,10.01,TX-2\r\n';
    const first = await upload(t, admin, 'acme-nov.csv', text);
    const { remittanceId } = await t.call(
      'remittances:post',
      { agencyId: acme, reference: 'ACME-NOV', receivedOn: '2026-11-20', source: 'file', uploadId: first },
      admin,
    );
    const detail = await t.call('remittances:get', { remittanceId }, admin);
    // The account number is matched whatever its case; 25% of $10.01 is $2.50 (250.25 cents).
    expect(detail).toMatchObject({
      source: 'file',
      lineCount: 2,
      collectedCents: 4334,
      feeCents: 1083,
      remittedCents: 4334,
    });
    expect(detail.lines.map((l) => [l.lineNo, l.accountNumber, l.feeCents])).toEqual([
      [2, 'A1', 833],
      [3, 'A2', 250],
    ]);
    const after = balances(t);
    expect(after['account A1']).toBe(50_000 - 3333);
    expect(after['account A2']).toBe(30_000 - 1001);

    // Each line points at the ledger entry it posted (the lines are written many at a time).
    expect(
      t.app.store.db
        .prepare(
          `SELECT l.line_no, e.account_id = l.account_id AS same_account, e.amount_cents, e.type FROM agency_remittance_lines l
             JOIN ledger_entries e ON e.id = l.ledger_entry_id ORDER BY l.line_no`,
        )
        .all(),
    ).toEqual([
      { line_no: 2, same_account: 1, amount_cents: -3333, type: 'agency_remittance' },
      { line_no: 3, same_account: 1, amount_cents: -1001, type: 'agency_remittance' },
    ]);

    const again = await upload(t, admin, 'acme-nov-copy.csv', text);
    const input = {
      agencyId: acme,
      reference: 'ACME-NOV-2',
      receivedOn: '2026-11-21',
      source: 'file',
      uploadId: again,
    } as const;
    expect((await t.call('remittances:preview', input, admin)).alreadyPosted).toEqual({
      remittanceId,
      reference: 'ACME-NOV',
    });
    await expect(t.call('remittances:post', input, admin)).rejects.toThrow(
      'conflict: This file was already posted as remittance ACME-NOV from Acme Recovery on 11/26/2026 (received 11/20/2026, 2 lines, $43.34 collected). Nothing was posted again.',
    );
    expect(balances(t)).toEqual(after);
  });

  it('finds the agency’s earlier lines by transaction id through their index (migration 020)', async () => {
    await ready();
    const plan = (
      t.app.store.db.prepare(`EXPLAIN QUERY PLAN ${EARLIER_LINES_SQL}`).all({ agency: 1, refs: '["TX-1"]' }) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan.some((d) => d.includes('USING INDEX agency_remittance_lines_reference'))).toBe(true);
    // Not every line of every remittance the agency ever sent.
    expect(plan.some((d) => d.includes('agency_remittance_lines_remittance'))).toBe(false);
  });

  it('a transaction id the agency already remitted is refused, in the same remittance or an earlier one', async () => {
    const { admin, acme } = await ready();
    await t.call(
      'remittances:post',
      keyed(acme, 'ACME-8', [
        { accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 2000, agencyReference: 'TX-5' },
      ]),
      admin,
    );
    const preview = await t.call(
      'remittances:preview',
      keyed(acme, 'ACME-9', [
        { accountNumber: 'A1', paidOn: '2026-11-06', collectedCents: 2000, agencyReference: 'TX-5' },
        { accountNumber: 'A2', paidOn: '2026-11-06', collectedCents: 500, agencyReference: 'TX-6' },
        { accountNumber: 'A2', paidOn: '2026-11-06', collectedCents: 500, agencyReference: 'TX-6' },
      ]),
      admin,
    );
    expect(preview.problems).toEqual([
      {
        line: 1,
        field: 'agencyReference',
        reason: 'Transaction id TX-5 was already posted in remittance ACME-8, line 1.',
      },
      { line: 3, field: 'agencyReference', reason: 'Transaction id TX-6 is also on line 2 of this remittance.' },
    ]);
  });
});

describe('a negative line takes back an earlier payment', () => {
  it('reverses the earlier line’s entry with the same transaction id, fee and all; a second take-back is refused', async () => {
    const { admin, acme, a1 } = await ready();
    await t.call(
      'remittances:post',
      keyed(acme, 'ACME-10', [
        { accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 5000, agencyReference: 'TX-9' },
      ]),
      admin,
    );
    expect(balances(t)['account A1']).toBe(45_000);
    const back = keyed(
      acme,
      'ACME-11',
      [{ accountNumber: 'A1', paidOn: '2026-11-12', collectedCents: -5000, agencyReference: 'TX-9' }],
      '2026-11-25',
    );
    expect(await t.call('remittances:preview', back, admin)).toMatchObject({
      collectedCents: -5000,
      feeCents: -1250,
      remittedCents: -5000,
      problems: [],
    });
    const backTwice = await t.call(
      'remittances:preview',
      keyed(
        acme,
        'ACME-11',
        [
          { accountNumber: 'A1', paidOn: '2026-11-12', collectedCents: -5000, agencyReference: 'TX-9' },
          { accountNumber: 'A1', paidOn: '2026-11-13', collectedCents: -5000, agencyReference: 'TX-9' },
        ],
        '2026-11-25',
      ),
      admin,
    );
    expect(backTwice.problems).toEqual([
      {
        line: 2,
        field: 'agencyReference',
        reason: 'Transaction id TX-9 is taken back on line 1 of this remittance already.',
      },
    ]);
    const { remittanceId } = await t.call('remittances:post', back, admin);
    expect(balances(t)['account A1']).toBe(50_000);
    expect(balances(t)['guarantor G1']).toBe(80_000);
    const entries = entriesOf(a1) as {
      type: string;
      amount_cents: number;
      effective_date: string;
      reverses_id: number | null;
    }[];
    expect(entries.map((e) => [e.type, e.amount_cents, e.effective_date])).toEqual([
      ['agency_remittance', -5000, '2026-11-05'],
      ['reversal', 5000, '2026-11-12'],
    ]);
    expect(entries[1]!.reverses_id).not.toBeNull();
    expect((await t.call('remittances:get', { remittanceId }, admin)).lines[0]).toMatchObject({
      collectedCents: -5000,
      feeCents: -1250,
      remittedCents: -5000,
    });
    const twice = await t.call('remittances:preview', { ...(back as object), reference: 'ACME-12' } as never, admin);
    expect(twice.problems).toEqual([
      {
        line: 1,
        field: 'agencyReference',
        reason: 'Transaction id TX-9 (remittance ACME-10, line 1) was already taken back.',
      },
    ]);
    const partial = await t.call(
      'remittances:preview',
      keyed(
        acme,
        'ACME-13',
        [{ accountNumber: 'A1', paidOn: '2026-11-12', collectedCents: -10, agencyReference: '' }],
        '2026-11-25',
      ),
      admin,
    );
    expect(partial.problems[0]?.reason).toBe(
      'A negative line needs the agency transaction id of the payment it takes back.',
    );
  });
});

describe('remittance files in the agency’s layout', () => {
  it('reads a fixed-width file in cents with dates as YYYYMMDD', async () => {
    const { admin, northway } = await ready();
    const spec = {
      format: 'fixed',
      dateFormat: 'YYYYMMDD',
      amounts: 'cents',
      columns: [
        { field: 'account_number', start: 1, width: 10 },
        { field: 'paid_on', start: 11, width: 8 },
        { field: 'collected', start: 19, width: 10 },
        { field: 'fee', start: 29, width: 8 },
        { field: 'remitted', start: 37, width: 10 },
        { field: 'agency_reference', start: 47, width: 12 },
      ],
    };
    await t.call('agencies:setLayout', { agencyId: northway, file: 'remittance', layout: spec } as never, admin);
    const line = (acct: string, date: string, collected: number, fee: number, remitted: number, ref: string) =>
      acct.padEnd(10) +
      date +
      String(collected).padStart(10, '0') +
      String(fee).padStart(8, '0') +
      String(remitted).padStart(10, '0') +
      ref.padEnd(12);
    const text = [
      line('A3', '20261102', 1001, 334, 667, 'NW-77'),
      line('A3', '20261109', 25_000, 8333, 16_667, 'NW-78'),
    ].join('\r\n');
    const id = await upload(t, admin, 'northway.txt', text);
    const { remittanceId } = await t.call(
      'remittances:post',
      { agencyId: northway, reference: 'NW-NOV', receivedOn: '2026-11-20', source: 'file', uploadId: id },
      admin,
    );
    // 33.33% of $250.00 is $83.325, rounded half away from zero to $83.33.
    const detail = await t.call('remittances:get', { remittanceId }, admin);
    expect(detail).toMatchObject({ lineCount: 2, collectedCents: 26_001, feeCents: 8667, remittedCents: 17_334 });
    expect(
      detail.lines.map((l) => [l.lineNo, l.paidOn, l.collectedCents, l.feeCents, l.remittedCents, l.agencyReference]),
    ).toEqual([
      [1, '2026-11-02', 1001, 334, 667, 'NW-77'],
      [2, '2026-11-09', 25_000, 8333, 16_667, 'NW-78'],
    ]);
    expect(balances(t)['account A3']).toBe(120_000 - 26_001);
  });
});

describe('payments made to the hospital while placed, and reconciliation', () => {
  it('reads every kind of the patient’s money but the agency’s own from the index that holds them', () => {
    for (const type of PATIENT_MONEY_TYPES)
      if (type !== 'agency_remittance') expect(MONEY_OR_REVERSAL).toContain(`'${type}'`);
    expect(MONEY_OR_REVERSAL).toContain(`'reversal'`);
  });

  async function withDirectPayment() {
    const r = await ready();
    // Jane pays $40.00 at the window on A1 while it is with Acme (Acme earns 25%, $10.00); A2 came
    // back on 11/15, so her $15.00 on A2 on 11/20 earns Acme nothing.
    t.app.store.db
      .prepare(
        `UPDATE placements SET status = 'returned', returned_on = '2026-11-15', return_reason = 'paid_at_hospital' WHERE account_id = ?`,
      )
      .run(r.a2);
    await t.call(
      'payments:post',
      {
        guarantorId: r.jane,
        method: 'check',
        amountCents: 4000,
        effectiveDate: '2026-11-10',
        allocations: [{ accountId: r.a1, amountCents: 4000 }],
      } as never,
      r.admin,
    );
    await t.call(
      'payments:post',
      {
        guarantorId: r.jane,
        method: 'cash',
        amountCents: 1500,
        effectiveDate: '2026-11-20',
        allocations: [{ accountId: r.a2, amountCents: 1500 }],
      } as never,
      r.admin,
    );
    return r;
  }

  it('lists them with the fee they earn at the placement’s rate, on screen and as CSV', async () => {
    const { admin, acme } = await withDirectPayment();
    const rows = await t.call(
      'remittances:directPayments',
      { agencyId: acme, from: '2026-11-01', to: '2026-11-30' },
      admin,
    );
    expect(rows).toEqual([
      {
        accountNumber: 'A1',
        guarantorName: 'Jane Smith',
        agencyName: 'Acme Recovery',
        paidOn: '2026-11-10',
        amountCents: 4000,
        feeRateBp: 2500,
        feeCents: 1000,
      },
    ]);
    const handle = await t.call(
      'remittances:directPaymentsCsv',
      { agencyId: acme, from: '2026-11-01', to: '2026-11-30' },
      admin,
    );
    expect(handle.fileName).toBe(`direct-payments-acme-recovery-${acme}-2026-11-01-to-2026-11-30.csv`);
    const csv = (await t.file(handle)).toString('utf8');
    expect(csv).toBe(
      '\uFEFFaccount_number,guarantor,agency,paid_on,amount,fee_rate_percent,fee\r\nA1,Jane Smith,Acme Recovery,2026-11-10,40.00,25.00,10.00\r\n',
    );
    expect(
      await t.call('remittances:directPayments', { agencyId: acme, from: '2026-11-11', to: '2026-11-30' }, admin),
    ).toEqual([]);
  });

  it('a payment reversed while placed counts against the fee, as what it reverses', async () => {
    const { admin, acme } = await withDirectPayment();
    const paymentId = t.app.store.db
      .prepare('SELECT id FROM payments WHERE amount_cents = 4000')
      .pluck()
      .get() as number;
    await t.call(
      'payments:reverse',
      { paymentId, reason: 'Cheque returned unpaid', effectiveDate: '2026-11-18' },
      admin,
    );
    const rows = await t.call(
      'remittances:directPayments',
      { agencyId: acme, from: '2026-11-01', to: '2026-11-30' },
      admin,
    );
    expect(rows.map((r) => [r.paidOn, r.amountCents, r.feeCents])).toEqual([
      ['2026-11-10', 4000, 1000],
      ['2026-11-18', -4000, -1000],
    ]);
  });

  it('gross: the cheque should be all the lines collected; the invoice their fees and the fees on direct payments of the period', async () => {
    const { admin, acme } = await withDirectPayment();
    const { remittanceId } = await t.call(
      'remittances:post',
      keyed(acme, 'ACME-20', [{ accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 3333 }]),
      admin,
    );
    const before = (await t.call('remittances:get', { remittanceId }, admin)).reconciliation;
    expect(before).toMatchObject({
      expectedChequeCents: 3333,
      chequeCents: null,
      expectedInvoiceCents: 833 + 1000,
      invoiceCents: null,
    });
    expect(before.differences).toEqual([
      'No cheque or transfer is recorded yet; the lines remit $33.33.',
      'No invoice is recorded yet; Acme Recovery has earned $18.33: fees on the remittance’s lines $8.33 and $10.00 on 1 payment made to the hospital while placed (up to 11/20/2026).',
    ]);
    const rec = await t.call(
      'remittances:reconcile',
      {
        remittanceId,
        chequeCents: 3300,
        chequeReference: 'CHK 1001',
        invoiceCents: 1833,
        invoiceReference: 'INV 77',
        note: '',
      },
      admin,
    );
    expect(rec).toEqual({
      remittanceId,
      expectedChequeCents: 3333,
      chequeCents: 3300,
      chequeDifferenceCents: -33,
      expectedInvoiceCents: 1833,
      invoiceCents: 1833,
      invoiceDifferenceCents: 0,
      differences: ['The cheque or transfer CHK 1001 is $33.00, $0.33 less than the $33.33 the lines remit.'],
    });
    expect((await t.call('remittances:list', {}, admin))[0]).toMatchObject({
      chequeCents: 3300,
      invoiceCents: 1833,
      reconciledOn: '2026-11-26',
    });

    // The next remittance's period starts the day after this one was received: the $40.00 is not invoiced twice.
    const next = await t.call(
      'remittances:post',
      keyed(acme, 'ACME-21', [{ accountNumber: 'A1', paidOn: '2026-11-22', collectedCents: 1000 }], '2026-11-25'),
      admin,
    );
    const second = (await t.call('remittances:get', { remittanceId: next.remittanceId }, admin)).reconciliation;
    expect(second.expectedInvoiceCents).toBe(250);
    expect(second.differences[1]).toBe(
      'No invoice is recorded yet; Acme Recovery has earned $2.50: fees on the remittance’s lines $2.50 and $0.00 on 0 payments made to the hospital while placed (11/21/2026 to 11/25/2026).',
    );
  });

  it('a second remittance received the same day has no days of its own for direct payments', async () => {
    const { admin, acme } = await withDirectPayment();
    await t.call(
      'remittances:post',
      keyed(acme, 'ACME-30', [{ accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 100 }]),
      admin,
    );
    const { remittanceId } = await t.call(
      'remittances:post',
      keyed(acme, 'ACME-31', [{ accountNumber: 'A1', paidOn: '2026-11-06', collectedCents: 100 }]),
      admin,
    );
    const rec = (await t.call('remittances:get', { remittanceId }, admin)).reconciliation;
    expect(rec.expectedInvoiceCents).toBe(25);
    expect(rec.differences[1]).toBe(
      'No invoice is recorded yet; Acme Recovery has earned $0.25: fees on the remittance’s lines $0.25 and none on payments made to the hospital (the previous remittance was received the same day).',
    );
  });

  it('net: the cheque is collected less fees, the invoice only the fees on direct payments; a fee off the contract is a difference', async () => {
    const { admin, northway, john, a3 } = await ready();
    await t.call(
      'payments:post',
      {
        guarantorId: john,
        method: 'card',
        amountCents: 3000,
        effectiveDate: '2026-11-01',
        allocations: [{ accountId: a3, amountCents: 3000 }],
      } as never,
      admin,
    );
    const { remittanceId } = await t.call(
      'remittances:post',
      keyed(northway, 'NW-30', [
        { accountNumber: 'A3', paidOn: '2026-11-02', collectedCents: 1001 },
        { accountNumber: 'A3', paidOn: '2026-11-03', collectedCents: 10_000, feeCents: 3500 },
      ]),
      admin,
    );
    const rec = await t.call(
      'remittances:reconcile',
      {
        remittanceId,
        chequeCents: 7167,
        chequeReference: 'EFT 5',
        invoiceCents: 1200,
        invoiceReference: '',
        note: 'short invoice',
      },
      admin,
    );
    // Remitted: (1001 - 334) + (10000 - 3500) = 7167. Invoice: 33.33% of $30.00 = $10.00 (999.9 cents).
    expect(rec).toMatchObject({
      expectedChequeCents: 7167,
      chequeDifferenceCents: 0,
      expectedInvoiceCents: 1000,
      invoiceDifferenceCents: 200,
    });
    expect(rec.differences).toEqual([
      'The invoice is $12.00, $2.00 more than the $10.00 Northway Collections earned: no fees on its lines (a net agency keeps them) and $10.00 on 1 payment made to the hospital while placed (up to 11/20/2026).',
      "1 line states a fee other than the contract's rate, $1.67 more in all.",
      "Line 2 (account A3): fee $35.00, the contract's rate gives $33.33.",
    ]);
  });
});

describe('on accounts placed and recalled through the placement service', () => {
  it('a line matches the open placement, or else the latest returned one; a payment in full brings the account back', async () => {
    const w = await agencyWorld();
    t = w.t;
    const acme = await addAgencyByService(w, 'Acme Recovery', { rateBp: 2500, method: 'gross' });
    await placeByHand(w, acme, ['P1', 'P2']);
    const placementOf = (acct: string) =>
      t.app.store.db
        .prepare(
          'SELECT id, status, return_reason, last_payment_on, placed_on FROM placements WHERE account_id = ? ORDER BY id DESC',
        )
        .get(w.acct(acct)) as {
        id: number;
        status: string;
        return_reason: string | null;
        last_payment_on: string | null;
        placed_on: string;
      };
    expect(placementOf('P1')).toMatchObject({ status: 'placed', placed_on: AGENCY_TODAY });
    // P2 comes back on a complaint; the agency then remits what it collected on P2 that day.
    t.clock.setToday('2026-12-10');
    await t.call('placements:recall', { placementIds: [placementOf('P2').id], reason: 'complaint' }, w.clerk);
    const { remittanceId } = await t.call(
      'remittances:post',
      {
        agencyId: acme,
        reference: 'ACME-DEC',
        receivedOn: '2026-12-10',
        source: 'keyed',
        lines: [
          { accountNumber: 'P1', paidOn: '2026-12-05', collectedCents: 100_000, agencyReference: 'A-1' },
          { accountNumber: 'P2', paidOn: '2026-12-09', collectedCents: 12_345, agencyReference: 'A-2' },
        ],
      },
      w.clerk,
    );
    const detail = await t.call('remittances:get', { remittanceId }, w.clerk);
    // 25% of $1,000.00 is $250.00; 25% of $123.45 is $30.86 (3,086.25 cents).
    expect(detail).toMatchObject({ collectedCents: 112_345, feeCents: 25_000 + 3086, remittedCents: 112_345 });
    // P1 is paid in full: it comes back from the agency (the placement service's ledger subscriber).
    expect(placementOf('P1')).toMatchObject({
      status: 'returned',
      return_reason: 'paid_in_full',
      last_payment_on: '2026-12-05',
    });
    expect(placementOf('P2')).toMatchObject({ status: 'returned', return_reason: 'complaint' });
    const lines = t.app.store.db
      .prepare('SELECT line_no, placement_id FROM agency_remittance_lines WHERE remittance_id = ? ORDER BY line_no')
      .all(remittanceId) as { line_no: number; placement_id: number }[];
    expect(lines.map((l) => l.placement_id)).toEqual([placementOf('P1').id, placementOf('P2').id]);
    const balances = (await t.call('ledger:verify', {}, w.admin)).differences;
    expect(balances).toEqual([]);
  });
});
