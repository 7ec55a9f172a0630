// Log a call, letter, visit or note; add a follow-up task. Both belong to the guarantor, and may
// name one of their accounts.
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  ACTIVITY_OUTCOME_LABELS,
  ACTIVITY_OUTCOMES,
  type AccountView,
} from '../../../../shared/schemas/accounts';
import { call } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { useChannel } from '../../components/useChannel';
import { useWorkspace } from '../../session';
import { ACTIVITY_KIND_LABELS } from './ActivityLog';
import { dateNotAfter, requiredDate } from './postingDate';

interface GuarantorDialogProps {
  guarantorId: number;
  accounts: AccountView[];
  onClose: () => void;
  onDone: (message: string) => void;
}

function accountOptions(accounts: AccountView[]) {
  return accounts.map((a) => ({ value: String(a.id), label: `Account ${a.accountNumber}` }));
}

const optionalId = (text: string) => (text ? Number(text) : undefined);

const KIND_OPTIONS = ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));
const OUTCOME_OPTIONS = ACTIVITY_OUTCOMES.map((o) => ({ value: o, label: ACTIVITY_OUTCOME_LABELS[o] }));
const DIRECTION_OPTIONS = [
  { value: 'outbound', label: 'We called them' },
  { value: 'inbound', label: 'They called us' },
];

function activityForm(today: string) {
  return z.object({
    kind: z.enum(ACTIVITY_KINDS, { error: 'Choose call, letter, visit or note.' }),
    direction: z.enum(['outbound', 'inbound']),
    outcome: z.string().pipe(z.enum(ACTIVITY_OUTCOMES, { error: 'Choose the outcome.' })),
    accountId: z.string(),
    note: z.string().trim().max(2000, 'A note is at most 2,000 characters.'),
    occurredOn: dateNotAfter(today, 'An activity'),
  });
}
type ActivityForm = ReturnType<typeof activityForm>;

export function LogActivityDialog({ guarantorId, accounts, onClose, onDone }: GuarantorDialogProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const schema = useMemo(() => activityForm(today), [today]);
  const form = useForm<z.input<ActivityForm>, unknown, z.output<ActivityForm>>({
    resolver: zodResolver(schema),
    defaultValues: { kind: 'call', direction: 'outbound', outcome: '', accountId: '', note: '', occurredOn: today },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  return (
    <DialogForm
      title="Log activity"
      form={form}
      fields={['kind', 'direction', 'outcome', 'accountId', 'note', 'occurredOn']}
      submitLabel="Log activity"
      onClose={onClose}
      onSubmit={async ({ direction, accountId, ...values }) => {
        await call('activity:log', {
          guarantorId,
          ...values,
          direction: values.kind === 'call' ? direction : undefined,
          accountId: optionalId(accountId),
        });
        onDone(`${ACTIVITY_KIND_LABELS[values.kind]} logged: ${ACTIVITY_OUTCOME_LABELS[values.outcome]}.`);
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
        <TextAreaField name="note" label="Note (optional)" className="span-6" />
      </div>
    </DialogForm>
  );
}

const taskForm = z.object({
  title: z.string().trim().min(1, 'Say what is to be done.').max(200, 'At most 200 characters.'),
  dueDate: requiredDate('Enter the due date.'),
  assigneeId: z.string(),
  accountId: z.string(),
  note: z.string().trim().max(2000, 'A note is at most 2,000 characters.'),
});

export function AddTaskDialog({ guarantorId, accounts, onClose, onDone }: GuarantorDialogProps) {
  const me = useWorkspace((s) => s.session?.user.id);
  const directory = useChannel('users:directory', {});
  const form = useForm<z.input<typeof taskForm>, unknown, z.output<typeof taskForm>>({
    resolver: zodResolver(taskForm),
    defaultValues: { title: '', dueDate: '', assigneeId: me ? String(me) : '', accountId: '', note: '' },
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
      onSubmit={async ({ assigneeId, accountId, ...values }) => {
        await call('tasks:add', {
          guarantorId,
          ...values,
          assigneeId: optionalId(assigneeId),
          accountId: optionalId(accountId),
        });
        onDone(`Task added: “${values.title}”.`);
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
        {/* The directory loads with the dialog; until then "me" is the only choice. */}
        <SelectField
          name="assigneeId"
          label="Assigned to"
          className="span-3"
          options={people.length ? people : me ? [{ value: String(me), label: 'Me' }] : []}
          placeholder="Nobody"
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
