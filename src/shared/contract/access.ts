// Access: logging in and out, the idle lock, passwords, and the users who may log in (each with a
// key slot).
import type { Role } from '../roles';
import type { UserSummary } from '../schemas/users';
import {
  changePasswordInput,
  disableUserInput,
  enableUserInput,
  loginInput,
  newUserSchema,
  recoverInput,
  resetPasswordInput,
  unlockInput,
} from '../schemas/users';
import { channel, none } from './channel';
import type { SessionInfo } from './platform';

export interface LoginResult {
  sessionId: string;
  session: SessionInfo;
}

export const accessChannels = {
  'auth:login': channel<typeof loginInput, LoginResult>({ input: loginInput, access: 'public', audit: 'auth' }),
  'auth:recover': channel<typeof recoverInput, { done: true }>({
    input: recoverInput,
    access: 'public',
    audit: 'auth',
  }),
  // The last log-out closes the store (and no table changes): its event is written before that.
  'auth:logout': channel<typeof none, { done: true }>({
    input: none,
    access: 'clerk',
    whileLocked: true,
    audit: 'auth',
    outsideTransaction: true,
  }),
  'auth:lock': channel<typeof none, SessionInfo>({ input: none, access: 'clerk', whileLocked: true, audit: 'auth' }),
  'auth:unlock': channel<typeof unlockInput, SessionInfo>({
    input: unlockInput,
    access: 'clerk',
    whileLocked: true,
    audit: 'auth',
  }),
  'auth:heartbeat': channel<typeof none, SessionInfo>({ input: none, access: 'clerk', audit: false, concurrent: true }),
  'auth:changePassword': channel<typeof changePasswordInput, { done: true }>({
    input: changePasswordInput,
    access: 'clerk',
    audit: 'auth',
  }),

  'users:list': channel<typeof none, UserSummary[]>({ input: none, access: 'administrator', audit: false }),
  'users:add': channel<typeof newUserSchema, UserSummary>({
    input: newUserSchema,
    access: 'administrator',
    audit: 'admin',
  }),
  'users:resetPassword': channel<typeof resetPasswordInput, UserSummary>({
    input: resetPasswordInput,
    access: 'administrator',
    audit: 'admin',
  }),
  'users:disable': channel<typeof disableUserInput, UserSummary>({
    input: disableUserInput,
    access: 'administrator',
    audit: 'admin',
  }),
  'users:enable': channel<typeof enableUserInput, UserSummary>({
    input: enableUserInput,
    access: 'administrator',
    audit: 'admin',
  }),
  'users:directory': channel<typeof none, { id: number; fullName: string; role: Role }[]>({
    input: none,
    access: 'clerk',
    audit: false,
  }),
} as const;
