// A remittance's lines come in the agency's order, each account's payments scattered through the
// file; since issue 18 the ledger writes them in account order (the ledger's indexes by account then
// take their pages once each, which matters at a million guarantors). What is posted must not
// change: every entry keeps the id it had when written in the file's order, its line points at it,
// and the balances, placements, remittances and problems are the ones the code before the change
// gave. The digest below was taken from that code (commit c11ef94) for the same remittances.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PLACEMENTS_OF_LINES_SQL, SAME_PAYMENTS_SQL } from '../../../src/main/capabilities/agencies/remittances';
import { insertEntries } from '../../../src/main/capabilities/ledger/entries';
import { importSmall } from '../accounts/fixtures';
import { plansOf } from '../queryPlans';
import { setUpAndLogIn, testApp, type TestApp } from '../support';
import { addAgency, place, upload } from './remittanceSupport';

let t: TestApp;
afterEach(() => t?.cleanup());

async function ready() {
  t = testApp({ today: '2026-11-26' });
  const admin = await setUpAndLogIn(t);
  const ids = await importSmall(t);
  const acme = addAgency(t, 'Acme Recovery', 'gross', 2500);
  place(t, acme, ids.a1, '2026-10-01', { rateBp: 2500, placedCents: 50_000 });
  place(t, acme, ids.a2, '2026-10-01', { rateBp: 2500, placedCents: 30_000 });
  place(t, acme, ids.a3, '2026-10-15', { rateBp: 2500, placedCents: 120_000 });
  return { admin, acme, ...ids };
}

/** 30 lines: A3, A2, A1 in turn (the accounts in the opposite order to their ids), a few without a transaction id or with a stated fee. */
function firstFile(): string {
  const lines = ['account_number,paid_on,collected,fee,remitted,agency_reference'];
  const accounts = ['A3', 'A2', 'A1'];
  for (let i = 0; i < 30; i++) {
    const cents = 101 + i * 37;
    const fee = i % 7 === 3 ? ((cents * 20) / 100 / 100).toFixed(2) : '';
    const day = String(5 + (i % 20)).padStart(2, '0');
    lines.push(
      `${accounts[i % 3]},2026-11-${day},${(cents / 100).toFixed(2)},${fee},${(cents / 100).toFixed(2)},${i % 5 === 4 ? '' : `T${i}`}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const digestQueries = [
  `SELECT * FROM ledger_entries ORDER BY id`,
  `SELECT * FROM agency_remittance_lines ORDER BY id`,
  `SELECT * FROM agency_remittances ORDER BY id`,
  `SELECT id, balance_cents, updated_at FROM accounts ORDER BY id`,
  `SELECT id, balance_cents, updated_at FROM guarantors ORDER BY id`,
  `SELECT * FROM placements ORDER BY id`,
];

function digest(): string {
  const db = t.app.store.db;
  const rows = digestQueries.map((sql) => db.prepare(sql).all());
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe('a remittance whose lines scatter each account', () => {
  it('posts the same ledger, lines, balances and placements as before, entries numbered in the file’s order', async () => {
    const { admin, acme } = await ready();
    const db = t.app.store.db;
    const firstEntry = (db.prepare('SELECT max(id) FROM ledger_entries').pluck().get() as number) + 1;
    const file = await upload(t, admin, 'acme-1.csv', firstFile());
    await t.call(
      'remittances:post',
      { agencyId: acme, reference: 'ACME-1', receivedOn: '2026-11-25', source: 'file', uploadId: file },
      admin,
    );
    // Each line's entry has the id the file's order gives it, whatever order the rows were written in.
    const posted = db
      .prepare(
        `SELECT l.line_no, l.ledger_entry_id, e.memo, a.account_number FROM agency_remittance_lines l
           JOIN ledger_entries e ON e.id = l.ledger_entry_id JOIN accounts a ON a.id = l.account_id ORDER BY l.line_no`,
      )
      .all() as { line_no: number; ledger_entry_id: number; memo: string; account_number: string }[];
    expect(posted).toHaveLength(30);
    posted.forEach((p, i) => {
      expect(p.ledger_entry_id).toBe(firstEntry + i);
      expect(p.memo).toMatch(new RegExp(`^Acme Recovery, line ${p.line_no}(,|$)`));
      expect(p.account_number).toBe(['A3', 'A2', 'A1'][i % 3]);
    });

    // A second remittance, keyed: two take-backs (one per account, out of account order) between payments.
    await t.call(
      'remittances:post',
      {
        agencyId: acme,
        reference: 'ACME-2',
        receivedOn: '2026-11-26',
        source: 'keyed',
        lines: [
          { accountNumber: 'A1', paidOn: '2026-11-26', collectedCents: 2_000, agencyReference: 'U1' },
          { accountNumber: 'A2', paidOn: '2026-11-26', collectedCents: -(101 + 7 * 37), agencyReference: 'T7' },
          { accountNumber: 'A3', paidOn: '2026-11-26', collectedCents: 1_500, agencyReference: 'U2' },
          { accountNumber: 'A3', paidOn: '2026-11-26', collectedCents: -(101 + 0 * 37), agencyReference: 'T0' },
          { accountNumber: 'A2', paidOn: '2026-11-26', collectedCents: 999, agencyReference: 'U3' },
        ],
      },
      admin,
    );

    // A third with problems: the messages, and nothing posted.
    const before = digest();
    const bad = await t
      .call(
        'remittances:post',
        {
          agencyId: acme,
          reference: 'ACME-3',
          receivedOn: '2026-11-26',
          source: 'keyed',
          lines: [
            { accountNumber: 'A2', paidOn: '2026-11-26', collectedCents: 500, agencyReference: 'T1' },
            { accountNumber: 'A9', paidOn: '2026-11-26', collectedCents: 500, agencyReference: 'V1' },
            { accountNumber: 'A1', paidOn: '2026-11-26', collectedCents: -500, agencyReference: 'V2' },
            { accountNumber: 'A3', paidOn: '2026-11-26', collectedCents: 700, agencyReference: 'V3' },
          ],
        },
        admin,
      )
      .catch((err: unknown) => err as { message: string; fields?: Record<string, string> });
    expect(digest()).toBe(before);
    expect(bad).toMatchObject({
      error: {
        code: 'invalid_input',
        fields: {
          'line 1.agencyReference': 'Transaction id T1 was already posted in remittance ACME-1, line 3.',
          'line 2.accountNumber': 'There is no account A9.',
          'line 3.agencyReference': 'No earlier line of Acme Recovery has transaction id V2.',
        },
        message:
          'Nothing was posted: 3 problems in the remittance. line 1 (agencyReference): Transaction id T1 was already posted in remittance ACME-1, line 3.; line 2 (accountNumber): There is no account A9.; line 3 (agencyReference): No earlier line of Acme Recovery has transaction id V2.. Correct the file (or the lines) and post it again.',
      },
    });

    // The ledger, the lines, the remittances, the balances and the placements, as the code before the change left them.
    expect(digest()).toBe('9b5031df583b9466402ecf0660e966e9497336435efcfdb41d154212c187f14a');
  });

  it('reads the next entry id from the end of the table, not by a scan', async () => {
    await ready();
    const db = t.app.store.db;
    const plans = plansOf(db, () =>
      db.transaction(() => {
        insertEntries(db, [
          {
            accountId: 1,
            type: 'patient_payment',
            amountCents: -100,
            effectiveDate: '2026-11-26',
            postedAt: '2026-11-26T12:00:00Z',
            postedBy: null,
          },
        ]);
      })(),
    );
    const next = plans.find((p) => p.sql.includes('next_entry_id'));
    expect(next?.plan).toMatch(/^SEARCH ledger_entries/);
    expect(next?.plan).not.toMatch(/SCAN/);
  });

  it('finds the accounts’ placements and earlier payments by account, not through all the agency ever had', async () => {
    await ready();
    const plan = (sql: string) =>
      (
        t.app.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ agency: 1, accounts: '[1, 2]' }) as {
          detail: string;
        }[]
      ).map((r) => r.detail);
    const placements = plan(PLACEMENTS_OF_LINES_SQL);
    expect(placements).toContain('SEARCH p USING INDEX placements_account (account_id=?)');
    expect(placements.join('\n')).not.toMatch(/placements_agency|SCAN p\b/);
    const payments = plan(SAME_PAYMENTS_SQL);
    expect(payments).toContain('SEARCH p USING INDEX placements_account (account_id=?)');
    expect(payments).toContain('SEARCH l USING INDEX agency_remittance_lines_placement (placement_id=?)');
    expect(payments.join('\n')).not.toMatch(/agency_remittance_lines_remittance|SCAN (l|r|p|e)\b/);
  });

  it('names the last of two earlier identical payments in remittance-number order, as before', async () => {
    const { admin, acme } = await ready();
    const post = (reference: string, lines: object[]) =>
      t.call(
        'remittances:post',
        { agencyId: acme, reference, receivedOn: '2026-11-20', source: 'keyed', lines } as never,
        admin,
      );
    const payment = { accountNumber: 'A1', paidOn: '2026-11-05', collectedCents: 2_500 };
    // Two payments of the same amount the same day, told apart by transaction ids; the one posted
    // first has the later number.
    await post('ACME-9', [{ ...payment, agencyReference: 'X1' }]);
    await post('ACME-10', [
      { accountNumber: 'A2', paidOn: '2026-11-05', collectedCents: 100, agencyReference: 'X2' },
      { ...payment, agencyReference: 'X3' },
    ]);
    const again = await post('ACME-11', [{ ...payment, agencyReference: '' }]).catch(
      (err: unknown) => err as { error: { fields: Record<string, string> } },
    );
    expect(again).toMatchObject({
      error: {
        fields: {
          'line 1.collectedCents':
            "$25.00 paid on 11/05/2026 on account A1 was already posted in remittance ACME-9, line 1. Give each payment the agency's transaction id to post a second one of the same amount that day.",
        },
      },
    });
  });
});
