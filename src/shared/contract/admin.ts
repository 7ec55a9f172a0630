// Administration of the workstation: settings, backups and restore, the audit trail.
import type { AuditEventView, AuditVerification } from '../schemas/audit';
import { auditListInput } from '../schemas/audit';
import type { BackupInfo } from '../schemas/backup';
import { restoreInput } from '../schemas/backup';
import type { Settings } from '../schemas/settings';
import { updateSettingsInput } from '../schemas/settings';
import { channel, none } from './channel';

export const adminChannels = {
  'audit:list': channel<typeof auditListInput, { events: AuditEventView[]; total: number }>({
    input: auditListInput,
    access: 'administrator',
    audit: false,
  }),
  'audit:verify': channel<typeof none, AuditVerification>({ input: none, access: 'administrator', audit: 'admin' }),

  'settings:get': channel<typeof none, Settings>({ input: none, access: 'clerk', audit: false }),
  'settings:update': channel<typeof updateSettingsInput, Settings>({
    input: updateSettingsInput,
    access: 'administrator',
    audit: 'admin',
  }),

  'backup:list': channel<typeof none, { dataDir: string; backupsDir: string; backups: BackupInfo[] }>({
    input: none,
    access: 'administrator',
    audit: false,
  }),
  // VACUUM INTO cannot run inside a transaction; a restore replaces the database itself.
  'backup:create': channel<typeof none, BackupInfo>({
    input: none,
    access: 'administrator',
    audit: 'export',
    outsideTransaction: true,
  }),
  'backup:restore': channel<typeof restoreInput, { restoredFrom: string; keptAside: string }>({
    input: restoreInput,
    access: 'administrator',
    audit: 'admin',
    outsideTransaction: true,
  }),
} as const;
