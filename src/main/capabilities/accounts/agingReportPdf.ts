// The aging report as a PDF (landscape, one row per payer class and a total) and as CSV.
import { formatLongDate } from '../../../shared/dates';
import { formatCents, formatDecimal } from '../../../shared/money';
import { PAYER_CLASS_LABELS } from '../../../shared/schemas/accounts';
import type { Hospital } from '../../../shared/schemas/hospital';
import { AGING_COLUMN_LABELS } from '../../../shared/rules/aging';
import type { AgingReport } from '../../../shared/schemas/reports';
import { csvText } from '../../platform/csv';
import { contentWidth, createPdf, FONT, footer, pdfBytes, table, type Column } from '../../pdf/layout';

const BASIS_LABEL = { service_date: 'service (discharge) date', first_statement_date: 'first-statement date' } as const;

export async function agingReportPdf(report: AgingReport, hospital: Hospital, printedBy: string): Promise<Buffer> {
  const doc = createPdf({ title: `Aging report as of ${report.asOf}`, date: report.asOf, landscape: true });
  doc.font(FONT.bold).fontSize(12).text(hospital.legalName);
  doc.moveDown(0.3);
  doc.font(FONT.bold).fontSize(16).text('Accounts receivable aging');
  doc
    .font(FONT.regular)
    .fontSize(10)
    .text(`As of ${formatLongDate(report.asOf)}, aged by ${BASIS_LABEL[report.basis]}. Open balances only.`);
  doc.moveDown(0.8);
  const n = report.columns.length;
  const labelWidth = 110;
  const countWidth = 56;
  const rest = contentWidth(doc) - labelWidth - countWidth;
  const cell = rest / (n + 1);
  const columns: Column[] = [
    { header: 'Payer class', width: labelWidth },
    { header: 'Accounts', width: countWidth, align: 'right' },
    ...report.columns.map((c) => ({ header: AGING_COLUMN_LABELS[c], width: cell, align: 'right' as const })),
    { header: 'Total', width: cell, align: 'right' },
  ];
  table(
    doc,
    columns,
    report.rows.map((r) => [
      PAYER_CLASS_LABELS[r.payerClass],
      String(r.accountCount),
      ...report.columns.map((c) => formatCents(r.buckets[c])),
      formatCents(r.totalCents),
    ]),
    {
      fontSize: 9,
      totalRow: [
        'Total',
        String(report.totals.accountCount),
        ...report.columns.map((c) => formatCents(report.totals.buckets[c])),
        formatCents(report.totals.totalCents),
      ],
    },
  );
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(`The total equals the sum of all account balances (${formatCents(report.balancesTotalCents)}).`);
  footer(doc, `Confidential · printed by ${printedBy}`);
  return pdfBytes(doc);
}

export function agingReportCsv(report: AgingReport): string {
  const header = ['payer_class', 'accounts', ...report.columns.map((c) => `bucket_${c}`), 'total'];
  const dollars = formatDecimal;
  const rows = report.rows.map((r) => [
    r.payerClass,
    r.accountCount,
    ...report.columns.map((c) => dollars(r.buckets[c])),
    dollars(r.totalCents),
  ]);
  rows.push([
    'total',
    report.totals.accountCount,
    ...report.columns.map((c) => dollars(report.totals.buckets[c])),
    dollars(report.totals.totalCents),
  ]);
  return csvText(header, rows);
}
