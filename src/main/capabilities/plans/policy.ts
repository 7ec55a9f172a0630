// The plan policy, effective-dated: a change applies to plans made on or after its date, and
// every plan keeps the version it was made under (PP-01..03).
import { AppError } from '../../../shared/errors';
import {
  DEFAULT_PLAN_POLICY,
  planPolicySchema,
  type PlanPolicy,
  type PlanPolicyVersion,
} from '../../../shared/schemas/plans';
import type { Db } from '../../store/database';
import { prepared } from '../../store/prepared';
import type { PlanPoliciesRow } from '../../store/schema';

type Row = Pick<PlanPoliciesRow, 'id' | 'effective_from' | 'policy' | 'created_at'> & {
  created_by_name: string | null;
};

function toVersion(r: Row): PlanPolicyVersion {
  return {
    id: r.id,
    effectiveFrom: r.effective_from,
    policy: planPolicySchema.parse(JSON.parse(r.policy)),
    createdAt: r.created_at,
    createdBy: r.created_by_name,
  };
}

export function policyHistory(db: Db): PlanPolicyVersion[] {
  return (
    db
      .prepare(
        `SELECT p.*, u.full_name AS created_by_name FROM plan_policies p LEFT JOIN users u ON u.id = p.created_by ORDER BY p.effective_from DESC`,
      )
      .all() as Row[]
  ).map(toVersion);
}

/** The version in force on a date; the shipped defaults are written the first time one is needed. */
export function policyOn(db: Db, date: string, now: string): PlanPolicyVersion {
  let row = db
    .prepare(
      `SELECT p.*, NULL AS created_by_name FROM plan_policies p WHERE p.effective_from <= ? ORDER BY p.effective_from DESC LIMIT 1`,
    )
    .get(date) as Row | undefined;
  if (!row) {
    const earliest = db.prepare('SELECT min(effective_from) FROM plan_policies').pluck().get() as string | null;
    if (earliest !== null)
      throw new AppError(
        'not_allowed',
        `No plan policy is in force on ${date}; the first takes effect on ${earliest}.`,
      );
    db.prepare('INSERT INTO plan_policies (effective_from, policy, created_at, created_by) VALUES (?, ?, ?, NULL)').run(
      '1900-01-01',
      JSON.stringify(DEFAULT_PLAN_POLICY),
      now,
    );
    row = db
      .prepare(`SELECT p.*, NULL AS created_by_name FROM plan_policies p WHERE p.effective_from = '1900-01-01'`)
      .get() as Row;
  }
  return toVersion(row);
}

/**
 * Policies as parsed, by their stored text: a statement run asks for a plan's policy for every
 * statement with a plan, and there are a handful of versions (issue 18: the run parsed the same text
 * again with zod for each of them). Keyed by the text itself, so
 * a version whose text changes is parsed afresh; frozen, since every caller shares one object.
 */
const parsedPolicies = new Map<string, PlanPolicy>();
const MOST_PARSED = 64;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function policyById(db: Db, id: number): PlanPolicy {
  const row = prepared(db, 'SELECT policy FROM plan_policies WHERE id = ?').pluck().get(id) as string | undefined;
  if (!row) throw new AppError('not_found', 'The plan policy is missing.');
  let policy = parsedPolicies.get(row);
  if (!policy) {
    policy = deepFreeze(planPolicySchema.parse(JSON.parse(row)));
    if (parsedPolicies.size >= MOST_PARSED) parsedPolicies.clear();
    parsedPolicies.set(row, policy);
  }
  return policy;
}

/** A new version from a date (today or later); one made for the same date replaces it. */
export function setPolicy(
  db: Db,
  effectiveFrom: string,
  policy: PlanPolicy,
  today: string,
  now: string,
  by: number,
): PlanPolicyVersion {
  if (effectiveFrom < today) {
    throw new AppError(
      'invalid_input',
      'A policy change takes effect today or later; plans already made keep their terms.',
      { effectiveFrom: 'Choose today or a later date.' },
    );
  }
  policyOn(db, today, now);
  const used = db
    .prepare('SELECT count(*) FROM plans p JOIN plan_policies v ON v.id = p.policy_id WHERE v.effective_from = ?')
    .pluck()
    .get(effectiveFrom) as number;
  if (used > 0)
    throw new AppError('not_allowed', 'Plans were already made under the version for that date; choose a later date.', {
      effectiveFrom: 'Choose a later date.',
    });
  db.prepare(
    `INSERT INTO plan_policies (effective_from, policy, created_at, created_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (effective_from) DO UPDATE SET policy = excluded.policy, created_at = excluded.created_at, created_by = excluded.created_by`,
  ).run(effectiveFrom, JSON.stringify(policy), now, by);
  return policyHistory(db).find((v) => v.effectiveFrom === effectiveFrom)!;
}
