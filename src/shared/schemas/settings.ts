// Settings an administrator keeps: the hospital's identity and the workstation's policy values.
// Later capabilities add their policy groups here (plan tiers, statement cycle, ECA days, ...).
import { z } from 'zod';
import { hospitalSchema } from './hospital';
import { DEFAULT_MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './users';

export const securityPolicySchema = z.object({
  /** HP-01 automatic logoff: minutes without input before the workspace locks. */
  idleLockMinutes: z
    .number({ error: 'Idle lock is a number of minutes.' })
    .int('Idle lock is a whole number of minutes.')
    .min(1, 'Idle lock must be at least 1 minute.')
    .max(240, 'Idle lock must be at most 240 minutes.'),
  minPasswordLength: z
    .number({ error: 'Minimum password length is a number.' })
    .int('Minimum password length is a whole number.')
    .min(8, 'Minimum password length must be at least 8.')
    .max(MAX_PASSWORD_LENGTH, `Minimum password length must be at most ${MAX_PASSWORD_LENGTH}.`),
  /** How many backups to keep in the backups folder (the oldest beyond this are removed). */
  backupsToKeep: z
    .number({ error: 'Backups to keep is a number.' })
    .int('Backups to keep is a whole number.')
    .min(1, 'Keep at least 1 backup.')
    .max(365, 'Keep at most 365 backups.'),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  idleLockMinutes: 10,
  minPasswordLength: DEFAULT_MIN_PASSWORD_LENGTH,
  backupsToKeep: 14,
};

import { nonNegativeCentsSchema } from '../money';

export const postingPolicySchema = z.object({
  /** Adjustments larger than this need a supervisor's approval (0: every adjustment does). */
  adjustmentApprovalLimitCents: nonNegativeCentsSchema,
});
export type PostingPolicy = z.infer<typeof postingPolicySchema>;

export const DEFAULT_POSTING_POLICY: PostingPolicy = {
  adjustmentApprovalLimitCents: 25_000,
};

export const settingsSchema = z.object({
  hospital: hospitalSchema,
  security: securityPolicySchema,
  posting: postingPolicySchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** An update names only the groups it changes; the others stay as they are. */
export const updateSettingsInput = z.object({
  hospital: hospitalSchema.optional(),
  security: securityPolicySchema.optional(),
  posting: postingPolicySchema.optional(),
});
export type SettingsUpdate = z.infer<typeof updateSettingsInput>;
