// Administration of the workstation: settings, backups and restore, the audit trail.
import type { AuditList, AuditVerification } from '../schemas/audit';
import type { FileHandle } from '../schemas/files';
import { auditCsvInput, auditListInput } from '../schemas/audit';
import type { BackupInfo, DataKeyChanged, StoreCheck } from '../schemas/backup';
import { changeKeyInput, restoreDamagedInput, restoreInput, storeCheckInput } from '../schemas/backup';
import type { Settings } from '../schemas/settings';
import { updateSettingsInput } from '../schemas/settings';
import { channel, none } from './channel';

export const adminChannels = {
  'audit:list': channel<typeof auditListInput, AuditList>({
    input: auditListInput,
    access: 'administrator',
    audit: false,
  }),
  /** HP-01: the log, as filtered, to take away (audited as an export). */
  'audit:csv': channel<typeof auditCsvInput, FileHandle>({
    input: auditCsvInput,
    access: 'administrator',
    audit: 'export',
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
  // Checks every page of the open database (and with `full`, every index); damage found stops the
  // store at once, as damage found at open does.
  'backup:check': channel<typeof storeCheckInput, StoreCheck>({
    input: storeCheckInput,
    access: 'administrator',
    audit: 'admin',
    outsideTransaction: true,
  }),
  // Change the data key (a person who held it has left): the database and every backup kept are
  // re-encrypted, every remaining slot gets the new key; confirmed with the administrator's password.
  'store:changeKey': channel<typeof changeKeyInput, DataKeyChanged>({
    input: changeKeyInput,
    access: 'administrator',
    audit: 'admin',
    outsideTransaction: true,
  }),
  // The problem screen of a damaged database, before anyone can log in: the backups to choose
  // from (names and dates only; refused unless the database is damaged) and the restore itself,
  // allowed to an administrator's password or the recovery key, each checked against the key slots.
  'store:backups': channel<typeof none, { backups: BackupInfo[] }>({ input: none, access: 'public', audit: false }),
  'store:restore': channel<typeof restoreDamagedInput, { restoredFrom: string; setAside: string }>({
    input: restoreDamagedInput,
    access: 'public',
    audit: 'admin',
    outsideTransaction: true,
  }),
} as const;
