// Making, re-scheduling and cancelling a plan. The schedule comes from the one shared rule; a plan
// outside its PP-01 tier needs a supervisor's approval with a reason; before a plan is made for a
// guarantor whose financial-assistance status is unknown and whose balance is above the policy's
// amount, the clerk must have offered financial assistance (501(r) spirit), and the answer is kept.
import { addDays, formatShortDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import { checkTier, mustOfferFinancialAssistance } from '../../../shared/rules/planPolicy';
import { computeSchedule } from '../../../shared/rules/planSchedule';
import { roleAtLeast, type Role } from '../../../shared/roles';
import { isOpenPlan, type CreatePlanInput, type PlanPolicy, type PlanTermField } from '../../../shared/schemas/plans';
import type { RecoupApp } from '../../app';
import type { Db } from '../../store/database';
import { supervisorApproval } from '../access';
import { policyOn } from './policy';
import { refuseIfDeceased } from './suspension';
import { addInstallments, addPlanAccounts, endPlan, insertPlan, recordEvent, setAgreementSigned } from './planRows';
import { activePlanSql, planAccountIds, planPayments, planRow } from './progress';

export interface Actor {
  id: number;
  role: Role;
}

type Terms = Pick<CreatePlanInput, PlanTermField>;

/** The accounts' open balance; each must be the guarantor's and not on another active plan. */
function accountsBalance(db: Db, guarantorId: number, accountIds: number[], exceptPlanId: number | null): number {
  let total = 0;
  for (const id of new Set(accountIds)) {
    const a = db.prepare('SELECT guarantor_id, balance_cents, account_number FROM accounts WHERE id = ?').get(id) as
      { guarantor_id: number; balance_cents: number; account_number: string } | undefined;
    if (!a || a.guarantor_id !== guarantorId)
      throw new AppError('invalid_input', 'A chosen account is not this guarantor’s.', {
        accountIds: 'Choose this guarantor’s accounts.',
      });
    const other = db
      .prepare(
        `SELECT p.id FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id WHERE pa.account_id = ? AND ${activePlanSql('p')} AND p.id IS NOT ?`,
      )
      .pluck()
      .get(id, exceptPlanId) as number | undefined;
    if (other !== undefined)
      throw new AppError(
        'conflict',
        `Account ${a.account_number} is already on plan #${other}; re-schedule that plan instead.`,
        { accountIds: `Account ${a.account_number} is already on a plan.` },
      );
    total += a.balance_cents;
  }
  return total;
}

function supervisorId(
  app: RecoupApp,
  actor: Actor,
  terms: Terms,
  reasons: string[],
): { approvedBy: number; reason: string } {
  const why = reasons.join(' ');
  if (roleAtLeast(actor.role, 'supervisor')) {
    const reason = terms.exceptionReason?.trim() || terms.approval?.reason;
    if (!reason)
      throw new AppError(
        'invalid_input',
        `This plan is outside the policy: ${why} Give the reason for the exception.`,
        { exceptionReason: 'Say why this plan is an exception.' },
      );
    return { approvedBy: actor.id, reason };
  }
  if (!terms.approval) {
    throw new AppError('forbidden', `This plan is outside the policy: ${why} A supervisor must approve it.`, {
      approval: 'A supervisor must approve a plan outside the policy.',
    });
  }
  const user = supervisorApproval(app, terms.approval);
  return { approvedBy: user.id, reason: terms.approval.reason };
}

function scheduleFor(policy: PlanPolicy, balance: number, terms: Terms) {
  const schedule = computeSchedule({
    balanceCents: balance,
    downPaymentCents: terms.downPaymentCents,
    frequency: terms.frequency,
    firstDueDate: terms.firstDueDate,
    ...(terms.dayOfMonth !== undefined ? { dayOfMonth: terms.dayOfMonth } : {}),
    ...(terms.installmentCents !== undefined ? { installmentCents: terms.installmentCents } : {}),
    ...(terms.installmentCount !== undefined ? { installmentCount: terms.installmentCount } : {}),
  });
  if (!schedule.ok)
    throw new AppError('invalid_input', schedule.reason, {
      [schedule.field === 'balanceCents' ? 'accountIds' : schedule.field]: schedule.reason,
    });
  const first = schedule.installments[0]!;
  const last = schedule.installments.at(-1)!;
  const tier = checkTier(policy.tiers, {
    balanceCents: balance,
    frequency: terms.frequency,
    count: schedule.installments.length,
    installmentCents: first.amountCents,
    firstDueDate: first.dueDate,
    lastDueDate: last.dueDate,
  });
  return { schedule, tier };
}

function makePlan(
  app: RecoupApp,
  p: {
    guarantorId: number;
    policyId: number;
    balance: number;
    terms: Terms;
    schedule: ReturnType<typeof scheduleFor>;
    fapAnswer: CreatePlanInput['fapAnswer'];
    approval: { approvedBy: number; reason: string } | null;
    accountIds: number[];
    replaces: number | null;
    reaged: boolean;
    by: number;
  },
): number {
  const db = app.store.db;
  const today = app.clock.today();
  const now = app.nowIso();
  const inst = p.schedule.schedule.ok ? p.schedule.schedule.installments : [];
  const id = insertPlan(db, {
    guarantor_id: p.guarantorId,
    policy_id: p.policyId,
    status_since: today,
    start_date: today,
    balance_cents: p.balance,
    down_payment_cents: p.terms.downPaymentCents,
    frequency: p.terms.frequency,
    day_of_month:
      p.terms.frequency === 'monthly' ? (p.terms.dayOfMonth ?? Number(p.terms.firstDueDate.slice(8, 10))) : null,
    first_due_date: p.terms.firstDueDate,
    installment_cents: inst[0]!.amountCents,
    installment_count: inst.length,
    within_tier: p.schedule.tier.within ? 1 : 0,
    approved_by: p.approval?.approvedBy ?? null,
    approval_reason: p.approval?.reason ?? null,
    fap_answer: p.fapAnswer,
    replaces_plan_id: p.replaces,
    reaged: p.reaged ? 1 : 0,
    created_at: now,
    created_by: p.by,
  });
  addPlanAccounts(db, id, p.accountIds);
  // A defaulted plan over these accounts is replaced by this one (its history stays).
  for (const old of db
    .prepare(
      `SELECT DISTINCT p.id FROM plans p JOIN plan_accounts pa ON pa.plan_id = p.id WHERE p.status = 'defaulted' AND p.id <> ? AND pa.account_id IN (SELECT account_id FROM plan_accounts WHERE plan_id = ?)`,
    )
    .pluck()
    .all(id, id) as number[]) {
    endPlan(db, old, 'replaced', today);
    recordEvent(db, old, {
      onDate: today,
      kind: 'replaced',
      from: 'defaulted',
      to: 'replaced',
      reason: `A new plan #${id} covers its accounts.`,
      at: now,
      by: p.by,
    });
  }
  addInstallments(db, id, [
    ...(p.terms.downPaymentCents > 0 ? [{ number: 0, dueDate: today, amountCents: p.terms.downPaymentCents }] : []),
    ...inst,
  ]);
  const summary = `${formatCents(p.balance)}: ${p.terms.downPaymentCents > 0 ? `${formatCents(p.terms.downPaymentCents)} down, then ` : ''}${inst.length} ${p.terms.frequency} payments of ${formatCents(inst[0]!.amountCents)} from ${formatShortDate(p.terms.firstDueDate)}`;
  recordEvent(db, id, {
    onDate: today,
    kind: p.replaces ? (p.reaged ? 'reaged' : 'rescheduled') : 'created',
    to: 'current',
    reason: `${summary}${p.approval ? `; outside the policy, approved: ${p.approval.reason}` : ''}`,
    at: now,
    by: p.by,
  });
  return id;
}

export function createPlan(app: RecoupApp, input: CreatePlanInput, actor: Actor): number {
  const db = app.store.db;
  const today = app.clock.today();
  if (input.firstDueDate < today)
    throw new AppError('invalid_input', 'The first payment cannot be due before today.', {
      firstDueDate: 'Choose today or later.',
    });
  const g = db.prepare('SELECT fap_status FROM guarantors WHERE id = ?').get(input.guarantorId) as
    { fap_status: string } | undefined;
  if (!g) throw new AppError('not_found', 'There is no such guarantor.');
  refuseIfDeceased(db, input.guarantorId);
  const balance = accountsBalance(db, input.guarantorId, input.accountIds, null);
  const version = policyOn(db, today, app.nowIso());
  const offerFirst = mustOfferFinancialAssistance({
    fapStatus: g.fap_status,
    balanceCents: balance,
    fapPromptAboveCents: version.policy.fapPromptAboveCents,
  });
  if (offerFirst && input.fapAnswer === 'not_asked') {
    throw new AppError(
      'invalid_input',
      `Offer financial assistance first: the balance is over ${formatCents(version.policy.fapPromptAboveCents)} and the guarantor’s financial-assistance status is unknown.`,
      {
        fapAnswer: 'Offer financial assistance and record the answer.',
      },
    );
  }
  const schedule = scheduleFor(version.policy, balance, input);
  const approval = schedule.tier.within ? null : supervisorId(app, actor, input, schedule.tier.reasons);
  return db.transaction(() =>
    makePlan(app, {
      guarantorId: input.guarantorId,
      policyId: version.id,
      balance,
      terms: input,
      schedule,
      fapAnswer: input.fapAnswer,
      approval,
      accountIds: input.accountIds,
      replaces: null,
      reaged: false,
      by: actor.id,
    }),
  )();
}

/**
 * A new schedule for what is left (and any accounts added): the old plan is kept as 'replaced'
 * with its history, the new one starts current under today's policy. Re-aging (PP-03) is a
 * re-schedule of a lapsed or defaulted plan that meets the re-aging conditions.
 */
export function reschedulePlan(
  app: RecoupApp,
  input: Terms & { planId: number; addAccountIds: number[]; reason: string; reage: boolean },
  actor: Actor,
): number {
  const db = app.store.db;
  const today = app.clock.today();
  const old = planRow(db, input.planId);
  if (!isOpenPlan(old.status))
    throw new AppError('not_allowed', `A plan that is ${old.status} cannot be re-scheduled.`);
  if (input.firstDueDate < today)
    throw new AppError('invalid_input', 'The first payment cannot be due before today.', {
      firstDueDate: 'Choose today or later.',
    });
  const accounts = [...new Set([...planAccountIds(db, old.id), ...input.addAccountIds])];
  const balance = accountsBalance(db, old.guarantor_id, accounts, old.id);
  const version = policyOn(db, today, app.nowIso());
  if (input.reage) checkReage(db, old, version.policy, today);
  else if (old.status === 'defaulted')
    throw new AppError(
      'not_allowed',
      'A defaulted plan is brought back by re-aging it (if it qualifies) or by a new plan.',
    );
  const schedule = scheduleFor(version.policy, balance, input);
  const approval = schedule.tier.within ? null : supervisorId(app, actor, input, schedule.tier.reasons);
  const now = app.nowIso();
  return db.transaction(() => {
    endPlan(db, old.id, 'replaced', today);
    const id = makePlan(app, {
      guarantorId: old.guarantor_id,
      policyId: version.id,
      balance,
      terms: input,
      schedule,
      fapAnswer: old.fap_answer,
      approval,
      accountIds: accounts,
      replaces: old.id,
      reaged: input.reage,
      by: actor.id,
    });
    recordEvent(db, old.id, {
      onDate: today,
      kind: input.reage ? 'reaged' : 'rescheduled',
      from: old.status,
      to: 'replaced',
      reason: `${input.reason} (new plan #${id})`,
      at: now,
      by: actor.id,
    });
    return id;
  })();
}

/** PP-03 (FFIEC model): open at least N months, K consecutive payments, at most so many re-ages. */
function checkReage(db: Db, old: ReturnType<typeof planRow>, policy: PlanPolicy, today: string): void {
  if (!['lapsed', 'defaulted'].includes(old.status))
    throw new AppError('not_allowed', 'Only a lapsed or defaulted plan is re-aged.');
  const r = policy.reage;
  const firstService = db
    .prepare(
      'SELECT min(a.service_to) FROM accounts a JOIN plan_accounts pa ON pa.account_id = a.id WHERE pa.plan_id = ?',
    )
    .pluck()
    .get(old.id) as string;
  const monthsOpen =
    (Number(today.slice(0, 4)) - Number(firstService.slice(0, 4))) * 12 +
    Number(today.slice(5, 7)) -
    Number(firstService.slice(5, 7));
  const reasons: string[] = [];
  if (monthsOpen < r.minAccountAgeMonths)
    reasons.push(`the debt is ${monthsOpen} months old; re-aging needs ${r.minAccountAgeMonths}`);
  // K consecutive payments of at least the installment, or their lump-sum equivalent, in the last K periods.
  const periodDays = old.frequency === 'monthly' ? 31 : old.frequency === 'biweekly' ? 14 : 7;
  const since = addDays(today, -periodDays * r.consecutivePayments);
  const recentPaid = planPayments(db, old.id)
    .filter((p) => p.date > since && p.date <= today)
    .reduce((t, p) => t + p.amountCents, 0);
  if (recentPaid < r.consecutivePayments * old.installment_cents) {
    reasons.push(
      `${r.consecutivePayments} payments of ${formatCents(old.installment_cents)} (or the same in one sum) have not been made in the last ${r.consecutivePayments} periods`,
    );
  }
  const count = (since: string) =>
    db
      .prepare(`SELECT count(*) FROM plans WHERE guarantor_id = ? AND reaged = 1 AND start_date > ?`)
      .pluck()
      .get(old.guarantor_id, since) as number;
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const fiveYearsAgo = `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`;
  if (count(yearAgo) >= r.maxPer12Months)
    reasons.push(`re-aged ${count(yearAgo)} time(s) in the last 12 months; the policy allows ${r.maxPer12Months}`);
  if (count(fiveYearsAgo) >= r.maxPer5Years)
    reasons.push(`re-aged ${count(fiveYearsAgo)} time(s) in 5 years; the policy allows ${r.maxPer5Years}`);
  if (reasons.length)
    throw new AppError('not_allowed', `This plan cannot be re-aged: ${reasons.join('; ')} (PP-03).`, {
      reage: `It cannot be re-aged: ${reasons.join('; ')} (PP-03).`,
    });
}

export function cancelPlan(app: RecoupApp, planId: number, reason: string, by: number): void {
  const db = app.store.db;
  const p = planRow(db, planId);
  if (!isOpenPlan(p.status)) throw new AppError('not_allowed', `A plan that is ${p.status} cannot be cancelled.`);
  const today = app.clock.today();
  db.transaction(() => {
    endPlan(db, planId, 'cancelled', today);
    recordEvent(db, planId, {
      onDate: today,
      kind: 'cancelled',
      from: p.status,
      to: 'cancelled',
      reason,
      at: app.nowIso(),
      by,
    });
  })();
}

export function recordSigned(app: RecoupApp, planId: number, signedOn: string, by: number): void {
  const db = app.store.db;
  const p = planRow(db, planId);
  if (signedOn > app.clock.today())
    throw new AppError('invalid_input', 'The signing date cannot be in the future.', {
      signedOn: 'Choose today or earlier.',
    });
  if (signedOn < p.start_date)
    throw new AppError('invalid_input', 'The agreement cannot be signed before the plan was made.', {
      signedOn: 'Choose the plan’s date or later.',
    });
  db.transaction(() => {
    setAgreementSigned(db, planId, signedOn);
    recordEvent(db, planId, {
      onDate: app.clock.today(),
      kind: 'signed',
      reason: `Agreement signed on ${formatShortDate(signedOn)}.`,
      at: app.nowIso(),
      by,
    });
  })();
}
