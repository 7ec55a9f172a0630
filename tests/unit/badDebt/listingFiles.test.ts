// The listing's files (BD-14): the export refuses while a problem stands; the xlsx read back shows
// the same lines and totals with numbers and dates; the CSV's columns in Exhibit 2A order, money
// as 1234.56, dates MM/DD/YYYY, formulas neutralised; each export recorded with its hash.
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveFacts } from '../../../src/main/capabilities/badDebt/rows';
import { pdfPages } from '../pdfText';
import { balance, badDebtWorld, type BadDebtWorld } from './world';

let w: BadDebtWorld;
beforeEach(async () => {
  w = await badDebtWorld();
});
afterEach(() => w.t.cleanup());

const exportInput = (format: 'csv' | 'xlsx' | 'pdf') => ({
  ccn: '123456',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  setting: 'outpatient' as const,
  format,
  preparer: '=HYPERLINK("http://x")',
});

async function writeOffB1B2() {
  const proposed = await w.t.call(
    'badDebt:propose',
    { accountIds: [w.ids.B1, w.ids.B2], ceasedOn: '2026-07-01', note: '' },
    w.clerk,
  );
  await w.t.call(
    'badDebt:decide',
    { writeOffIds: proposed.map((p) => p.id), decision: 'approve', writtenOffOn: '2026-07-15', note: '' },
    w.sup,
  );
}

describe('badDebt:exportListing', () => {
  it('the xlsx is a real workbook: read back, the same lines, numbers, dates and totals', async () => {
    await writeOffB1B2();
    const handle = await w.t.call('badDebt:exportListing', exportInput('xlsx'), w.clerk);
    expect(handle.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = await w.t.file(handle);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const rows = await readSheet(bytes);
    // The preparer typed as a formula is a text cell: no cell of the sheet is a formula.
    const sheet = strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(rows.flat()).toContain('=HYPERLINK("http://x")');
    // The header's totals are numbers, as the lines' amounts are.
    expect(rows.find((r) => r[0] === 'Total allowable bad debt (col 23)')?.[1]).toBe(790);
    const headingRow = rows.findIndex((r) => r[0] === '(1) Beneficiary last name');
    expect(headingRow).toBeGreaterThan(0);
    expect(rows[headingRow]!.map(String).slice(14, 16)).toEqual([
      '(15a) Sent to collection agency (Y/N)',
      '(15) Date returned from agency',
    ]);
    const lines = rows.slice(headingRow + 1, headingRow + 3);
    expect(lines.map((r) => [r[0], r[1], r[4], r[23]])).toEqual([
      ['Marsh', 'Eleanor', 'B1', 340],
      ['Okafor', 'Chidi', 'B2', 450],
    ]);
    const from = lines[0]![2] as unknown as Date;
    expect(from instanceof Date && from.toISOString().slice(0, 10)).toBe('2026-01-12');
    const totals = rows[headingRow + 3]!;
    expect([totals[0], totals[20], totals[21], totals[23]]).toEqual(['Totals', 540, 250, 790]);
    expect(rows.find((r) => r[0] === 'Provider')?.[1]).toBe('Saint Brigid Regional Medical Center');
    // Recorded with its hash.
    const [record] = await w.t.call('badDebt:listings', {}, w.clerk);
    expect(record).toMatchObject({ format: 'xlsx', lines: 2, totalAllowableCents: 79_000 });
    expect(record!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('the CSV: header block, the columns numbered in order, 1234.56 money, MM/DD/YYYY dates, formulas neutralised', async () => {
    await writeOffB1B2();
    const text = (await w.t.file(await w.t.call('badDebt:exportListing', exportInput('csv'), w.clerk))).toString(
      'utf8',
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    // The preparer's "formula" is text: an apostrophe first.
    expect(text).toContain(`Prepared by,"'=HYPERLINK(""http://x"")"`);
    const lines = text.split('\r\n');
    const heading = lines.findIndex((l) => l.startsWith('(1) Beneficiary last name'));
    expect(lines[heading]!.split(',').length).toBe(25);
    expect(lines[heading]).toContain(
      '(14) A/R write-off date,(15a) Sent to collection agency (Y/N),(15) Date returned from agency',
    );
    expect(lines[heading + 1]).toBe(
      'Marsh,Eleanor,01/12/2026,01/12/2026,B1,1EG4TE5MK71,,N,01/20/2026,,,340.00,02/02/2026,07/15/2026,N,,07/01/2026,07/15/2026,0.00,,240.00,100.00,0.00,340.00,',
    );
    expect(lines[heading + 3]).toBe('Totals,,,,,,,,,,,,,,,,,,0.00,,540.00,250.00,0.00,790.00,');
  });

  it('"QMB" in column 12 and "AD" in column 10 where they stand', async () => {
    const db = w.t.app.store.db;
    db.prepare("UPDATE accounts SET medicaid_number = 'MC77' WHERE id = ?").run(w.ids.B1);
    saveFacts(
      db,
      {
        accountId: w.ids.B1,
        professionalComponent: false,
        qmb: true,
        ccn: '',
        medicaidAd: true,
        medicaidAdNote: 'State notice of non-payment on file.',
        secondaryDeniedOn: null,
      },
      w.t.app.nowIso(),
      null,
    );
    await writeOffB1B2();
    const view = await w.t.call(
      'badDebt:listing',
      { ccn: '123456', periodFrom: '2026-01-01', periodTo: '2026-12-31', setting: 'outpatient' },
      w.clerk,
    );
    expect(view.header.totalDualCents).toBe(34_000);
    const text = (await w.t.file(await w.t.call('badDebt:exportListing', exportInput('csv'), w.clerk))).toString(
      'utf8',
    );
    expect(text).toContain('Marsh,Eleanor,01/12/2026,01/12/2026,B1,1EG4TE5MK71,MC77,N,01/20/2026,AD,,QMB,');
  });

  it('refuses while a problem stands, naming the line and column, and records nothing', async () => {
    await writeOffB1B2();
    // The extract later says B1's patient is dual eligible, with no Medicaid remittance (BD-10): line 1.
    w.t.app.store.db.prepare("UPDATE accounts SET medicaid_number = 'MC1' WHERE id = ?").run(w.ids.B1);
    await expect(w.t.call('badDebt:exportListing', exportInput('xlsx'), w.clerk)).rejects.toThrow(
      /has 1 problem to fix before it is exported\. Line 1, column 10: A dual-eligible line needs the Medicaid remittance date or "AD" \(BD-10\)\./,
    );
    expect(await w.t.call('badDebt:listings', {}, w.clerk)).toEqual([]);
    expect(balance(w, w.ids.B1)).toBe(6_000);
  });

  it('the PDF is the listing drawn: the lines and the total read back, recorded with its hash', async () => {
    await writeOffB1B2();
    const handle = await w.t.call('badDebt:exportListing', exportInput('pdf'), w.clerk);
    expect(handle.mimeType).toBe('application/pdf');
    const bytes = await w.t.file(handle);
    const text = (await pdfPages(bytes)).join('\n');
    expect(text).toMatch(/Marsh/);
    expect(text).toMatch(/Okafor/);
    // Column 23: 340.00 + 450.00 (worked by hand in the xlsx test above).
    expect(text).toMatch(/790\.00/);
    const records = await w.t.call('badDebt:listings', {}, w.clerk);
    expect(records.map((r) => [r.format, r.lines, r.totalAllowableCents])).toEqual([['pdf', 2, 79_000]]);
    expect(records[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('without the hospital CCN in settings the listing refuses', async () => {
    const settings = await w.t.call('settings:get', {}, w.admin);
    await w.t.call('settings:update', { badDebt: { ...settings.badDebt, ccn: '' } }, w.admin);
    await expect(
      w.t.call(
        'badDebt:listing',
        { ccn: '123456', periodFrom: '2026-01-01', periodTo: '2026-12-31', setting: 'outpatient' },
        w.clerk,
      ),
    ).rejects.toThrow(/Set the hospital's CCN in Settings, Medicare bad debt/);
  });
});
