// The platform's own channels: where the workspace stands (status), and long work (cancel a job).
import type { BusinessDate } from '../dates';
import type { Role } from '../roles';
import { fileIdInput, fileLinkInput } from '../schemas/files';
import { jobInput } from '../schemas/import';
import { channel, none } from './channel';

export type StoreProblemKind =
  | 'data_dir_missing'
  | 'data_dir_unreadable'
  | 'key_file_missing'
  | 'key_file_unreadable'
  | 'database_missing'
  | 'wrong_key'
  | 'database_corrupt'
  | 'database_newer';

export interface StoreProblem {
  kind: StoreProblemKind;
  message: string;
  dataDir: string;
  /** What SQLite said, for IT staff (damage only). */
  detail?: string;
}

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
}

export interface SessionInfo {
  user: SessionUser;
  locked: boolean;
  idleLockMinutes: number;
}

export interface AppStatus {
  state: 'needs_setup' | 'ready' | 'store_problem';
  problem: StoreProblem | null;
  today: BusinessDate;
  /** True when RECOUP_TODAY fixes the business date (tests, as-of runs). */
  todayIsFixed: boolean;
  version: string;
  session: SessionInfo | null;
  /**
   * Things an administrator must hear about that failed in the background (a daily backup that
   * could not be written); given only to an administrator's session.
   */
  notices: string[];
}

export const platformChannels = {
  'app:status': channel<typeof none, AppStatus>({
    input: none,
    access: 'public',
    whileLocked: true,
    audit: false,
    concurrent: true,
  }),
  // A document made by another channel, fetched by its handle. files:link gives a one-time link the
  // browser opens (inline) or downloads (attachment); in the desktop app the system's own viewer,
  // print dialog and save dialog take it (files:open, files:print, files:save).
  'files:link': channel<typeof fileLinkInput, { href: string }>({
    input: fileLinkInput,
    access: 'clerk',
    audit: 'export',
  }),
  'files:open': channel<typeof fileIdInput, { done: true }>({ input: fileIdInput, access: 'clerk', audit: 'print' }),
  'files:print': channel<typeof fileIdInput, { done: true }>({ input: fileIdInput, access: 'clerk', audit: 'print' }),
  'files:save': channel<typeof fileIdInput, { saved: boolean }>({
    input: fileIdInput,
    access: 'clerk',
    audit: 'export',
  }),
  'jobs:cancel': channel<typeof jobInput, { cancelled: boolean }>({
    input: jobInput,
    access: 'clerk',
    audit: false,
    concurrent: true,
  }),
} as const;
