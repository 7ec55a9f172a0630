// Log a call, letter, visit or note; add a follow-up task. Both belong to the guarantor, and may
// name one of their accounts. A call whose outcome is a promise to pay records the promise too
// (its amount and date), tied to the call.
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import {
  ACTIVITY_KINDS,
  ACTIVITY_OUTCOME_LABELS,
  ACTIVITY_OUTCOMES,
  addFollowUpForm,
  logActivityForm,
  type AccountView,
} from '../../../../shared/schemas/accounts';
import { formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { PROMISE_ALIASES } from '../../../../shared/schemas/plans';
import { messageOf } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { ACTIVITY_KIND_LABELS } from './ActivityLog';
import { PromiseFields } from '../plans/PlanDialogs';
import { useSchemaForm } from '../../forms';

interface GuarantorDialogProps {
  guarantorId: number;
  accounts: AccountView[];
  onClose: () => void;
  onDone: (message: string) => void;
}

function accountOptions(accounts: AccountView[]) {
  return accounts.map((a) => ({ value: String(a.id), label: `Account ${a.accountNumber}` }));
}

const KIND_OPTIONS = ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));
const OUTCOME_OPTIONS = ACTIVITY_OUTCOMES.map((o) => ({ value: o, label: ACTIVITY_OUTCOME_LABELS[o] }));
const DIRECTION_OPTIONS = [
  { value: 'outbound', label: 'We called them' },
  { value: 'inbound', label: 'They called us' },
];

export function LogActivityDialog({ guarantorId, accounts, onClose, onDone }: GuarantorDialogProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const schema = useMemo(() => logActivityForm(today), [today]);
  const form = useSchemaForm(schema, {
    kind: 'call',
    direction: 'outbound',
    outcome: '',
    accountId: '',
    note: '',
    occurredOn: today,
    promiseAmount: '',
    promiseDue: '',
  });
  const [kind, outcome] = useWatch({ control: form.control, name: ['kind', 'outcome'] });
  const log = useChannelMutation('activity:log');
  const addPromise = useChannelMutation('promises:add');
  return (
    <DialogForm
      title="Log activity"
      form={form}
      fields={['kind', 'direction', 'outcome', 'accountId', 'note', 'occurredOn', 'promiseAmount', 'promiseDue']}
      aliases={PROMISE_ALIASES}
      submitLabel="Log activity"
      onClose={onClose}
      onSubmit={async ({ activity, promise }) => {
        const entry = await log.mutateAsync({ guarantorId, ...activity });
        const logged = `${ACTIVITY_KIND_LABELS[activity.kind]} logged: ${ACTIVITY_OUTCOME_LABELS[activity.outcome]}.`;
        if (!promise) return onDone(logged);
        try {
          await addPromise.mutateAsync({ guarantorId, ...promise, activityId: entry.id });
          onDone(
            `${logged} Promise recorded: ${formatCents(promise.amountCents)} by ${formatShortDate(promise.dueDate)}.`,
          );
        } catch (e) {
          // The activity is in the log already; logging it again would double it.
          onDone(`${logged} The promise was not recorded: ${messageOf(e)} Use “Promise to pay…” to record it.`);
        }
      }}
    >
      <div className="form-grid">
        <SelectField name="kind" label="Kind" options={KIND_OPTIONS} className="span-3" />
        {kind === 'call' && (
          <SelectField name="direction" label="Direction" options={DIRECTION_OPTIONS} className="span-3" />
        )}
        <SelectField
          name="outcome"
          label="Outcome"
          options={OUTCOME_OPTIONS}
          placeholder="Choose…"
          className="span-3"
        />
        <TextField name="occurredOn" label="Date" type="date" max={today} className="span-3" />
        <SelectField
          name="accountId"
          label="About"
          options={accountOptions(accounts)}
          placeholder="All of the guarantor's accounts"
          className="span-6"
        />
        {outcome === 'promised_to_pay' && <PromiseFields today={today} />}
        <TextAreaField name="note" label="Note (optional)" className="span-6" />
      </div>
    </DialogForm>
  );
}

export function AddFollowUpDialog({ guarantorId, accounts, onClose, onDone }: GuarantorDialogProps) {
  const me = useWorkspace((s) => s.session?.user.id);
  const directory = useChannelQuery('users:directory', {});
  const addFollowUp = useChannelMutation('followUps:add');
  const form = useSchemaForm(addFollowUpForm, {
    title: '',
    dueDate: '',
    assigneeId: me ? String(me) : '',
    accountId: '',
    note: '',
  });
  const people = (directory.value ?? []).map((u) => ({
    value: String(u.id),
    label: `${u.fullName}${u.id === me ? ' (me)' : ''}`,
  }));
  return (
    <DialogForm
      title="Add a follow-up task"
      form={form}
      fields={['title', 'dueDate', 'assigneeId', 'accountId', 'note']}
      submitLabel="Add task"
      onClose={onClose}
      onSubmit={async (task) => {
        await addFollowUp.mutateAsync({ guarantorId, ...task });
        onDone(`Task added: “${task.title}”.`);
      }}
    >
      <div className="form-grid">
        <TextField
          name="title"
          label="What to do"
          autoFocus
          spellCheck
          className="span-6"
          hint="For example: call back about the plan."
        />
        <TextField name="dueDate" label="Due date" type="date" className="span-3" />
        {/* The directory loads with the dialog; until then "me" is the only choice. A task is always
            someone's: it starts as the clerk's own. */}
        <SelectField
          name="assigneeId"
          label="Assigned to"
          className="span-3"
          options={people.length ? people : me ? [{ value: String(me), label: 'Me' }] : []}
        />
        <SelectField
          name="accountId"
          label="Account"
          options={accountOptions(accounts)}
          placeholder="All of the guarantor's accounts"
          className="span-6"
        />
        <TextAreaField name="note" label="Note (optional)" className="span-6" />
      </div>
    </DialogForm>
  );
}
