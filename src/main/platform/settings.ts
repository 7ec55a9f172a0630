// Settings: the hospital's identity and the policy values, one JSON row per group, each checked
// against its schema when written and when read.
import { AppError } from '../../shared/errors';
import { hospitalSchema, type Hospital } from '../../shared/schemas/hospital';
import {
  DEFAULT_ASSISTANCE_POLICY,
  DEFAULT_AGENCY_SETTINGS,
  DEFAULT_SMALL_CLAIMS_POLICY,
  smallClaimsPolicySchema,
  estatesPolicySchema,
  badDebtPolicySchema,
  payrollPolicySchema,
  obstetricsPolicySchema,
  DEFAULT_OBSTETRICS_POLICY,
  type ObstetricsPolicy,
  DEFAULT_PAYROLL_POLICY,
  type PayrollPolicy,
  DEFAULT_BAD_DEBT_SETTINGS,
  type BadDebtPolicySettings,
  DEFAULT_ESTATES_POLICY,
  type EstatesPolicy,
  type SmallClaimsPolicy,
  agencyPolicySchema,
  type AgencyPolicySettings,
  DEFAULT_POSTING_POLICY,
  DEFAULT_QUEUE_POLICY,
  queuePolicySchema,
  type QueuePolicy,
  DEFAULT_STATEMENT_POLICY,
  DEFAULT_SECURITY_POLICY,
  assistancePolicySchema,
  postingPolicySchema,
  statementPolicySchema,
  securityPolicySchema,
  type AssistancePolicy,
  type PostingPolicy,
  type SecurityPolicy,
  type StatementPolicy,
  type Settings,
  type SettingsUpdate,
} from '../../shared/schemas/settings';
import type { Db } from '../store/database';

function readGroup(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? JSON.parse(row.value) : undefined;
}

function writeGroup(db: Db, key: string, value: unknown, at: string, by: number | null): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(key, JSON.stringify(value), at, by);
}

export function hospitalIdentity(db: Db): Hospital {
  const parsed = hospitalSchema.safeParse(readGroup(db, 'hospital'));
  if (!parsed.success) throw new AppError('store_error', 'The hospital identity in settings is missing or damaged.');
  return parsed.data;
}

export function securityPolicy(db: Db): SecurityPolicy {
  const parsed = securityPolicySchema.safeParse(readGroup(db, 'security'));
  return parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY;
}

export function postingPolicy(db: Db): PostingPolicy {
  const parsed = postingPolicySchema.safeParse(readGroup(db, 'posting'));
  return parsed.success ? parsed.data : DEFAULT_POSTING_POLICY;
}

export function statementPolicy(db: Db): StatementPolicy {
  const parsed = statementPolicySchema.safeParse(readGroup(db, 'statements'));
  return parsed.success ? parsed.data : DEFAULT_STATEMENT_POLICY;
}

export function queuePolicy(db: Db): QueuePolicy {
  const parsed = queuePolicySchema.safeParse(readGroup(db, 'queue'));
  return parsed.success ? parsed.data : DEFAULT_QUEUE_POLICY;
}

/** Financial assistance: the AGB percentage and the days allowed (hospital-configurable). */
export function assistancePolicy(db: Db): AssistancePolicy {
  const parsed = assistancePolicySchema.safeParse(readGroup(db, 'assistance'));
  return parsed.success ? parsed.data : DEFAULT_ASSISTANCE_POLICY;
}

/** Collection agencies: the placement minimum and waiting days (BD-06, ECA-05). */
export function agencyPolicy(db: Db): AgencyPolicySettings {
  const parsed = agencyPolicySchema.safeParse(readGroup(db, 'agencies'));
  return parsed.success ? parsed.data : DEFAULT_AGENCY_SETTINGS;
}

/** Small-claims court: the economics of a suit, the demand letter's days, the case reminders. */
export function smallClaimsPolicy(db: Db): SmallClaimsPolicy {
  const parsed = smallClaimsPolicySchema.safeParse(readGroup(db, 'smallClaims'));
  return parsed.success ? parsed.data : DEFAULT_SMALL_CLAIMS_POLICY;
}

/** Estates: the reminders before a claim deadline, the follow-up interval, the last-illness days. */
export function estatesPolicy(db: Db): EstatesPolicy {
  const parsed = estatesPolicySchema.safeParse(readGroup(db, 'estates'));
  return parsed.success ? parsed.data : DEFAULT_ESTATES_POLICY;
}

/** Medicare bad debt: the listing's provider, CCN and fiscal year; the clock's figures (BD-04, BD-05, BD-10, BD-11, BD-13). */
export function badDebtPolicy(db: Db): BadDebtPolicySettings {
  const parsed = badDebtPolicySchema.safeParse(readGroup(db, 'badDebt'));
  return parsed.success ? parsed.data : DEFAULT_BAD_DEBT_SETTINGS;
}

/** Employee-patients: the deduction code, the final paycheck, the contact, the transfer file's details (PD-03). */
export function payrollPolicy(db: Db): PayrollPolicy {
  const parsed = payrollPolicySchema.safeParse(readGroup(db, 'payroll'));
  return parsed.success ? parsed.data : DEFAULT_PAYROLL_POLICY;
}

/** Obstetric prepayment: the days before delivery, the price table, the self-pay discount, the true-up's days (PP-04). */
export function obstetricsPolicy(db: Db): ObstetricsPolicy {
  const parsed = obstetricsPolicySchema.safeParse(readGroup(db, 'obstetrics'));
  return parsed.success ? parsed.data : DEFAULT_OBSTETRICS_POLICY;
}

export function readSettings(db: Db): Settings {
  return {
    hospital: hospitalIdentity(db),
    security: securityPolicy(db),
    posting: postingPolicy(db),
    statements: statementPolicy(db),
    queue: queuePolicy(db),
    assistance: assistancePolicy(db),
    agencies: agencyPolicy(db),
    smallClaims: smallClaimsPolicy(db),
    estates: estatesPolicy(db),
    badDebt: badDebtPolicy(db),
    payroll: payrollPolicy(db),
    obstetrics: obstetricsPolicy(db),
  };
}

/** Every group of the settings, in the order the screen shows them. */
const SETTINGS_GROUPS = [
  'hospital',
  'security',
  'posting',
  'statements',
  'queue',
  'assistance',
  'agencies',
  'smallClaims',
  'estates',
  'badDebt',
  'payroll',
  'obstetrics',
] as const satisfies readonly (keyof Settings)[];

/** Writes the groups the update names, all in one transaction. */
export function writeSettings(db: Db, update: SettingsUpdate, at: string, by: number | null): Settings {
  db.transaction(() => {
    for (const key of SETTINGS_GROUPS) {
      if (update[key] !== undefined) writeGroup(db, key, update[key], at, by);
    }
  })();
  return readSettings(db);
}

/** The settings an update changed, as `group.key` (names only: the values may identify the hospital). */
export function settingsChanges(before: Settings, after: Settings, update: SettingsUpdate): string[] {
  const changed: string[] = [];
  for (const group of SETTINGS_GROUPS) {
    if (update[group] === undefined) continue;
    const b = before[group] as Record<string, unknown>;
    const a = after[group] as Record<string, unknown>;
    for (const key of Object.keys(a))
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changed.push(`${group}.${key}`);
  }
  return changed;
}
