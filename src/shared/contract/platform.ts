// The platform's own channels: where the workspace stands (status), and long work (cancel a job).
import type { BusinessDate } from '../dates';
import type { Role } from '../roles';
import { taskInput } from '../schemas/import';
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
}

export const platformChannels = {
  'app:status': channel<typeof none, AppStatus>({
    input: none,
    access: 'public',
    whileLocked: true,
    audit: false,
    concurrent: true,
  }),
  'task:cancel': channel<typeof taskInput, { cancelled: boolean }>({
    input: taskInput,
    access: 'clerk',
    audit: false,
    concurrent: true,
  }),
} as const;
