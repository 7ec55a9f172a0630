import { z } from 'zod';
import { passwordSchema, usernameSchema } from './users';

/** Backup files are named by the app; a name is checked against this pattern before any use. */
export const BACKUP_FILE_PATTERN = /^recoup-\d{8}-\d{6}(-\d+)?-(manual|daily|before-restore)\.db$/;

export const backupFileSchema = z
  .string({ error: 'Choose a backup.' })
  .max(80, 'That is not a backup file name.')
  .regex(BACKUP_FILE_PATTERN, 'That is not a backup file name.');

export const restoreInput = z.object({ fileName: backupFileSchema });

/**
 * Restore from the problem screen, when the database is damaged and no one can log in: a backup,
 * and either an administrator's user name and password or the recovery key.
 */
export const restoreDamagedInput = z.discriminatedUnion('by', [
  z.object({
    by: z.literal('administrator'),
    fileName: backupFileSchema,
    username: usernameSchema,
    password: passwordSchema,
  }),
  z.object({
    by: z.literal('recoveryKey'),
    fileName: backupFileSchema,
    recoveryKey: z
      .string({ error: 'Recovery key is required.' })
      .trim()
      .min(10, 'Enter the whole recovery key.')
      .max(80, 'That is not a recovery key.'),
  }),
]);
export type RestoreDamagedInput = z.infer<typeof restoreDamagedInput>;

/** Changing the data key: the administrator confirms with their own password. */
export const changeKeyInput = z.object({ password: passwordSchema });

export interface DataKeyChanged {
  slots: number;
  dropped: number;
  backups: number;
}

export const storeCheckInput = z.object({ full: z.boolean() });

export interface StoreCheck {
  ok: boolean;
  mode: 'quick' | 'full';
  ms: number;
  /** What SQLite reported (damage only). */
  problems: string[];
}

export interface BackupInfo {
  fileName: string;
  createdAt: string;
  kind: 'manual' | 'daily' | 'before-restore';
  sizeBytes: number;
}
