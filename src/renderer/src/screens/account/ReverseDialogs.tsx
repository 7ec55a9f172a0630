// Reversals: an equal and opposite entry with a reason, never an edit. One ledger entry, or a whole
// payment with every account it was spread over (main refuses to reverse one part of a split).
import { useMemo, useState } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import type { AccountView, PaymentView } from '../../../../shared/schemas/accounts';
import {
  LEDGER_TYPE_LABELS,
  PAYMENT_METHOD_LABELS,
  reverseEntryForm,
  reversePaymentForm,
  type LedgerLine,
} from '../../../../shared/schemas/ledger';
import { ApiError } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { reversalNeedsApproval } from '../../../../shared/rules/adjustmentApproval';
import { approverName } from './AdjustmentDialog';
import { TextField } from '../../components/Field';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { useSchemaForm } from '../../forms';

function useReversePaymentForm() {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const schema = useMemo(() => reversePaymentForm(today), [today]);
  const form = useSchemaForm(schema, { reason: '', effectiveDate: today });
  return { form, today };
}

function ReverseFields({ today, hint }: { today: string; hint: string }) {
  return (
    <div className="form-grid">
      <TextField name="reason" label="Reason" autoFocus spellCheck hint={hint} className="span-6" />
      <TextField name="effectiveDate" label="Date of the reversal" type="date" max={today} className="span-3" />
    </div>
  );
}

interface ReverseEntryProps {
  account: AccountView;
  entry: LedgerLine;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ReverseEntryDialog({ account, entry, onClose, onDone }: ReverseEntryProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const settings = useChannelQuery('settings:get', {});
  const limit = settings.value?.posting.adjustmentApprovalLimitCents ?? null;
  // Main may ask for approval even when the dialog did not expect it (the limit changed meanwhile).
  const [askedByMain, setAskedByMain] = useState(false);
  // Issue 11: a reversal that lowers the balance follows the adjustment's approval limit.
  const needsApproval = askedByMain || (limit !== null && reversalNeedsApproval(role, entry.amountCents, limit));
  const schema = useMemo(() => reverseEntryForm(today, needsApproval), [today, needsApproval]);
  const form = useSchemaForm(schema, { reason: '', effectiveDate: today, approval: { username: '', password: '' } });
  const reverse = useChannelMutation('ledger:reverse');
  return (
    <DialogForm
      title={`Reverse entry #${entry.id}`}
      form={form}
      fields={['reason', 'effectiveDate', 'approval.username', 'approval.password']}
      aliases={{ approval: 'approval.password' }}
      submitLabel="Reverse entry"
      danger
      onClose={onClose}
      onSubmit={async (values) => {
        try {
          const result = await reverse.mutateAsync({ entryId: entry.id, ...values });
          const approver = result.approvedBy === null ? null : await approverName(result.approvedBy);
          onDone(
            `Entry #${entry.id} on account ${account.accountNumber} is reversed${result.approvedBy === null ? '' : `, approved by ${approver ?? 'the supervisor'}`}.`,
          );
        } catch (error) {
          if (error instanceof ApiError && error.fields?.approval) setAskedByMain(true);
          throw error;
        }
      }}
    >
      <dl className="facts">
        <dt>Account</dt>
        <dd>{account.accountNumber}</dd>
        <dt>Entry</dt>
        <dd>
          {LEDGER_TYPE_LABELS[entry.type]} of {formatCents(entry.amountCents)} on {formatShortDate(entry.effectiveDate)}
          {entry.reference && ` (${entry.reference})`}
        </dd>
      </dl>
      <p>
        Recoup posts an equal and opposite entry of {formatCents(-entry.amountCents)}; the original stays in the ledger,
        marked as reversed.
        {entry.reversesId !== null &&
          ` This entry is itself the reversal of #${entry.reversesId}: reversing it puts that amount back on the account. An entry is reversed only once.`}
      </p>
      <ReverseFields
        today={today}
        hint="For the ledger and the audit log, e.g. “charge posted to the wrong account”."
      />
      {needsApproval && (
        <SupervisorApprovalFields
          note={`It lowers the balance by ${formatCents(entry.amountCents)}${limit !== null ? `, over ${formatCents(limit)}` : ''}: a supervisor types their own user name and password to approve this reversal, as for an adjustment.`}
        />
      )}
    </DialogForm>
  );
}

interface ReversePaymentProps {
  payment: PaymentView;
  accounts: AccountView[];
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ReversePaymentDialog({ payment, accounts, onClose, onDone }: ReversePaymentProps) {
  const { form, today } = useReversePaymentForm();
  const reverse = useChannelMutation('payments:reverse');
  const parts = accounts.flatMap((a) =>
    a.ledger
      .filter((l) => l.paymentId === payment.id && l.reversesId === null)
      .map((l) => ({ account: a.accountNumber, cents: -l.amountCents })),
  );
  return (
    <DialogForm
      title={`Reverse payment ${payment.receiptNumber}`}
      form={form}
      fields={['reason', 'effectiveDate']}
      submitLabel="Reverse payment"
      danger
      onClose={onClose}
      onSubmit={async (values) => {
        await reverse.mutateAsync({ paymentId: payment.id, ...values });
        onDone(`Payment ${payment.receiptNumber} of ${formatCents(payment.amountCents)} is reversed.`);
      }}
    >
      <dl className="facts">
        <dt>Payment</dt>
        <dd>
          {formatCents(payment.amountCents)} by {PAYMENT_METHOD_LABELS[payment.method].toLowerCase()} on{' '}
          {formatShortDate(payment.effectiveDate)}
          {payment.reference && ` (${payment.reference})`}
        </dd>
        {parts.length > 0 && (
          <>
            <dt>Applied to</dt>
            <dd>
              {parts.map((p) => (
                <div key={p.account}>
                  Account {p.account}: {formatCents(p.cents)}
                </div>
              ))}
            </dd>
          </>
        )}
      </dl>
      <p>Every part of the payment is reversed, and each account&rsquo;s balance goes back up by its part.</p>
      <ReverseFields today={today} hint="For the ledger and the audit log, e.g. “check returned unpaid”." />
    </DialogForm>
  );
}
