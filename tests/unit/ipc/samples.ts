// One valid input per channel. The role matrix and the malformed-input tests start from these;
// a new channel without a sample fails the tests below, so every channel is covered.
import type { ChannelInput, ChannelName } from '../../../src/shared/contract';
import { SETUP } from '../support';

export const VALID_INPUT: { [K in ChannelName]: ChannelInput<K> } = {
  'app:status': {},
  'setup:create': SETUP,
  'auth:login': { username: 'admin', password: SETUP.admin.password },
  'auth:recover': {
    recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
    username: 'admin',
    newPassword: 'a brand new password',
  },
  'auth:logout': {},
  'auth:lock': {},
  'auth:unlock': { password: 'whatever password' },
  'auth:heartbeat': {},
  'auth:changePassword': { currentPassword: 'current password', newPassword: 'a brand new password' },
  'users:list': {},
  'users:add': { fullName: 'New Person', username: 'newperson', role: 'clerk', password: 'new-person-password' },
  'users:resetPassword': { userId: 1, newPassword: 'a brand new password' },
  'users:disable': { userId: 1, reason: 'left the hospital' },
  'users:enable': { userId: 1, newPassword: 'a brand new password' },
  'audit:list': { from: '2026-11-01', to: '2026-11-30', channel: 'auth', outcome: 'all', limit: 50, offset: 0 },
  'audit:verify': {},
  'settings:get': {},
  'settings:update': {
    hospital: SETUP.hospital,
    security: { idleLockMinutes: 15, minPasswordLength: 10, backupsToKeep: 14 },
  },
  'backup:list': {},
  'backup:create': {},
  'backup:restore': { fileName: 'recoup-20261126-140000-manual.db' },
};
