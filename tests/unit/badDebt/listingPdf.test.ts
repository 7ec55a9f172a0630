// The Exhibit 2A listing as a PDF (BD-14, rules §1.2): a hand-made ListingView (listingFixture.ts)
// drawn and read back. Legal landscape; the header the exhibit asks for; the legend naming each
// numbered column; the numbered headings repeated on every page; "Page x of y"; the totals, summed
// by hand; "AD" and "QMB" where they stand; names in any script; and the time it takes for 20,000
// lines.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawListingPdf, listingCells } from '../../../src/main/capabilities/badDebt/listingPdf';
import { EXHIBIT_2A_COLUMNS } from '../../../src/shared/rules/badDebt';
import { pdfPages as pdfjsPages } from '../pdfText';
import { pdfPages, pdfText } from '../smallClaims/docSupport';
import { tempDir } from '../support';
import { bigListing, listingLine, listingView } from './listingPdfFixture';

function pageSize(bytes: Buffer): { width: number; height: number; pages: number } {
  const file = path.join(tempDir('recoup-listing-'), 'listing.pdf');
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { width: Number(size[1]), height: Number(size[2]), pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the Exhibit 2A listing PDF (BD-14)', () => {
  it('is Legal landscape with the header, the legend, the totals and page numbers', async () => {
    // 70 lines: 69 write-offs of $1,800.00 allowable and one prior-period recovery of $50.00 (-$50.00).
    const view = bigListing(70);
    const bytes = await drawListingPdf(view);
    const size = pageSize(bytes);
    expect(size.width).toBe(1008);
    expect(size.height).toBe(612);
    const pages = pdfPages(bytes);
    expect(pages.length).toBe(size.pages);
    expect(size.pages).toBe(3);
    const first = flat(pages[0]!);
    expect(first).toContain('Medicare bad debt listing (Exhibit 2A)');
    for (const s of [
      'Provider Saint Brigid Regional Medical Center',
      'CCN 200024',
      'Subprovider CCN 20T024',
      'Cost-reporting period 01/01/2025 – 12/31/2025',
      'Inpatient or outpatient Inpatient',
      'Prepared by Dana Whitfield, Reimbursement',
      'Date prepared 02/10/2026',
      'Lines 70 (1 recovery line)',
    ])
      expect(first).toContain(s);
    // 69 × $1,800.00 − $50.00 = $124,150.00; dual lines are i % 5 == 2 of i < 69: 14 × $1,800.00.
    expect(first).toContain('Total allowable bad debt (col. 23) $124,150.00');
    expect(first).toContain('Total dual eligible (col. 23, 14 lines) $25,200.00');
    // The legend names every column in full, 15a before 15.
    for (const [n, name] of EXHIBIT_2A_COLUMNS) expect(first).toContain(`${n} ${name}`);
    // Each page repeats the numbered headings and says which page it is of how many.
    pages.forEach((p, i) => {
      expect(flat(p)).toMatch(/1 2 3 4 5 6 7 8 9 10 11 12 13 14 15a 15 16 17 18 19 20 21 22 23 24/);
      expect(flat(p)).toContain('Last name First name Service from');
      expect(flat(p)).toContain(`Page ${i + 1} of 3`);
    });
    const last = flat(pages[2]!);
    expect(last).toContain('Totals of 70 lines');
    // Hand sums: deductible 70 × $1,680.00; coinsurance 70 × $200.00; paid prior 70 × $80.00.
    expect(last).toMatch(/\$50\.00 \$117,600\.00 \$14,000\.00 \$5,600\.00 \$124,150\.00 \$25,200\.00/);
    // The recovery line: column 18 $50.00, column 19 the FYE it relates to, column 23 minus the recovery.
    expect(last).toMatch(/\$50\.00 12\/31\/2024 \$1,680\.00 \$200\.00 \$80\.00 -\$50\.00/);
  });

  it('prints "AD" in column 10, "QMB" in column 12 and Y/N in columns 8 and 15a', async () => {
    const lines = [
      listingLine(0, { medicaidNumber: 'MCD555', medicaidRaDate: 'AD', qmb: true, indigentNonDual: false }),
      listingLine(1, { medicaidNumber: '', medicaidRaDate: null, indigentNonDual: true, sentToAgency: true }),
    ];
    const cells = lines.map(listingCells);
    expect(cells[0]![9]).toBe('AD');
    expect(cells[0]![11]).toBe('QMB');
    expect(cells[1]![7]).toBe('Y');
    expect(cells[1]![14]).toBe('Y');
    expect(cells[1]![11]).toBe('$1,880.00');
    const text = flat(pdfText(await drawListingPdf(listingView(lines))));
    expect(text).toMatch(/A100000 1EG4TE5MK73 MCD555 N 04\/01\/2025 AD QMB 04\/15\/2025/);
    expect(text).toMatch(/A100001 1EG4TE5MK73 Y 04\/01\/2025 \$1,880\.00 04\/15\/2025 10\/01\/2025 Y 09\/20\/2025/);
  });

  it('prints names in any script (Latin with accents, Arabic, Chinese, Cyrillic, Devanagari)', async () => {
    const names: [string, string][] = [
      ['Núñez-García', 'José Ángel'],
      ['عبد الله', 'محمد'],
      ['王', '小明'],
      ['Петрова', 'Ирина'],
      ['शर्मा', 'अनिल'],
    ];
    const lines = names.map(([lastName, firstName], i) => listingLine(i, { lastName, firstName }));
    const text = (await pdfjsPages(await drawListingPdf(listingView(lines)))).join(' ');
    for (const [last, first] of names.slice(0, 4)) {
      expect(text).toContain(last);
      expect(text).toContain(first);
    }
    // Devanagari reads back in the order drawn (a vowel sign before its consonant): the same letters.
    const letters = (w: string) => [...w].sort().join('');
    const words = new Set(text.split(/\s+/).map(letters));
    expect(words).toContain(letters('शर्मा'));
    expect(words).toContain(letters('अनिल'));
  });

  it('says so when no line falls in the period', async () => {
    const text = flat(pdfText(await drawListingPdf(listingView([]))));
    expect(text).toContain('No write-off or recovery falls in this period for this CCN and setting.');
    expect(text).toContain('Totals of 0 lines');
  });

  it('draws 20,000 lines, every line on a page', async () => {
    const view = listingView(
      Array.from({ length: 20_000 }, (_, i) =>
        listingLine(i, i % 50 === 0 ? {} : { lastName: 'Whitaker-Lindqvist', firstName: 'Margaret' }),
      ),
    );
    // Its time is the benchmark's (bad_debt_listing_pdf_ms), never a unit test's.
    const bytes = await drawListingPdf(view);
    const { pages } = pageSize(bytes);
    expect(pages).toBeGreaterThan(400);
    const file = path.join(tempDir('recoup-listing-'), 'big.pdf');
    writeFileSync(file, bytes);
    const end = execFileSync('pdftotext', ['-layout', '-f', String(pages - 1), '-l', String(pages), file, '-'], {
      encoding: 'utf8',
    });
    expect(end).toContain('A119999');
    expect(flat(end)).toContain('Totals of 20,000 lines');
    expect(flat(end)).toContain(`Page ${pages} of ${pages}`);
  }, 60_000);
});
