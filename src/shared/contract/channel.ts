// What a channel of the contract is: its zod input schema, its output type (a phantom), the least
// role that may call it, and what it writes to the audit trail. Every capability's channels are
// declared with `channel()` in its own file beside this one; index.ts merges them.
import { z } from 'zod';
import type { Role } from '../roles';
import type { AuditKind } from '../schemas/audit';

/** Who may call a channel: anyone (before log-in), or a logged-in user of at least this role. */
export type Access = 'public' | Role;

export interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
  access: Access;
  /** Callable while the session is idle-locked (unlock, log out, status). */
  whileLocked?: boolean;
  /** What the call writes to the audit trail; false for calls that touch no patient data. */
  audit: AuditKind | false;
  /** Runs even while long work holds the store (cancel, status, uploads); touches no tables. */
  concurrent?: boolean;
  /**
   * HP-01: the router writes a call's audit event inside the transaction of the change it records.
   * A channel whose work cannot run inside a transaction (VACUUM INTO, replacing or closing the
   * database) says so here; its event is written after it, in a transaction of its own.
   */
  outsideTransaction?: true;
}

export function channel<I extends z.ZodType, O>(spec: Omit<ChannelSpec<I, O>, 'output'>): ChannelSpec<I, O> {
  return { ...spec, output: undefined as unknown as O };
}

/** The input of a channel that takes none. */
export const none = z.object({}).strict();
