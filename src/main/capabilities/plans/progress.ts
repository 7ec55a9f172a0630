// A plan as stored, with its progress worked out from the ledger: the payments toward its accounts
// since it was made (reversed payments and their reversals left out), applied by the PP-02 rule.
import { AppError } from '../../../shared/errors';
import type { NextStepInput } from '../../../shared/rules/nextStep';
import {
  paymentAsked,
  planProgress,
  type PaymentAsked,
  type PlanPayment,
  type PlanProgress,
} from '../../../shared/rules/planProgress';
import {
  ACTIVE_PLAN_STATUSES,
  OPEN_PLAN_STATUSES,
  type PlanEventView,
  type PlanPolicy,
  type PlanView,
} from '../../../shared/schemas/plans';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import { entryStandsSql } from '../ledger';
import type { PlansRow } from '../../store/schema';
import { policyById } from './policy';

/** A plan as stored. */
export type PlanRow = PlansRow;

/** "The plan is active" (shared/schemas/plans.ts) as SQL, for a plans table under `alias`. */
export function activePlanSql(alias: string): string {
  return `${alias}.status IN (${ACTIVE_PLAN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}

/** "The plan is open" (active or defaulted) as SQL. */
export function openPlanSql(alias: string): string {
  return `${alias}.status IN (${OPEN_PLAN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}

/** Payment entry types that are the patient paying (toward a plan). */
export const PAYING_TYPES = `('patient_payment','payroll_deduction')`;

export function planRow(db: Db, planId: number): PlanRow {
  const row = db.prepare('SELECT * FROM plans WHERE id = ?').get(planId) as PlanRow | undefined;
  if (!row) throw new AppError('not_found', 'There is no such plan.');
  return row;
}

export function planInstallments(db: Db, planId: number) {
  return (
    prepared(db, 'SELECT number, due_date, amount_cents FROM plan_installments WHERE plan_id = ? ORDER BY number').all(
      planId,
    ) as { number: number; due_date: string; amount_cents: number }[]
  ).map((r) => ({ number: r.number, dueDate: r.due_date, amountCents: r.amount_cents }));
}

export function planAccountIds(db: Db, planId: number): number[] {
  return prepared(db, 'SELECT account_id FROM plan_accounts WHERE plan_id = ? ORDER BY account_id')
    .pluck()
    .all(planId) as number[];
}

/**
 * What was paid toward a plan — the one definition (issue 11: "a plan counts each dollar once"):
 * the patient's payments to the plan's accounts posted after the plan was made (ledger entry id
 * above the plan's ledger mark, the last entry when it was made), that still stand. A payment
 * posted before set-up, even the same day, is already in the balance the plan was made on.
 * `plan` and `entry` are the SQL aliases of plans and ledger_entries.
 */
export function paidTowardPlanSql(plan: string, entry: string): string {
  return `${entry}.type IN ${PAYING_TYPES} AND ${entry}.id > ${plan}.ledger_mark AND ${entryStandsSql(entry)}`;
}

/** Payments toward the plan (paidTowardPlanSql), by their effective dates. */
export function planPayments(db: Db, planId: number): PlanPayment[] {
  return (
    prepared(
      db,
      `SELECT e.effective_date AS date, -e.amount_cents AS amount
         FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id JOIN ledger_entries e ON e.account_id = pa.account_id
        WHERE p.id = ? AND ${paidTowardPlanSql('p', 'e')}`,
    ).all(planId) as { date: string; amount: number }[]
  ).map((r) => ({ date: r.date, amountCents: r.amount }));
}

/**
 * What the plan's accounts owe now (the most a plan can still ask for). An account in credit counts
 * as nothing: its credit is the patient's, refunded by its date (ECA-05), not applied to the plan.
 */
export function planAccountsOwed(db: Db, planId: number): number {
  // Prepared once per connection: the lapse engine asks it for every active plan.
  return prepared<[number], number>(
    db,
    'SELECT coalesce(sum(max(a.balance_cents, 0)), 0) FROM plan_accounts pa JOIN accounts a ON a.id = pa.account_id WHERE pa.plan_id = ?',
  )
    .pluck()
    .get(planId) as number;
}

export function progressOf(db: Db, plan: PlanRow, policy: PlanPolicy, asOf: string): PlanProgress {
  return planProgress(
    {
      installments: planInstallments(db, plan.id),
      overpayment: policy.overpayment,
      graceDays: policy.graceDays,
      cureDays: policy.cureDays,
      missedToDefault: policy.missedToDefault,
    },
    planPayments(db, plan.id),
    asOf,
    planAccountsOwed(db, plan.id),
  );
}

export function planView(db: Db, planId: number, asOf: string): PlanView {
  const p = planRow(db, planId);
  const policy = policyById(db, p.policy_id);
  const effectiveFrom = db
    .prepare('SELECT effective_from FROM plan_policies WHERE id = ?')
    .pluck()
    .get(p.policy_id) as string;
  const name = (id: number | null) =>
    id === null
      ? null
      : ((db.prepare('SELECT full_name FROM users WHERE id = ?').pluck().get(id) as string | undefined) ?? null);
  const events = (
    db
      .prepare(
        `SELECT e.*, u.full_name AS by_name FROM plan_events e LEFT JOIN users u ON u.id = e.by WHERE e.plan_id = ? ORDER BY e.id`,
      )
      .all(planId) as {
      id: number;
      on_date: string;
      kind: string;
      from_status: string | null;
      to_status: string | null;
      reason: string;
      by_name: string | null;
    }[]
  ).map((e): PlanEventView => ({
    id: e.id,
    onDate: e.on_date,
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    reason: e.reason,
    by: e.by_name,
  }));
  return {
    id: p.id,
    guarantorId: p.guarantor_id,
    status: p.status,
    statusSince: p.status_since,
    startDate: p.start_date,
    balanceCents: p.balance_cents,
    downPaymentCents: p.down_payment_cents,
    frequency: p.frequency,
    dayOfMonth: p.day_of_month,
    installmentCents: p.installment_cents,
    installmentCount: p.installment_count,
    accountIds: planAccountIds(db, planId),
    withinTier: p.within_tier === 1,
    approvedBy: name(p.approved_by),
    approvalReason: p.approval_reason,
    fapAnswer: p.fap_answer,
    agreementSignedOn: p.agreement_signed_on,
    replacesPlanId: p.replaces_plan_id,
    reaged: p.reaged === 1,
    lapsedOn: p.status === 'lapsed' || p.status === 'defaulted' ? p.lapsed_on : null,
    cureDeadline: p.status === 'lapsed' || p.status === 'defaulted' ? p.cure_deadline : null,
    policyEffectiveFrom: effectiveFrom,
    progress: progressOf(db, p, policy, asOf),
    events,
  };
}

export function plansOf(db: Db, guarantorId: number, asOf: string): PlanView[] {
  const ids = db
    .prepare('SELECT id FROM plans WHERE guarantor_id = ? ORDER BY id DESC')
    .pluck()
    .all(guarantorId) as number[];
  return ids.map((id) => planView(db, id, asOf));
}

/** PP-02: a payment goes first to the accounts on the guarantor's active plan. */
export function planPaymentPriority(db: Db, guarantorId: number): number[] {
  return db
    .prepare(
      `SELECT pa.account_id FROM plan_accounts pa JOIN plans p ON p.id = pa.plan_id WHERE p.guarantor_id = ? AND ${activePlanSql('p')}`,
    )
    .pluck()
    .all(guarantorId) as number[];
}

/** The accounts on current plans (of one guarantor, or everyone's), with their plan. */
export function currentPlanAccounts(db: Db, guarantorId?: number): { planId: number; accountId: number }[] {
  const sql = `SELECT p.id AS planId, pa.account_id AS accountId FROM plan_accounts pa JOIN plans p ON p.id = pa.plan_id
                WHERE p.status = 'current'${guarantorId === undefined ? '' : ' AND p.guarantor_id = ?'} ORDER BY p.id, pa.account_id`;
  const stmt = db.prepare(sql);
  return (guarantorId === undefined ? stmt.all() : stmt.all(guarantorId)) as { planId: number; accountId: number }[];
}

/** The open plan an account is on (an active one before one it defaulted from), for its next step. */
export function planOfAccount(db: Db, accountId: number): NextStepInput['plan'] {
  const row = db
    .prepare(
      `SELECT p.id, p.status, p.status_since, p.cure_deadline FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id
        WHERE pa.account_id = ? AND ${openPlanSql('p')} ORDER BY p.status = 'defaulted', p.id DESC LIMIT 1`,
    )
    .get(accountId) as
    | { id: number; status: 'current' | 'lapsed' | 'defaulted'; status_since: string; cure_deadline: string | null }
    | undefined;
  return row ? { id: row.id, status: row.status, since: row.status_since, cureDeadline: row.cure_deadline } : null;
}

/** What a plan asks for now (paymentAsked): the statement and the lapse letter print this. */
export function paymentAskedOf(db: Db, plan: PlanRow, asOf: string): PaymentAsked | null {
  const progress = progressOf(db, plan, policyById(db, plan.policy_id), asOf);
  return paymentAsked(progress, plan.status === 'lapsed' ? plan.cure_deadline : null);
}

/** A guarantor's active plans, each with its accounts and what it asks for on a date (the statement's plan lines). */
export function plansAskingOf(
  db: Db,
  guarantorId: number,
  asOf: string,
): { planId: number; accountIds: number[]; asked: PaymentAsked | null }[] {
  const plans = prepared(
    db,
    `SELECT * FROM plans p WHERE p.guarantor_id = ? AND ${activePlanSql('p')} ORDER BY p.id`,
  ).all(guarantorId) as PlanRow[];
  return plans.map((p) => ({ planId: p.id, accountIds: planAccountIds(db, p.id), asked: paymentAskedOf(db, p, asOf) }));
}

/** The accounts on active plans (current, or lapsed in their cure period): not dunned by statements. */
export function activePlanAccounts(db: Db): number[] {
  return db
    .prepare(
      `SELECT pa.account_id FROM plan_accounts pa JOIN plans p ON p.id = pa.plan_id WHERE ${activePlanSql('p')} ORDER BY pa.account_id`,
    )
    .pluck()
    .all() as number[];
}
