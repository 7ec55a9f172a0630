import { z } from 'zod';
import { hospitalSchema } from './hospital';
import { newPasswordSchema, usernameSchema } from './users';
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
