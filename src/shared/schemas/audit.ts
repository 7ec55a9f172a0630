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
  /**
   * Who looked at this patient (HP-01): a guarantor's number (the billing system's id) or one of
   * their account numbers; events that touched the guarantor or any of their accounts.
   */
  guarantor: optionalText('Guarantor or account number', 40).optional(),
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
  /** The records as a person reads them: "Jane Smith (G1)", "account A1", "user Ada Admin". */
  recordLabels: string[];
  outcome: string;
  detail: string | null;
}

/** One head of the chain recorded outside the live store (with a backup), compared with the chain. */
export interface AuditHeadCheck {
  /** Where it was recorded, in words: "the head file beside backup recoup-…-daily.db". */
  source: string;
  /** The last event when it was recorded (0: the trail was empty). */
  eventId: number;
  recordedAt: string;
  /**
   * agrees: the chain holds that event with that hash; truncated: the chain ends before it;
   * rewritten: the chain's event has another hash; superseded: recorded at or before a restore
   * that the data folder's heads file records (a restore event in the trail alone excuses nothing;
   * the trail before the restore is in the before-restore backup or the damaged file set aside).
   */
  status: 'agrees' | 'truncated' | 'rewritten' | 'superseded';
  message: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first event whose hash or link does not match, when the chain is broken. */
  firstBadId: number | null;
  /** The first problem found: the chain's own, else the first head that disagrees. */
  problem: string | null;
  /** Every head known outside the store (each backup's, each day's first), compared. */
  heads: AuditHeadCheck[];
  /** Heads that could not be read (a damaged heads file or backup): nothing to compare. */
  unreadable: string[];
}

/** audit:csv: the same filters, every matching event (up to 100,000), as a file. */
export const auditCsvInput = auditListInput.omit({ limit: true, offset: true });

/** What audit:list found, and the guarantor a guarantor filter named. */
export interface AuditList {
  events: AuditEventView[];
  total: number;
  /** The guarantor the filter matched, as read: "Jane Smith (G1)". */
  guarantor: string | null;
}
