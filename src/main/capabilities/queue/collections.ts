// What the accounts themselves put in the work queue, so that collections are worked and not only
// plans: a final notice whose deadline has passed (ECA-05), a self-pay balance with no payment
// since the last statement, a high balance with nothing else in the queue, and (for supervisors) a
// financial-assistance application awaiting a decision. A held account is left out: a person has
// nothing to do for it but what the hold says (the holds are compliance's, read as the statement
// run reads them). So is an account on a current plan (the plan holds it) or a lapsed one (the
// lapsed plan is its item). Each guarantor comes in at most once per kind. Everything is read in a few
// set-based queries over the whole book; nothing is read guarantor by guarantor.
import { addDays, daysBetween, formatShortDate } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { DEFAULT_ECA_POLICY } from '../../../shared/rules/ecaClock';
import { queueScore, URGENCY } from '../../../shared/rules/workQueue';
import type { QueueCandidate, QueueSource } from '../../platform/capability';
import { queuePolicy, statementPolicy } from '../../platform/settings';
import type { Db } from '../../store/database';
import { guarantorName } from '../accounts';
import { activePlacedHolds, automaticHoldReasons, guarantorsOwedRefund } from '../compliance';
import { entryStandsSql } from '../ledger';
import { activePlanSql } from '../plans';

/** Payments that are the guarantor paying (the index ledger_paying covers exactly these). */
const PAYING = `('patient_payment','payroll_deduction')`;

/**
 * What the whole book's read gives of each guarantor who may need a person, in the order of its
 * columns (OPEN_COLUMNS): read as arrays, not objects, one at a time (at 1M some 177,000 rows of 18
 * columns: the read alone went 2.75 -> 2.25 s; the whole source, about 5% less).
 */
type OpenTuple = [
  id: number,
  firstName: string,
  middleName: string,
  lastName: string,
  deceased: number,
  bankruptcy: number,
  fapStatus: string,
  mailReturnedOn: string | null,
  /** The open balance of the guarantor's accounts not on hold and not on an active plan. */
  owed: number,
  selfPay: number,
  /** Accounts whose final notice's deadline has passed, their balance, the first deadline and the first ECA date. */
  noticeAccounts: number,
  noticeOwed: number,
  firstNotice: string | null,
  ecaFrom: string | null,
  lastStatement: string | null,
  /** 1 or 0 when the last statement is past due (and no final notice has passed); null otherwise. */
  paidSince: number | null,
  /** The last standing payment's date, when nothing was paid since the last statement. */
  lastPaid: string | null,
  /** Who last recorded an activity on the guarantor (any user: only an active one owns the items). */
  ownerId: number | null,
];

/** The read's columns, in OpenTuple's order (a test holds the statement to it). */
export const OPEN_COLUMNS = [
  'id',
  'first_name',
  'middle_name',
  'last_name',
  'deceased',
  'bankruptcy',
  'fap_status',
  'mail_returned_on',
  'owed',
  'self_pay',
  'notice_accounts',
  'notice_owed',
  'first_notice',
  'eca_from',
  'last_statement',
  'paid_since',
  'last_paid',
  'owner_id',
] as const;

const ECA = DEFAULT_ECA_POLICY;

/** A payment from the guarantor, standing (not reversed), on one of their accounts: by index (ledger_paying). */
const paidSql = (guarantor: string, since: string | null) =>
  `SELECT ${since === null ? 'max(e.effective_date)' : '1'} FROM accounts pa JOIN ledger_entries e INDEXED BY ledger_paying ON e.account_id = pa.id
    WHERE pa.guarantor_id = ${guarantor} AND e.type IN ${PAYING}${since === null ? '' : ` AND e.effective_date >= ${since}`} AND ${entryStandsSql('e')}`;

/** Who last recorded an activity on the guarantor's accounts (by index activities_guarantor). */
const ownerSql = (guarantor: string) =>
  `SELECT ac.created_by FROM activities ac WHERE ac.guarantor_id = ${guarantor} AND ac.created_by IS NOT NULL
    ORDER BY ac.occurred_on DESC, ac.id DESC LIMIT 1`;

/**
 * The guarantors with an open balance on accounts not on hold and not on an active plan who may need
 * a person (a final notice passed, a past-due statement unpaid, a high balance), with what the
 * queue's kinds need: one pass over the open accounts (by the covering index accounts_open; the
 * active plans' accounts read once), the last statement by index (the statements' UNIQUE
 * (guarantor_id, statement_date)), and whether anything was paid since it by index (ledger_paying),
 * stopping at the first payment, only for those whose statement is past due (and no final notice's
 * 30 days are still running: the notice gives until its own date). The guarantors' rows (names, the
 * automatic holds) are read last, only for those who need a person: the guarantors table is the
 * largest read here, and most who owe are waiting on their statement. With each row come what its
 * items say: the last payment (for those with nothing paid since their statement, by ledger_paying)
 * and who last worked the account (one probe each, in the same statement: not a second pass over a
 * list of 200,000 ids at 1M). They are read from the index guarantors_queue (migration 032: what is
 * read here, by id), not the table: the table's wide rows made that read most of its pages.
 */
export const openBalancesSql = (
  scoped: boolean,
): string => `WITH held(id) AS (SELECT value FROM json_each(@heldAccounts)),
     planned(id) AS (SELECT pa.account_id FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id WHERE ${activePlanSql('p')}${
       // Some guarantors: only their accounts' plans (by plan_accounts_account), not every active plan's accounts.
       scoped
         ? ' AND pa.account_id IN (SELECT oa.id FROM accounts oa WHERE oa.guarantor_id IN (SELECT value FROM json_each(@only)))'
         : ''
     }),
     open AS (
       SELECT a.guarantor_id AS gid, sum(a.balance_cents) AS owed,
              sum(CASE WHEN a.payer_class = 'self_pay' THEN a.balance_cents ELSE 0 END) AS self_pay,
              max(a.first_statement_date) AS first_statement,
              count(CASE WHEN a.final_notice_date <= @noticeCutoff THEN 1 END) AS notice_accounts,
              count(CASE WHEN a.final_notice_date > @noticeCutoff THEN 1 END) AS notices_running,
              sum(CASE WHEN a.final_notice_date <= @noticeCutoff THEN a.balance_cents ELSE 0 END) AS notice_owed,
              min(CASE WHEN a.final_notice_date <= @noticeCutoff THEN a.final_notice_date END) AS first_notice,
              min(CASE WHEN a.final_notice_date <= @noticeCutoff
                       THEN max(date(a.final_notice_date, '+${ECA.noticeDays} days'),
                                date(coalesce(a.first_statement_date, a.final_notice_date), '+${ECA.notificationDays} days')) END) AS eca_from
         FROM accounts a
        WHERE a.balance_cents > 0 AND a.id NOT IN held AND a.id NOT IN planned${scoped ? ' AND a.guarantor_id IN (SELECT value FROM json_each(@only))' : ''}
        GROUP BY a.guarantor_id
        -- Only who may need a person goes on: a final notice passed, a high balance, or self-pay owed
        -- with no notice running and a first statement (if any) already past due; the last statement
        -- is never earlier than the first, so nobody the queue shows is left out here.
       HAVING notice_accounts > 0 OR owed >= @highBalance
           OR (self_pay > 0 AND notices_running = 0 AND (first_statement IS NULL OR first_statement <= @statementCutoff))),
     base AS MATERIALIZED (
       SELECT o.gid, o.owed, o.self_pay, o.notice_accounts, o.notices_running, o.notice_owed, o.first_notice, o.eca_from,
              CASE WHEN o.self_pay > 0 THEN
                nullif(max(coalesce(o.first_statement, ''), coalesce((SELECT max(s.statement_date) FROM statements s WHERE s.guarantor_id = o.gid), '')), '')
              END AS last_statement
         FROM open o
        WHERE o.gid NOT IN (SELECT value FROM json_each(@heldGuarantors))),
     checked AS MATERIALIZED (
       SELECT b.*,
              CASE WHEN b.last_statement <= @statementCutoff AND b.notice_accounts = 0 AND b.notices_running = 0
                   THEN EXISTS (${paidSql('b.gid', 'b.last_statement')}) END AS paid_since
         FROM base b)
SELECT g.id, g.first_name, g.middle_name, g.last_name, g.deceased, g.bankruptcy, g.fap_status, g.mail_returned_on,
       c.owed, c.self_pay, c.notice_accounts, c.notice_owed, c.first_notice, c.eca_from, c.last_statement, c.paid_since,
       CASE WHEN c.paid_since = 0 THEN (${paidSql('c.gid', null)}) END AS last_paid,
       (${ownerSql('c.gid')}) AS owner_id
  FROM checked c JOIN guarantors g INDEXED BY guarantors_queue ON g.id = c.gid
 WHERE c.notice_accounts > 0 OR c.paid_since = 0 OR c.owed >= @highBalance`;

/** The whole book's read (the first build of the day's queue). */
export const OPEN_BALANCES_SQL = openBalancesSql(false);
/** The same for some guarantors (the kept queue revalidating those a change touched), by accounts_open. */
export const OPEN_BALANCES_ONLY_SQL = openBalancesSql(true);

function openBalances(
  db: Db,
  today: string,
  dueInDays: number,
  highBalanceCents: number,
  heldAccounts: number[],
  heldGuarantors: number[],
  only: ReadonlySet<number> | undefined,
): IterableIterator<OpenTuple> {
  return db
    .prepare(only ? OPEN_BALANCES_ONLY_SQL : OPEN_BALANCES_SQL)
    .raw(true)
    .iterate({
      ...(only ? { only: JSON.stringify([...only]) } : {}),
      heldAccounts: JSON.stringify(heldAccounts),
      heldGuarantors: JSON.stringify(heldGuarantors),
      noticeCutoff: addDays(today, -ECA.noticeDays),
      statementCutoff: addDays(today, -dueInDays),
      highBalance: highBalanceCents,
    }) as IterableIterator<OpenTuple>;
}

/** The active users, who may own a guarantor's collection items (whoever last recorded an activity). */
function activeUsers(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT id, full_name AS name FROM users WHERE active = 1').all() as {
    id: number;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A function of a date, remembered for one read: the whole book's items say a few hundred distinct
 * dates some 200,000 times at 1M (the date arithmetic and formatting were a tenth of the build).
 */
function remembered<T>(f: (date: string) => T): (date: string) => T {
  const seen = new Map<string, T>();
  return (date) => {
    let v = seen.get(date);
    if (v === undefined) {
      v = f(date);
      seen.set(date, v);
    }
    return v;
  };
}

export const collectionsQueueSource: QueueSource = {
  kinds: ['final_notice_passed', 'no_payment', 'high_balance', 'assistance_pending'],
  onlyAlone: ['high_balance'],
  items(db, today, want, only) {
    const items: QueueCandidate[] = [];
    if (want('final_notice_passed') || want('no_payment') || want('high_balance')) {
      const placed = activePlacedHolds(db, today);
      const heldAccounts = placed.flatMap((h) => (h.accountId === null ? [] : [h.accountId]));
      const heldGuarantors = placed.flatMap((h) => (h.accountId === null ? [h.guarantorId] : []));
      const dueIn = statementPolicy(db).dueInDays;
      const threshold = queuePolicy(db).highBalanceCents;
      // Whose a guarantor's collection items are: whoever last recorded an activity on the account,
      // if still an active user.
      const users = activeUsers(db);
      const shortDate = remembered(formatShortDate);
      const dueAfter = remembered((statement) => addDays(statement, dueIn));
      const daysSince = remembered((date) => daysBetween(date, today));
      // ECA-05: a guarantor owed a refund of their own money is not collected from until it is paid
      // (the 501(r) gate refuses the same); their item is the credit to refund.
      // Revalidating some guarantors: asked only about them (by accounts_credit). The whole book:
      // every account in credit, read once (a few thousand at 1M), not looked up for each of the
      // ~280,000 who owe (1.4 s of CPU at 1M). Read before the open balances, which are read as they come.
      const owedRefund = guarantorsOwedRefund(db, only);
      for (const r of openBalances(db, today, dueIn, threshold, heldAccounts, heldGuarantors, only)) {
        const [
          id,
          firstName,
          middleName,
          lastName,
          deceased,
          bankruptcy,
          fapStatus,
          mailReturnedOn,
          owed,
          selfPay,
          noticeAccounts,
          noticeOwed,
          firstNotice,
          ecaFrom,
          lastStatement,
          paidSince,
          lastPaid,
          ownerOf,
        ] = r;
        // A deceased or bankrupt guarantor, a pending application or returned mail holds every account.
        const automatic = automaticHoldReasons({
          deceased: deceased === 1,
          bankruptcy: bankruptcy === 1,
          fapPending: fapStatus === 'pending',
          mailReturned: mailReturnedOn !== null,
        });
        if (automatic.length > 0 || owedRefund.has(id)) continue;
        const name = guarantorName({ first_name: firstName, middle_name: middleName, last_name: lastName });
        const owner = ownerOf === null ? undefined : users.get(ownerOf);
        const assignee = owner ?? null;
        const ownerId = owner === undefined ? null : ownerOf;
        if (noticeAccounts > 0) {
          // The notice's deadline passing says more than the missing payment: one item, this one.
          if (!want('final_notice_passed')) continue;
          // ECA-05: the notice gave 30 days; an ECA may be considered once 120 days from D0 have passed too.
          const deadline = addDays(firstNotice!, DEFAULT_ECA_POLICY.noticeDays);
          const ready = ecaFrom! <= today;
          const accounts = noticeAccounts === 1 ? '1 account' : `${noticeAccounts} accounts`;
          items.push({
            key: `finalNotice:${id}:${firstNotice}`,
            kind: 'final_notice_passed',
            guarantorId: id,
            guarantorName: name,
            summary:
              `Final notice of ${shortDate(firstNotice!)} gave until ${shortDate(deadline)}; ${formatCents(noticeOwed)} still owed on ${accounts}. ` +
              (ready
                ? 'Next: the 501(r) notices are complete; decide on an agency placement or another collection action (ECA-05).'
                : `Next: call the guarantor; collection actions are allowed from ${shortDate(ecaFrom!)} (ECA-05).`),
            amountCents: noticeOwed,
            date: deadline,
            score: queueScore(noticeOwed, URGENCY.finalNoticePassed(daysSince(deadline))),
            assignee,
            ownerId,
          });
        } else if (paidSince === 0 && want('no_payment')) {
          // The last statement's "Please pay by" date has passed and nothing was paid since it.
          const due = dueAfter(lastStatement!);
          items.push({
            key: `noPayment:${id}:${lastStatement}`,
            kind: 'no_payment',
            guarantorId: id,
            guarantorName: name,
            summary: `No payment since the statement of ${shortDate(lastStatement!)} (due ${shortDate(due)}); ${formatCents(selfPay)} self-pay owed. Last payment: ${lastPaid ? shortDate(lastPaid) : 'none'}.`,
            amountCents: selfPay,
            date: due,
            score: queueScore(selfPay, URGENCY.noPaymentSinceStatement(daysSince(due))),
            assignee,
            ownerId,
          });
        }
        if (owed >= threshold && want('high_balance')) {
          items.push({
            key: `highBalance:${id}`,
            kind: 'high_balance',
            guarantorId: id,
            guarantorName: name,
            summary: `${formatCents(owed)} owed, at or over the high-balance threshold of ${formatCents(threshold)}, and nothing else in the queue.`,
            amountCents: owed,
            date: today,
            score: queueScore(owed, URGENCY.highBalance),
            assignee,
            ownerId,
          });
        }
      }
    }
    if (want('assistance_pending')) items.push(...assistancePending(db, today, only));
    return items;
  },
};

/** ECA-05: applications awaiting a decision suspend collection actions; a supervisor decides, the oldest first. */
function assistancePending(db: Db, today: string, only: ReadonlySet<number> | undefined): QueueCandidate[] {
  const rows = db
    .prepare(
      `SELECT g.id, g.first_name, g.middle_name, g.last_name, g.balance_cents, g.fap_status_date
         FROM guarantors g WHERE g.fap_status = 'pending'${only ? ' AND g.id IN (SELECT value FROM json_each(?))' : ''}`,
    )
    .all(...(only ? [JSON.stringify([...only])] : [])) as {
    id: number;
    first_name: string;
    middle_name: string;
    last_name: string;
    balance_cents: number;
    fap_status_date: string | null;
  }[];
  const shortDate = remembered(formatShortDate);
  const daysSince = remembered((date) => daysBetween(date, today));
  return rows.map((r) => {
    const since = r.fap_status_date ?? today;
    const days = daysSince(since);
    return {
      key: `assistance:${r.id}:${since}`,
      kind: 'assistance_pending',
      guarantorId: r.id,
      guarantorName: guarantorName(r),
      summary: `Financial-assistance application pending since ${shortDate(since)} (${days} day${days === 1 ? '' : 's'}); collection actions wait for the decision (ECA-05). ${formatCents(r.balance_cents)} owed.`,
      amountCents: r.balance_cents,
      date: since,
      score: queueScore(r.balance_cents, URGENCY.assistancePending(days)),
      assignee: null,
      ownerId: null,
      forSupervisors: true,
    };
  });
}
