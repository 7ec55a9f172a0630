// What a clerk reads about an estate: the summary a list shows, the detail an estate page shows
// (issue 14), and what the workspace shows on every account of a deceased guarantor. One
// definition of each figure: what the claimed accounts owe (their ledger balances), what the estate
// paid (standing estate_recovery entries), the claim (recorded at filing), what a closing wrote off
// and left for the bad-debt listing (recorded with it). The deadline is computed again from the
// estate's facts and its probate row (claimDeadline), so it always says how it was reached.
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import type { DocumentLanguage } from '../../../shared/rules/documentLanguage';
import {
  claimDeadline,
  estateReminder,
  FILED_WITH_LABELS,
  priorityClass,
  probateRuleFor,
  releaseNeeded,
  suggestLastIllness,
  suitDeadline,
  UNFILED_ESTATE_STATUSES,
  type DeathSource,
  type EstatePolicy,
  type EstateReminder,
  type EstateStatus,
  type FiledWith,
  type ProbateRule,
} from '../../../shared/rules/estates';
import { formatLongDate } from '../../../shared/dates';
import type {
  DeathView,
  EstateAccountView,
  EstateDetail,
  EstateDocumentKind,
  EstateDocumentView,
  EstateEventView,
  EstateSummary,
  GuarantorEstate,
  ProbateRuleRow,
} from '../../../shared/schemas/estates';
import { estatesPolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { DeathsRow, EstatesRow, ProbateRulesRow } from '../../store/schema';
import { guarantorName, guarantorRow } from '../accounts';
import { checkEca } from '../compliance';
import { entryStandsSql } from '../ledger';
import { OPEN_ESTATES_SQL } from './rows';

// ---------------------------------------------------------------- the probate table

function ruleOf(r: ProbateRulesRow): ProbateRule {
  return {
    id: r.id,
    state: r.state,
    noticeMonths: r.notice_months,
    mailedDays: r.mailed_days,
    outerMonths: r.outer_months,
    publicationWeeks: r.publication_weeks,
    lastIllnessClass: r.last_illness_class,
    generalClass: r.general_class,
    finalYearClass: r.final_year_class,
    suitDays: r.suit_days,
    effectiveFrom: r.effective_from,
    source: r.source,
    note: r.note,
  };
}

/** Every row of the probate table, by state and date. */
export function probateRules(db: Db): ProbateRule[] {
  return (db.prepare('SELECT * FROM probate_rules ORDER BY state, effective_from, id').all() as ProbateRulesRow[]).map(
    ruleOf,
  );
}

/** The rows with who recorded each (the table screen). */
export function probateRuleRows(db: Db): ProbateRuleRow[] {
  return (
    db
      .prepare(
        `SELECT p.*, u.full_name AS recorded_by_name FROM probate_rules p LEFT JOIN users u ON u.id = p.recorded_by
          ORDER BY p.state, p.effective_from, p.id`,
      )
      .all() as (ProbateRulesRow & { recorded_by_name: string | null })[]
  ).map((r) => ({ ...ruleOf(r), recordedAt: r.recorded_at, recordedBy: r.recorded_by_name }));
}

export function probateRuleById(db: Db, id: number): ProbateRule {
  const r = prepared(db, 'SELECT * FROM probate_rules WHERE id = ?').get(id) as ProbateRulesRow | undefined;
  if (!r) throw new AppError('not_found', 'There is no such probate rule.');
  return ruleOf(r);
}

// ---------------------------------------------------------------- rows

/** An estate as stored, with its death and its guarantor's name. */
export interface EstateRow extends EstatesRow {
  status: EstateStatus;
  filed_with: FiledWith | null;
  date_of_death: string;
  first_name: string;
  middle_name: string;
  last_name: string;
}

const ESTATE_SELECT = `SELECT e.*, d.date_of_death, g.first_name, g.middle_name, g.last_name
  FROM estates e JOIN deaths d ON d.id = e.death_id JOIN guarantors g ON g.id = e.guarantor_id`;

export function estateRow(db: Db, estateId: number): EstateRow {
  const r = db.prepare(`${ESTATE_SELECT} WHERE e.id = ?`).get(estateId) as EstateRow | undefined;
  if (!r) throw new AppError('not_found', 'There is no such estate.');
  return r;
}

/** "The estate of Eleanor Marsh": how an estate is named in the activity log, the ledger and the queue. */
export function estateLabel(e: Pick<EstateRow, 'first_name' | 'middle_name' | 'last_name'>): string {
  return `The estate of ${guarantorName(e)}`;
}

export interface EstateAccountRow {
  account_id: number;
  account_number: string;
  patient_name: string;
  service_from: string;
  service_to: string;
  service_type: string;
  payer_class: string;
  balance_cents: number;
  deductible_cents: number;
  coinsurance_cents: number;
  last_illness: number;
  claim_cents: number | null;
  written_off_cents: number;
  bad_debt_cents: number;
  bad_debt_on: string | null;
}

/** The estate's accounts, oldest service first (the order money goes in). */
export function estateAccounts(db: Db, estateId: number): EstateAccountRow[] {
  return prepared(
    db,
    `SELECT ea.account_id, a.account_number, a.patient_name, a.service_from, a.service_to, a.service_type, a.payer_class,
              a.balance_cents, a.deductible_cents, a.coinsurance_cents, ea.last_illness, ea.claim_cents, ea.written_off_cents,
              ea.bad_debt_cents, ea.bad_debt_on
         FROM estate_accounts ea JOIN accounts a ON a.id = ea.account_id
        WHERE ea.estate_id = ? ORDER BY a.service_from, a.id`,
  ).all(estateId) as EstateAccountRow[];
}

/** What the estate's accounts owe today (a credit counts as nothing owed). */
export function owedOf(accounts: readonly Pick<EstateAccountRow, 'balance_cents'>[]): number {
  return accounts.reduce((t, a) => t + Math.max(0, a.balance_cents), 0);
}

/** What a call about an estate touched, for the audit: the guarantor and every account claimed. */
export function estateRecords(db: Db, estateId: number): string[] {
  const g = db.prepare('SELECT guarantor_id FROM estates WHERE id = ?').pluck().get(estateId) as number | undefined;
  if (g === undefined) return [];
  return [
    `estate:${estateId}`,
    `guarantor:${g}`,
    ...estateAccounts(db, estateId).map((a) => `account:${a.account_id}`),
  ];
}

/** Estate recoveries per account of the estate (standing entries only: a reversed payment is not recovered). */
function recoveredByAccount(db: Db, estateId: number): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT e.account_id, -coalesce(sum(e.amount_cents), 0) AS recovered
         FROM estate_accounts ea JOIN ledger_entries e ON e.account_id = ea.account_id AND e.type = 'estate_recovery'
        WHERE ea.estate_id = ? AND ${entryStandsSql('e')} GROUP BY e.account_id`,
    )
    .all(estateId) as { account_id: number; recovered: number }[];
  return new Map(rows.map((r) => [r.account_id, r.recovered]));
}

/** The deadline as the estate's facts and its probate row give it. */
export function deadlineOf(db: Db, e: EstateRow) {
  return claimDeadline(
    { dateOfDeath: e.date_of_death, firstPublishedOn: e.first_published_on, mailedNoticeOn: e.mailed_notice_on },
    probateRuleById(db, e.probate_rule_id),
  );
}

/** The latest follow-up with the clerk of court (a letter or a call), for the reminder. */
function lastFollowUpOn(db: Db, estateId: number): string | null {
  return (
    (prepared(db, `SELECT max(on_date) FROM estate_events WHERE estate_id = ? AND kind = 'follow_up'`)
      .pluck()
      .get(estateId) as string | null) ?? null
  );
}

/** The estate's reminder today (the queue's item, the list's and the page's line). */
export function reminderOf(
  db: Db,
  e: EstateRow,
  today: string,
  policy: EstatePolicy,
  lastFollowUp: string | null = lastFollowUpOn(db, e.id),
): EstateReminder | null {
  const rule = probateRuleById(db, e.probate_rule_id);
  return estateReminder(
    {
      status: e.status,
      deadline: e.deadline,
      estateKnown: e.court_name.trim() !== '' || e.pr_name.trim() !== '',
      filedOn: e.filed_on,
      disallowedOn: e.disallowed_on,
      lastFollowUpOn: lastFollowUp,
      suitDays: rule.suitDays,
    },
    today,
    policy,
  );
}

/** The 501(r) gate for an estate claim on each account today, and whether a supervisor released it. */
function ecaOf(db: Db, accounts: readonly EstateAccountRow[], today: string) {
  const isReleased = prepared(db, `SELECT 1 FROM eca_releases WHERE account_id = ? AND kind = 'estate_claim'`);
  return new Map(
    accounts.map((a) => {
      const d = checkEca(db, a.account_id, 'estate_claim', today);
      const released = isReleased.get(a.account_id) !== undefined;
      return [a.account_id, { allowed: d.allowed, allowedFrom: d.allowedFrom, released, reasons: d.reasons }];
    }),
  );
}

function summaryOf(
  db: Db,
  e: EstateRow,
  accounts: readonly EstateAccountRow[],
  eca: Map<number, { allowedFrom: string | null; released: boolean }>,
  today: string,
  policy: EstatePolicy,
): EstateSummary & { ecaAllowedFrom: string | null; released: boolean } {
  const froms = accounts.map((a) => eca.get(a.account_id)!.allowedFrom);
  const ecaAllowedFrom =
    froms.length === 0 || froms.some((f) => f === null) ? null : (froms as string[]).reduce((m, f) => (f > m ? f : m));
  const released = accounts.length > 0 && accounts.every((a) => eca.get(a.account_id)!.released);
  const unfiled = (UNFILED_ESTATE_STATUSES as readonly string[]).includes(e.status);
  return {
    id: e.id,
    guarantorId: e.guarantor_id,
    guarantorName: guarantorName(e),
    dateOfDeath: e.date_of_death,
    status: e.status,
    state: e.state,
    deadline: e.deadline,
    owedCents: owedOf(accounts),
    claimCents: e.claim_cents,
    releaseNeeded: unfiled && !released && releaseNeeded(e.deadline, ecaAllowedFrom),
    reminder: reminderOf(db, e, today, policy),
    ecaAllowedFrom,
    released,
  };
}

/**
 * Every estate (or every estate of a guarantor): those still being worked first, nearest deadline
 * first, then those ended (closed, paid, withdrawn), the latest first.
 */
export function estateSummaries(db: Db, today: string, opts: { guarantorId?: number } = {}): EstateSummary[] {
  const policy = estatesPolicy(db);
  const rows = (
    opts.guarantorId === undefined
      ? db
          .prepare(
            `${ESTATE_SELECT} ORDER BY e.status NOT IN (${OPEN_ESTATES_SQL}), CASE WHEN e.status IN (${OPEN_ESTATES_SQL}) THEN e.deadline END, e.id DESC`,
          )
          .all()
      : db.prepare(`${ESTATE_SELECT} WHERE e.guarantor_id = ? ORDER BY e.id DESC`).all(opts.guarantorId)
  ) as EstateRow[];
  return rows.map((e) => {
    const accounts = estateAccounts(db, e.id);
    // Only a claim not yet presented asks the 501(r) gate (whether a release is needed).
    const eca = (UNFILED_ESTATE_STATUSES as readonly string[]).includes(e.status)
      ? ecaOf(db, accounts, today)
      : new Map(accounts.map((a) => [a.account_id, { allowedFrom: null, released: false }]));
    const { ecaAllowedFrom: _f, released: _r, ...s } = summaryOf(db, e, accounts, eca, today, policy);
    return s;
  });
}

export function deathView(
  r: DeathsRow & { recorded_by_name: string | null; undone_by_name: string | null },
): DeathView {
  return {
    id: r.id,
    dateOfDeath: r.date_of_death,
    source: r.source as DeathSource,
    note: r.note,
    recordedOn: r.recorded_on,
    recordedBy: r.recorded_by_name,
    undoneOn: r.undone_on,
    undoneBy: r.undone_by_name,
    undoReason: r.undo_reason,
  };
}

const DEATH_SELECT = `SELECT d.*, ru.full_name AS recorded_by_name, uu.full_name AS undone_by_name
  FROM deaths d LEFT JOIN users ru ON ru.id = d.recorded_by LEFT JOIN users uu ON uu.id = d.undone_by`;

/** Every death recorded for a guarantor, newest first (an undone one stays, with why). */
export function deathsOf(db: Db, guarantorId: number): DeathView[] {
  return (
    db.prepare(`${DEATH_SELECT} WHERE d.guarantor_id = ? ORDER BY d.id DESC`).all(guarantorId) as (DeathsRow & {
      recorded_by_name: string | null;
      undone_by_name: string | null;
    })[]
  ).map(deathView);
}

/** The death that stands for a guarantor, if any. */
export function standingDeath(db: Db, guarantorId: number): DeathsRow | undefined {
  return db.prepare('SELECT * FROM deaths WHERE guarantor_id = ? AND undone_on IS NULL').get(guarantorId) as
    DeathsRow | undefined;
}

function money(cents: unknown): string {
  return typeof cents === 'number' ? formatCents(cents) : '';
}

/** One sentence for an event (the event's own text when it kept one). */
function eventText(kind: string, d: Record<string, unknown>): string {
  if (typeof d.text === 'string') return d.text;
  switch (kind) {
    case 'opened':
      return `Death recorded; the claim is due by ${formatLongDate(String(d.deadline))}.`;
    case 'details':
      return `Estate record changed; the deadline is ${formatLongDate(String(d.to))}${d.from !== d.to ? ` (was ${formatLongDate(String(d.from))})` : ''}.`;
    case 'referred':
      return 'Referred to legal.';
    case 'filed':
      return `Claim of ${money(d.claimCents)} presented (${FILED_WITH_LABELS[d.filedWith as FiledWith] ?? ''}).`;
    case 'follow_up':
      return d.method === 'call'
        ? `Called the clerk of court: ${String(d.note ?? '')}`
        : 'Follow-up letter sent to the clerk of court.';
    default:
      return kind;
  }
}

function eventsOf(db: Db, estateId: number): EstateEventView[] {
  return (
    db
      .prepare(
        `SELECT ev.id, ev.kind, ev.on_date, ev.detail, u.full_name FROM estate_events ev LEFT JOIN users u ON u.id = ev.by
          WHERE ev.estate_id = ? ORDER BY ev.on_date, ev.id`,
      )
      .all(estateId) as { id: number; kind: string; on_date: string; detail: string; full_name: string | null }[]
  ).map((r) => ({
    id: r.id,
    kind: r.kind,
    on: r.on_date,
    text: eventText(r.kind, JSON.parse(r.detail) as Record<string, unknown>),
    by: r.full_name,
  }));
}

function documentsOf(db: Db, estateId: number): EstateDocumentView[] {
  return (
    db
      .prepare('SELECT id, kind, made_on, language, document_id FROM estate_documents WHERE estate_id = ? ORDER BY id')
      .all(estateId) as { id: number; kind: string; made_on: string; language: string; document_id: number | null }[]
  ).map((r) => ({
    id: r.id,
    kind: r.kind as EstateDocumentKind,
    madeOn: r.made_on,
    language: r.language as DocumentLanguage,
    documentId: r.document_id,
  }));
}

/** The estate page: the record, the deadline and how it was reached, each account, events, documents. */
export function estateDetail(db: Db, estateId: number, today: string): EstateDetail {
  const e = estateRow(db, estateId);
  const policy = estatesPolicy(db);
  const rule = probateRuleById(db, e.probate_rule_id);
  const accounts = estateAccounts(db, estateId);
  const eca = ecaOf(db, accounts, today);
  const summary = summaryOf(db, e, accounts, eca, today, policy);
  const recovered = recoveredByAccount(db, estateId);
  const death = db.prepare(`${DEATH_SELECT} WHERE d.id = ?`).get(e.death_id) as DeathsRow & {
    recorded_by_name: string | null;
    undone_by_name: string | null;
  };
  const accountViews: EstateAccountView[] = accounts.map((a) => ({
    accountId: a.account_id,
    accountNumber: a.account_number,
    patientName: a.patient_name,
    serviceFrom: a.service_from,
    serviceTo: a.service_to,
    serviceType: a.service_type,
    payerClass: a.payer_class,
    balanceCents: a.balance_cents,
    claimCents: a.claim_cents,
    lastIllness: a.last_illness === 1,
    suggestedLastIllness: suggestLastIllness(a.service_to, e.date_of_death, policy.lastIllnessDays),
    priority: priorityClass(rule, {
      lastIllness: a.last_illness === 1,
      serviceTo: a.service_to,
      dateOfDeath: e.date_of_death,
    }),
    recoveredCents: recovered.get(a.account_id) ?? 0,
    writtenOffCents: a.written_off_cents,
    badDebtCents: a.bad_debt_cents,
    eca: eca.get(a.account_id)!,
  }));
  return {
    ...summary,
    death: deathView(death),
    county: e.county,
    courtName: e.court_name,
    courtAddress: e.court_address,
    caseNumber: e.case_number,
    prName: e.pr_name,
    prAddress: e.pr_address,
    attorneyName: e.attorney_name,
    attorneyAddress: e.attorney_address,
    letterLanguage: e.letter_language as DocumentLanguage,
    firstPublishedOn: e.first_published_on,
    mailedNoticeOn: e.mailed_notice_on,
    deadlineInfo: deadlineOf(db, e),
    referredOn: e.referred_on,
    filedOn: e.filed_on,
    filedWith: e.filed_with,
    sworn: e.sworn === 1,
    contingency: e.contingency,
    security: e.security,
    allowedOn: e.allowed_on,
    allowedCents: e.allowed_cents,
    disallowedOn: e.disallowed_on,
    suitDeadline: e.disallowed_on ? suitDeadline(e.disallowed_on, rule) : null,
    closedOn: e.closed_on,
    closeNote: e.close_note,
    recoveredCents: accountViews.reduce((t, a) => t + a.recoveredCents, 0),
    accounts: accountViews,
    events: eventsOf(db, estateId),
    documents: documentsOf(db, estateId),
  };
}

/** What the workspace shows: every death recorded (newest first) and the standing death's estate, or the latest. */
export function guarantorEstate(db: Db, guarantorId: number, today: string): GuarantorEstate {
  guarantorRow(db, guarantorId);
  const deaths = deathsOf(db, guarantorId);
  const standing = standingDeath(db, guarantorId);
  const estateId = (
    standing
      ? db.prepare('SELECT id FROM estates WHERE death_id = ?').pluck().get(standing.id)
      : db.prepare('SELECT id FROM estates WHERE guarantor_id = ? ORDER BY id DESC LIMIT 1').pluck().get(guarantorId)
  ) as number | undefined;
  return { deaths, estate: estateId === undefined ? null : estateDetail(db, estateId, today) };
}

/** The probate row for a state on a date (the state's own, else the UPC default). */
export function probateRuleOn(db: Db, state: string, on: string): ProbateRule {
  return probateRuleFor(probateRules(db), state, on);
}

/**
 * For Medicare bad debt (issue 15): the day collection effort ceased on each account an estate
 * closed with nothing more and left a bad-debt share on (BD-05: the effort ends with the estate).
 * `accountsWhere` is SQL over `a`, the accounts.
 */
export function estateClosings(
  db: Db,
  accountsWhere: string,
  params: Record<string, unknown> = {},
): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT ea.account_id AS id, max(e.closed_on) AS closed_on
         FROM estate_accounts ea JOIN estates e ON e.id = ea.estate_id JOIN accounts a ON a.id = ea.account_id
        WHERE e.status = 'closed_nothing' AND e.closed_on IS NOT NULL AND ea.bad_debt_cents > 0 AND ${accountsWhere}
        GROUP BY ea.account_id`,
    )
    .all(params) as { id: number; closed_on: string }[];
  return new Map(rows.map((r) => [r.id, r.closed_on]));
}
