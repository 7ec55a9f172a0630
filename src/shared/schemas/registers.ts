import { z } from 'zod';
import type { FapStatus } from './accounts';

export const registerMonthInput = z.object({
  month: z.string({ error: 'Choose a month.' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM.'),
});

export const REGISTER_KINDS = ['statements', 'eca_attempts', 'holds', 'assistance'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];
export const registerCsvInput = registerMonthInput.extend({ register: z.enum(REGISTER_KINDS) });

export interface MonthlyRegisters {
  month: string;
  statements: {
    date: string;
    guarantor: string;
    guarantorNumber: string | null;
    kind: 'regular' | 'final_notice';
    numberInCycle: number;
    /** The accounts on the statement, each with its step ("A1 (2), A2 (final notice)"). */
    accounts: string;
    amountDueCents: number;
  }[];
  ecaAttempts: {
    date: string;
    accountNumber: string;
    guarantor: string;
    kind: string;
    allowed: boolean;
    allowedFrom: string | null;
    reasons: string[];
    /** The refusal's reasons, or for an allowed action the notices that allowed it. */
    why: string;
    by: string | null;
  }[];
  holds: {
    date: string;
    event: 'placed' | 'released';
    guarantor: string;
    /** The account held, or null for all the guarantor's accounts. */
    accountNumber: string | null;
    reason: string;
    note: string;
    by: string | null;
  }[];
  /** Financial-assistance applications and decisions recorded in the month (ECA-05). */
  assistance: {
    date: string;
    guarantor: string;
    guarantorNumber: string | null;
    status: FapStatus;
    note: string;
    by: string | null;
  }[];
}
