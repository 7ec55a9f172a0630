import { z } from 'zod';
import { idSchema } from './text';

export const statementRunInput = z.object({ taskId: z.string().min(8).max(64) });
export const statementIdInput = z.object({ statementId: idSchema });
export const statementRunIdInput = z.object({ runId: idSchema, taskId: z.string().min(8).max(64) });
