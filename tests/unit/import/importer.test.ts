// The import engine, case by case: idempotent re-import, updates, separate files, every kind of
// bad line and bad file, cancellation; always all-or-nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { csvHeaders } from '../../../src/main/capabilities/imports/csv';
import { decodeFile } from '../../../src/main/capabilities/imports/decode';
import { autoMapping, runImport, type ImportFile } from '../../../src/main/capabilities/imports/importer';
import { verifyBalances } from '../../../src/main/capabilities/ledger/entries';
import type { ImportLayout, ImportMapping } from '../../../src/shared/schemas/import';
import { importSmall, SMALL_EXTRACT, COMBINED_HEADER } from '../accounts/fixtures';
import { setUpAndLogIn, testApp, type TestApp, importHooks } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

function file(name: string, layout: ImportLayout, text: string, mapping: Partial<ImportMapping> = {}): ImportFile {
  return {
    name,
    layout,
    text,
    mapping: {
      layout,
      columns: autoMapping(csvHeaders(text), layout),
      dateFormat: 'YYYY-MM-DD',
      encoding: 'utf-8',
      amountSign: 'signed',
      typeCodes: {},
      ...mapping,
    },
  };
}

async function run(files: ImportFile[], mode: 'preview' | 'commit' = 'commit') {
  return runImport(t.app.store.db, files, {
    mode,
    now: t.app.nowIso(),
    userId: 1,
    source: 'test',
    ...importHooks(t),
  });
}

const count = (table: string) => t.app.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function fresh() {
  t = testApp();
  await setUpAndLogIn(t);
}

describe('re-importing', () => {
  it('the same extract again doubles nothing', async () => {
    await fresh();
    await importSmall(t);
    const again = await run([file('small.csv', 'combined', SMALL_EXTRACT)]);
    expect(again.committed).toBe(true);
    expect(again.guarantors).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.accounts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(again.transactions).toEqual({ created: 0, duplicates: 4 });
    expect(count('ledger_entries')).toBe(4);
    expect(t.app.store.db.prepare('SELECT sum(balance_cents) FROM accounts').pluck().get()).toBe(200000);
  });

  it('a newer extract updates demographics and adds only new transactions', async () => {
    await fresh();
    const { jane } = await importSmall(t);
    const newer =
      SMALL_EXTRACT.replace(/12 Oak St,Portland,ME,04101/g, '9 Elm Ave,Saco,ME,04072') +
      '\r\nG1,M100,Smith,Jane,1980-02-14,9 Elm Ave,Saco,ME,04072,(207) 555-0142,A1,2025-01-10,2025-01-10,outpatient,self_pay,2025-02-01,T5,patient_payment,-50.00,2026-11-20,CHK 88,Payment';
    const r = await run([file('newer.csv', 'combined', newer)]);
    expect(r.guarantors).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(r.transactions).toEqual({ created: 1, duplicates: 4 });
    const g = t.app.store.db.prepare('SELECT city, balance_cents FROM guarantors WHERE id = ?').get(jane);
    expect(g).toEqual({ city: 'Saco', balance_cents: 75000 });
    expect(verifyBalances(t.app.store.db).ok).toBe(true);
  });

  it('a transaction id seen before with other details is an error, and nothing is written', async () => {
    await fresh();
    await importSmall(t);
    const changed = SMALL_EXTRACT.replace('T1,charge,500.00', 'T1,charge,550.00');
    const r = await run([file('changed.csv', 'combined', changed)]);
    expect(r.committed).toBe(false);
    expect(r.errors).toMatchObject([
      { line: 2, column: 'transaction_id', reason: expect.stringContaining('imported before with other details') },
    ]);
  });
});

describe('separate files', () => {
  const guarantors =
    'guarantor_id,last_name,first_name,date_of_birth\r\nG1,Smith,Jane,1980-02-14\r\nG2,Jones,Ed,1970-01-01\r\n';
  const accounts =
    'account_number,guarantor_id,service_from,service_to,service_type,payer_class\r\nA1,G1,2025-01-10,2025-01-10,OP,SP\r\nA2,G9,2025-02-01,2025-02-01,ER,MCR\r\n';
  const transactions =
    'transaction_id,account_number,transaction_type,amount,effective_date\r\nT1,A1,CHG,100.00,2025-01-10\r\nT2,A7,CHG,20.00,2025-01-10\r\n';

  it('name an unknown guarantor or an unknown account by line', async () => {
    await fresh();
    const r = await run([
      file('t.csv', 'transactions', transactions),
      file('g.csv', 'guarantors', guarantors),
      file('a.csv', 'accounts', accounts),
    ]);
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => [e.file, e.line, e.column, e.reason.replace(/^Line \d+: /, '')])).toEqual([
      [
        'a.csv',
        3,
        'guarantor_id',
        'account A2 names guarantor G9, who is not in this import or in Recoup (unknown guarantor).',
      ],
      [
        't.csv',
        3,
        'account_number',
        'transaction T2 is for account A7, which is not in this import or in Recoup (unknown account).',
      ],
    ]);
    expect(count('guarantors')).toBe(0);
  });

  it('import in any order once they are right, with billing-system codes (OP, SP, CHG)', async () => {
    await fresh();
    const r = await run([
      file('t.csv', 'transactions', transactions.replace('T2,A7', 'T2,A1')),
      file('a.csv', 'accounts', accounts.replace('A2,G9', 'A2,G2')),
      file('g.csv', 'guarantors', guarantors),
    ]);
    expect(r.errors).toEqual([]);
    expect(r.transactions.created).toBe(2);
    expect(
      t.app.store.db
        .prepare(`SELECT service_type, payer_class, balance_cents FROM accounts WHERE account_number = 'A1'`)
        .get(),
    ).toEqual({ service_type: 'outpatient', payer_class: 'self_pay', balance_cents: 12000 });
  });
});

describe('bad lines, each with its line, column and a plain reason', () => {
  const cases: [string, string, string, RegExp][] = [
    ['bad date', 'T1,charge,500.00,2025-13-10', 'effective_date', /"2025-13-10" is not a real date/],
    ['bad amount', 'T1,charge,5OO.00,2025-01-10', 'amount', /"5OO.00" is not an amount/],
    ['three decimals', 'T1,charge,500.001,2025-01-10', 'amount', /more than two decimals/],
    [
      'a payment with the wrong sign',
      'T1,patient_payment,500.00,2025-01-10',
      'amount',
      /wrong sign for a patient payment/,
    ],
    ['zero', 'T1,charge,0.00,2025-01-10', 'amount', /is zero/],
    ['unknown type', 'T1,XYZ,500.00,2025-01-10', 'transaction_type', /not a known transaction type/],
    [
      'missing transaction id',
      ',charge,500.00,2025-01-10',
      'transaction_id',
      /column transaction_id: empty, but a value is required/,
    ],
  ];
  for (const [label, replacement, column, reason] of cases) {
    it(label, async () => {
      await fresh();
      const text = SMALL_EXTRACT.replace('T1,charge,500.00,2025-01-10', replacement);
      const r = await run([file('x.csv', 'combined', text)]);
      expect(r.committed).toBe(false);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ file: 'x.csv', line: 2, column });
      expect(r.errors[0]!.reason).toMatch(reason);
      expect(count('ledger_entries')).toBe(0);
    });
  }

  it('US dates with a profile that says so; a profile can take positive amounts and sign them by type', async () => {
    await fresh();
    const text = `${COMBINED_HEADER}\r\nG1,M1,Smith,Jane,02/14/1980,1 Oak,Portland,ME,04101,,A1,01/10/2025,01/10/2025,OP,SP,,T1,CHG,500.00,01/10/2025,,\r\nG1,M1,Smith,Jane,02/14/1980,1 Oak,Portland,ME,04101,,A1,01/10/2025,01/10/2025,OP,SP,,T2,PAY,25.00,02/10/2025,,`;
    const r = await run([
      file('us.csv', 'combined', text, {
        dateFormat: 'MM/DD/YYYY',
        amountSign: 'by_type',
        typeCodes: { PAY: 'patient_payment' },
      }),
    ]);
    expect(r.errors).toEqual([]);
    expect(t.app.store.db.prepare(`SELECT balance_cents FROM accounts`).pluck().get()).toBe(47500);
  });
});

describe('files that are not right', () => {
  it('quoted commas, quoted newlines, CRLF or LF, a byte-order mark: all read', async () => {
    await fresh();
    const text = `\uFEFF${COMBINED_HEADER}\n"G1",M1,"Smith, Jr.",Jane,1980-02-14,"12 Oak St\nApt 2",Portland,ME,04101,,A1,2025-01-10,2025-01-10,outpatient,self_pay,,T1,charge,"1,500.00",2025-01-10,,"Room, board"\nG1,M1,"Smith, Jr.",Jane,1980-02-14,"12 Oak St\nApt 2",Portland,ME,04101,,A1,2025-01-10,2025-01-10,outpatient,self_pay,,T2,charge,"10.00",2025-01-10,,x\n`;
    const bytes = Buffer.from(text, 'utf8');
    const r = await run([file('odd.csv', 'combined', decodeFile('odd.csv', bytes, 'utf-8'))]);
    expect(r.errors).toEqual([]);
    expect(t.app.store.db.prepare(`SELECT last_name, address_line1 FROM guarantors`).get()).toEqual({
      last_name: 'Smith, Jr.',
      // Read whole; a line break inside one address line is a space (control characters never
      // reach a printed line).
      address_line1: '12 Oak St Apt 2',
    });
    expect(t.app.store.db.prepare(`SELECT balance_cents FROM accounts`).pluck().get()).toBe(151000);
  });

  it('a bad line after a quoted newline is named by its real line number', async () => {
    await fresh();
    const text = `${COMBINED_HEADER}\r\nG1,M1,Smith,Jane,1980-02-14,"12 Oak St\r\nApt 2",Portland,ME,04101,,A1,2025-01-10,2025-01-10,outpatient,self_pay,,T1,charge,10.00,2025-01-10,,x\r\nG1,M1,Smith,Jane,1980-02-14,"12 Oak St\r\nApt 2",Portland,ME,04101,,A1,2025-01-10,2025-01-10,outpatient,self_pay,,T2,charge,ten,2025-01-10,,x\r\n`;
    const r = await run([file('q.csv', 'combined', text)]);
    expect(r.errors.map((e) => e.line)).toEqual([4]);
  });

  it('empty, binary, UTF-16 and wrongly encoded files are refused with a reason', () => {
    expect(() => decodeFile('e.csv', Buffer.alloc(0), 'utf-8')).toThrow('e.csv is empty.');
    expect(() => decodeFile('b.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'utf-8')).toThrow(
      /not a text file/,
    );
    expect(() => decodeFile('u.csv', Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'utf-8')).toThrow(/UTF-16/);
    const latin1 = Buffer.from('last_name\r\nNu\xf1ez\r\n', 'latin1');
    expect(() => decodeFile('l.csv', latin1, 'utf-8')).toThrow(
      /line 2 has a character in another encoding.*Windows-1252/,
    );
    expect(decodeFile('l.csv', latin1, 'windows-1252')).toContain('Nuñez');
  });

  it('a header with no rows, no header at all, or a mapped column that is missing', async () => {
    await fresh();
    expect((await run([file('h.csv', 'combined', `${COMBINED_HEADER}\r\n`)])).errors[0]?.reason).toBe(
      'The file has a header but no rows.',
    );
    expect((await run([file('n.csv', 'combined', '\r\n\r\n')])).errors[0]?.reason).toBe('The file has no header line.');
    const r = await run([
      file('m.csv', 'combined', SMALL_EXTRACT, {
        columns: { ...autoMapping(csvHeaders(SMALL_EXTRACT), 'combined'), last_name: 'Surname' },
      }),
    ]);
    expect(r.errors[0]).toMatchObject({
      line: 1,
      reason: 'The column "Surname" (mapped to last_name) is not in the file\'s header.',
    });
    expect(count('guarantors')).toBe(0);
  });

  it('a preview reports what a commit would do, and writes nothing', async () => {
    await fresh();
    const r = await run([file('small.csv', 'combined', SMALL_EXTRACT)], 'preview');
    expect(r).toMatchObject({ committed: false, rows: 4, guarantors: { created: 2 }, transactions: { created: 4 } });
    expect(r.sample[0]).toMatchObject({ _line: '2', guarantor_id: 'G1', transaction_id: 'T1' });
    expect(count('guarantors') + count('accounts') + count('ledger_entries') + count('import_batches')).toBe(0);
  });

  it('cancelled part-way, nothing is written', async () => {
    await fresh();
    const big = `${COMBINED_HEADER}\r\n${Array.from({ length: 30_000 }, (_, i) => `G${i},M${i},Smith,Jane,1980-02-14,1 Oak,Portland,ME,04101,,A${i},2025-01-10,2025-01-10,outpatient,self_pay,,T${i},charge,10.00,2025-01-10,,x`).join('\r\n')}`;
    let chunks = 0;
    const r = await runImport(
      t.app.store.db,
      [file('big.csv', 'combined', big)],
      { ...importHooks(t), mode: 'commit', now: t.app.nowIso(), userId: 1, source: 'test' },
      { isCancelled: () => ++chunks >= 2 },
    );
    expect(r.cancelled).toBe(true);
    expect(r.committed).toBe(false);
    expect(count('guarantors')).toBe(0);
    expect(t.app.store.db.inTransaction).toBe(false);
  });
});
