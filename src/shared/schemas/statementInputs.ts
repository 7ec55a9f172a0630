import { z } from 'zod';
import { idSchema } from './text';
import { supervisorApprovalSchema } from './users';

export const statementRunInput = z.object({ jobId: z.string().min(8).max(64) });
export const statementIdInput = z.object({ statementId: idSchema });
export const statementRunIdInput = z.object({ runId: idSchema, jobId: z.string().min(8).max(64) });

/** statements:release: the prepared run, the job, and a supervisor's approval (a clerk's session needs one). */
export const statementReleaseInput = z.object({
  runId: idSchema,
  jobId: z.string().min(8).max(64),
  approval: supervisorApprovalSchema.optional(),
});
export const preparedRunInput = z.object({ runId: idSchema });

/** The release dialog: a supervisor's user name and password when the session is a clerk's. */
export function releaseRunForm(needsApproval: boolean) {
  return z.object({
    approval: needsApproval
      ? supervisorApprovalSchema
      : z
          .object({ username: z.string(), password: z.string() })
          .optional()
          .transform(() => undefined),
  });
}
