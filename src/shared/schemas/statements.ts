// A statement as sent: everything its PDF shows, kept so that any past statement reprints byte for
// byte from what was recorded, whatever has changed since (ST-02, ECA-06).
import type { AgingBucket } from '../rules/aging';
import type { Hospital } from './hospital';

export interface StatementAccountLine {
  accountNumber: string;
  patientName: string;
  serviceFrom: string;
  serviceTo: string;
  /** In plain words: "Emergency visit", "Hospital stay" ... (ST-02). */
  service: string;
  chargesCents: number;
  insuranceCents: number;
  adjustmentsCents: number;
  patientPaidCents: number;
  balanceCents: number;
  /** Where the account stands in its own cycle (recorded since the cycle runs per account). */
  step?: 'regular' | 'final_notice' | 'after_notice' | 'plan' | 'credit';
  number?: number | null;
}

export interface StatementActivityLine {
  date: string;
  accountNumber: string;
  description: string;
  amountCents: number;
}

export interface StatementSnapshot {
  /**
   * How the statement is drawn (main/pdf/layout.ts LayoutVersion): 2, any script; 3, a section's
   * heading kept with its table; absent in snapshots recorded before layouts were numbered, which
   * are drawn as they were (1, Helvetica).
   */
  layout?: 2 | 3;
  /**
   * LANG-01: the language it prints in, from the guarantor's language when it was made; absent
   * means English (every snapshot recorded before languages, and every English one since).
   */
  language?: 'es';
  hospital: Hospital;
  officeHours: string;
  statementDate: string;
  numberInCycle: number;
  regularStatements: number;
  kind: 'regular' | 'final_notice';
  dueDate: string;
  guarantor: { name: string; address: string[]; externalId: string | null };
  accounts: StatementAccountLine[];
  activity: StatementActivityLine[];
  previousBalanceCents: number;
  amountDueCents: number;
  /**
   * Issue 11 (absent in snapshots recorded before): the accounts' balances added up, credits
   * included (the ledger's total); the amount due differs from it when a plan asks for its payment
   * or an account is in credit (a credit is refunded, not subtracted from another account).
   */
  balanceCents?: number;
  /** The credits on the guarantor's accounts (negative cents), each refunded: see `refunds`. */
  creditCents?: number;
  /** ECA-05: each account in credit and the date the refund is paid by (the refunds worklist's date). */
  refunds?: { accountNumber: string; amountCents: number; dueDate: string }[];
  /** The part of a credit an insurer overpaid: returned to the insurer, not the patient's. */
  payerCredits?: { accountNumber: string; amountCents: number }[];
  /** Active payment plans and what each asks for now (PP-02: the same as the day's lapse letter). */
  plans?: { planId: number; amountCents: number; dueDate: string; cure: boolean }[];
  aging: Record<AgingBucket, number>;
  /** The final notice only: the deadline (30 days or more) and the actions intended after it (ECA-05). */
  finalNotice: {
    deadline: string;
    intendedActions: string[];
    plainLanguageSummary: string;
    /** The accounts this is the final notice for (recorded since the cycle runs per account). */
    accountNumbers?: string[];
  } | null;
}

/** The guarantors a run holds, counted: held whole, with some accounts held, and the whole ones by hold reason. */
export interface HeldCountView {
  guarantors: number;
  accountsOnly: number;
  byReason: Record<string, number>;
}

export interface StatementRunPreview {
  runDate: string;
  dueCount: number;
  finalNotices: number;
  dueCents: number;
  /** The first held guarantors in the run's order, by name (a book of a million may hold more than a list shows). */
  held: { guarantorId: number; name: string; holds: string[]; accountsOnly: boolean }[];
  /** Every held guarantor counted: held whole, with some accounts held, and the whole ones by reason. */
  heldCount: HeldCountView;
  skipped: { belowMinimum: number; notYet: number; cycleComplete: number; creditOrZero?: number };
}

export interface StatementListItem {
  id: number;
  statementDate: string;
  numberInCycle: number;
  kind: 'regular' | 'final_notice';
  dueDate: string;
  amountDueCents: number;
}

/** A past statement run, for printing its batch again. */
export interface StatementRunItem {
  id: number;
  runDate: string;
  statements: number;
  finalNotices: number;
  amountCents: number;
  /** Who prepared it. */
  by: string | null;
  /** The supervisor who released it (runs before issue 11 had no release). */
  releasedBy: string | null;
}

/** A statement run prepared and waiting for a supervisor's release: its proof (issue 11 item 7). */
export interface PreparedRunView {
  runId: number;
  runDate: string;
  preparedAt: string;
  preparedBy: string | null;
  statements: number;
  regular: number;
  finalNotices: number;
  /** Statements asking for a payment plan's payment (PP-01). */
  planStatements: number;
  /** Statements listing a credit to refund. */
  withCredits: number;
  amountCents: number;
  /** The credits on the run's statements, each refunded (negative cents). */
  creditCents: number;
  /** The first held guarantors in the run's order, by name; `heldCount` counts them all. */
  held: { guarantorId: number; name: string; holds: string[]; accountsOnly: boolean }[];
  heldCount: HeldCountView;
  skipped: { belowMinimum: number; notYet: number; cycleComplete: number; creditOrZero: number };
  /** Something that decides the statements changed since it was prepared: it must be prepared again. */
  stale: boolean;
}
