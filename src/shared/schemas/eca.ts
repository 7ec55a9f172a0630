import { z } from 'zod';
import { ECA_KINDS } from '../rules/ecaClock';
import { idSchema, requiredText } from './text';

export const ecaCheckInput = z.object({
  accountId: idSchema,
  kind: z.enum(ECA_KINDS, { error: 'Choose the collection action.' }),
});
export const ecaReleaseInput = z.object({ accountId: idSchema, reason: requiredText('Reason', 300) });
