// Users, passwords and log-in inputs. The same schemas validate the forms and the channels.
import { z } from 'zod';
import { ROLES } from '../roles';
import { idSchema, requiredText } from './text';

/** The shipped minimum; administrators may raise it in settings (HP-01 person authentication). */
export const DEFAULT_MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export const usernameSchema = z
  .string({ error: 'User name is required.' })
  .trim()
  .min(3, 'User name must be at least 3 characters.')
  .max(40, 'User name must be at most 40 characters.')
  .regex(/^[A-Za-z0-9._-]+$/, 'User name may use letters, digits, dots, dashes and underscores.');

/** Shape only; the minimum length from settings is checked by the service (and the form). */
export const passwordSchema = z
  .string({ error: 'Password is required.' })
  .min(1, 'Password is required.')
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`);

/** A new password: at least the shipped minimum, not only one repeated character. */
export function newPasswordSchema(minLength = DEFAULT_MIN_PASSWORD_LENGTH) {
  return z
    .string({ error: 'Password is required.' })
    .min(minLength, `Password must be at least ${minLength} characters.`)
    .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`)
    .refine((p) => new Set(p).size >= 4, 'Password needs more than a few different characters.');
}

export const roleSchema = z.enum(ROLES, { error: 'Choose a role.' });

/** A supervisor's own user name and password, typed where a clerk's action needs their approval. */
export const supervisorApprovalSchema = z.object({
  username: requiredText('Supervisor user name', 40, 'Enter the supervisor’s user name.'),
  password: requiredText('Supervisor password', MAX_PASSWORD_LENGTH, 'Enter the supervisor’s password.'),
});

export const loginInput = z.object({
  username: usernameSchema,
  password: passwordSchema,
});

export const unlockInput = z.object({ password: passwordSchema });

export const changePasswordInput = z.object({
  currentPassword: passwordSchema,
  newPassword: newPasswordSchema(8),
});

export const recoverInput = z.object({
  recoveryKey: z
    .string({ error: 'Recovery key is required.' })
    .trim()
    .min(10, 'Enter the whole recovery key.')
    .max(80, 'That is not a recovery key.'),
  username: usernameSchema,
  newPassword: newPasswordSchema(8),
});

export const newUserSchema = z.object({
  fullName: requiredText('Full name', 100),
  username: usernameSchema,
  role: roleSchema,
  password: newPasswordSchema(8),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const resetPasswordInput = z.object({
  userId: idSchema,
  newPassword: newPasswordSchema(8),
});

export const disableUserInput = z.object({
  userId: idSchema,
  reason: requiredText('Reason', 300),
});

export const enableUserInput = z.object({
  userId: idSchema,
  newPassword: newPasswordSchema(8),
});

// The forms. A new password is typed twice; the forms hold it to the minimum in Settings
// (`minLength`), which main checks again. Each form's output is its channel's input, less the
// record the screen supplies (the user a dialog is about).

/** The second copy of a new password; each form compares it with the first. */
export const confirmPasswordSchema = z.string({ error: 'Type the password again.' }).min(1, 'Type the password again.');
export const PASSWORDS_DIFFER = 'The two passwords are not the same.';

/** users:add, with the password typed twice. */
export function addUserForm(minLength: number) {
  return newUserSchema
    .extend({ password: newPasswordSchema(minLength), confirmPassword: confirmPasswordSchema })
    .refine((v) => v.password === v.confirmPassword, { message: PASSWORDS_DIFFER, path: ['confirmPassword'] })
    .transform(({ confirmPassword: _confirm, ...input }): NewUser => input);
}

/** users:resetPassword and users:enable, less the user: a new password typed twice. */
export function newPasswordForm(minLength: number) {
  return resetPasswordInput
    .omit({ userId: true })
    .extend({ newPassword: newPasswordSchema(minLength), confirmPassword: confirmPasswordSchema })
    .refine((v) => v.newPassword === v.confirmPassword, { message: PASSWORDS_DIFFER, path: ['confirmPassword'] })
    .transform(({ newPassword }) => ({ newPassword }));
}

/** auth:changePassword, with the new password typed twice. */
export function changePasswordForm(minLength: number) {
  return changePasswordInput
    .extend({ newPassword: newPasswordSchema(minLength), confirmPassword: confirmPasswordSchema })
    .refine((v) => v.newPassword === v.confirmPassword, { message: PASSWORDS_DIFFER, path: ['confirmPassword'] })
    .transform(({ currentPassword, newPassword }) => ({ currentPassword, newPassword }));
}

/**
 * auth:recover, with the new password typed twice. Before log-in the Settings cannot be read, so
 * the channel's own minimum holds here and main checks the Settings' one.
 */
export const recoverForm = recoverInput
  .extend({ confirmPassword: confirmPasswordSchema })
  .refine((v) => v.newPassword === v.confirmPassword, { message: PASSWORDS_DIFFER, path: ['confirmPassword'] })
  .transform(({ confirmPassword: _confirm, ...input }) => input);

/** users:disable, less the user: the reason. */
export const disableUserForm = disableUserInput.omit({ userId: true });

export interface UserSummary {
  id: number;
  username: string;
  fullName: string;
  role: z.infer<typeof roleSchema>;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}
