// Access: log-in and the session, passwords and the recovery key, the users who may log in (each
// with a key slot), and a supervisor's approval given on the spot.
import type { Capability } from '../../platform/capability';
import { accessHandlers } from './handlers';

export const access: Capability<'access'> = { name: 'access', handlers: accessHandlers };

export { supervisorApproval } from './approval';
export { insertFirstAdministrator, userFullName } from './users';
export { SLOTS_BOUND } from './auth';
export { confirmOwnPassword, throttled, unwrapOrNull } from './auth';
