// Administration of the workstation: settings, backups (and the daily backup job) and restore, the
// audit trail's list and check.
import type { Capability } from '../../platform/capability';
import { dailyBackup } from './backups';
import { adminHandlers } from './handlers';

export const admin: Capability<'admin'> = { name: 'admin', handlers: adminHandlers, dailyJobs: [dailyBackup] };
