import { z } from 'zod';

/** Backup files are named by the app; a name is checked against this pattern before any use. */
export const BACKUP_FILE_PATTERN = /^recoup-\d{8}-\d{6}(-\d+)?-(manual|daily|before-restore)\.db$/;

export const backupFileSchema = z
  .string({ error: 'Choose a backup.' })
  .max(80, 'That is not a backup file name.')
  .regex(BACKUP_FILE_PATTERN, 'That is not a backup file name.');

export const restoreInput = z.object({ fileName: backupFileSchema });

export interface BackupInfo {
  fileName: string;
  createdAt: string;
  kind: 'manual' | 'daily' | 'before-restore';
  sizeBytes: number;
}
