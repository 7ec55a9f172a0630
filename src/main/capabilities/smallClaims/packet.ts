// The court packet (issue 13, item 3; rules §3.3), one click, one PDF: what goes in it and in which
// order. The exhibits are numbered here once (`packetContents`), so the testimony sheet's "where the
// answer is" points at the same exhibit numbers the packet prints. Before filing, a packet is
// refused when the case's check today has a failing line (a suit that cannot be brought is not
// prepared): the reason named. Once filed, the filing was judged on its date: the packet prints the
// checks as they were made then (the 'filed' event keeps them) and is never refused on today's.
import type { BusinessDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { CourtLimit, DeclarationKind, SuitDecision, SuitLine } from '../../../shared/rules/smallClaims';
import type { Hospital } from '../../../shared/schemas/hospital';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { hospitalIdentity, smallClaimsPolicy } from '../../platform/settings';
import { checkEca } from '../compliance';
import { recordedAgreement, recordedLapseLetter, type KeptOnlyPaper, type RecordedPaper } from '../plans';
import { recordedStatement, type RecordedStatement } from '../statements';
import { caseRecord, type CaseRecord } from './caseRecord';
import { limitById } from './check';
import { failingLines, recordedDemand, type RecordedDemand } from './demand';
import { itemisedStatement, type ItemisedStatement } from './itemised';
import { drawPacket } from './packetPdf';
import { caseAccounts, caseCheck, caseRow } from './views';

export type ExhibitKey = 'checklist' | 'claim' | 'itemised' | 'declaration' | 'notices' | 'plan' | 'demand';

export interface Exhibit {
  number: number;
  key: ExhibitKey;
  title: string;
  /** What it is and why it is in the packet, for its divider page. */
  why: string;
}

const EXHIBITS: Record<ExhibitKey, Omit<Exhibit, 'number' | 'key'>> = {
  checklist: {
    title: 'Filing checklist',
    why: 'What to file, where, when and for how much, and the checks the hospital made before suing (limit, statute of limitations, the 501(r) waiting period, financial assistance, bankruptcy, plans, disputes).',
  },
  claim: {
    title: 'Plaintiff’s claim worksheet',
    why: 'Every fact the court’s claim form asks for (the hospital’s legal name and address, the defendant, the amount, why it is owed, when it arose, and why this court and county), to copy onto or attach to the court’s form.',
  },
  itemised: {
    title: 'Itemised statement of account',
    why: 'Every charge, insurance payment, adjustment, payment, refund, reversal and court cost on the accounts, with dates and the running balance, taken from the hospital’s ledger and reconciled to the balance claimed.',
  },
  declaration: {
    title: 'Declaration of the account',
    why: 'The custodian of records’ statement that the account is kept in the regular course of business and that the balance is due after every payment and credit.',
  },
  notices: {
    title: 'Statements and final notice, as mailed',
    why: 'Each statement and the final notice exactly as mailed (drawn again from the record and checked against the fingerprint taken when it was sent), with their mailing dates: proof of the notices IRS §501(r) requires before a suit, and of the financial-assistance notice on each.',
  },
  plan: {
    title: 'Payment plan agreement and default letter',
    why: 'The payment plan the defendant agreed to and the letter sent when it was missed, as printed.',
  },
  demand: {
    title: 'Demand letter',
    why: 'The letter demanding payment before filing, as sent, with the date after which the hospital said it would file.',
  },
};

/** What the packet holds, decided without drawing anything (the testimony sheet reads it too). */
export interface PacketContents {
  statementIds: number[];
  plans: { planId: number; agreementKept: boolean; letterIds: number[] }[];
  demand: boolean;
  exhibits: Exhibit[];
}

export function exhibitOf(contents: PacketContents, key: ExhibitKey): Exhibit | null {
  return contents.exhibits.find((e) => e.key === key) ?? null;
}

export function packetContents(db: Db, c: CaseRecord): PacketContents {
  const accountIds = c.accounts.map((a) => a.accountId);
  const marks = accountIds.map(() => '?').join(',');
  const statementIds = db
    .prepare(
      `SELECT DISTINCT s.id FROM statements s JOIN statement_accounts sa ON sa.statement_id = s.id
        WHERE sa.account_id IN (${marks}) ORDER BY s.statement_date, s.id`,
    )
    .pluck()
    .all(...accountIds) as number[];
  const planIds = db
    .prepare(
      `SELECT DISTINCT p.id FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id
        WHERE pa.account_id IN (${marks}) ORDER BY p.start_date, p.id`,
    )
    .pluck()
    .all(...accountIds) as number[];
  const plans = planIds
    .map((planId) => ({
      planId,
      agreementKept:
        (db
          .prepare(`SELECT count(*) FROM documents WHERE kind = 'plan_agreement' AND guarantor_id = ? AND title = ?`)
          .pluck()
          .get(c.row.guarantor_id, `Payment plan agreement #${planId}`) as number) > 0,
      letterIds: db
        .prepare(
          `SELECT id FROM plan_letters WHERE plan_id = ? AND printed_on IS NOT NULL AND printed_letter IS NOT NULL ORDER BY printed_on, id`,
        )
        .pluck()
        .all(planId) as number[],
    }))
    .filter((p) => p.agreementKept || p.letterIds.length > 0);
  const demand =
    (db.prepare('SELECT count(*) FROM court_demand_letters WHERE case_id = ?').pluck().get(c.row.id) as number) > 0;
  const keys: ExhibitKey[] = [
    'checklist',
    'claim',
    'itemised',
    'declaration',
    ...(statementIds.length > 0 ? (['notices'] as const) : []),
    ...(plans.length > 0 ? (['plan'] as const) : []),
    ...(demand ? (['demand'] as const) : []),
  ];
  return {
    statementIds,
    plans,
    demand,
    exhibits: keys.map((key, i) => ({ number: i + 1, key, ...EXHIBITS[key] })),
  };
}

/** Everything the packet prints, gathered and verified before a page is drawn. */
export interface PacketMaterial {
  c: CaseRecord;
  hospital: Hospital;
  today: BusinessDate;
  preparedBy: string;
  court: CourtLimit;
  /** Before filing: the case's check today (every line passes, or the packet is refused). Once filed: null. */
  check: SuitDecision | null;
  /** Once filed: the checks as made on the filing date (lines null for a filing that did not keep them). */
  filing: FiledChecks | null;
  /** ECA-05's first day for a suit on every case account (null while a notice is missing). */
  earliestSuitDay: BusinessDate | null;
  itemised: ItemisedStatement;
  declaration: DeclarationKind;
  contents: PacketContents;
  statements: RecordedStatement[];
  plans: {
    planId: number;
    startDate: string;
    status: string;
    /** The agreement as printed, drawn again; or, when it no longer draws so, the kept copy to attach. */
    agreement: RecordedPaper | null;
    keptAgreement: KeptOnlyPaper | null;
    letters: (RecordedPaper & { cureDeadline: string })[];
  }[];
  demand: RecordedDemand | null;
  policy: ReturnType<typeof smallClaimsPolicy>;
}

/**
 * The first day the 501(r) rules allowed the suit on every case account (ECA-05: the later of the
 * first statement + 120 days and the final notice + 30), from the gate's own clock. Not the check's
 * "allowed from", which once the gate is open is the day it was asked.
 */
export function earliestSuitDay(db: Db, c: CaseRecord, today: BusinessDate): BusinessDate | null {
  let latest: BusinessDate | null = null;
  for (const a of c.accounts) {
    const day = checkEca(db, a.accountId, 'civil_action', today, { ownHoldId: c.ownHoldIds.get(a.accountId) }).clock
      .earliestEcaDate;
    if (day === null) return null;
    if (latest === null || day > latest) latest = day;
  }
  return latest;
}

/**
 * The case's check on a date, as the packet and the testimony sheet judge it before filing: the one
 * case check (views.ts caseCheck: the case's own holds no bar; a changed venue judged one way).
 */
export function checkOfCase(db: Db, c: CaseRecord, on: BusinessDate): SuitDecision {
  return caseCheck(db, caseRow(db, c.row.id), caseAccounts(db, c.row.id), on);
}

/** The checks a filing was judged by: the filing date, and the lines the 'filed' event kept (if it did). */
export interface FiledChecks {
  on: BusinessDate;
  lines: SuitLine[] | null;
}

export function filedChecks(db: Db, c: CaseRecord): FiledChecks | null {
  if (!c.row.filed_on) return null;
  const detail = db
    .prepare(`SELECT detail FROM court_case_events WHERE case_id = ? AND kind = 'filed' ORDER BY id DESC LIMIT 1`)
    .pluck()
    .get(c.row.id) as string | undefined;
  let lines: SuitLine[] | null = null;
  try {
    const d = detail ? (JSON.parse(detail) as { lines?: unknown }) : {};
    if (Array.isArray(d.lines) && d.lines.length > 0) lines = d.lines as SuitLine[];
  } catch {
    lines = null;
  }
  return { on: c.row.filed_on, lines };
}

export async function gatherPacket(
  app: RecoupApp,
  caseId: number,
  declaration: DeclarationKind,
  preparedBy: string,
): Promise<PacketMaterial> {
  const db = app.store.db;
  const today = app.clock.today();
  const c = caseRecord(db, caseId);
  const filing = filedChecks(db, c);
  // Before filing, today's check decides; once filed, the filing was judged on its own date.
  const check = filing ? null : checkOfCase(db, c, today);
  const failing = check ? failingLines(check.lines) : '';
  if (failing !== '') throw new AppError('not_allowed', `The court packet is not prepared: ${failing}`);
  const court = limitById(db, c.row.court_limit_id);
  // Rule 185 is Texas's rule of civil procedure: its sworn-account affidavit is for a Texas court only.
  if (declaration === 'tx_rule_185' && court.state !== 'TX')
    throw new AppError(
      'invalid_input',
      `The Texas Rule 185 sworn-account affidavit is for a Texas court; this case is in ${court.state}: choose the plain declaration.`,
      { declaration: 'Choose the plain declaration: this court is not in Texas.' },
    );
  const contents = packetContents(db, c);
  const statements: RecordedStatement[] = [];
  for (const id of contents.statementIds) statements.push(await recordedStatement(db, id));
  const plans: PacketMaterial['plans'] = [];
  for (const p of contents.plans) {
    const row = db.prepare('SELECT start_date, status FROM plans WHERE id = ?').get(p.planId) as {
      start_date: string;
      status: string;
    };
    const letters: PacketMaterial['plans'][number]['letters'] = [];
    for (const id of p.letterIds) {
      const paper = await recordedLapseLetter(db, id);
      const cure = db.prepare('SELECT cure_deadline FROM plan_letters WHERE id = ?').pluck().get(id) as string;
      if (paper) letters.push({ ...paper, cureDeadline: cure });
    }
    const agreement = p.agreementKept ? await recordedAgreement(db, p.planId) : null;
    plans.push({
      planId: p.planId,
      startDate: row.start_date,
      status: row.status,
      agreement: agreement?.drawn ? agreement.paper : null,
      keptAgreement: agreement && !agreement.drawn ? agreement.kept : null,
      letters,
    });
  }
  return {
    c,
    hospital: hospitalIdentity(db),
    today,
    preparedBy,
    court,
    check,
    filing,
    earliestSuitDay: earliestSuitDay(db, c, today),
    itemised: itemisedStatement(db, c.accounts),
    declaration,
    contents,
    statements,
    plans,
    demand: await recordedDemand(db, caseId),
    policy: smallClaimsPolicy(db),
  };
}

/** The packet: one PDF, bookmarked, its exhibits numbered and labelled. */
export async function courtPacket(
  app: RecoupApp,
  caseId: number,
  declaration: DeclarationKind,
  preparedBy: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  const m = await gatherPacket(app, caseId, declaration, preparedBy);
  return { fileName: `court-packet-case-${caseId}-${m.today}.pdf`, bytes: await drawPacket(m) };
}
