// The ledger: posting and reversing payments and adjustments, receipts, and the balance check.
import type { FileHandle } from '../schemas/files';
import {
  paymentIdInput,
  postAdjustmentInput,
  postPaymentInput,
  reverseEntryInput,
  reversePaymentInput,
} from '../schemas/ledger';
import { channel, none } from './channel';

export interface BalanceCheck {
  ok: boolean;
  accountsChecked: number;
  guarantorsChecked: number;
  differences: {
    kind: 'account' | 'guarantor';
    id: number;
    label: string;
    storedCents: number;
    derivedCents: number;
  }[];
}

/**
 * A posted payment. The payment (and everything that follows from it) is saved before its receipt
 * is drawn; if drawing fails, `receipt` is null and `receiptProblem` says so: the payment stands,
 * and payments:receipt prints the receipt later (never post it again).
 */
export interface PaymentResult {
  paymentId: number;
  receiptNumber: string;
  receipt: FileHandle | null;
  receiptProblem: string | null;
}

export const ledgerChannels = {
  'payments:post': channel<typeof postPaymentInput, PaymentResult>({
    input: postPaymentInput,
    access: 'clerk',
    audit: 'change',
  }),
  'payments:receipt': channel<typeof paymentIdInput, FileHandle>({
    input: paymentIdInput,
    access: 'clerk',
    audit: 'print',
  }),
  'payments:reverse': channel<typeof reversePaymentInput, { reversalIds: number[] }>({
    input: reversePaymentInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ledger:adjust': channel<typeof postAdjustmentInput, { entryId: number; approvedBy: number | null }>({
    input: postAdjustmentInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ledger:reverse': channel<typeof reverseEntryInput, { reversalId: number; approvedBy: number | null }>({
    input: reverseEntryInput,
    access: 'clerk',
    audit: 'change',
  }),
  'ledger:verify': channel<typeof none, BalanceCheck>({ input: none, access: 'supervisor', audit: 'admin' }),
} as const;
