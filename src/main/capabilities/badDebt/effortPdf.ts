// The collection-effort evidence as a PDF (BD-06): the hospital's policy (one for every payer
// class), then Medicare against non-Medicare accounts billed in the period, figure by figure, and a
// plain sentence saying whether they were treated alike.
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import {
  contentWidth,
  createPdf,
  FONT,
  footer,
  heading,
  letterhead,
  PAGE,
  paragraph,
  pdfBytes,
  ruledBox,
  table,
} from '../../pdf/layout';
import type { EffortEvidence, EffortGroup } from './effort';

const count = (n: number) => n.toLocaleString('en-US');
const one = (n: number) => n.toFixed(1);
const pct = (n: number) => `${Math.round(n * 100)}%`;

export async function drawEffortEvidence(e: EffortEvidence): Promise<Buffer> {
  const doc = createPdf({
    title: `Medicare bad debt: collection-effort evidence ${e.periodFrom} to ${e.periodTo}`,
    date: e.printedOn,
    author: e.printedBy,
  });
  const w = contentWidth(doc);
  letterhead(doc, e.hospital);
  heading(doc, 'Collection effort: Medicare and non-Medicare accounts compared', 16);
  paragraph(
    doc,
    `Accounts billed from ${formatLongDate(e.periodFrom)} to ${formatLongDate(e.periodTo)}, from Recoup's records on ${formatLongDate(e.printedOn)}. Medicare requires the same collection effort for Medicare patients' deductible and coinsurance as for comparable amounts owed by other patients (42 CFR 413.89(e)(2); PRM-I §310; BD-06).`,
    { size: 9, muted: true },
  );

  ruledBox(
    doc,
    !e.comparable ? 'Cannot be shown from the figures' : e.alike ? 'Treated alike' : 'Not treated alike',
    e.sentence,
  );

  heading(doc, 'The policy', 12);
  for (const s of e.policy.sentences) paragraph(doc, s, { size: 9.5 });

  if (doc.y > doc.page.height - PAGE.margin - 220) doc.addPage();
  heading(doc, 'What was done, by payer class', 12);
  const rows: [string, (g: EffortGroup) => string][] = [
    ['Accounts billed in the period', (g) => count(g.accounts)],
    ['Bills sent per account (average)', (g) => one(g.statementsPerAccount)],
    ['Letters per account (average)', (g) => one(g.lettersPerAccount)],
    ['Calls per account (average)', (g) => one(g.callsPerAccount)],
    ['Share placed with a collection agency', (g) => pct(g.placedShare)],
    [
      'Median days from the first bill to a write-off or placement',
      (g) => (g.medianDaysToWriteOffOrPlacement === null ? '—' : count(g.medianDaysToWriteOffOrPlacement)),
    ],
    ['Accounts written off or placed (the median’s count)', (g) => count(g.reached)],
  ];
  table(
    doc,
    [
      { header: 'Measure', width: w * 0.56 },
      { header: 'Medicare', width: w * 0.22, align: 'right' },
      { header: 'Non-Medicare', width: w * 0.22, align: 'right' },
    ],
    rows.map(([label, f]) => [label, f(e.medicare), f(e.nonMedicare)]),
    { fontSize: 10 },
  );
  paragraph(
    doc,
    'How these are counted: an account is in the period when a bill for it was sent in the period: a Recoup statement listing it, or the first bill the billing system sent (its first statement date in the extract) when Recoup has no statement for the account that day. Bills are all of these up to the end of the period; letters and calls are those logged on the account, and those logged on the guarantor for all their accounts; placement is any placement with an agency by the end of the period; the days run from the first bill to the earlier of the first placement and the first bad-debt write-off. Medicare means Medicare fee for service; Medicare Advantage, Medicaid, commercial and self-pay accounts are the others.',
    { size: 8.5, muted: true },
  );
  doc.font(FONT.regular);
  footer(
    doc,
    `Confidential · collection-effort evidence ${formatShortDate(e.periodFrom)}–${formatShortDate(e.periodTo)} · printed by ${e.printedBy}`,
  );
  return pdfBytes(doc);
}
