// The OB financial agreement (PP-04), drawn from the facts obDocumentFacts.ts gathers, in her
// language (LANG-01, texts in shared/wording/obTexts.ts), twice in one file: the hospital's copy,
// then the patient's, each on its own pages with its own page count. It prints the hospital; the
// patient, her address and the reference with its version; the expected delivery and its kind; the
// coverage; the estimate with its arithmetic, every step; the schedule (each due date and amount,
// the last allowed date and why); the deposits received so far; what an early delivery means; the
// true-up; the EMTALA sentence, plainly; the financial-assistance notice (ECA-06) with the
// screening answer; and the signatures. Any name in any script prints (src/main/pdf/scriptText.ts).
import { wordingFor, type Wording } from '../../../shared/wording';
import { COMMON_TEXTS } from '../../../shared/wording/commonTexts';
import { DELIVERY_KIND_TEXTS, OB_AGREEMENT_TEXTS, OB_COMMON_TEXTS } from '../../../shared/wording/obTexts';
import {
  contentWidth,
  createPdf,
  FONT,
  footer,
  formatPhone,
  INK,
  letterhead,
  PAGE,
  pdfBytes,
  table,
  type Pdf,
} from '../../pdf/layout';
import type { ObCaseFacts } from './obDocumentFacts';
import { fields, titleBlock } from '../../pdf/formParts';
import {
  assistanceBox,
  emtalaBox,
  estimateTable,
  estimateTableHeight,
  para,
  scheduleTable,
  section,
  SMALL,
} from './obPdfParts';

type Common = Wording<typeof OB_COMMON_TEXTS>;
type Texts = Wording<typeof OB_AGREEMENT_TEXTS>;

/** The coverage in words: the payer and plan, or self-pay. */
export function coverageText(f: ObCaseFacts, c: Common): string {
  return f.version.coverage.kind === 'insured'
    ? c.say('insured', { payer: f.version.coverage.payerName })
    : c.say('selfPay');
}

/** The schedule's explanation: the last allowed date and why (PP-04), what it collects, or why it is empty. */
export function scheduleNotes(f: ObCaseFacts, c: Common): string[] {
  const v = f.version;
  const notes: string[] = [];
  if (v.emptyReason === 'nothing_due') notes.push(c.say('emptyNothingDue'));
  else if (v.emptyReason === 'too_near') notes.push(c.say('emptyTooNear', { lastAllowed: c.longDate(v.lastAllowed) }));
  else {
    notes.push(
      c.say('lastAllowed', {
        lastAllowed: c.longDate(v.lastAllowed),
        days: v.daysBefore,
        expected: c.longDate(v.expectedDelivery),
      }),
    );
    if (v.heldBeforeCents > 0)
      notes.push(
        c.say('heldBefore', {
          estimate: c.money(v.estimate.shareCents),
          held: c.money(v.heldBeforeCents),
          scheduled: c.money(v.scheduledCents),
        }),
      );
  }
  return notes;
}

/** What happens after the delivery: the deposits applied, the payer billed, the true-up (refund within N days or a bill). */
export function afterDeliveryText(f: ObCaseFacts, c: Common): string {
  return f.version.coverage.kind === 'insured'
    ? c.say('afterDelivery', { refundDays: f.refundDays })
    : c.say('afterDeliverySelfPay', { refundDays: f.refundDays });
}

/** Whom to ask (Settings → Obstetrics), else the hospital's phone: the same on every OB document. */
export function contactText(f: { obContact: string; hospital: { phone: string } }, c: Common): string {
  return c.say('questions', { contact: f.obContact.trim() || formatPhone(f.hospital.phone) });
}

function depositsTable(doc: Pdf, f: ObCaseFacts, c: Common): void {
  if (f.deposits.length === 0) {
    para(doc, c.say('depositsNone'));
    return;
  }
  const w = contentWidth(doc);
  table(
    doc,
    [
      { header: c.say('colReceipt'), width: w * 0.4 },
      { header: c.say('colReceivedOn'), width: w * 0.35 },
      { header: c.say('colAmount'), width: w * 0.25, align: 'right' },
    ],
    f.deposits.map((d) => [d.receiptNumber, c.longDate(d.receivedOn), c.money(d.amountCents)]),
    { totalRow: [c.say('paidToDate'), '', c.money(f.paidToDateCents)], fontSize: 9.5 },
  );
}

const SIGNATURE_SPACE = 28;

/** What she signs, kept with the signatures on one page: the statement of agreement, then both lines with dates. */
function signatures(doc: Pdf, f: ObCaseFacts, t: Texts): void {
  const w = contentWidth(doc);
  const half = (w - 24) / 2;
  const sigWidth = half * 0.68;
  const hospitalLabel = t.say('signHospital', { hospital: f.hospital.legalName });
  doc.font(FONT.regular).fontSize(9.5);
  const agreeHeight = doc.heightOfString(t.say('iAgree'), { width: w, lineGap: 1.5 });
  doc.font(FONT.regular).fontSize(SMALL);
  const labelHeight = Math.max(
    doc.heightOfString(t.say('signPatient'), { width: sigWidth }),
    doc.heightOfString(hospitalLabel, { width: sigWidth }),
  );
  if (doc.y + agreeHeight + 12 + SIGNATURE_SPACE + labelHeight + 10 > doc.page.height - PAGE.margin) doc.addPage();
  doc.moveDown(0.4);
  para(doc, t.say('iAgree'), { bold: true });
  const y = doc.y + SIGNATURE_SPACE;
  const one = (x: number, label: string) => {
    doc
      .moveTo(x, y)
      .lineTo(x + sigWidth, y)
      .moveTo(x + sigWidth + 10, y)
      .lineTo(x + half, y)
      .lineWidth(0.8)
      .strokeColor('#333333')
      .stroke();
    doc.font(FONT.regular).fontSize(SMALL).fillColor('#333333');
    doc.text(label, x, y + 3, { width: sigWidth });
    doc.text(t.say('signDate'), x + sigWidth + 10, y + 3, { width: half - sigWidth - 10 });
  };
  one(PAGE.margin, `${t.say('signPatient')}: ${f.patient.name}`);
  one(PAGE.margin + half + 24, hospitalLabel);
  doc.fillColor(INK.text);
  doc.x = PAGE.margin;
  doc.y = y + 3 + labelHeight + 8;
}

function agreementCopy(doc: Pdf, f: ObCaseFacts, copy: 'hospital' | 'patient'): void {
  const t = wordingFor(f.language, OB_AGREEMENT_TEXTS);
  const c = wordingFor(f.language, OB_COMMON_TEXTS);
  const v = f.version;
  letterhead(doc, f.hospital);
  titleBlock(
    doc,
    t.say('heading'),
    copy === 'hospital' ? t.say('hospitalCopy') : t.say('patientCopy'),
    copy === 'hospital' ? t.say('hospitalCopyNote') : t.say('patientCopyNote'),
    `${c.say('referenceVersion', { reference: f.reference, version: v.version })} · ${t.say('prepared', { date: c.longDate(f.date) })}`,
  );
  fields(doc, [
    [c.say('patient'), f.patient.name, 1.1],
    [c.say('address'), f.patient.address.join('\n'), 1.3],
    [c.say('guarantorNumber'), f.patient.number ?? '—', 0.6],
  ]);
  fields(doc, [
    [c.say('expectedDelivery'), c.longDate(v.expectedDelivery), 0.9],
    [c.say('deliveryKind'), DELIVERY_KIND_TEXTS[v.deliveryKind][f.language], 0.8],
    [c.say('coverage'), coverageText(f, c), 1.3],
  ]);
  // PP-04 / EMTALA on the first page of each copy, above the estimate: read before any figure.
  emtalaBox(doc, f.language);

  section(doc, c.say('estimateHeading'), estimateTableHeight(doc, f.language, v.estimate.steps));
  estimateTable(doc, f.language, v.estimate.steps);
  para(doc, c.say('estimateNote'), { size: SMALL, muted: true });

  section(doc, c.say('scheduleHeading'), 70);
  if (v.installments.length > 0)
    scheduleTable(
      doc,
      f.language,
      v.installments,
      v.installments.reduce((s, i) => s + i.amountCents, 0),
    );
  for (const note of scheduleNotes(f, c)) para(doc, note);
  para(doc, c.say('earlyDelivery'));

  section(doc, c.say('depositsHeading'), 50);
  depositsTable(doc, f, c);

  section(doc, c.say('afterDeliveryHeading'), 50);
  para(doc, afterDeliveryText(f, c));
  para(
    doc,
    c.say('howToPay', { hospital: f.hospital.legalName, reference: f.reference, phone: formatPhone(f.hospital.phone) }),
  );

  assistanceBox(doc, f.language, f.hospital, t.say(`screening_${f.fapScreening}`));
  para(doc, contactText(f, c), { size: SMALL });
  signatures(doc, f, t);
}

/** The agreement: the hospital's copy, then the patient's, one PDF. */
export function agreementDocument(f: ObCaseFacts): Pdf {
  const t = wordingFor(f.language, OB_AGREEMENT_TEXTS);
  const doc = createPdf({ title: t.say('documentTitle', { reference: f.reference }), date: f.date });
  const starts: number[] = [0];
  agreementCopy(doc, f, 'hospital');
  doc.addPage();
  starts.push(doc.bufferedPageRange().count - 1);
  agreementCopy(doc, f, 'patient');
  const total = doc.bufferedPageRange().count;
  const copyOf = (i: number) => (i >= starts[1]! ? 1 : 0);
  const copies = [t.say('hospitalCopy'), t.say('patientCopy')];
  const pages = wordingFor(f.language, COMMON_TEXTS);
  footer(
    doc,
    (i) => t.say('footer', { hospital: f.hospital.legalName, reference: f.reference, copy: copies[copyOf(i)]! }),
    (_page, _pages, i) => {
      const k = copyOf(i);
      const from = starts[k]!;
      const to = k === 0 ? starts[1]! : total;
      return pages.say('pageOf', { page: i - from + 1, pages: to - from });
    },
  );
  return doc;
}

export function agreementPdf(f: ObCaseFacts): Promise<Buffer> {
  return pdfBytes(agreementDocument(f));
}
