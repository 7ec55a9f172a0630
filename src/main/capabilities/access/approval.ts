// A supervisor's approval given on the spot (an adjustment over the limit, a plan outside the
// policy): their user name and password, checked by unwrapping their key slot, with the same
// growing delay after failed attempts as the log-in.
import { AppError } from '../../../shared/errors';
import { roleAtLeast } from '../../../shared/roles';
import type { RecoupApp } from '../../app';
import { findUserSlot, slotBelongsTo, unwrapSlotSync } from '../../store/keySlots';
import { slotTrusted } from '../../store/slotRecord';
import { findUserByName } from './users';

export function supervisorApproval(
  app: RecoupApp,
  approval: { username: string; password: string },
): { id: number; fullName: string } {
  const key = `approval:${approval.username.toLowerCase()}`;
  const wait = app.throttle.waitMs(key);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError(
      'throttled',
      `Too many failed approvals. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
      { approval: 'Too many failed attempts; wait and try again.' },
    );
  }
  const keys = app.store.readKeys();
  const slot = findUserSlot(keys, approval.username);
  // A name with no slot still costs one derivation against another slot (a decoy), as at log-in,
  // so the time an approval takes does not tell which user names exist.
  const target = slot ?? keys.slots[0];
  const secret = slot ? approval.password : `${approval.password}\u0000decoy`;
  const unwrapped = target ? unwrapSlotSync(keys, target, secret) : null;
  const user = findUserByName(app.store.db, approval.username);
  if (
    !slot ||
    !unwrapped ||
    !user ||
    !user.active ||
    !slotBelongsTo(slot, user) ||
    !slotTrusted(app.store.db, keys, slot)
  ) {
    unwrapped?.fill(0);
    app.throttle.fail(key);
    throw new AppError('wrong_password', 'The supervisor user name or password is not right.', {
      approval: 'The supervisor user name or password is not right.',
    });
  }
  unwrapped.fill(0);
  app.throttle.succeed(key);
  if (!roleAtLeast(user.role, 'supervisor')) {
    throw new AppError('forbidden', `${user.fullName} is not a supervisor.`, {
      approval: 'Approval must come from a supervisor or an administrator.',
    });
  }
  return { id: user.id, fullName: user.fullName };
}
