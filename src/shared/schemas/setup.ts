import { z } from 'zod';
import { hospitalSchema } from './hospital';
import { confirmPasswordSchema, newPasswordSchema, PASSWORDS_DIFFER, usernameSchema } from './users';
import { requiredText } from './text';

export const setupInput = z.object({
  hospital: hospitalSchema,
  admin: z.object({
    fullName: requiredText('Full name', 100),
    username: usernameSchema,
    password: newPasswordSchema(),
  }),
  /** Start with synthetic patients, to learn Recoup before the hospital's own extract is imported. */
  demoData: z.boolean().default(false),
});
export type SetupInput = z.infer<typeof setupInput>;

/** setup:create with the administrator's password typed twice. */
export const setupForm = setupInput
  .extend({ admin: setupInput.shape.admin.extend({ confirmPassword: confirmPasswordSchema }) })
  .refine((v) => v.admin.password === v.admin.confirmPassword, {
    message: PASSWORDS_DIFFER,
    path: ['admin', 'confirmPassword'],
  })
  .transform(({ admin: { confirmPassword: _confirm, ...admin }, ...v }): SetupInput => ({ ...v, admin }));
