// The demand letter before a small-claims filing (issue 13; rules §3.3), drawn from its snapshot
// alone so that the recorded letter draws again byte for byte (its SHA-256 is kept). LANG-01: in the
// guarantor's language, every text from DEMAND_LETTER_TEXTS; any name in any script prints
// (scriptText.ts). ECA-06: the financial-assistance notice is set apart in a ruled box.
import { createHash } from 'node:crypto';
import type { Hospital } from '../../../shared/schemas/hospital';
import { wordingFor, type DocumentLanguage } from '../../../shared/wording';
import { COMMON_TEXTS } from '../../../shared/wording/commonTexts';
import { DEMAND_LETTER_TEXTS } from '../../../shared/wording/smallClaimsTexts';
import {
  contentWidth,
  createPdf,
  FONT,
  footer,
  formatPhone,
  heading,
  labelValue,
  letterhead,
  PAGE,
  paragraph,
  pdfBytes,
  table,
  type LayoutVersion,
  type Pdf,
  ruledBox,
} from '../../pdf/layout';
import { capturePages, type CapturedPage } from '../../pdf/pageCopy';

/** What the letter said: everything it prints, so it draws again exactly as sent. */
export interface DemandSnapshot {
  version: 1;
  layout: LayoutVersion;
  language: DocumentLanguage;
  caseId: number;
  /** The date it is dated and sent. */
  date: string;
  /** The hospital will file after this date. */
  fileAfter: string;
  hospital: Hospital;
  defendant: { name: string; address: string[] };
  accounts: {
    accountNumber: string;
    patientName: string;
    serviceFrom: string;
    serviceTo: string;
    balanceCents: number;
  }[];
  balanceCents: number;
  claimCents: number;
  waivedCents: number;
  courtName: string;
  county: string;
}

function oneLine(a: Hospital['remitTo']): string {
  return `${[a.line1, a.line2].filter(Boolean).join(', ')}, ${a.city}, ${a.state} ${a.zip}`;
}

function demandDocument(s: DemandSnapshot): Pdf {
  const t = wordingFor(s.language, DEMAND_LETTER_TEXTS);
  const h = s.hospital;
  const doc = createPdf({ title: t.say('documentTitle'), date: s.date, layout: s.layout, uncompressed: true });
  letterhead(doc, h);
  doc.moveDown(0.5);
  paragraph(doc, t.longDate(s.date));
  paragraph(doc, [s.defendant.name, ...s.defendant.address].join('\n'));
  heading(doc, t.say('heading'), 14);
  paragraph(doc, t.say('dear', { name: s.defendant.name }));
  paragraph(doc, t.say('owe', { balance: t.money(s.balanceCents) }));

  const w = contentWidth(doc);
  table(
    doc,
    [
      { header: t.say('account'), width: w * 0.18 },
      { header: t.say('patient'), width: w * 0.3 },
      { header: t.say('serviceDates'), width: w * 0.32 },
      { header: t.say('balance'), width: w * 0.2, align: 'right' },
    ],
    s.accounts.map((a) => [
      a.accountNumber,
      a.patientName,
      t.serviceDates(a.serviceFrom, a.serviceTo),
      t.money(a.balanceCents),
    ]),
    { totalRow: [t.say('total'), '', '', t.money(s.balanceCents)] },
  );

  doc
    .font(FONT.bold)
    .fontSize(10)
    .text(
      t.say('intent', {
        hospital: h.legalName,
        claim: t.money(s.claimCents),
        court: s.courtName,
        county: s.county,
        date: t.longDate(s.fileAfter),
      }),
      PAGE.margin,
      doc.y,
      { width: w, lineGap: 2 },
    );
  doc.font(FONT.regular).moveDown(0.6);
  if (s.waivedCents > 0) paragraph(doc, t.say('waived', { waived: t.money(s.waivedCents) }));
  labelValue(doc, t.say('fileAfterLabel'), t.longDate(s.fileAfter), 190);
  doc.moveDown(0.6);

  // ECA-06: conspicuous — a ruled box with its own heading.
  ruledBox(
    doc,
    t.say('assistanceHeading'),
    t.say('assistance', { phone: formatPhone(h.financialAssistancePhone), url: h.financialAssistanceUrl }),
  );

  paragraph(
    doc,
    t.say('howToPay', { hospital: h.legalName, address: oneLine(h.remitTo), phone: formatPhone(h.phone) }),
  );
  paragraph(doc, t.say('questions', { phone: formatPhone(h.phone), date: t.longDate(s.fileAfter) }));
  doc.moveDown(0.4);
  paragraph(doc, t.say('closing'));
  paragraph(doc, t.say('signature', { hospital: h.legalName }));

  const common = wordingFor(s.language, COMMON_TEXTS);
  footer(doc, t.say('footer', { hospital: h.legalName }), (page, pages) => common.say('pageOf', { page, pages }));
  return doc;
}

export interface RenderedDemand {
  bytes: Buffer;
  sha256: string;
  pages: CapturedPage[];
}

/** Draws the letter: its bytes (kept, and hashed) and its pages (for the court packet). */
export async function renderDemand(s: DemandSnapshot): Promise<RenderedDemand> {
  const doc = demandDocument(s);
  const pages = capturePages(doc);
  const bytes = await pdfBytes(doc);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pages };
}
