// The small plan dialogs: the date the agreement was signed, cancelling a plan with a reason, and a
// promise to pay (amount and date), on its own or from a call.
import { useMemo } from 'react';
import { formatShortDate } from '../../../../shared/dates';
import { DOLLARS_HINT, formatCents } from '../../../../shared/money';
import {
  addPromiseForm,
  cancelPlanForm,
  PROMISE_ALIASES,
  signedForm,
  type PlanView,
} from '../../../../shared/schemas/plans';
import { DialogForm } from '../../components/DialogForm';
import { TextAreaField, TextField } from '../../components/Field';
import { useChannelMutation } from '../../queries';
import { useWorkspace } from '../../session';
import { useSchemaForm } from '../../forms';

interface PlanDialogProps {
  plan: PlanView;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function SignedDialog({ plan, onClose, onDone }: PlanDialogProps) {
  const signed = useChannelMutation('plans:signed');
  const today = useWorkspace((s) => s.status?.today ?? '');
  const schema = useMemo(() => signedForm(today, plan.startDate), [today, plan.startDate]);
  const form = useSchemaForm(schema, { signedOn: today });
  return (
    <DialogForm
      title={`Agreement of plan #${plan.id} signed`}
      form={form}
      fields={['signedOn']}
      submitLabel="Record the date"
      onClose={onClose}
      onSubmit={async ({ signedOn }) => {
        await signed.mutateAsync({ planId: plan.id, signedOn });
        onDone(`The agreement of plan #${plan.id} was signed on ${formatShortDate(signedOn)}.`);
      }}
    >
      <p>
        The date the guarantor signed the printed agreement. A plan protects the patient only once it is in writing.
      </p>
      <TextField name="signedOn" label="Signed on" type="date" min={plan.startDate} max={today} />
    </DialogForm>
  );
}

export function CancelPlanDialog({ plan, onClose, onDone }: PlanDialogProps) {
  const cancel = useChannelMutation('plans:cancel');
  const form = useSchemaForm(cancelPlanForm, { reason: '' });
  return (
    <DialogForm
      title={`Cancel plan #${plan.id}`}
      form={form}
      fields={['reason']}
      submitLabel="Cancel the plan"
      danger
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        await cancel.mutateAsync({ planId: plan.id, reason });
        onDone(`Plan #${plan.id} is cancelled.`);
      }}
    >
      <p>
        The plan is kept with its history, marked cancelled, and its accounts are no longer on a plan (
        {formatCents(plan.progress.owedCents)} still owed on it).
      </p>
      <TextAreaField name="reason" label="Reason" rows={2} />
    </DialogForm>
  );
}

/** Amount and date of a promise to pay (addPromiseForm's fields); the date is today or later. */
export function PromiseFields({ today }: { today: string }) {
  return (
    <>
      <TextField name="promiseAmount" label="Amount promised ($)" money className="span-3" hint={DOLLARS_HINT} />
      <TextField name="promiseDue" label="Promised by" type="date" min={today} className="span-3" />
    </>
  );
}

export function PromiseDialog({
  guarantorId,
  onClose,
  onDone,
}: {
  guarantorId: number;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const addPromise = useChannelMutation('promises:add');
  const schema = useMemo(() => addPromiseForm(today), [today]);
  const form = useSchemaForm(schema, { promiseAmount: '', promiseDue: '' });
  return (
    <DialogForm
      title="Promise to pay"
      form={form}
      fields={['promiseAmount', 'promiseDue']}
      aliases={PROMISE_ALIASES}
      submitLabel="Record the promise"
      onClose={onClose}
      onSubmit={async (promise) => {
        await addPromise.mutateAsync({ guarantorId, ...promise });
        onDone(`Promise recorded: ${formatCents(promise.amountCents)} by ${formatShortDate(promise.dueDate)}.`);
      }}
    >
      <p className="muted">
        Kept when the guarantor&rsquo;s payments from today to that date reach the amount; otherwise it goes to the work
        queue as a broken promise the day after.
      </p>
      <div className="form-grid">
        <PromiseFields today={today} />
      </div>
    </DialogForm>
  );
}
