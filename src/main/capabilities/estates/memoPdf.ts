// The referral memo to the hospital's legal department (issue 14, item 3), drawn from its snapshot
// alone so the recorded memo draws again byte for byte (documents.ts keeps its SHA-256): the facts
// of the death and the estate, the claim deadline with the dates weighed and the rule that produced
// it (PR-01/PR-02), each account's balance, class in the order of payment (PR-04) and whether it is
// the last illness's care, the total, the 501(r) state (the day the clock allows the claim, and
// whether a supervisor's release is needed because the deadline comes first, ECA-04), and the
// clerk's note. In English: it is an internal paper. Any name in any script prints.
import { daysBetween, formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { DeadlineLine } from '../../../shared/rules/estates';
import type { Hospital } from '../../../shared/schemas/hospital';
import {
  contentWidth,
  createPdf,
  FONT,
  footer,
  heading,
  INK,
  labelValue,
  letterhead,
  PAGE,
  paragraph,
  rule,
  table,
  type LayoutVersion,
  type Pdf,
} from '../../pdf/layout';
import { classText, estateTitle, rendered, stateName, type EstateCaption, type RenderedPdf } from './paper';

export interface MemoAccount {
  accountNumber: string;
  patientName: string;
  serviceFrom: string;
  serviceTo: string;
  payerClass: string;
  balanceCents: number;
  lastIllness: boolean;
  priority: { classNumber: number; label: string };
  /** The 501(r) gate for a claim on the account on the memo's date. */
  eca: { allowed: boolean; allowedFrom: string | null; released: boolean; reasons: string[] };
}

/** What the memo said. */
export interface MemoSnapshot {
  kind: 'referral_memo';
  version: 1;
  layout: LayoutVersion;
  language: 'en';
  estateId: number;
  date: string;
  hospital: Hospital;
  preparedBy: string;
  caption: EstateCaption;
  death: { source: string; note: string; recordedOn: string };
  status: string;
  estate: {
    prName: string;
    prAddress: string;
    attorneyName: string;
    attorneyAddress: string;
    firstPublishedOn: string | null;
    mailedNoticeOn: string | null;
  };
  deadline: {
    date: string;
    explanation: string;
    lines: DeadlineLine[];
    /** The probate table's row: where its figures come from, and what of them is unconfirmed ("Unconfirmed: …", or ''). */
    source: string;
    note: string;
  };
  accounts: MemoAccount[];
  /** What the accounts owe, from the ledger (the estate's figure). */
  totalCents: number;
  eca: { allowedFrom: string | null; releaseNeeded: boolean; released: boolean };
  note: string;
}

const money = formatCents;
const long = formatLongDate;
const short = formatShortDate;

function dates(from: string, to: string): string {
  return from === to ? short(from) : `${short(from)}–${short(to)}`;
}

function orNot(value: string, none = 'Not known yet'): string {
  return value.trim() === '' ? none : value;
}

function ecaSentence(s: MemoSnapshot): string {
  const e = s.eca;
  if (e.released)
    return 'A supervisor has released the claim to go before the 501(r) clock allows it (ECA-04); the release is recorded with its reason.';
  if (e.allowedFrom === null)
    return `The 501(r) clock cannot yet say when a claim is allowed on every account (a notice, a hold or an application stands; see the accounts). The claim deadline is ${long(s.deadline.date)}: a supervisor’s release is needed to file before then (ECA-04).`;
  if (e.releaseNeeded)
    return `The 501(r) clock allows a claim on every account from ${long(e.allowedFrom)}, after the claim deadline of ${long(s.deadline.date)}: legal should decide whether a supervisor releases the claim to be filed first (ECA-04).`;
  return `The 501(r) clock allows a claim on every account from ${long(e.allowedFrom)}, before the claim deadline of ${long(s.deadline.date)}: no release is needed.`;
}

function drawMemo(doc: Pdf, s: MemoSnapshot) {
  const w = contentWidth(doc);
  heading(doc, 'Referral to the legal department', 16);
  const lw = 110;
  labelValue(doc, 'To', 'Legal department', lw);
  labelValue(doc, 'From', `${s.preparedBy}, Patient Accounts`, lw);
  labelValue(doc, 'Date', long(s.date), lw);
  labelValue(doc, 'Re', `Claim against the estate: ${estateTitle(s.caption.decedent)}`, lw);
  rule(doc, 4, 10);

  const left = daysBetween(s.date, s.deadline.date);
  doc
    .font(FONT.bold)
    .fontSize(11)
    .text(
      `Present the claim by ${long(s.deadline.date)}${left >= 0 ? ` (${left === 1 ? '1 day' : `${left} days`} from this memo)` : ' (the deadline has passed)'}. The accounts owe ${money(s.totalCents)}.`,
      PAGE.margin,
      doc.y,
      { width: w, lineGap: 2 },
    );
  doc.font(FONT.regular).moveDown(0.8);

  heading(doc, 'The death and the estate', 12);
  const fw = 170;
  labelValue(doc, 'Decedent (guarantor)', s.caption.decedent, fw);
  labelValue(
    doc,
    'Date of death',
    `${long(s.caption.dateOfDeath)} (learned from: ${s.death.source.toLowerCase()}, recorded ${long(s.death.recordedOn)})`,
    fw,
  );
  if (s.death.note) labelValue(doc, 'About the death', s.death.note, fw);
  labelValue(doc, 'Claim status', s.status, fw);
  labelValue(doc, 'Probate court', orNot(s.caption.courtName), fw);
  labelValue(
    doc,
    'County and state',
    `${s.caption.county ? `${s.caption.county} County, ` : ''}${stateName(s.caption.state)}`,
    fw,
  );
  if (s.caption.courtAddress) labelValue(doc, 'Court’s address', s.caption.courtAddress, fw);
  labelValue(doc, 'Case number', orNot(s.caption.caseNumber), fw);
  labelValue(
    doc,
    'Personal representative',
    s.estate.prName ? [s.estate.prName, s.estate.prAddress].filter(Boolean).join('\n') : 'Not known yet',
    fw,
  );
  labelValue(
    doc,
    'Estate’s attorney',
    s.estate.attorneyName
      ? [s.estate.attorneyName, s.estate.attorneyAddress].filter(Boolean).join('\n')
      : 'Not known yet',
    fw,
  );
  labelValue(
    doc,
    'Notice first published',
    s.estate.firstPublishedOn ? long(s.estate.firstPublishedOn) : 'Not known',
    fw,
  );
  labelValue(doc, 'Notice mailed to us', s.estate.mailedNoticeOn ? long(s.estate.mailedNoticeOn) : 'None received', fw);

  doc.moveDown(0.4);
  heading(doc, 'The claim deadline', 12);
  paragraph(doc, s.deadline.explanation);
  table(
    doc,
    [
      { header: 'Date weighed', width: w * 0.66 },
      { header: 'Rule', width: w * 0.12 },
      { header: 'Date', width: w * 0.22, align: 'right' },
    ],
    s.deadline.lines.map((l) => [l.label, l.rule, long(l.date)]),
  );
  paragraph(doc, `Probate table: ${s.deadline.source}.${s.deadline.note ? ` ${s.deadline.note}` : ''}`, {
    size: 8.5,
    muted: true,
  });

  if (doc.y > doc.page.height - PAGE.margin - 160) doc.addPage();
  heading(doc, 'The accounts', 12);
  table(
    doc,
    [
      { header: 'Account', width: w * 0.1 },
      { header: 'Patient', width: w * 0.19 },
      { header: 'Dates of service', width: w * 0.16 },
      { header: 'Class (order of payment)', width: w * 0.41 },
      { header: 'Balance', width: w * 0.14, align: 'right' },
    ],
    s.accounts.map((a) => [
      a.accountNumber,
      a.patientName,
      dates(a.serviceFrom, a.serviceTo),
      classText(a.priority, a.lastIllness),
      money(a.balanceCents),
    ]),
    { totalRow: ['Total', '', '', '', money(s.totalCents)] },
  );
  paragraph(
    doc,
    'Balances are the hospital ledger’s on the memo’s date. A class that says "last illness" is care the clerk confirmed as the decedent’s last illness, which most states pay before general claims.',
    { size: 8.5, muted: true },
  );

  if (doc.y > doc.page.height - PAGE.margin - 140) doc.addPage();
  heading(doc, 'The 501(r) gate', 12);
  paragraph(doc, ecaSentence(s));
  const waiting = s.accounts.filter((a) => !a.eca.allowed && !a.eca.released);
  if (waiting.length > 0)
    table(
      doc,
      [
        { header: 'Account', width: w * 0.15 },
        { header: 'Allowed from', width: w * 0.17 },
        { header: 'Why it waits', width: w * 0.68 },
      ],
      waiting.map((a) => [
        a.accountNumber,
        a.eca.allowedFrom ? short(a.eca.allowedFrom) : 'Cannot say',
        a.eca.reasons.join(' '),
      ]),
      { fontSize: 8.5 },
    );

  if (s.note.trim() !== '') {
    if (doc.y > doc.page.height - PAGE.margin - 90) doc.addPage();
    heading(doc, 'Note from Patient Accounts', 12);
    paragraph(doc, s.note);
  }
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(INK.muted)
    .text(
      'Internal and confidential: prepared for the hospital’s legal department to decide on the claim.',
      PAGE.margin,
      doc.y + 6,
      { width: w },
    );
  doc.fillColor(INK.text);
}

function memoDocument(s: MemoSnapshot): Pdf {
  const doc = createPdf({
    title: `Referral to legal: ${estateTitle(s.caption.decedent)}`,
    date: s.date,
    layout: s.layout,
    uncompressed: true,
  });
  letterhead(doc, s.hospital);
  doc.moveDown(0.3);
  drawMemo(doc, s);
  footer(doc, `${s.hospital.legalName} · Referral to legal · Estate #${s.estateId}`);
  return doc;
}

export function renderMemo(s: MemoSnapshot): Promise<RenderedPdf> {
  return rendered(memoDocument(s));
}
