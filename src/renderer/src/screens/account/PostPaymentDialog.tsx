// Post a patient payment: how it was paid, the amount in dollars, the date (not after the business
// date), and how it is spread: oldest service first, or the clerk's own split, which must add up
// to the payment to the cent. Then the receipt, to open or save. The form is payments:post's own
// (postPaymentForm), spread checked by the allocation rule main applies.
import { useMemo, useState } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { PaymentResult } from '../../../../shared/contract';
import { formatShortDate } from '../../../../shared/dates';
import { DOLLARS_HINT, formatCents, typedCents } from '../../../../shared/money';
import type { AccountView } from '../../../../shared/schemas/accounts';
import type { FileHandle } from '../../../../shared/schemas/files';
import {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  POST_PAYMENT_ALIASES,
  postPaymentForm,
  splitKey,
} from '../../../../shared/schemas/ledger';
import { ApiError, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { CheckboxField, FormNotice, SelectField, TextField } from '../../components/Field';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { saveFile } from '../../files';
import { useChannelMutation } from '../../queries';
import { useWorkspace } from '../../session';
import { useSchemaForm } from '../../forms';

const METHOD_OPTIONS = PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }));

type PaymentForm = ReturnType<typeof postPaymentForm>;
type PaymentIn = z.input<PaymentForm>;

function SplitRow({ account }: { account: AccountView }) {
  const { register, getFieldState } = useFormContext<PaymentIn>();
  const name = `split.${splitKey(account.id)}` as const;
  const error = getFieldState(name, useFormState({ name })).error?.message;
  const id = `split-${account.id}`;
  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>Account {account.accountNumber}</label>
        <div className="muted">
          {account.patientName} · {formatShortDate(account.serviceFrom)}
        </div>
      </th>
      <td className="num">{formatCents(account.balanceCents)}</td>
      <td className="split-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-label={`Amount for account ${account.accountNumber}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...register(name)}
        />
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

function Allocation({ accounts }: { accounts: AccountView[] }) {
  const { register, control, getFieldState } = useFormContext<PaymentIn>();
  const [allocation, amountText, split] = useWatch({ control, name: ['allocation', 'amount', 'split'] });
  const totalError = getFieldState('splitTotal', useFormState({ name: 'splitTotal' })).error?.message;
  const amount = typedCents(amountText);
  const allocated = Object.values(split ?? {}).reduce((sum, text) => sum + (typedCents(text) ?? 0), 0);
  return (
    <fieldset className="group">
      <legend>How it is spread over the accounts</legend>
      <div className="radio-row">
        <label>
          <input type="radio" value="oldest" {...register('allocation')} /> Oldest first (default)
        </label>
        <label>
          <input type="radio" value="split" {...register('allocation')} /> Choose how to split it
        </label>
      </div>
      {allocation === 'split' && (
        <>
          <table className="table split">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col" className="num">
                  Pay to it ($)
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <SplitRow key={a.id} account={a} />
              ))}
            </tbody>
          </table>
          <p className="remaining" aria-live="polite">
            Remaining to allocate: <strong>{amount === null ? '—' : formatCents(amount - allocated)}</strong>
          </p>
        </>
      )}
      {allocation === 'oldest' && (
        <p className="group-note">The accounts with the oldest service dates are paid down first.</p>
      )}
      {totalError && (
        <p className="field-error" role="alert">
          {totalError}
        </p>
      )}
    </fieldset>
  );
}

interface PostPaymentProps {
  guarantorId: number;
  accounts: AccountView[];
  onOpenReceipt: (file: FileHandle) => void;
  onClose: () => void;
}

/**
 * After the payment is saved: its receipt to open or save. If the receipt could not be drawn, the
 * payment still stands: the clerk is told so and prints the receipt again (never the payment).
 */
function PaymentPosted({
  result,
  cents,
  onOpenReceipt,
  onClose,
}: {
  result: PaymentResult;
  cents: number;
  onOpenReceipt: (file: FileHandle) => void;
  onClose: () => void;
}) {
  const [receipt, setReceipt] = useState<FileHandle | null>(result.receipt);
  const [problem, setProblem] = useState<string | null>(result.receiptProblem);
  const print = useChannelMutation('payments:receipt');
  const printAgain = async () => {
    try {
      setReceipt(await print.mutateAsync({ paymentId: result.paymentId }));
      setProblem(null);
    } catch (error) {
      setProblem(`${messageOf(error)} The payment is saved; try printing the receipt again.`);
    }
  };
  return (
    <Dialog title="Payment posted" onClose={onClose}>
      <FormNotice message={`Payment of ${formatCents(cents)} posted. Receipt ${result.receiptNumber}.`} />
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      {receipt && <p>Give the receipt to the guarantor, or keep it with the day&rsquo;s payments.</p>}
      <div className="actions">
        {receipt ? (
          <>
            <button type="button" onClick={() => onOpenReceipt(receipt)}>
              Open receipt
            </button>
            <button
              type="button"
              onClick={() => void saveFile(receipt).catch((e: unknown) => setProblem(messageOf(e)))}
            >
              Save receipt (PDF)
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void printAgain()} disabled={print.isPending}>
            {print.isPending ? 'Printing…' : 'Print the receipt'}
          </button>
        )}
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
    </Dialog>
  );
}

export function PostPaymentDialog({ guarantorId, accounts, onOpenReceipt, onClose }: PostPaymentProps) {
  const post = useChannelMutation('payments:post');
  const today = useWorkspace((s) => s.status?.today ?? '');
  // Main asks for what the form cannot know: a likely duplicate (the same check again) and a
  // supervisor for a payment dated before the last statement (issue 11).
  const [duplicate, setDuplicate] = useState(false);
  const [needsApproval, setNeedsApproval] = useState(false);
  const schema = useMemo(() => postPaymentForm({ today, accounts, needsApproval }), [today, accounts, needsApproval]);
  const [posted, setPosted] = useState<{ result: PaymentResult; cents: number } | null>(null);
  const form = useSchemaForm(schema, {
    method: '',
    reference: '',
    amount: '',
    effectiveDate: today,
    allocation: 'oldest',
    split: Object.fromEntries(accounts.map((a) => [splitKey(a.id), ''])),
    confirmDuplicate: false,
    approval: { username: '', password: '' },
  });

  if (posted) {
    return <PaymentPosted {...posted} onOpenReceipt={onOpenReceipt} onClose={onClose} />;
  }

  return (
    <DialogForm
      title="Post a payment"
      form={form}
      wide
      fields={[
        'method',
        'reference',
        'amount',
        'effectiveDate',
        'splitTotal',
        'confirmDuplicate',
        'approval.username',
        'approval.password',
      ]}
      aliases={POST_PAYMENT_ALIASES}
      submitLabel="Post payment"
      onClose={onClose}
      onSubmit={async (payment) => {
        try {
          const result = await post.mutateAsync({ guarantorId, ...payment });
          setPosted({ result, cents: payment.amountCents });
        } catch (error) {
          if (error instanceof ApiError && error.fields?.confirmDuplicate) setDuplicate(true);
          if (error instanceof ApiError && error.fields?.approval) setNeedsApproval(true);
          throw error;
        }
      }}
    >
      <div className="form-grid">
        <SelectField name="method" label="Paid by" options={METHOD_OPTIONS} placeholder="Choose…" className="span-2" />
        <TextField name="amount" label="Amount ($)" money className="span-2" hint={DOLLARS_HINT} autoFocus />
        <TextField name="effectiveDate" label="Date received" type="date" max={today} className="span-2" />
        <TextField
          name="reference"
          label="Reference (optional)"
          className="span-6"
          hint="Check number, card authorization, and so on."
        />
      </div>
      <Allocation accounts={accounts} />
      {duplicate && (
        <CheckboxField
          name="confirmDuplicate"
          label="It is a second payment: post it"
          hint="Leave it unticked and cancel if this is the same payment posted again."
        />
      )}
      {needsApproval && (
        <SupervisorApprovalFields note="A payment dated before the last statement changes what the patient was already sent: a supervisor types their own user name and password to approve it." />
      )}
    </DialogForm>
  );
}
