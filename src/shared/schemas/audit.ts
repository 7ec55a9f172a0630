import { z } from 'zod';
import { businessDateSchema } from '../dates';
import { idSchema, optionalText } from './text';

export const AUDIT_KINDS = ['read', 'change', 'print', 'export', 'auth', 'admin'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const auditListInput = z.object({
  from: businessDateSchema.optional(),
  to: businessDateSchema.optional(),
  userId: idSchema.optional(),
  channel: optionalText('Channel', 60).optional(),
  outcome: z.enum(['ok', 'error', 'all']).default('all'),
  kind: z.enum(AUDIT_KINDS).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});

export interface AuditEventView {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  channel: string;
  kind: AuditKind;
  records: string[];
  outcome: string;
  detail: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first event whose hash or link does not match, when the chain is broken. */
  firstBadId: number | null;
  problem: string | null;
}
