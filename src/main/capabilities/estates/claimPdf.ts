// The statement of claim against a deceased guarantor's estate (rules §4), drawn from its snapshot
// alone so the recorded statement draws again byte for byte (its SHA-256 is kept, documents.ts).
// PR-03 contents: the basis, the claimant's name and address, the amount, the due date ("due and
// payable": the care was given and billed before the death), the nature of any contingency and
// any security ("none" said plainly), with the case caption ("In the Estate of NAME, Deceased");
// optionally the sworn wording (amount justly due, payments credited, no offsets). Then the
// claim's class per account (PR-04: the last illness's care flagged) and the itemised statement
// of each account from the ledger (every entry with the running balance, reconciled to it). In
// English: it is a court paper. Any name in any script prints (scriptText.ts).
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { FILED_WITH_LABELS, type FiledWith } from '../../../shared/rules/estates';
import type { Hospital } from '../../../shared/schemas/hospital';
import { fill } from '../../../shared/wording';
import { SWORN_CLAIM_TEXT } from '../../../shared/wording/estatesTexts';
import {
  contentWidth,
  createPdf,
  FONT,
  footer,
  heading,
  INK,
  labelValue,
  PAGE,
  paragraph,
  table,
  type LayoutVersion,
  type Pdf,
  itemisedTables,
} from '../../pdf/layout';
import {
  classText,
  drawCaption,
  estateTitle,
  hospitalAddress,
  isTheDecedent,
  rendered,
  stateName,
  type EstateCaption,
  type RenderedPdf,
} from './paper';

export interface ClaimAccount {
  accountNumber: string;
  patientName: string;
  serviceFrom: string;
  serviceTo: string;
  lastIllness: boolean;
  /** PR-04: the account's class in the estate's order of payment. */
  priority: { classNumber: number; label: string };
  claimCents: number;
  /** Every ledger entry, with the balance after it (the last balance is the claim). */
  lines: { date: string; description: string; amountCents: number; balanceCents: number }[];
}

/** What the statement said: everything it prints, so it draws again exactly as filed. */
export interface ClaimSnapshot {
  kind: 'statement_of_claim';
  version: 1;
  layout: LayoutVersion;
  language: 'en';
  estateId: number;
  /** The day the claim is presented (its date). */
  date: string;
  hospital: Hospital;
  caption: EstateCaption;
  filedWith: FiledWith;
  prName: string;
  sworn: boolean;
  /** PR-03: the nature of the uncertainty, or '' (none). */
  contingency: string;
  /** PR-03: the security, or '' (unsecured). */
  security: string;
  claimCents: number;
  accounts: ClaimAccount[];
  /** The entries of every account by kind (charges, insurance, adjustments, payments ...). */
  summary: { label: string; cents: number }[];
  /** The statute the probate table names for the state's order of payment. */
  prioritySource: string;
  preparedBy: string;
}

const money = formatCents;
const short = formatShortDate;
const long = formatLongDate;

function serviceDates(from: string, to: string): string {
  return from === to ? short(from) : `${short(from)}–${short(to)}`;
}

function subheading(doc: Pdf, text: string) {
  if (doc.y > doc.page.height - PAGE.margin - 120) doc.addPage();
  doc.moveDown(0.4);
  heading(doc, text, 12);
}

/**
 * PR-03's basis, from the accounts: care given to the decedent, to others for whose care the
 * decedent was responsible as guarantor (named), or to both.
 */
function basisOf(s: ClaimSnapshot): string {
  const decedent = s.accounts.some((a) => isTheDecedent(a.patientName, s.caption.decedent));
  const others = [
    ...new Set(s.accounts.map((a) => a.patientName).filter((n) => !isTheDecedent(n, s.caption.decedent))),
  ];
  const dates = s.accounts.map((a) => `${a.accountNumber} (${serviceDates(a.serviceFrom, a.serviceTo)})`).join('; ');
  const guaranteed =
    others.length === 1
      ? `a patient for whose care the decedent was responsible as guarantor (${others[0]})`
      : `patients for whose care the decedent was responsible as guarantor (${others.join(', ')})`;
  const whom =
    others.length === 0 ? 'to the decedent' : decedent ? `to the decedent, and to ${guaranteed},` : `to ${guaranteed},`;
  return `Hospital services rendered ${whom} before the death, on the hospital's accounts ${dates}.`;
}

function presented(s: ClaimSnapshot): string {
  return s.filedWith === 'clerk'
    ? `${FILED_WITH_LABELS.clerk} on ${long(s.date)}.`
    : `${FILED_WITH_LABELS.personal_representative}${s.prName ? `, ${s.prName},` : ''} on ${long(s.date)}.`;
}

function drawClaim(doc: Pdf, s: ClaimSnapshot) {
  const h = s.hospital;
  const w = contentWidth(doc);
  drawCaption(doc, s.caption, s.sworn ? 'Sworn statement of claim' : 'Statement of claim');
  paragraph(
    doc,
    `${h.legalName}, the claimant, presents this claim against the estate of ${s.caption.decedent}, who died on ${long(s.caption.dateOfDeath)}.`,
  );
  const lw = 150;
  labelValue(doc, 'Claimant', `${h.legalName}\n${hospitalAddress(h.address)}`, lw);
  labelValue(doc, 'Basis of the claim', basisOf(s), lw);
  labelValue(doc, 'Amount of the claim', money(s.claimCents), lw);
  labelValue(doc, 'Due date', 'Due and payable: the services were rendered and billed before the death.', lw);
  labelValue(
    doc,
    'Contingent or unliquidated',
    s.contingency ? s.contingency : 'None: the claim is for a fixed amount, neither contingent nor unliquidated.',
    lw,
  );
  labelValue(doc, 'Security', s.security ? s.security : 'None: the claim is unsecured.', lw);
  labelValue(doc, 'Presented', presented(s), lw);

  subheading(doc, 'Class of the claim in the order of payment');
  const lastIllness = s.accounts.find((a) => a.lastIllness);
  paragraph(
    doc,
    `If the estate cannot pay every claim, claims are paid by class (${s.prioritySource}).${
      lastIllness
        ? ` The reasonable and necessary medical and hospital expenses of the decedent's last illness are class ${lastIllness.priority.classNumber}: the accounts whose class says "last illness" below are that care.`
        : ''
    }`,
    { size: 9.5 },
  );
  table(
    doc,
    [
      { header: 'Account', width: w * 0.14 },
      { header: 'Patient', width: w * 0.19 },
      { header: 'Dates of service', width: w * 0.16 },
      { header: 'Class', width: w * 0.37 },
      { header: 'Claimed', width: w * 0.14, align: 'right' },
    ],
    s.accounts.map((a) => [
      a.accountNumber,
      a.patientName,
      serviceDates(a.serviceFrom, a.serviceTo),
      classText(a.priority, a.lastIllness),
      money(a.claimCents),
    ]),
    { totalRow: ['Total claimed', '', '', '', money(s.claimCents)] },
  );

  drawSignature(doc, s);

  doc.addPage();
  heading(doc, 'Itemised statement of account');
  paragraph(
    doc,
    `Every entry on the ${s.accounts.length === 1 ? 'account' : 'accounts'} in the hospital's ledger, in date order, with the balance after each. Charges raise the balance; payments, insurance and adjustments are credits. The balance of each account is the amount claimed for it.`,
    { muted: true },
  );
  itemisedTables(
    doc,
    s.accounts.map((a) => ({ ...a, totalCents: a.claimCents })),
    {
      rows: s.summary.map((l) => [l.label, l.cents]),
      totalLabel: 'Balance claimed, all accounts',
      totalCents: s.claimCents,
    },
    { accountTotal: 'Balance claimed' },
    (a) => {
      if (doc.y > doc.page.height - PAGE.margin - 110) doc.addPage();
      heading(
        doc,
        `Account ${a.accountNumber}: ${a.patientName}, services ${serviceDates(a.serviceFrom, a.serviceTo)}`,
        11,
      );
      doc
        .font(FONT.regular)
        .fontSize(9)
        .fillColor(INK.muted)
        .text(`${classText(a.priority, a.lastIllness)}.`, PAGE.margin, doc.y - 2, { width: w });
      doc.fillColor(INK.text).moveDown(0.4);
    },
  );
}

const PLAIN_STATEMENT =
  'The claimant states that the amount claimed is owed for the services listed, after every payment and credit shown in the itemised statement of account.';

function oathOf(s: ClaimSnapshot): string {
  return fill(SWORN_CLAIM_TEXT.oath, {
    hospital: s.hospital.legalName,
    amount: money(s.claimCents),
    decedent: s.caption.decedent,
  });
}

/**
 * The height the signature block takes (the statement or the affidavit, the signature lines, the
 * notary's, the preparer's line), measured, so the block is kept on one page with its wording.
 */
function signatureHeight(doc: Pdf, s: ClaimSnapshot, w: number): number {
  doc.font(FONT.regular).fontSize(10);
  const para = (text: string) => doc.heightOfString(text, { width: w, lineGap: 2 }) + doc.currentLineHeight(true) * 0.6;
  const lines = 2 * 40 + 6 + 18;
  const sworn = s.sworn
    ? 32 + para(oathOf(s)) + para(fill(SWORN_CLAIM_TEXT.jurat, { state: stateName(s.caption.state) })) + 46 + 12
    : 0;
  return (s.sworn ? 0 : para(PLAIN_STATEMENT)) + sworn + lines + 18;
}

/** The claimant's signature; with the sworn wording, the affidavit and the notary's jurat. */
function drawSignature(doc: Pdf, s: ClaimSnapshot) {
  const h = s.hospital;
  const w = contentWidth(doc);
  if (doc.y + 12 + signatureHeight(doc, s, w) > doc.page.height - PAGE.margin - 20) doc.addPage();
  else doc.moveDown(0.8);
  const line = (label: string, x: number, width: number) => {
    const y = doc.y + 26;
    doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.6)
      .strokeColor(INK.text)
      .stroke();
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(INK.muted)
      .text(label, x, y + 3, { width });
    doc.fillColor(INK.text);
  };
  if (s.sworn) {
    heading(doc, SWORN_CLAIM_TEXT.heading, 12);
    paragraph(doc, oathOf(s));
  } else {
    paragraph(doc, PLAIN_STATEMENT);
  }
  const top = doc.y;
  line('Signature (for the claimant)', PAGE.margin, w * 0.45);
  doc.y = top;
  line('Date', PAGE.margin + w * 0.55, w * 0.45);
  const second = doc.y + 6;
  doc.y = second;
  line('Name and title', PAGE.margin, w * 0.45);
  doc.y = second;
  line(`For ${h.legalName}`, PAGE.margin + w * 0.55, w * 0.45);
  doc.moveDown(1.4);
  if (s.sworn) {
    paragraph(doc, fill(SWORN_CLAIM_TEXT.jurat, { state: stateName(s.caption.state) }));
    const row = doc.y - 10;
    doc.y = row;
    line('Notary public', PAGE.margin, w * 0.45);
    doc.y = row;
    line('My commission expires', PAGE.margin + w * 0.55, w * 0.45);
    doc.moveDown(0.8);
  }
  paragraph(doc, `Prepared by ${s.preparedBy}, Patient Accounts, ${h.legalName}, on ${long(s.date)}.`, {
    size: 8.5,
    muted: true,
  });
}

function claimDocument(s: ClaimSnapshot): Pdf {
  const doc = createPdf({
    title: `Statement of claim: ${estateTitle(s.caption.decedent)}`,
    date: s.date,
    layout: s.layout,
    uncompressed: true,
  });
  drawClaim(doc, s);
  footer(doc, `${estateTitle(s.caption.decedent)} · Statement of claim of ${s.hospital.legalName}`);
  return doc;
}

export function renderClaim(s: ClaimSnapshot): Promise<RenderedPdf> {
  return rendered(claimDocument(s));
}
