// The listing's files (BD-14): CSV through the one CSV writer (formulas neutralised, UTF-8 with a
// BOM) and a real .xlsx workbook (write-excel-file): the Exhibit 2A header block, then the 24
// columns in order with their numbers, then the totals. Money: 1234.56 in the CSV, numbers with a
// #,##0.00 format in the workbook; dates MM/DD/YYYY as the CMS templates write them; "AD" in
// column 10 and "QMB" in column 12 where they stand.
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { EXHIBIT_2A_COLUMNS, type ListingLine } from '../../../shared/rules/badDebt';
import { formatDecimal } from '../../../shared/money';
import type { ListingView } from '../../../shared/schemas/badDebt';
import { csvText, type CsvCell } from '../../platform/csv';

/** 2026-06-30 -> 06/30/2026. */
export function cmsDate(d: string | null): string {
  return d === null ? '' : `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;
}

const yn = (b: boolean) => (b ? 'Y' : 'N');

/** The header block, label and value, as both files print it. */
export function headerBlock(view: ListingView): [string, string][] {
  const h = view.header;
  return [
    ['Medicare bad-debt listing', 'CMS-2552-10 Exhibit 2A'],
    ['Provider', h.providerName],
    ['CCN', h.ccn],
    ['Subprovider CCN', h.subproviderCcn],
    ['Cost-reporting period', `${cmsDate(h.periodFrom)} to ${cmsDate(h.periodTo)}`],
    ['Setting', h.setting === 'inpatient' ? 'IP (inpatient)' : 'OP (outpatient)'],
    ['Prepared by', h.preparer],
    ['Date prepared', cmsDate(h.preparedOn)],
    ['Total allowable bad debt (col 23)', formatDecimal(h.totalAllowableCents)],
    ['Total dual-eligible (col 23, lines with col 7)', formatDecimal(h.totalDualCents)],
  ];
}

type Kind = 'text' | 'date' | 'money';
/** The 24 columns in Exhibit 2A order: how each is read from a line and what kind of cell it is. */
const COLUMNS: { kind: Kind; value: (l: ListingLine) => string | number | null; width: number }[] = [
  { kind: 'text', value: (l) => l.lastName, width: 18 },
  { kind: 'text', value: (l) => l.firstName, width: 16 },
  { kind: 'date', value: (l) => l.serviceFrom, width: 11 },
  { kind: 'date', value: (l) => l.serviceTo, width: 11 },
  { kind: 'text', value: (l) => l.accountNumber, width: 14 },
  { kind: 'text', value: (l) => l.mbi, width: 14 },
  { kind: 'text', value: (l) => l.medicaidNumber, width: 14 },
  { kind: 'text', value: (l) => yn(l.indigentNonDual), width: 9 },
  { kind: 'date', value: (l) => l.medicareRaDate, width: 11 },
  { kind: 'date', value: (l) => l.medicaidRaDate, width: 11 },
  { kind: 'date', value: (l) => l.secondaryRaDate, width: 11 },
  { kind: 'money', value: (l) => (l.qmb ? 'QMB' : l.beneficiaryResponsibilityCents), width: 13 },
  { kind: 'date', value: (l) => l.firstBillDate, width: 11 },
  { kind: 'date', value: (l) => l.arWriteOffDate, width: 11 },
  { kind: 'text', value: (l) => yn(l.sentToAgency), width: 9 },
  { kind: 'date', value: (l) => l.agencyReturnDate, width: 11 },
  { kind: 'date', value: (l) => l.ceasedOn, width: 11 },
  { kind: 'date', value: (l) => l.medicareWriteOffDate, width: 11 },
  { kind: 'money', value: (l) => l.recoveriesCents, width: 12 },
  { kind: 'date', value: (l) => l.recoveryFye, width: 11 },
  { kind: 'money', value: (l) => l.deductibleCents, width: 12 },
  { kind: 'money', value: (l) => l.coinsuranceCents, width: 12 },
  { kind: 'money', value: (l) => l.paidPriorCents, width: 12 },
  { kind: 'money', value: (l) => l.allowableCents, width: 14 },
  { kind: 'text', value: (l) => l.comments, width: 36 },
];

/** Column headings with their Exhibit 2A numbers: "(15a) Sent to collection agency (Y/N)". */
export const COLUMN_HEADINGS = EXHIBIT_2A_COLUMNS.map(([n, label]) => `(${n}) ${label}`);

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function csvCell(kind: Kind, v: string | number | null): CsvCell {
  if (v === null) return '';
  if (kind === 'money' && typeof v === 'number') return formatDecimal(v);
  if (kind === 'date' && isDate(v)) return cmsDate(v);
  return v;
}

/** The totals row: columns 18 and 20-23 summed. */
function totalsOf(view: ListingView) {
  const sum = (f: (l: ListingLine) => number) => view.lines.reduce((t, l) => t + f(l), 0);
  return {
    recoveries: sum((l) => l.recoveriesCents),
    deductible: sum((l) => l.deductibleCents),
    coinsurance: sum((l) => l.coinsuranceCents),
    paidPrior: sum((l) => l.paidPriorCents),
    allowable: view.header.totalAllowableCents,
  };
}

export function listingCsv(view: ListingView): Buffer {
  const head = csvText(['', ''], headerBlock(view), { header: false });
  const t = totalsOf(view);
  const totals: CsvCell[] = Array<CsvCell>(COLUMNS.length).fill('');
  totals[0] = 'Totals';
  totals[18] = formatDecimal(t.recoveries);
  totals[20] = formatDecimal(t.deductible);
  totals[21] = formatDecimal(t.coinsurance);
  totals[22] = formatDecimal(t.paidPrior);
  totals[23] = formatDecimal(t.allowable);
  const body = csvText(COLUMN_HEADINGS, [
    ...view.lines.map((l) => COLUMNS.map((c) => csvCell(c.kind, c.value(l)))),
    totals,
  ]);
  // One byte-order mark, at the start; a blank line between the header block and the table.
  return Buffer.from(`${head}\r\n${body.replace(/^\uFEFF/, '')}`, 'utf8');
}

const MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'mm/dd/yyyy';

function xlsxDate(d: string): Date {
  return new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));
}

function xlsxCell(kind: Kind, v: string | number | null): Row[number] {
  if (v === null || v === '') return null;
  if (kind === 'money' && typeof v === 'number') return { type: Number, value: v / 100, format: MONEY_FORMAT };
  if (kind === 'date' && isDate(v)) return { type: Date, value: xlsxDate(v), format: DATE_FORMAT };
  // Plain text needs no style of its own (and 20,000 lines of style objects cost time); "AD" and
  // "QMB" sit right, where the dates and amounts of their columns are.
  return kind === 'text' ? String(v) : { type: String, value: String(v), align: 'right' };
}

export async function listingXlsx(view: ListingView): Promise<Buffer> {
  const block = headerBlock(view);
  // The two totals are numbers in the workbook (the last two rows of the block), as the lines' are.
  const headerTotals = [view.header.totalAllowableCents, view.header.totalDualCents];
  const rows: Row[] = block.map(([label, value], i) => [
    { type: String, value: label, fontWeight: 'bold', ...(i === 0 ? { fontSize: 14 } : {}) },
    i >= block.length - 2
      ? { type: Number, value: headerTotals[i - (block.length - 2)]! / 100, format: MONEY_FORMAT }
      : { type: String, value },
  ]);
  rows.push([]);
  rows.push(
    COLUMN_HEADINGS.map((h) => ({
      type: String,
      value: h,
      fontWeight: 'bold' as const,
      wrap: true,
      alignVertical: 'top' as const,
    })),
  );
  for (const l of view.lines) rows.push(COLUMNS.map((c) => xlsxCell(c.kind, c.value(l))));
  const t = totalsOf(view);
  const money = (cents: number) => ({
    type: Number,
    value: cents / 100,
    format: MONEY_FORMAT,
    fontWeight: 'bold' as const,
  });
  const totals: Row = Array<Row[number]>(COLUMNS.length).fill(null);
  totals[0] = { type: String, value: 'Totals', fontWeight: 'bold' };
  totals[18] = money(t.recoveries);
  totals[20] = money(t.deductible);
  totals[21] = money(t.coinsurance);
  totals[22] = money(t.paidPrior);
  totals[23] = money(t.allowable);
  rows.push(totals);
  return writeXlsxFile(rows, {
    sheet: 'Exhibit 2A',
    orientation: 'landscape',
    columns: COLUMNS.map((c) => ({ width: c.width })),
  }).toBuffer();
}
