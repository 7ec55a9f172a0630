// The testimony sheet (issue 13, item 5): for the clerk who testifies for the hospital, not for the
// court. The account's story in date order in plain words (service, insurance, every entry, each
// statement and notice, calls and letters, the plan and its lapse, the demand, the case's events),
// the figures to state (from the itemised statement, the one definition the packet prints), and the
// questions a judge or defendant commonly asks about business records with where the answer is in
// the packet (its exhibit numbers, from packetContents, the packet's own numbering).
import { formatLongDate, formatShortDate, type BusinessDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import type { SuitDecision } from '../../../shared/rules/smallClaims';
import { ACTIVITY_OUTCOME_LABELS, type ActivityOutcome } from '../../../shared/schemas/accounts';
import { CASE_STATUS_LABELS, SERVICE_METHOD_LABELS, type ServiceMethod } from '../../../shared/schemas/smallClaims';
import type { Hospital } from '../../../shared/schemas/hospital';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { hospitalIdentity } from '../../platform/settings';
import { caseRecord, type CaseRecord } from './caseRecord';
import { itemisedStatement, type ItemisedStatement } from './itemised';
import {
  checkOfCase,
  earliestSuitDay,
  exhibitOf,
  filedChecks,
  packetContents,
  type ExhibitKey,
  type FiledChecks,
  type PacketContents,
} from './packet';
import { drawTestimony } from './testimonyPdf';

export interface StoryLine {
  date: BusinessDate;
  text: string;
  /** Where it is in the packet ("Exhibit 5"), or '' when it is not there. */
  where: string;
}

export interface TestimonyFigure {
  label: string;
  value: string;
}

export interface TestimonyQuestion {
  question: string;
  answer: string;
  where: string;
}

export interface Testimony {
  c: CaseRecord;
  hospital: Hospital;
  today: BusinessDate;
  preparedBy: string;
  itemised: ItemisedStatement;
  /** Before filing: the case's check today. Once filed: null (the filing was judged on its date: `filing`). */
  check: SuitDecision | null;
  filing: FiledChecks | null;
  contents: PacketContents;
  story: StoryLine[];
  figures: TestimonyFigure[];
  questions: TestimonyQuestion[];
}

const money = formatCents;
const day = formatLongDate;
const KIND_WORDS: Record<string, string> = {
  charges: 'Charge posted',
  insurance: 'Insurance paid',
  adjustments: 'Adjustment',
  patientPayments: 'Payment received',
  refunds: 'Refund to the patient',
  courtCosts: 'Court costs awarded',
};

function detailOf(json: string): Record<string, unknown> {
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A case event in plain words: as the case service worded it when it recorded it, if it did. */
function eventText(kind: string, d: Record<string, unknown>, c: CaseRecord): string {
  return typeof d.text === 'string' && d.text.trim() !== '' ? d.text : caseEventText(kind, d, c);
}

function caseEventText(kind: string, d: Record<string, unknown>, c: CaseRecord): string {
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  const cents = (k: string) => (typeof d[k] === 'number' ? money(d[k] as number) : '');
  switch (kind) {
    case 'opened':
      return `Small-claims case opened for ${cents('claimCents') || money(c.row.claim_cents)} in ${c.row.court_name}.`;
    case 'demand':
      return `Demand letter mailed: the hospital would file after ${formatShortDate(str('fileAfter') || c.row.file_after || c.row.opened_on)}.`;
    case 'filed':
      return `Claim filed${str('caseNumber') ? `, case number ${str('caseNumber')}` : c.row.case_number ? `, case number ${c.row.case_number}` : ''}.`;
    case 'served': {
      const method = str('method');
      return `Defendant served${method ? ` (${SERVICE_METHOD_LABELS[method as ServiceMethod] ?? method})` : ''}.`;
    }
    case 'hearing':
      return `Hearing set${str('time') ? ` at ${str('time')}` : ''}${str('place') ? `, ${str('place')}` : ''}.`;
    case 'continued':
      return `Hearing continued${str('reason') ? `: ${str('reason')}` : ''}.`;
    case 'judgment':
      return `Judgment${str('outcome') === 'defendant' ? ' for the defendant' : ''}${cents('amountCents') ? ` of ${cents('amountCents')}` : ''}${cents('costsCents') ? `, costs ${cents('costsCents')}` : ''}.`;
    case 'payment':
      return `Payment after judgment${cents('amountCents') ? ` of ${cents('amountCents')}` : ''}.`;
    case 'post_judgment':
      return `Post-judgment action asked for${str('kind') ? ` (${str('kind').replace('_', ' ')})` : ''}.`;
    case 'closed':
      return `Case closed${str('outcome') ? `: ${str('outcome')}` : ''}.`;
    default:
      return str('note') || 'Note on the case.';
  }
}

function storyOf(db: Db, c: CaseRecord, itemised: ItemisedStatement, contents: PacketContents): StoryLine[] {
  const ex = (key: ExhibitKey) => {
    const e = exhibitOf(contents, key);
    return e ? `Exhibit ${e.number}` : '';
  };
  const lines: StoryLine[] = [];
  for (const a of itemised.accounts) {
    const acc = a.account;
    lines.push({
      date: acc.serviceFrom,
      text: `${acc.patientName} was treated (account ${acc.accountNumber}, ${acc.serviceType}${acc.serviceTo !== acc.serviceFrom ? `, to ${formatShortDate(acc.serviceTo)}` : ''}).`,
      where: ex('itemised'),
    });
    for (const l of a.lines)
      lines.push({
        date: l.date,
        text: `${l.description.startsWith('Reversal') ? l.description : KIND_WORDS[l.kind]}: ${money(Math.abs(l.amountCents))} on account ${acc.accountNumber}; balance ${money(l.balanceCents)}.`,
        where: ex('itemised'),
      });
  }
  const statements = db
    .prepare(
      `SELECT statement_date, kind, number_in_cycle, due_date, amount_due_cents FROM statements WHERE id IN (${contents.statementIds.map(() => '?').join(',') || 'NULL'}) ORDER BY statement_date`,
    )
    .all(...contents.statementIds) as {
    statement_date: string;
    kind: string;
    number_in_cycle: number;
    due_date: string;
    amount_due_cents: number;
  }[];
  for (const s of statements)
    lines.push({
      date: s.statement_date,
      text:
        s.kind === 'final_notice'
          ? `Final notice mailed (the 501(r) 30-day notice with the plain-language summary of financial assistance): ${money(s.amount_due_cents)} due by ${formatShortDate(s.due_date)}.`
          : `Statement ${s.number_in_cycle} mailed: ${money(s.amount_due_cents)} due by ${formatShortDate(s.due_date)}, with the financial-assistance notice.`,
      where: ex('notices'),
    });
  const activities = db
    .prepare(
      `SELECT kind, direction, outcome, note, occurred_on FROM activities WHERE guarantor_id = ? ORDER BY occurred_on, id`,
    )
    .all(c.row.guarantor_id) as {
    kind: string;
    direction: string | null;
    outcome: string;
    note: string;
    occurred_on: string;
  }[];
  // The case's own steps are told by its events (the case service also notes each in the activity
  // log, "Small-claims case #N: …", and the demand letter as a letter sent).
  const ownNote = new RegExp(`^Small-claims (case #${c.row.id}(?!\\d)|demand letter \\(case #${c.row.id}\\))`);
  for (const a of activities) {
    if (ownNote.test(a.note)) continue;
    const what =
      a.kind === 'call'
        ? `${a.direction === 'inbound' ? 'Call from the guarantor' : 'Call to the guarantor'}: ${ACTIVITY_OUTCOME_LABELS[a.outcome as ActivityOutcome] ?? a.outcome}`
        : a.kind === 'letter'
          ? 'Letter'
          : a.kind === 'visit'
            ? `Visit: ${ACTIVITY_OUTCOME_LABELS[a.outcome as ActivityOutcome] ?? a.outcome}`
            : 'Note';
    lines.push({ date: a.occurred_on, text: `${what}${a.note ? `: ${a.note}` : '.'}`, where: '' });
  }
  for (const p of contents.plans) {
    const plan = db
      .prepare('SELECT start_date, balance_cents, installment_cents, installment_count FROM plans WHERE id = ?')
      .get(p.planId) as {
      start_date: string;
      balance_cents: number;
      installment_cents: number;
      installment_count: number;
    };
    lines.push({
      date: plan.start_date,
      text: `Payment plan #${p.planId} agreed: ${money(plan.balance_cents)} in ${plan.installment_count} payments of ${money(plan.installment_cents)}.`,
      where: ex('plan'),
    });
    const events = db
      .prepare(
        `SELECT on_date, to_status, reason FROM plan_events WHERE plan_id = ? AND to_status IS NOT NULL ORDER BY id`,
      )
      .all(p.planId) as { on_date: string; to_status: string; reason: string }[];
    for (const e of events)
      if (e.to_status !== 'current')
        lines.push({ date: e.on_date, text: `Plan #${p.planId} ${e.to_status}: ${e.reason}`, where: ex('plan') });
  }
  const events = db
    .prepare('SELECT kind, on_date, detail FROM court_case_events WHERE case_id = ? ORDER BY on_date, id')
    .all(c.row.id) as { kind: string; on_date: string; detail: string }[];
  for (const e of events)
    lines.push({
      date: e.on_date,
      text: eventText(e.kind, detailOf(e.detail), c),
      where: e.kind === 'demand' ? ex('demand') : '',
    });
  // Date order; on one day, in the order told (service before its charge, charges before statements).
  return lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l.date.localeCompare(b.l.date) || a.i - b.i)
    .map((x) => x.l);
}

export function testimonyOf(db: Db, caseId: number, today: BusinessDate, preparedBy: string): Testimony {
  const c = caseRecord(db, caseId);
  const itemised = itemisedStatement(db, c.accounts);
  const contents = packetContents(db, c);
  const filing = filedChecks(db, c);
  const check = filing ? null : checkOfCase(db, c, today);
  const limitationLine = filing?.lines?.find((l) => l.key === 'limitation') ?? null;
  const limitLine = filing?.lines?.find((l) => l.key === 'limit') ?? null;
  const suitFrom = earliestSuitDay(db, c, today);
  const ex = (key: ExhibitKey) => {
    const e = exhibitOf(contents, key);
    return e ? `Exhibit ${e.number}` : 'Not in the packet';
  };
  const f = itemised.figures;
  const r = c.row;
  const statements = db
    .prepare(
      `SELECT statement_date, kind FROM statements WHERE id IN (${contents.statementIds.map(() => '?').join(',') || 'NULL'}) ORDER BY statement_date`,
    )
    .all(...contents.statementIds) as { statement_date: string; kind: string }[];
  const first = statements[0]?.statement_date ?? null;
  const finalNotice = statements.find((s) => s.kind === 'final_notice')?.statement_date ?? null;
  const figures: TestimonyFigure[] = [
    { label: 'Amount claimed', value: money(c.claimCents) },
    { label: 'Balance owed today (the ledger)', value: money(itemised.balanceCents) },
    ...itemised.kinds.map((k) => ({
      label: {
        charges: 'Total charges',
        insurance: 'Insurance paid',
        adjustments: 'Adjustments',
        patientPayments: 'Paid by or for the patient',
        refunds: 'Refunded',
        courtCosts: 'Court costs awarded',
      }[k],
      value: money(Math.abs(f[k])),
    })),
    ...(c.waivedCents > 0 ? [{ label: 'Excess over the limit, waived', value: money(c.waivedCents) }] : []),
    { label: 'Case status', value: CASE_STATUS_LABELS[r.status] },
    ...(first ? [{ label: 'First statement mailed', value: day(first) }] : []),
    ...(finalNotice ? [{ label: 'Final notice mailed', value: day(finalNotice) }] : []),
    ...(suitFrom ? [{ label: 'Earliest day to sue (501(r))', value: day(suitFrom) }] : []),
    ...(r.demand_sent_on ? [{ label: 'Demand letter mailed', value: day(r.demand_sent_on) }] : []),
    ...(r.file_after ? [{ label: 'Demand said: files after', value: day(r.file_after) }] : []),
    ...(r.filed_on ? [{ label: 'Filed', value: `${day(r.filed_on)}, case number ${r.case_number ?? ''}` }] : []),
    ...(check?.limitationLastDay
      ? [{ label: 'Last day to file (statute of limitations)', value: day(check.limitationLastDay) }]
      : []),
  ];
  const hasPlan = contents.plans.length > 0;
  const questions: TestimonyQuestion[] = [
    {
      question: 'What is your job, and how do you know about this account?',
      answer:
        'I work in the hospital’s patient accounts department and I am a custodian of its account records. I know the records from keeping them, not from memory of the patient.',
      where: ex('declaration'),
    },
    {
      question: 'Are these records kept in the regular course of business? Who made them, and when?',
      answer:
        'Yes. Charges come from the hospital’s billing system when the care is billed; payments and adjustments are posted when they are received or made. Entries are never changed: a mistake is corrected by a reversal, which shows in the statement.',
      where: ex('declaration'),
    },
    {
      question: 'How much is owed, and how did you arrive at it?',
      answer: `${money(itemised.balanceCents)}: the charges of ${money(f.charges)}${f.courtCosts > 0 ? ` plus court costs of ${money(f.courtCosts)}` : ''} less everything credited, entry by entry, in the itemised statement.`,
      where: ex('itemised'),
    },
    {
      question: 'Were the insurance payments and every payment credited?',
      answer: `Yes: insurance ${money(Math.abs(f.insurance))}, adjustments ${money(Math.abs(f.adjustments))}, payments ${money(Math.abs(f.patientPayments))}, each listed with its date.`,
      where: ex('itemised'),
    },
    {
      question: 'Did the defendant receive bills? When?',
      answer: first
        ? `Statements were mailed from ${day(first)}${finalNotice ? `; the final notice on ${day(finalNotice)}` : ''}. The copies are the documents as mailed, checked against the fingerprint recorded when each was sent.`
        : 'No statement was recorded as mailed in Recoup.',
      where: ex('notices'),
    },
    {
      question: 'Was the patient told financial assistance was available? Did the hospital wait before suing?',
      answer: `Every statement and the demand letter carry the financial-assistance notice. IRS §501(r) allows a suit only 120 days after the first statement and 30 days after the final notice${suitFrom ? `: from ${day(suitFrom)}` : ''}. The checks made are in the filing checklist.`,
      where: `${ex('notices')}; ${ex('checklist')}`,
    },
    {
      question: 'Did the hospital ask for payment before suing?',
      answer: r.demand_sent_on
        ? `Yes: a demand letter on ${day(r.demand_sent_on)} said the hospital would file after ${r.file_after ? day(r.file_after) : ''}.`
        : 'Not yet: send the demand letter before filing.',
      where: ex('demand'),
    },
    {
      question: 'Was there a payment plan? What happened to it?',
      answer: hasPlan
        ? 'Yes: the agreement and the letter sent when a payment was missed are in the packet; the story below gives the dates.'
        : 'No payment plan was made on these accounts.',
      where: hasPlan ? ex('plan') : 'Not in the packet',
    },
    {
      question: 'Is the claim within this court’s limit and in time?',
      answer: filing
        ? `The claim was filed on ${day(filing.on)}, and both were checked that day${
            limitLine && limitationLine ? `: ${limitLine.detail} ${limitationLine.detail}` : ' (the filing checklist)'
          }${c.waivedCents > 0 ? ` The ${money(c.waivedCents)} above the limit was waived.` : ''}`
        : `The court’s limit for a business is checked in the worksheet${c.waivedCents > 0 ? `; the ${money(c.waivedCents)} above it is waived` : ''}${check?.limitationLastDay ? `; the last day to file is ${day(check.limitationLastDay)}` : ''}.`,
      where: `${ex('claim')}; ${ex('checklist')}`,
    },
  ];
  return {
    c,
    hospital: hospitalIdentity(db),
    today,
    preparedBy,
    itemised,
    check,
    filing,
    contents,
    story: storyOf(db, c, itemised, contents),
    figures,
    questions,
  };
}

export async function testimonySheet(
  app: RecoupApp,
  caseId: number,
  preparedBy: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  const today = app.clock.today();
  const t = testimonyOf(app.store.db, caseId, today, preparedBy);
  return { fileName: `testimony-sheet-case-${caseId}-${today}.pdf`, bytes: await drawTestimony(t) };
}
