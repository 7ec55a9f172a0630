// The pages of the court packet the hospital draws itself (the recorded statements, plan papers and
// demand letter are appended as they were sent, packetPdf.ts): the index, each exhibit's divider, the
// filing checklist, the plaintiff's claim worksheet, the itemised statement of account and the
// declaration (plain, or Texas Rule 185 sworn account, rules §3.3). Every figure comes from the
// itemised statement (itemised.ts), the one definition of the case's figures.
import { addDays, formatLongDate, formatShortDate } from '../../../shared/dates';
import { formatCents, formatDecimal } from '../../../shared/money';
import { ACCRUAL_LABELS, LIMITATION_BASIS_LABELS } from '../../../shared/rules/smallClaims';
import {
  contentWidth,
  FONT,
  formatPhone,
  heading,
  INK,
  labelValue,
  PAGE,
  paragraph,
  rule,
  table,
  type Pdf,
  itemisedTables,
} from '../../pdf/layout';
import { FIGURE_LABELS } from './itemised';
import type { Exhibit, PacketMaterial } from './packet';
import { exhibitOf } from './packet';

const money = formatCents;
const short = formatShortDate;
const long = formatLongDate;

export function caseTitle(m: PacketMaterial): string {
  return `${m.hospital.legalName} v. ${m.c.defendantName}`;
}

function address(a: PacketMaterial['hospital']['address']): string {
  return `${[a.line1, a.line2].filter(Boolean).join(', ')}, ${a.city}, ${a.state} ${a.zip}`;
}

/** A heading inside a page, with room above it. */
function subheading(doc: Pdf, text: string) {
  doc.moveDown(0.6);
  heading(doc, text, 12);
}

const STATE_NAMES: Record<string, string> = {
  CA: 'California',
  TX: 'Texas',
  NY: 'New York',
  FL: 'Florida',
  IL: 'Illinois',
  PA: 'Pennsylvania',
  OH: 'Ohio',
  GA: 'Georgia',
  NC: 'North Carolina',
  MI: 'Michigan',
};
export const stateName = (code: string): string => STATE_NAMES[code] ?? code;

/** "Exhibits 3, 5 and 6". */
function exhibitList(numbers: number[]): string {
  if (numbers.length === 1) return `Exhibit ${numbers[0]}`;
  return `Exhibits ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

function exhibitRef(m: PacketMaterial, key: Exhibit['key']): string {
  const e = exhibitOf(m.contents, key);
  return e ? `Exhibit ${e.number}` : '(not in this packet)';
}

/** The first page: what the packet is, and each exhibit with the packet page it starts on. */
export function drawIndex(doc: Pdf, m: PacketMaterial, starts: { exhibit: Exhibit; page: number; pages: number }[]) {
  heading(doc, 'Small-claims court packet', 20);
  paragraph(doc, caseTitle(m), { size: 13 });
  const r = m.c.row;
  labelValue(doc, 'Court', `${r.court_name}${r.court_address ? `\n${r.court_address}` : ''}`);
  labelValue(doc, 'County and state', `${r.county} County, ${m.court.state}`);
  labelValue(doc, 'Case number', r.case_number ?? 'Not filed yet');
  labelValue(doc, 'Recoup case', `#${r.id}, opened ${long(r.opened_on)}`);
  labelValue(doc, 'Amount claimed', money(m.c.claimCents));
  labelValue(doc, 'Prepared', `${long(m.today)} by ${m.preparedBy}`);
  rule(doc);
  heading(doc, 'Exhibits', 13);
  const w = contentWidth(doc);
  table(
    doc,
    [
      { header: 'Exhibit', width: w * 0.13 },
      { header: 'What it is', width: w * 0.57 },
      { header: 'Starts on page', width: w * 0.16, align: 'right' },
      { header: 'Pages', width: w * 0.14, align: 'right' },
    ],
    starts.map((s) => [String(s.exhibit.number), s.exhibit.title, String(s.page), String(s.pages)]),
    { fontSize: 10 },
  );
  paragraph(
    doc,
    'Each page carries its exhibit number and its page within the exhibit at the top right. The statements, final notice, plan papers and demand letter are the documents as they were sent: each was drawn again from what was recorded when it was sent and checked against the fingerprint (SHA-256) taken then.',
    { muted: true },
  );
  const toAttach = m.plans.filter((p) => p.keptAgreement);
  if (toAttach.length > 0)
    paragraph(
      doc,
      `Not reprinted here: ${toAttach.map((p) => `the agreement of plan #${p.planId}`).join(', ')}. Print the kept copy from the guarantor’s documents in Recoup and attach it behind the divider of ${exhibitRef(m, 'plan')}, which names it.`,
      { size: 9.5 },
    );
}

/** An exhibit's divider: its number, its name, what it is and why it is here, and what it holds. */
export function drawDivider(doc: Pdf, e: Exhibit, contents: string[][] = [], columns: string[] = []) {
  doc.y = 200;
  doc
    .font(FONT.bold)
    .fontSize(40)
    .fillColor(INK.text)
    .text(`Exhibit ${e.number}`, PAGE.margin, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.3);
  doc
    .font(FONT.bold)
    .fontSize(18)
    .text(e.title, PAGE.margin, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(1.2);
  doc
    .font(FONT.regular)
    .fontSize(11)
    .text(e.why, PAGE.margin + 40, doc.y, { width: contentWidth(doc) - 80, align: 'center', lineGap: 3 });
  doc.moveDown(1.5);
  doc.x = PAGE.margin;
  if (contents.length > 0) {
    const w = contentWidth(doc);
    const widths = columns.length === 4 ? [0.3, 0.18, 0.26, 0.26] : columns.map(() => 1 / columns.length);
    table(
      doc,
      columns.map((header, i) => ({ header, width: w * widths[i]!, align: i === 0 ? 'left' : ('right' as const) })),
      contents,
    );
  }
}

const STATE_WORDS = { pass: 'Passed', wait: 'Waiting', fail: 'Fails' } as const;

export function drawChecklist(doc: Pdf, m: PacketMaterial) {
  const r = m.c.row;
  heading(doc, 'Filing checklist');
  labelValue(doc, 'Court', `${r.court_name}${r.court_address ? `, ${r.court_address}` : ''}`);
  labelValue(doc, 'County and kind of court', `${r.county} County; ${m.court.court} (${stateName(m.court.state)})`);
  const fee = (cents: number) =>
    cents > 0 ? `${money(cents)} (confirm with the court clerk)` : 'Not on file: ask the court clerk';
  labelValue(doc, 'Filing fee', fee(m.court.filingFeeCents));
  labelValue(doc, 'Service fee', fee(m.court.serviceFeeCents));
  rule(doc, 4, 6);
  const gate = m.earliestSuitDay;
  const fileAfter = r.file_after ?? gate;
  const filing = r.filed_on
    ? [
        `Filed ${long(r.filed_on)}, case number ${r.case_number ?? ''}${r.filing_fee_cents > 0 ? `, filing fee ${money(r.filing_fee_cents)} paid` : ''}.${
          r.served_on
            ? ` Defendant served ${long(r.served_on)}.`
            : ' Record the service in Recoup once the defendant is served.'
        }${r.hearing_on ? ` Hearing ${long(r.hearing_on)}${r.hearing_time ? ` at ${r.hearing_time}` : ''}${r.hearing_place ? `, ${r.hearing_place}` : ''}.` : ''}`,
      ]
    : null;
  const steps = filing ?? [
    m.demand
      ? `Demand letter sent ${long(m.demand.sentOn)} (${exhibitRef(m, 'demand')}); it said the hospital would file after ${long(m.demand.fileAfter)}. File from ${long(addDays(fileAfter ?? m.demand.fileAfter, 1))}${gate ? `; the 501(r) rules allow a suit from ${long(gate)}` : ''}.`
      : `No demand letter has been sent yet: send it from the case (Small claims › the case › Demand letter) before filing${gate ? `; the 501(r) rules allow a suit from ${long(gate)}` : ''}.`,
    `Fill in the court’s claim form (in California, form SC-100) from the plaintiff’s claim worksheet (${exhibitRef(m, 'claim')}), or attach the worksheet where the form allows. Sign it as the hospital’s authorised employee.`,
    `File it with ${r.court_name}${r.court_address ? `, ${r.court_address}` : ''}, and pay the filing fee. Record the filing and the case number in Recoup the same day: filing is a civil action, and Recoup records it in the 501(r) register and holds the accounts from statements.`,
    `Have the defendant served by a method the court allows (not by the hospital itself), at least ${m.policy.serveDaysBeforeHearing} days before the hearing. Record the service in Recoup and keep the court’s proof of service with this packet.`,
  ];
  steps.push(
    `Bring to the hearing: this packet (one copy for the court, one for the defendant, one for the hospital), the testimony sheet, the proof of service${r.basis === 'written' ? ', and the signed financial-responsibility form from the registration file (it is not kept in Recoup)' : ''}.`,
  );
  heading(doc, 'Steps', 12);
  steps.forEach((s, i) => paragraph(doc, `${i + 1}.  ${s}`, { size: 9.5 }));
  const checked = m.filing ? m.filing.on : m.today;
  const lines = m.check ? m.check.lines : m.filing?.lines;
  heading(doc, `Checks made on ${long(checked)}`, 12);
  if (!lines) {
    // A filing recorded before the filing kept its checks: they were made, and passed, on that day.
    paragraph(
      doc,
      `The checks were made when the claim was filed on ${long(checked)}: Recoup files a claim only when every check passes that day, and asks the 501(r) gate for each account then. This filing did not keep the table of checks; the ECA register (Compliance › ECA register) holds the gate’s answers for each account.`,
      { size: 9.5 },
    );
    return;
  }
  if (m.filing)
    paragraph(
      doc,
      `As judged on the filing date: the claim was filed on what these checks found then; later payments or the passing of time do not undo a filing.`,
      { size: 9, muted: true },
    );
  const w = contentWidth(doc);
  table(
    doc,
    [
      { header: 'Check', width: w * 0.24 },
      { header: 'Result', width: w * 0.12 },
      { header: 'What was found', width: w * 0.5 },
      { header: 'Rule', width: w * 0.14 },
    ],
    lines.map((l) => [l.label, STATE_WORDS[l.state], l.detail, l.rule]),
    { fontSize: 8 },
  );
}

export function drawClaimWorksheet(doc: Pdf, m: PacketMaterial) {
  const r = m.c.row;
  const h = m.hospital;
  const g = m.c.guarantor;
  const lw = 175;
  heading(doc, 'Plaintiff’s claim worksheet');
  paragraph(
    doc,
    'Copy these facts onto the court’s claim form (in California, SC-100), or attach this page where the form says “see attached”.',
    { muted: true },
  );
  heading(doc, 'Plaintiff', 12);
  labelValue(doc, 'Legal name', h.legalName, lw);
  labelValue(doc, 'Kind of plaintiff', 'Business (a hospital), suing through an employee', lw);
  labelValue(doc, 'Street address', address(h.address), lw);
  labelValue(doc, 'Mailing address', address(h.remitTo), lw);
  labelValue(doc, 'Phone', formatPhone(h.phone), lw);
  labelValue(doc, 'Tax id (EIN)', h.taxId, lw);
  subheading(doc, 'Defendant');
  labelValue(doc, 'Name', m.c.defendantName, lw);
  labelValue(doc, 'Address', m.c.defendantAddress.join('\n'), lw);
  if (g.phone) labelValue(doc, 'Phone', formatPhone(g.phone), lw);
  labelValue(doc, 'Why this person', 'The guarantor: the person responsible for the accounts.', lw);
  subheading(doc, 'The claim');
  labelValue(doc, 'Amount claimed', money(m.c.claimCents), lw);
  labelValue(doc, 'Balance owed today', `${money(m.itemised.balanceCents)} (${exhibitRef(m, 'itemised')})`, lw);
  if (m.c.waivedCents > 0)
    labelValue(doc, 'Excess waived', `${money(m.c.waivedCents)} above the court’s limit: ${r.waiver_note}`, lw);
  const services = m.c.accounts
    .map(
      (a) =>
        `${a.patientName}, ${short(a.serviceFrom)}${a.serviceTo !== a.serviceFrom ? `–${short(a.serviceTo)}` : ''} (account ${a.accountNumber})`,
    )
    .join('; ');
  labelValue(
    doc,
    'Why the defendant owes it',
    `Unpaid charges for hospital services: ${services}. ${
      r.basis === 'written'
        ? 'The defendant signed the hospital’s financial-responsibility form.'
        : 'The charges are an open account.'
    } Insurance payments, adjustments and every payment have been credited.`,
    lw,
  );
  const firstStatement = m.statements[0];
  labelValue(
    doc,
    'When it arose',
    `Services ${short(m.c.accounts[0]!.serviceFrom)}${m.c.accounts.length > 1 ? ` to ${short(m.c.accounts.at(-1)!.serviceTo)}` : ''}${
      firstStatement
        ? `; first billed ${short(firstStatement.statementDate)}, due ${short(firstStatement.dueDate)}`
        : ''
    }.`,
    lw,
  );
  labelValue(doc, 'How it is calculated', `See the itemised statement of account (${exhibitRef(m, 'itemised')}).`, lw);
  labelValue(
    doc,
    'Asked to pay before suing',
    m.demand ? `Yes: demand letter of ${long(m.demand.sentOn)} (${exhibitRef(m, 'demand')}).` : 'Not yet.',
    lw,
  );
  subheading(doc, 'Venue');
  labelValue(doc, 'Court', `${r.court_name}${r.court_address ? `\n${r.court_address}` : ''}`, lw);
  labelValue(doc, 'County and state', `${r.county} County, ${m.court.state}`, lw);
  labelValue(doc, 'Why this court', 'The defendant lives in this county (where the defendant lives).', lw);
  labelValue(
    doc,
    'Court’s limit for a business',
    `${money(m.court.entityLimitCents)} (${m.court.source || m.court.court}, from ${short(m.court.effectiveFrom)})`,
    lw,
  );
  const lim = m.check?.accounts[0]?.limitation;
  if (m.check?.limitationLastDay && lim?.row)
    labelValue(
      doc,
      'Statute of limitations',
      `${LIMITATION_BASIS_LABELS[lim.row.basis]}: ${lim.row.years} years ${ACCRUAL_LABELS[lim.row.accrual]}${lim.row.source ? ` (${lim.row.source})` : ''}. The last day to file is ${long(m.check.limitationLastDay)}.`,
      lw,
    );
  else if (m.filing) {
    // Filed: what was judged on the filing date (the 'filed' event's lines), not today's check.
    const line = m.filing.lines?.find((l) => l.key === 'limitation');
    labelValue(
      doc,
      'Statute of limitations',
      line
        ? `Filed ${long(m.filing.on)}; checked that day: ${line.detail}`
        : `Filed ${long(m.filing.on)}, inside the statute of limitations as checked that day (${exhibitRef(m, 'checklist')}).`,
      lw,
    );
  }
}

export function drawItemised(doc: Pdf, m: PacketMaterial) {
  heading(doc, 'Itemised statement of account');
  paragraph(
    doc,
    `Every entry on the ${m.c.accounts.length === 1 ? 'account' : 'accounts'} in the hospital’s ledger, in date order, with the balance after each. Charges raise the balance; payments, insurance and adjustments are credits. Printed ${long(m.today)}.`,
    { muted: true },
  );
  itemisedTables(
    doc,
    m.itemised.accounts.map((a) => ({ ...a, accountNumber: a.account.accountNumber, totalCents: a.balanceCents })),
    {
      rows: m.itemised.kinds.map((k) => [FIGURE_LABELS[k], m.itemised.figures[k]]),
      totalLabel: 'Balance owed, all accounts',
      totalCents: m.itemised.balanceCents,
    },
    { accountTotal: 'Balance owed' },
    (a) => {
      const acc = a.account;
      heading(
        doc,
        `Account ${acc.accountNumber}: ${acc.patientName}, services ${short(acc.serviceFrom)}${acc.serviceTo !== acc.serviceFrom ? `–${short(acc.serviceTo)}` : ''}`,
        11,
      );
    },
  );
  const r = m.c.row;
  paragraph(
    doc,
    `The entries add up to the balance the ledger keeps for each account (checked when this packet was printed). Amount claimed: ${money(m.c.claimCents)}${
      m.c.waivedCents > 0 ? `, the court’s limit; the ${money(m.c.waivedCents)} above it is waived` : ''
    }.`,
  );
  if (r.judgment_on && r.judgment_cents !== null)
    paragraph(
      doc,
      `Judgment of ${long(r.judgment_on)}: ${money(r.judgment_cents)}${r.costs_cents ? `, and costs of ${money(r.costs_cents)} (posted above as court costs awarded)` : ''}${
        r.interest_rate_bp
          ? `; interest at ${formatDecimal(r.interest_rate_bp)}% a year is awarded but not computed here`
          : ''
      }.`,
    );
}

export function drawDeclaration(doc: Pdf, m: PacketMaterial) {
  const h = m.hospital;
  const r = m.c.row;
  const balance = money(m.itemised.balanceCents);
  const records = exhibitList(
    (['itemised', 'notices', 'plan', 'demand'] as const)
      .map((k) => exhibitOf(m.contents, k))
      .filter((e) => e !== null)
      .map((e) => e.number),
  );
  const blank = '________________________________';
  if (m.declaration === 'tx_rule_185') {
    heading(doc, 'Affidavit of sworn account (Tex. R. Civ. P. 185)');
    paragraph(doc, `STATE OF TEXAS\nCOUNTY OF ${r.county.toUpperCase()}`);
    paragraph(
      doc,
      `Before me, the undersigned authority, personally appeared ${blank}, who, being by me duly sworn, on oath deposed and said:`,
    );
    paragraph(
      doc,
      `“I am employed by ${h.legalName}, the plaintiff, in its patient accounts department, and I am a custodian of its records of patient accounts. I am authorised to make this affidavit, and the facts in it are within my personal knowledge.`,
    );
    paragraph(
      doc,
      `The claim of ${h.legalName} against ${m.c.defendantName}, shown by the systematic, itemized statement of the account attached as ${exhibitRef(m, 'itemised')}, is, within the knowledge of affiant, just and true, it is due, and all just and lawful offsets, payments and credits have been allowed. The balance due is ${balance}; the plaintiff claims ${money(m.c.claimCents)}.`,
    );
    paragraph(
      doc,
      `The attached records (${records}) were made at or near the time of the acts and events they record, by or from information given by persons with knowledge of them, in the regular course of the plaintiff’s business, and it is the plaintiff’s regular practice to make and keep such records.”`,
    );
    doc.moveDown(1.5);
    signature(doc, 'Affiant (signature and printed name)');
    doc.moveDown(1);
    paragraph(doc, `Sworn to and subscribed before me on ${blank}.`);
    doc.moveDown(1.5);
    signature(doc, 'Notary Public, State of Texas');
    return;
  }
  heading(doc, 'Declaration of the account');
  paragraph(doc, `I, ${blank}, declare:`);
  paragraph(
    doc,
    `1.  I am employed by ${h.legalName}, the plaintiff, in its patient accounts department, and I am a custodian of its records of patient accounts. I know how those records are made and kept.`,
  );
  paragraph(
    doc,
    `2.  The attached records (${records}) were made at or near the time of the acts and events they record, by or from information given by persons with knowledge of them, in the regular course of the plaintiff’s business, and it is the plaintiff’s regular practice to make and keep such records.`,
  );
  paragraph(
    doc,
    `3.  ${m.c.defendantName} is responsible for the accounts listed in ${exhibitRef(m, 'itemised')}. The itemised statement shows every charge, payment, insurance credit and adjustment on them. After all payments, credits and adjustments, ${balance} remains unpaid. The plaintiff claims ${money(m.c.claimCents)}.`,
  );
  paragraph(
    doc,
    `4.  Before this claim, the plaintiff sent the defendant the statements and the final notice in ${exhibitRef(m, 'notices')}, each telling the defendant that financial assistance is available.`,
  );
  paragraph(
    doc,
    `I declare under penalty of perjury under the laws of the State of ${stateName(m.court.state)} that the foregoing is true and correct.`,
  );
  doc.moveDown(0.5);
  paragraph(doc, `Executed on ${blank} at ${blank}.`);
  doc.moveDown(1.5);
  signature(doc, 'Signature and printed name of the declarant');
}

function signature(doc: Pdf, label: string) {
  const y = doc.y + 10;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + 300, y)
    .lineWidth(0.7)
    .strokeColor(INK.text)
    .stroke();
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(INK.muted)
    .text(label, PAGE.margin, y + 4, { width: 300 });
  doc.fillColor(INK.text).moveDown(0.8);
}
