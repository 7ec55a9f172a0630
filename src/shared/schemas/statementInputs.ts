import { z } from 'zod';
import { idSchema } from './text';

export const statementRunInput = z.object({ jobId: z.string().min(8).max(64) });
export const statementIdInput = z.object({ statementId: idSchema });
export const statementRunIdInput = z.object({ runId: idSchema, jobId: z.string().min(8).max(64) });
