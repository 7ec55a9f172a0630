// The agency scorecard as a landscape PDF (agencies side by side, best net-back per dollar placed
// first; then each agency by month of placement; then what was collected in each month since
// placement) and as CSV (one line per agency and month, and one per agency's total).
import { formatLongDate } from '../../../shared/dates';
import { formatCents, formatDecimal } from '../../../shared/money';
import { PLACEMENT_KIND_LABELS, type ScorecardRow, type ScorecardView } from '../../../shared/schemas/agencies';
import type { Hospital } from '../../../shared/schemas/hospital';
import { csvBytes } from '../../platform/csv';
import { contentWidth, createPdf, FONT, footer, INK, PAGE, pdfBytes, table, type Pdf } from '../../pdf/layout';
import { MONTH_BUCKETS } from './scorecard';

/** '2026-03' -> 'March 2026'. */
export function monthName(month: string): string {
  return formatLongDate(`${month}-01`).replace(/ 1, /, ' ');
}

/** Basis points as a percentage: 1234 -> '12.34%'. */
export function percent(bp: number): string {
  return `${(bp / 100).toFixed(2)}%`;
}

/** Net-back per dollar placed, in cents of a dollar: 1875 bp -> '18.75¢'. */
export function perDollar(bp: number): string {
  return `${(bp / 100).toFixed(2)}¢`;
}

function days(d: number | null): string {
  return d === null ? '—' : Number.isInteger(d) ? String(d) : d.toFixed(1);
}

function subheading(doc: Pdf, title: string, note: string): void {
  if (doc.y > doc.page.height - PAGE.margin - 110) doc.addPage();
  doc.moveDown(0.8);
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(INK.text)
    .text(title, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK.muted)
    .text(note, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.fillColor(INK.text);
  doc.moveDown(0.3);
}

function figures(r: ScorecardRow): string[] {
  return [
    r.placedCount.toLocaleString('en-US'),
    formatCents(r.placedCents),
    formatCents(r.collectedCents),
    formatCents(r.feeCents),
    formatCents(r.netBackCents),
    percent(r.recoveryBp),
    perDollar(r.netBackBp),
    days(r.medianDaysToFirstPayment),
    r.recalled.toLocaleString('en-US'),
    r.complaints.toLocaleString('en-US'),
  ];
}
/** The figures' headings and their shares of the width left after the first columns. */
const FIGURE_HEADERS: [string, number][] = [
  ['Accounts', 7],
  ['Placed', 10],
  ['Collected', 10],
  ['Fees', 9],
  ['Net-back', 10],
  ['Recovery', 7],
  ['Net-back per $ placed', 8],
  ['Median days to 1st payment', 8],
  ['Recalls', 6],
  ['Complaints', 8],
];
const FIGURE_SHARES = FIGURE_HEADERS.reduce((sum, [, share]) => sum + share, 0);
function figureColumns(width: number) {
  return FIGURE_HEADERS.map(([header, share]) => ({
    header,
    width: (width * share) / FIGURE_SHARES,
    align: 'right' as const,
  }));
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** '2026-03' -> 'Mar 2026'. */
export function shortMonth(month: string): string {
  return `${SHORT_MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;
}

export async function scorecardPdf(s: ScorecardView, hospital: Hospital, printedOn: string, printedBy: string) {
  const period = `${monthName(s.fromMonth)} to ${monthName(s.toMonth)}`;
  const kind = PLACEMENT_KIND_LABELS[s.kind];
  const doc = createPdf({
    title: `Agency scorecard ${s.kind} ${s.fromMonth} to ${s.toMonth}`,
    date: printedOn,
    landscape: true,
  });
  const w = contentWidth(doc);
  doc.font(FONT.bold).fontSize(12).text(hospital.legalName);
  doc.moveDown(0.2);
  doc.font(FONT.bold).fontSize(16).text(`Agency scorecard: ${kind.toLowerCase()} placements`);
  const best = s.totals[0];
  doc
    .font(FONT.regular)
    .fontSize(10)
    .text(
      `Accounts placed from ${period}, and all collected on them to ${formatLongDate(printedOn)}: the agency's remittances and the payments made to the hospital while placed. ` +
        (best
          ? `${best.agencyName} brings the hospital the most per dollar placed: ${perDollar(best.netBackBp)} after its fees.`
          : 'No account of this kind was placed in these months.'),
      { width: w },
    );

  subheading(doc, 'Agencies side by side', 'Best net-back per dollar placed first.');
  table(
    doc,
    [{ header: 'Agency', width: w * 0.17 }, ...figureColumns(w * 0.83)],
    s.totals.map((r) => [r.agencyName, ...figures(r)]),
    { fontSize: 8 },
  );

  if (s.rows.length > 0) {
    subheading(doc, 'By month of placement', 'Each agency in the order above, month by month.');
    table(
      doc,
      [{ header: 'Agency', width: w * 0.13 }, { header: 'Placed in', width: w * 0.07 }, ...figureColumns(w * 0.8)],
      s.rows.map((r) => [r.agencyName, shortMonth(r.placementMonth ?? s.fromMonth), ...figures(r)]),
      { fontSize: 8 },
    );

    subheading(
      doc,
      'Collected by months since placement',
      'Month 0 runs from the day placed to the day before the same day of the next month; 12+ is month 12 and later.',
    );
    const bucketWidth = (w * (1 - 0.21)) / MONTH_BUCKETS;
    const buckets = (r: ScorecardRow) => r.collectedByMonth.map((c) => (c === 0 ? '—' : formatCents(c)));
    table(
      doc,
      [
        { header: 'Agency', width: w * 0.15 },
        { header: 'Placed in', width: w * 0.06 },
        ...Array.from({ length: MONTH_BUCKETS }, (_, i) => ({
          header: i === MONTH_BUCKETS - 1 ? '12+' : String(i),
          width: bucketWidth,
          align: 'right' as const,
        })),
      ],
      [
        ...s.totals.map((r) => [r.agencyName, 'All', ...buckets(r)]),
        ...s.rows.map((r) => [r.agencyName, shortMonth(r.placementMonth ?? s.fromMonth), ...buckets(r)]),
      ],
      { fontSize: 6.5 },
    );
  }
  footer(doc, `Confidential · agency scorecard, ${kind.toLowerCase()}, ${period} · printed by ${printedBy}`);
  return pdfBytes(doc);
}

export function scorecardCsv(s: ScorecardView): Buffer {
  const row = (r: ScorecardRow) => [
    r.agencyName,
    r.placementMonth ?? 'all',
    s.kind,
    r.placedCount,
    formatDecimal(r.placedCents),
    formatDecimal(r.collectedCents),
    formatDecimal(r.feeCents),
    formatDecimal(r.netBackCents),
    (r.recoveryBp / 100).toFixed(2),
    (r.netBackBp / 10_000).toFixed(4),
    ...r.collectedByMonth.map(formatDecimal),
    r.medianDaysToFirstPayment ?? '',
    r.recalled,
    r.complaints,
  ];
  return csvBytes(
    [
      'agency',
      'placement_month',
      'kind',
      'accounts_placed',
      'placed',
      'collected',
      'fees',
      'net_back',
      'recovery_percent',
      'net_back_per_dollar_placed',
      ...Array.from({ length: MONTH_BUCKETS }, (_, i) =>
        i === MONTH_BUCKETS - 1 ? 'collected_month_12_plus' : `collected_month_${i}`,
      ),
      'median_days_to_first_payment',
      'recalls',
      'complaints',
    ],
    [...s.totals.map(row), ...s.rows.map(row)],
  );
}
