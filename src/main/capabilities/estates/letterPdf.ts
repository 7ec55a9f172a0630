// The estate's letters, each drawn from its snapshot alone so the recorded letter draws again byte
// for byte (documents.ts keeps its SHA-256):
// - the cover letter that goes with the statement of claim (PR-03: the claim is filed with the
//   clerk of the probate court, or mailed to the personal representative): to the clerk in English;
//   to the personal representative in the estate's letter language (LANG-01, texts in
//   estatesTexts.ts), with the financial-assistance notice in a ruled box (ECA-06);
// - the follow-up letter asking the clerk of court for the claim's status (English).
// Any name in any script prints (scriptText.ts).
import { formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { EstateStatus, FiledWith } from '../../../shared/rules/estates';
import type { Hospital } from '../../../shared/schemas/hospital';
import { wordingFor, type DocumentLanguage } from '../../../shared/wording';
import { COMMON_TEXTS } from '../../../shared/wording/commonTexts';
import { ESTATE_COVER_LETTER_TEXTS } from '../../../shared/wording/estatesTexts';
import {
  contentWidth,
  createPdf,
  FONT,
  footer,
  formatPhone,
  INK,
  letterhead,
  PAGE,
  paragraph,
  table,
  type LayoutVersion,
  type Pdf,
  ruledBox,
} from '../../pdf/layout';
import { estateTitle, hospitalAddress, rendered, type EstateCaption, type RenderedPdf } from './paper';

export interface LetterAccount {
  accountNumber: string;
  patientName: string;
  serviceFrom: string;
  serviceTo: string;
  claimCents: number;
}

/** What the cover letter said. */
export interface CoverLetterSnapshot {
  kind: 'cover_letter';
  version: 1;
  layout: LayoutVersion;
  /** English to the clerk; the estate's letter language to the personal representative. */
  language: DocumentLanguage;
  estateId: number;
  date: string;
  hospital: Hospital;
  caption: EstateCaption;
  to: FiledWith;
  addressee: { name: string; lines: string[] };
  accounts: LetterAccount[];
  claimCents: number;
  sworn: boolean;
}

/** What the follow-up letter to the clerk of court said. */
export interface FollowUpSnapshot {
  kind: 'follow_up_letter';
  version: 1;
  layout: LayoutVersion;
  language: 'en';
  estateId: number;
  date: string;
  hospital: Hospital;
  caption: EstateCaption;
  addressee: { name: string; lines: string[] };
  filedOn: string;
  filedWith: FiledWith;
  prName: string;
  claimCents: number;
  status: Extract<EstateStatus, 'filed' | 'allowed' | 'paid_part'>;
  allowedOn: string | null;
  allowedCents: number | null;
  recoveredCents: number;
  /** What the claimed accounts still owe (their ledger balances). */
  owedCents: number;
  /** The earlier letters and calls to the clerk since filing, oldest first. */
  earlierContacts: { on: string; method: 'letter' | 'call' }[];
}

const CLERK = 'Clerk of the Probate Court';

/** The clerk of court as a letter's addressee: the clerk, the court, its address. */
export function clerkAddressee(c: EstateCaption, addressLines: string[]): { name: string; lines: string[] } {
  return { name: CLERK, lines: [c.courtName, ...addressLines].filter((l) => l !== '') };
}

function addressBlock(doc: Pdf, a: { name: string; lines: string[] }) {
  paragraph(doc, [a.name, ...a.lines].join('\n'));
}

/** The "Re:" block, bold, one fact a line. */
function reBlock(doc: Pdf, lines: string[]) {
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(INK.text)
    .text(lines.join('\n'), PAGE.margin, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.font(FONT.regular).moveDown(0.8);
}

function accountsTable(
  doc: Pdf,
  accounts: LetterAccount[],
  totalCents: number,
  h: { account: string; patient: string; dates: string; claimed: string; total: string },
  dates: (from: string, to: string) => string,
  money: (c: number) => string,
) {
  const w = contentWidth(doc);
  table(
    doc,
    [
      { header: h.account, width: w * 0.18 },
      { header: h.patient, width: w * 0.34 },
      { header: h.dates, width: w * 0.28 },
      { header: h.claimed, width: w * 0.2, align: 'right' },
    ],
    accounts.map((a) => [a.accountNumber, a.patientName, dates(a.serviceFrom, a.serviceTo), money(a.claimCents)]),
    { totalRow: [h.total, '', '', money(totalCents)] },
  );
  doc.moveDown(0.3);
}

/** A short list, each item after a bullet, wrapped under its own first word. */
function bullets(doc: Pdf, items: string[]) {
  const w = contentWidth(doc);
  doc.font(FONT.regular).fontSize(10).fillColor(INK.text);
  for (const item of items) {
    const y = doc.y;
    doc.text('•', PAGE.margin + 10, y, { lineBreak: false });
    doc.text(item, PAGE.margin + 24, y, { width: w - 24, lineGap: 2 });
    doc.moveDown(0.25);
  }
  doc.x = PAGE.margin;
  doc.moveDown(0.4);
}

function signature(doc: Pdf, closing: string, who: string) {
  doc.moveDown(0.4);
  paragraph(doc, closing);
  doc.moveDown(1.2);
  paragraph(doc, who);
}

function caseLine(c: EstateCaption): string {
  return `${c.courtName ? `${c.courtName}, ` : ''}Case No. ${c.caseNumber || '(not yet known)'}`;
}

function coverToClerk(doc: Pdf, s: CoverLetterSnapshot) {
  const h = s.hospital;
  const claim = formatCents(s.claimCents);
  reBlock(doc, [estateTitle(s.caption.decedent), caseLine(s.caption), `Claim of ${h.legalName}: ${claim}`]);
  paragraph(doc, 'Dear Clerk of Court:');
  paragraph(
    doc,
    `Enclosed for filing is the ${s.sworn ? 'sworn ' : ''}statement of claim of ${h.legalName}, ${hospitalAddress(h.address)}, against the estate of ${s.caption.decedent}, who died on ${formatLongDate(s.caption.dateOfDeath)}. The claim is for ${claim} for hospital services rendered before the death, and is due and payable. It covers these accounts:`,
  );
  accountsTable(
    doc,
    s.accounts,
    s.claimCents,
    { account: 'Account', patient: 'Patient', dates: 'Dates of service', claimed: 'Claimed', total: 'Total' },
    (from, to) => (from === to ? formatShortDate(from) : `${formatShortDate(from)} – ${formatShortDate(to)}`),
    formatCents,
  );
  paragraph(
    doc,
    'Please file the claim in the estate’s case and return a file-stamped copy to us at the address above.',
  );
  paragraph(
    doc,
    `If anything more is needed to file it, please call Patient Accounts at ${formatPhone(h.phone)}. Thank you.`,
  );
  signature(doc, 'Sincerely,', `Patient Accounts, ${h.legalName}`);
  paragraph(doc, 'Enclosure: statement of claim with the itemised statement of account', { size: 9, muted: true });
}

function coverToRepresentative(doc: Pdf, s: CoverLetterSnapshot) {
  const t = wordingFor(s.language, ESTATE_COVER_LETTER_TEXTS);
  const h = s.hospital;
  reBlock(doc, [
    t.say('re', { decedent: s.caption.decedent }),
    ...(s.caption.courtName
      ? [t.say('reCourt', { court: s.caption.courtName, caseNumber: s.caption.caseNumber || '—' })]
      : []),
  ]);
  paragraph(doc, t.say('dear', { name: s.addressee.name }));
  paragraph(doc, t.say('condolences', { decedent: s.caption.decedent }));
  paragraph(
    doc,
    t.say('present', {
      hospital: h.legalName,
      decedent: s.caption.decedent,
      amount: t.money(s.claimCents),
      dateOfDeath: t.longDate(s.caption.dateOfDeath),
    }),
  );
  paragraph(doc, t.say('accountsIntro'));
  accountsTable(
    doc,
    s.accounts,
    s.claimCents,
    {
      account: t.say('account'),
      patient: t.say('patient'),
      dates: t.say('serviceDates'),
      claimed: t.say('claimed'),
      total: t.say('total'),
    },
    (from, to) => t.serviceDates(from, to),
    (c) => t.money(c),
  );
  paragraph(doc, t.say('ask'));

  // ECA-06: conspicuous — a ruled box with its own heading.
  if (doc.y > doc.page.height - PAGE.margin - 110) doc.addPage();
  ruledBox(
    doc,
    t.say('assistanceHeading'),
    t.say('assistance', { phone: formatPhone(h.financialAssistancePhone), url: h.financialAssistanceUrl }),
  );

  paragraph(doc, t.say('questions', { phone: formatPhone(h.phone) }));
  signature(doc, t.say('closing'), t.say('signature', { hospital: h.legalName }));
  paragraph(doc, t.say('enclosure'), { size: 9, muted: true });
}

function letterFrame(
  s: { date: string; layout: LayoutVersion; hospital: Hospital; language: DocumentLanguage },
  title: string,
  addressee: { name: string; lines: string[] },
  longDate: string,
): Pdf {
  const doc = createPdf({ title, date: s.date, layout: s.layout, uncompressed: true });
  letterhead(doc, s.hospital);
  doc.moveDown(0.5);
  paragraph(doc, longDate);
  addressBlock(doc, addressee);
  doc.moveDown(0.3);
  return doc;
}

function coverDocument(s: CoverLetterSnapshot): Pdf {
  const t = wordingFor(s.language, ESTATE_COVER_LETTER_TEXTS);
  const doc = letterFrame(s, t.say('documentTitle'), s.addressee, t.longDate(s.date));
  if (s.to === 'clerk') coverToClerk(doc, s);
  else coverToRepresentative(doc, s);
  const common = wordingFor(s.language, COMMON_TEXTS);
  footer(doc, t.say('footer', { hospital: s.hospital.legalName }), (page, pages) =>
    common.say('pageOf', { page, pages }),
  );
  return doc;
}

export function renderCoverLetter(s: CoverLetterSnapshot): Promise<RenderedPdf> {
  return rendered(coverDocument(s));
}

/** "our letter of May 2, 2027 and our call of June 3, 2027". */
function contactsSaid(contacts: FollowUpSnapshot['earlierContacts']): string {
  const said = contacts.map((c) => `our ${c.method} of ${formatLongDate(c.on)}`);
  return said.length <= 1 ? (said[0] ?? '') : `${said.slice(0, -1).join(', ')} and ${said.at(-1)!}`;
}

function followUpDocument(s: FollowUpSnapshot): Pdf {
  const h = s.hospital;
  const doc = letterFrame(s, 'Request for the status of a claim', s.addressee, formatLongDate(s.date));
  const claim = formatCents(s.claimCents);
  reBlock(doc, [
    estateTitle(s.caption.decedent),
    caseLine(s.caption),
    `Claim of ${h.legalName}, presented ${formatLongDate(s.filedOn)}: ${claim}`,
  ]);
  paragraph(doc, 'Dear Clerk of Court:');
  const how =
    s.filedWith === 'clerk'
      ? 'by filing it with the court'
      : `by mailing it to the personal representative${s.prName ? `, ${s.prName}` : ''}`;
  paragraph(
    doc,
    `On ${formatLongDate(s.filedOn)}, ${h.legalName} presented its claim of ${claim} against the estate of ${s.caption.decedent}, who died on ${formatLongDate(s.caption.dateOfDeath)}, ${how}.`,
  );
  if (s.status === 'filed') paragraph(doc, 'We have received no notice that the claim has been allowed or disallowed.');
  else if (s.status === 'allowed')
    paragraph(
      doc,
      `We were told the claim was allowed${s.allowedOn ? ` on ${formatLongDate(s.allowedOn)}` : ''}${s.allowedCents !== null ? ` for ${formatCents(s.allowedCents)}` : ''}; we have received no payment from the estate.`,
    );
  else
    paragraph(
      doc,
      `The estate has paid ${formatCents(s.recoveredCents)} on the claim; ${formatCents(s.owedCents)} remains unpaid.`,
    );
  if (s.earlierContacts.length > 0)
    paragraph(doc, `We asked before, in ${contactsSaid(s.earlierContacts)}, and have had no answer in writing.`);
  paragraph(doc, 'Please let us know in writing:');
  bullets(doc, [
    'whether the claim has been allowed or disallowed, in whole or in part, and when;',
    'whether a hearing on the claim is set, and its date;',
    'whether the estate is still open, and whether it has enough to pay its claims;',
    'the name and address of the personal representative and of the estate’s attorney, if they have changed.',
  ]);
  paragraph(
    doc,
    `Please write to Patient Accounts at the address above, or call us at ${formatPhone(h.phone)}. Thank you for your help.`,
  );
  signature(doc, 'Sincerely,', `Patient Accounts, ${h.legalName}`);
  footer(doc, `${h.legalName} · Request for the status of a claim`);
  return doc;
}

export function renderFollowUp(s: FollowUpSnapshot): Promise<RenderedPdf> {
  return rendered(followUpDocument(s));
}
