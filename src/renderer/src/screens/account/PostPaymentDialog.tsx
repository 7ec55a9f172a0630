// Post a patient payment: how it was paid, the amount in dollars, the date (not after the business
// date), and how it is spread: oldest service first, or the clerk's own split, which must add up
// to the payment to the cent. Then the receipt, to open or save.
import { useMemo, useState } from 'react';
import { useForm, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { PaymentResult } from '../../../../shared/contract';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents, parseDollars } from '../../../../shared/money';
import type { AccountView } from '../../../../shared/schemas/accounts';
import type { FileOut } from '../../../../shared/schemas/files';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../../../shared/schemas/ledger';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { FormNotice, SelectField, TextField } from '../../components/Field';
import { saveFile } from '../../components/saveFile';
import { DOLLARS_HINT, dollarsSchema, typedCents } from '../../money';
import { useChannelMutation } from '../../queries';
import { useWorkspace } from '../../session';
import { dateNotAfter } from './postingDate';

const METHOD_OPTIONS = PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }));
/** Form keys for the split ("a12"), so react-hook-form does not read account ids as array indexes. */
const splitKey = (accountId: number) => `a${accountId}`;

function paymentForm(today: string) {
  return z
    .object({
      method: z.string().pipe(z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid.' })),
      reference: z.string().trim().max(60, 'At most 60 characters.'),
      amount: dollarsSchema('Amount'),
      effectiveDate: dateNotAfter(today, 'A payment'),
      allocation: z.enum(['oldest', 'split']),
      split: z.record(z.string(), z.string()),
      /** Not a field: where the split's total is refused. */
      splitTotal: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.allocation !== 'split') return;
      let total = 0;
      for (const [key, text] of Object.entries(v.split)) {
        if (!text.trim()) continue;
        const cents = parseDollars(text);
        if (cents === null || cents < 0) {
          ctx.addIssue({ code: 'custom', path: ['split', key], message: 'Dollars and cents, like 40.00.' });
          return;
        }
        total += cents;
      }
      if (total !== v.amount) {
        ctx.addIssue({
          code: 'custom',
          path: ['splitTotal'],
          message: `The split adds up to ${formatCents(total)}; the payment is ${formatCents(v.amount)}. Make them equal.`,
        });
      }
    });
}
type PaymentForm = ReturnType<typeof paymentForm>;
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
  onOpenReceipt: (file: FileOut) => void;
  onClose: () => void;
}

export function PostPaymentDialog({ guarantorId, accounts, onOpenReceipt, onClose }: PostPaymentProps) {
  const post = useChannelMutation('payments:post');
  const today = useWorkspace((s) => s.status?.today ?? '');
  const schema = useMemo(() => paymentForm(today), [today]);
  const [posted, setPosted] = useState<{ result: PaymentResult; cents: number } | null>(null);
  const form = useForm<PaymentIn, unknown, z.output<PaymentForm>>({
    resolver: zodResolver(schema),
    defaultValues: {
      method: '',
      reference: '',
      amount: '',
      effectiveDate: today,
      allocation: 'oldest',
      split: Object.fromEntries(accounts.map((a) => [splitKey(a.id), ''])),
    },
  });

  if (posted) {
    const { result, cents } = posted;
    return (
      <Dialog title="Payment posted" onClose={onClose}>
        <FormNotice message={`Payment of ${formatCents(cents)} posted. Receipt ${result.receiptNumber}.`} />
        <p>Give the receipt to the guarantor, or keep it with the day&rsquo;s payments.</p>
        <div className="actions">
          <button type="button" onClick={() => onOpenReceipt(result.receipt)}>
            Open receipt
          </button>
          <button type="button" onClick={() => saveFile(result.receipt)}>
            Save receipt (PDF)
          </button>
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <DialogForm
      title="Post a payment"
      form={form}
      wide
      fields={['method', 'reference', 'amount', 'effectiveDate', 'splitTotal']}
      aliases={{ amountCents: 'amount', allocations: 'splitTotal' }}
      submitLabel="Post payment"
      onClose={onClose}
      onSubmit={async ({ method, reference, amount, effectiveDate, allocation, split }) => {
        const allocations =
          allocation === 'split'
            ? accounts
                .map((a) => ({ accountId: a.id, amountCents: typedCents(split[splitKey(a.id)]) ?? 0 }))
                .filter((p) => p.amountCents > 0)
            : [];
        const result = await post.mutateAsync({
          guarantorId,
          method,
          reference,
          amountCents: amount,
          effectiveDate,
          allocations,
        });
        setPosted({ result, cents: amount });
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
    </DialogForm>
  );
}
