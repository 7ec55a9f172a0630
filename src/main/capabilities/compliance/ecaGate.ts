// The 501(r) gate as a service (ECA-01..05): every extraordinary collection action that later
// capabilities take (suing in small claims, reporting to a bureau, filing against an estate ...)
// asks `attemptEca` first. A refusal is an error naming why and the date it becomes allowed; every
// attempt, allowed or refused, is written to the ECA register with the clock's reasons.
import { formatLongDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { ECA_KIND_LABELS, ecaDecision, type EcaDecision, type EcaKind } from '../../../shared/rules/ecaClock';
import { ECA_ACTION_TEXTS } from '../../../shared/wording/statementTexts';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { AccountsRow, GuarantorsRow } from '../../store/schema';
import { credits } from './credits';
import { holdsOf } from './holds';

type AccountClockRow = Pick<
  AccountsRow,
  'id' | 'guarantor_id' | 'account_number' | 'first_statement_date' | 'final_notice_date' | 'final_notice_actions'
> &
  Pick<GuarantorsRow, 'fap_status'>;

function accountRow(db: Db, accountId: number): AccountClockRow {
  // Prepared once per connection: a list asks the gate for thousands of accounts.
  const row = prepared(
    db,
    `SELECT a.id, a.guarantor_id, a.account_number, a.first_statement_date, a.final_notice_date, a.final_notice_actions, g.fap_status
       FROM accounts a JOIN guarantors g ON g.id = a.guarantor_id WHERE a.id = ?`,
  ).get(accountId) as AccountClockRow | undefined;
  if (!row) throw new AppError('not_found', 'There is no such account.');
  return row;
}

/**
 * Who asks: the hospital itself, or the agency holding the account (ECA-01: its ECAs are the
 * hospital's own). The placement holds the hospital's own collection while the agency works the
 * account (ST-03: one party at a time), so it stops every hospital ECA; it does not stop the
 * agency's own request, which the clock and every other hold judge.
 */
export interface EcaAsker {
  byPlacingAgency?: boolean;
  /**
   * The hold the asker's own matter placed (a small-claims case's litigation hold): it keeps the
   * hospital's statements off the account while the case runs, and is no bar to the case's own
   * next step (a garnishment after judgment), which the clock and every other hold still judge.
   */
  ownHoldId?: number;
  /**
   * Called with the gate's answer once the register has it, before a refusal is thrown: what the
   * caller keeps of its own with the answer (an agency's request) is kept with the refusal too.
   */
  onDecided?: (decision: EcaDecision) => void;
}

/** What the clock says about an ECA of this kind on this account today (nothing is written). */
export function checkEca(db: Db, accountId: number, kind: EcaKind, today: string, asker: EcaAsker = {}): EcaDecision {
  const a = accountRow(db, accountId);
  const released =
    prepared(db, 'SELECT 1 FROM eca_releases WHERE account_id = ? AND kind = ?').get(accountId, kind) !== undefined;
  const holds = holdsOf(db, a.guarantor_id, today)
    .filter((h) => h.active && (h.accountId === null || h.accountId === accountId))
    // The pending application is a reason of its own (fapStatus); a hold placed by hand counts.
    .filter((h) => !(h.automatic && h.reason === 'fap_pending'))
    .filter((h) => !(asker.byPlacingAgency && h.reason === 'placed_with_agency'))
    .filter((h) => !(asker.ownHoldId !== undefined && h.id === asker.ownHoldId))
    .map((h) => h.reason);
  const decision = ecaDecision(
    kind,
    {
      d0: a.first_statement_date,
      finalNoticeDate: a.final_notice_date,
      fapStatus: a.fap_status,
      estateReleased: released,
      holds,
      refundOwedCents: credits(db, today, a.guarantor_id).reduce((t, c) => t + c.patientCents, 0),
    },
    today,
  );
  const unnamed = finalNoticeLeftOut(a, kind);
  if (unnamed === null) return decision;
  return { ...decision, allowed: false, allowedFrom: null, reasons: [...decision.reasons, unnamed] };
}

/**
 * ECA-05: the final notice names the ECAs the hospital may take. When Recoup sent the account's final
 * notice, an action it did not name waits for a notice that names it (a notice dated from the billing
 * system's history, or sent before Recoup kept the actions, cannot be read and is not judged here).
 */
function finalNoticeLeftOut(a: AccountClockRow, kind: EcaKind): string | null {
  if (!a.final_notice_date || a.final_notice_actions === null || kind === 'estate_claim') return null;
  const named = JSON.parse(a.final_notice_actions) as string[];
  if (named.includes(kind)) return null;
  return `The final notice of ${formatLongDate(a.final_notice_date)} did not name “${ECA_ACTION_TEXTS[kind].en}” among the actions the hospital may take: a final notice naming it must go out first (ECA-05).`;
}

/**
 * Asks the gate; records the attempt either way; refuses with the reasons and the date it becomes
 * allowed. The refusal keeps what was written (keepWritten): the router commits the register's row
 * with the refusal's audit event. Call it before opening the action's own transaction: a refusal
 * thrown inside one would roll the register's row back with it.
 */
export function attemptEca(
  db: Db,
  accountId: number,
  kind: EcaKind,
  today: string,
  now: string,
  by: number | null,
  asker: EcaAsker = {},
): EcaDecision {
  const decision = checkEca(db, accountId, kind, today, asker);
  db.prepare(
    'INSERT INTO eca_attempts (account_id, kind, attempted_on, allowed, allowed_from, reasons, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    accountId,
    kind,
    today,
    decision.allowed ? 1 : 0,
    decision.allowedFrom,
    JSON.stringify(decision.reasons),
    now,
    by,
  );
  asker.onDecided?.(decision);
  if (!decision.allowed) {
    const a = accountRow(db, accountId);
    const when = decision.allowedFrom ? ` It is allowed from ${formatLongDate(decision.allowedFrom)}.` : '';
    throw new AppError(
      'not_allowed',
      `${ECA_KIND_LABELS[kind]} is not allowed yet for account ${a.account_number}: ${decision.reasons.join(' ')}${when}`,
      undefined,
      { keepWritten: true },
    );
  }
  return decision;
}

/** ECA-04: a release given for an estate that is withdrawn (the death undone) no longer stands. */
export function revokeEstateRelease(db: Db, accountId: number): void {
  db.prepare(`DELETE FROM eca_releases WHERE account_id = ? AND kind = 'estate_claim'`).run(accountId);
}

/** ECA-04: a supervisor releases a claim against an estate, with a reason. */
export function releaseEstateClaim(db: Db, accountId: number, reason: string, today: string, by: number): void {
  accountRow(db, accountId);
  db.prepare(
    `INSERT INTO eca_releases (account_id, kind, reason, released_on, released_by) VALUES (?, 'estate_claim', ?, ?, ?)
     ON CONFLICT (account_id, kind) DO UPDATE SET reason = excluded.reason, released_on = excluded.released_on, released_by = excluded.released_by`,
  ).run(accountId, reason, today, by);
}

/**
 * The 501(r) gate for an action on every account of a matter (a case's, an estate claim's), all or nothing (ECA-01..05): when any
 * account is refused, only the refusals are asked and recorded (the register never shows the action
 * allowed on one account of a step that was not taken); when every account is allowed, each is asked
 * and recorded allowed. A refusal throws after every refused account is in the register.
 */
export function attemptEcaForEvery(
  db: Db,
  accounts: readonly { account_id: number }[],
  kind: EcaKind,
  on: string,
  w: { now: string; by: number },
  askerOf: (a: { account_id: number }) => EcaAsker = () => ({}),
): void {
  const refused = accounts.filter((a) => !checkEca(db, a.account_id, kind, on, askerOf(a)).allowed);
  let first: unknown = null;
  for (const a of refused.length > 0 ? refused : accounts) {
    try {
      attemptEca(db, a.account_id, kind, on, w.now, w.by, askerOf(a));
    } catch (e) {
      first ??= e;
    }
  }
  if (first !== null) throw first;
}
