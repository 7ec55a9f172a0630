// An estate's dialogs (issue 14): the estate record, the referral memo to legal, a supervisor's
// release (ECA-04), the claim filed through the 501(r) gate, what the court answered (allowed,
// disallowed), a call to the clerk of court, a note, the follow-up letter, money from the estate,
// and the closing with nothing more. Each sends its channel's input; main's refusals land on their
// field, or above the buttons. A document printed comes back as a file handle and opens in the viewer.
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { formatLongDate } from '../../../../shared/dates';
import { formatCents, formatDecimal } from '../../../../shared/money';
import { adjustmentNeedsApproval } from '../../../../shared/rules/adjustmentApproval';
import { DOCUMENT_LANGUAGE_NAMES, DOCUMENT_LANGUAGES } from '../../../../shared/rules/documentLanguage';
import { FILED_WITH, FILED_WITH_LABELS } from '../../../../shared/rules/estates';
import type { EstateDetail } from '../../../../shared/schemas/estates';
import type { FileHandle } from '../../../../shared/schemas/files';
import { US_STATES } from '../../../../shared/schemas/hospital';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../../../shared/schemas/ledger';
import {
  ALLOWED_ALIASES,
  allowedForm,
  callForm,
  closeForm,
  detailsForm,
  disallowedForm,
  estateNoteForm,
  estatePaymentForm,
  fileForm,
  PAYMENT_ALIASES,
  referForm,
  releaseForm,
} from '../../../../shared/schemas/estatesForms';
import { ApiError } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { useSchemaForm } from '../../forms';
import { invalidateAfter, useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';

type Done = (message: string, warn?: boolean) => void;
type Printed = (file: FileHandle, message: string) => void;
interface StepProps {
  detail: EstateDetail;
  onClose: () => void;
  onDone: Done;
}
interface PrintProps {
  detail: EstateDetail;
  onClose: () => void;
  onPrinted: Printed;
}

function useToday(): string {
  return useWorkspace((s) => s.status?.today ?? '');
}

const STATE_OPTIONS = US_STATES.map((s) => ({ value: s, label: s }));

export function DetailsDialog({ detail: d, onClose, onDone }: StepProps) {
  const today = useToday();
  const save = useChannelMutation('estates:details');
  const form = useSchemaForm(detailsForm(today), {
    state: d.state,
    county: d.county,
    courtName: d.courtName,
    courtAddress: d.courtAddress,
    caseNumber: d.caseNumber,
    prName: d.prName,
    prAddress: d.prAddress,
    attorneyName: d.attorneyName,
    attorneyAddress: d.attorneyAddress,
    letterLanguage: d.letterLanguage,
    firstPublishedOn: d.firstPublishedOn ?? '',
    mailedNoticeOn: d.mailedNoticeOn ?? '',
  });
  return (
    <DialogForm
      title="The estate record"
      form={form}
      wide
      fields={[
        'state',
        'county',
        'courtName',
        'courtAddress',
        'caseNumber',
        'prName',
        'prAddress',
        'attorneyName',
        'attorneyAddress',
        'letterLanguage',
        'firstPublishedOn',
        'mailedNoticeOn',
      ]}
      submitLabel="Save the record"
      onClose={onClose}
      onSubmit={async (v) => {
        const next = await save.mutateAsync({ estateId: d.id, ...v });
        onDone(
          next.deadline === d.deadline
            ? `Record saved. The claim deadline stays ${formatLongDate(next.deadline)}.`
            : `Record saved. The claim deadline is now ${formatLongDate(next.deadline)} (it was ${formatLongDate(d.deadline)}).`,
        );
      }}
    >
      <p>
        The claim deadline is computed again from the state’s row of the probate table and the notice dates: the later
        of the publication period and a mailed notice’s period, never after the outer limit from the death on{' '}
        {formatLongDate(d.dateOfDeath)}. Leave a date blank while it is not known.
      </p>
      <fieldset className="group">
        <legend>The probate estate</legend>
        <div className="form-grid">
          <SelectField name="state" label="State" placeholder="Choose…" options={STATE_OPTIONS} className="span-2" />
          <TextField name="county" label="County (optional)" className="span-2" />
          <TextField name="caseNumber" label="Probate case number (optional)" className="span-2" />
          <TextField name="courtName" label="Probate court (optional)" className="span-6" />
          <TextAreaField name="courtAddress" label="Court’s address (optional)" rows={2} className="span-6" />
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>The notice to creditors</legend>
        <div className="form-grid">
          <TextField
            name="firstPublishedOn"
            label="First published on (optional)"
            type="date"
            max={today}
            className="span-3"
            hint="The first day the notice appeared in the newspaper."
          />
          <TextField
            name="mailedNoticeOn"
            label="Notice mailed to the hospital on (optional)"
            type="date"
            max={today}
            className="span-3"
            hint="Only if a notice was mailed to the hospital itself."
          />
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>The personal representative and the attorney</legend>
        <div className="form-grid">
          <TextField name="prName" label="Personal representative (optional)" className="span-3" />
          <TextField name="attorneyName" label="Estate’s attorney (optional)" className="span-3" />
          <TextAreaField
            name="prAddress"
            label="Personal representative’s address (optional)"
            rows={3}
            className="span-3"
          />
          <TextAreaField name="attorneyAddress" label="Attorney’s address (optional)" rows={3} className="span-3" />
          <SelectField
            name="letterLanguage"
            label="Letters to the representative in"
            options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: DOCUMENT_LANGUAGE_NAMES[l] }))}
            className="span-3"
          />
        </div>
      </fieldset>
    </DialogForm>
  );
}

export function ReferDialog({ detail: d, onClose, onPrinted }: PrintProps) {
  const refer = useChannelMutation('estates:refer');
  const form = useSchemaForm(referForm, { note: '' });
  return (
    <DialogForm
      title="Refer the claim to legal"
      form={form}
      fields={['note']}
      submitLabel="Print the referral memo"
      onClose={onClose}
      onSubmit={async (v) => {
        const { file } = await refer.mutateAsync({ estateId: d.id, ...v });
        onPrinted(
          file,
          'Referral memo printed and kept among the guarantor’s documents. The estate is referred to legal.',
        );
      }}
    >
      <p>
        The memo gives legal the facts of the death and the estate, the claim deadline ({formatLongDate(d.deadline)})
        with its explanation, each account’s balance, priority class and last illness, the total of{' '}
        {formatCents(d.owedCents)}, and the 501(r) state
        {d.releaseNeeded ? ': a supervisor’s release is needed before filing' : ''}.
      </p>
      <TextAreaField name="note" label="Note for legal (optional)" rows={3} />
    </DialogForm>
  );
}

export function ReleaseDialog({ detail: d, onClose, onDone }: StepProps) {
  const release = useChannelMutation('estates:release');
  const form = useSchemaForm(releaseForm, { reason: '' });
  return (
    <DialogForm
      title="Release the claim before the 501(r) date"
      form={form}
      fields={['reason']}
      submitLabel="Release the claim"
      onClose={onClose}
      onSubmit={async (v) => {
        await release.mutateAsync({ estateId: d.id, ...v });
        onDone(
          'Released: the claim may be filed before the 501(r) waiting period ends. The release is in the ECA register.',
        );
      }}
    >
      <p>
        ECA-04: a claim against the estate waits for the 501(r) clock like any extraordinary collection action
        {d.ecaAllowedFrom
          ? ` (it allows one from ${formatLongDate(d.ecaAllowedFrom)})`
          : ' (the clock cannot say when)'}
        , but the claim deadline is {formatLongDate(d.deadline)}. A supervisor’s release lets the claim go first; it
        answers the waiting only, never another hold.
      </p>
      <TextAreaField name="reason" label="Reason" rows={3} />
    </DialogForm>
  );
}

export function FileDialog({ detail: d, onClose, onPrinted }: PrintProps) {
  const today = useToday();
  const file = useChannelMutation('estates:file');
  const form = useSchemaForm(fileForm(today), {
    on: today,
    filedWith: d.courtName ? 'clerk' : d.prName ? 'personal_representative' : '',
    sworn: false,
    contingency: '',
    security: '',
  });
  const claimed = d.accounts.filter((a) => a.balanceCents > 0);
  return (
    <DialogForm
      title="File the claim"
      form={form}
      fields={['on', 'filedWith', 'sworn', 'contingency', 'security']}
      submitLabel="File and print the claim"
      onClose={onClose}
      onSubmit={async (v) => {
        try {
          const { file: printed } = await file.mutateAsync({ estateId: d.id, ...v });
          onPrinted(
            printed,
            `Claim filed for ${formatCents(d.owedCents)}: the cover letter and the statement of claim are printed and kept.`,
          );
        } catch (e) {
          // A refusal of the 501(r) gate is an answer too: it is kept in the ECA register.
          if (e instanceof ApiError && e.code === 'not_allowed') await invalidateAfter('estates:file');
          throw e;
        }
      }}
    >
      <p>
        The claim is {formatCents(d.owedCents)} on {claimed.length === 1 ? '1 account' : `${claimed.length} accounts`},
        due by {formatLongDate(d.deadline)}. Filing is an extraordinary collection action: the 501(r) gate is asked for
        every account on the filing date, and its answer is kept in the ECA register either way.
        {d.releaseNeeded &&
          ' The deadline comes before the 501(r) date: without a supervisor’s release the gate refuses.'}
      </p>
      <div className="form-grid">
        <TextField name="on" label="Filed on" type="date" max={today} className="span-2" />
        <SelectField
          name="filedWith"
          label="Where the claim goes"
          placeholder="Choose…"
          options={FILED_WITH.map((f) => ({ value: f, label: FILED_WITH_LABELS[f] }))}
          className="span-6"
        />
        <TextAreaField
          name="contingency"
          label="Contingency (optional)"
          rows={2}
          hint="If the claim is contingent or unliquidated, its nature. Blank: none."
          className="span-3"
        />
        <TextAreaField
          name="security"
          label="Security (optional)"
          rows={2}
          hint="If the claim is secured, the security. Blank: none."
          className="span-3"
        />
      </div>
      <CheckboxField
        name="sworn"
        label="Add the sworn wording"
        hint="The statement of claim swears the amount is justly due, all payments are credited and there are no offsets."
      />
    </DialogForm>
  );
}

export function FollowUpDialog({ detail: d, onClose, onPrinted }: PrintProps) {
  const followUp = useChannelMutation('estates:followUp');
  const form = useSchemaForm(z.object({}), {});
  return (
    <DialogForm
      title="Ask the clerk of court"
      form={form}
      fields={[]}
      submitLabel="Print the follow-up letter"
      onClose={onClose}
      onSubmit={async () => {
        const { file } = await followUp.mutateAsync({ estateId: d.id });
        onPrinted(file, 'Follow-up letter printed and kept; the next follow-up is counted from today.');
      }}
    >
      <p>
        A letter to the clerk of {d.courtName || 'the probate court'} asking the status of the claim filed{' '}
        {d.filedOn ? formatLongDate(d.filedOn) : ''}
        {d.caseNumber ? ` in case ${d.caseNumber}` : ''}. It is logged in the guarantor’s activity.
      </p>
    </DialogForm>
  );
}

export function AllowedDialog({ detail: d, onClose, onDone }: StepProps) {
  const today = useToday();
  const record = useChannelMutation('estates:record');
  const form = useSchemaForm(allowedForm(today), { on: today, allowed: formatDecimal(d.claimCents ?? 0) });
  return (
    <DialogForm
      title="The claim is allowed"
      form={form}
      fields={['on', 'allowed']}
      aliases={ALLOWED_ALIASES}
      submitLabel="Record the allowance"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({ estateId: d.id, event: 'allowed', on: v.on, allowedCents: v.allowed });
        onDone(`Allowed: ${formatCents(v.allowed)}. Record the estate’s payment when it comes.`);
      }}
    >
      <div className="form-grid">
        <TextField name="on" label="Allowed on" type="date" max={today} className="span-2" />
        <TextField
          name="allowed"
          label="Amount allowed ($)"
          money
          hint={`At most the claim, ${formatCents(d.claimCents ?? 0)}.`}
          className="span-3"
        />
      </div>
    </DialogForm>
  );
}

export function DisallowedDialog({ detail: d, onClose, onDone }: StepProps) {
  const today = useToday();
  const record = useChannelMutation('estates:record');
  const form = useSchemaForm(disallowedForm(today), { on: today });
  return (
    <DialogForm
      title="The claim is disallowed"
      form={form}
      fields={['on']}
      submitLabel="Record the disallowance"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        const next = await record.mutateAsync({ estateId: d.id, event: 'disallowed', on: v.on });
        onDone(
          `Disallowed. ${next.suitDeadline ? `Legal must sue by ${formatLongDate(next.suitDeadline)} or the claim is lost (PR-03).` : ''}`,
          true,
        );
      }}
    >
      <p>
        The personal representative disallowed the claim. The days to sue on it (PR-03: {d.deadlineInfo.rule.suitDays}{' '}
        in {d.state}) are counted from the date of the notice of disallowance.
      </p>
      <TextField name="on" label="Notice of disallowance dated" type="date" max={today} />
    </DialogForm>
  );
}

export function CallDialog({ detail: d, onClose, onDone }: StepProps) {
  const today = useToday();
  const record = useChannelMutation('estates:record');
  const form = useSchemaForm(callForm(today), { on: today, note: '' });
  return (
    <DialogForm
      title="A call to the clerk of court"
      form={form}
      fields={['on', 'note']}
      submitLabel="Record the call"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({ estateId: d.id, event: 'call', ...v });
        onDone('Call recorded, and logged in the guarantor’s activity.');
      }}
    >
      <div className="form-grid">
        <TextField name="on" label="Called on" type="date" max={today} className="span-2" />
        <TextAreaField name="note" label="What was said" rows={3} className="span-6" />
      </div>
    </DialogForm>
  );
}

export function EstateNoteDialog({ detail: d, onClose, onDone }: StepProps) {
  const today = useToday();
  const record = useChannelMutation('estates:record');
  const form = useSchemaForm(estateNoteForm(today), { on: today, note: '' });
  return (
    <DialogForm
      title="Add a note to the estate"
      form={form}
      fields={['on', 'note']}
      submitLabel="Add the note"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({ estateId: d.id, event: 'note', ...v });
        onDone('Note added.');
      }}
    >
      <div className="form-grid">
        <TextField name="on" label="Date" type="date" max={today} className="span-2" />
        <TextAreaField name="note" label="Note" rows={3} className="span-6" />
      </div>
    </DialogForm>
  );
}

export function EstatePaymentDialog({ detail: d, onClose, onDone }: StepProps) {
  const today = useToday();
  const pay = useChannelMutation('estates:payment');
  const form = useSchemaForm(estatePaymentForm(today), { receivedOn: today, amount: '', method: '', reference: '' });
  return (
    <DialogForm
      title="Money from the estate"
      form={form}
      fields={['receivedOn', 'amount', 'method', 'reference']}
      aliases={PAYMENT_ALIASES}
      submitLabel="Post the payment"
      onClose={onClose}
      onSubmit={async (v) => {
        const next = await pay.mutateAsync({ estateId: d.id, ...v, amountCents: v.amount });
        onDone(
          next.owedCents === 0
            ? `Payment of ${formatCents(v.amount)} posted: the estate’s accounts are paid in full.`
            : `Payment of ${formatCents(v.amount)} posted, oldest account first; ${formatCents(next.owedCents)} is still owed.`,
        );
      }}
    >
      <p>
        The estate’s accounts owe {formatCents(d.owedCents)}
        {d.allowedCents !== null ? `; the claim was allowed for ${formatCents(d.allowedCents)}` : ''}. The payment is
        posted as an estate recovery, oldest account first.
      </p>
      <div className="form-grid">
        <TextField name="receivedOn" label="Received on" type="date" max={today} className="span-2" />
        <TextField name="amount" label="Amount ($)" money className="span-2" />
        <SelectField
          name="method"
          label="Paid by"
          placeholder="Choose…"
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
          className="span-2"
        />
        <TextField name="reference" label="Reference (optional)" hint="The estate’s check number." className="span-3" />
      </div>
    </DialogForm>
  );
}

export function CloseEstateDialog({ detail: d, onClose, onDone }: StepProps) {
  const today = useToday();
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const settings = useChannelQuery('settings:get', {});
  const limit = settings.value?.posting.adjustmentApprovalLimitCents ?? null;
  const close = useChannelMutation('estates:close');
  const [askedByMain, setAskedByMain] = useState(false);
  // At most what the accounts owe is written off (a Medicare deductible or coinsurance is left for
  // the bad-debt listing instead): over the clerk's limit a supervisor approves.
  const overLimit = limit !== null && adjustmentNeedsApproval(role, d.owedCents, limit);
  const showApproval = overLimit || askedByMain;
  const schema = useMemo(() => closeForm(today, showApproval), [today, showApproval]);
  const form = useSchemaForm(schema, { on: today, note: '', approval: { username: '', password: '' } });
  const medicare = d.accounts.some((a) => a.payerClass === 'medicare' && a.balanceCents > 0);
  return (
    <DialogForm
      title="Close the estate with nothing more"
      form={form}
      fields={['on', 'note', 'approval.username', 'approval.password']}
      aliases={{ approval: 'approval.password' }}
      submitLabel="Close the estate"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        try {
          await close.mutateAsync({ estateId: d.id, ...v, ...(v.approval ? { approval: v.approval } : {}) });
        } catch (error) {
          if (error instanceof ApiError && error.fields?.approval) setAskedByMain(true);
          throw error;
        }
        onDone('Estate closed: what was left is written off with the reason.');
      }}
    >
      <p>
        The estate will pay nothing more. The accounts owe {formatCents(d.owedCents)}: it is written off with the reason
        “estate closed”
        {medicare
          ? '; a Medicare deductible or coinsurance balance is not written off but left for the Medicare bad-debt listing'
          : ''}
        . This cannot be undone.
      </p>
      <div className="form-grid">
        <TextField name="on" label="Closed on" type="date" max={today} className="span-2" />
        <TextAreaField
          name="note"
          label="Reason"
          rows={2}
          hint="Like: the estate is insolvent, by the personal representative’s final account."
          className="span-6"
        />
      </div>
      {showApproval && (
        <SupervisorApprovalFields
          note={`Closing writes off up to ${formatCents(d.owedCents)}${limit !== null ? `, over the ${formatCents(limit)} a clerk may adjust alone` : ''}: a supervisor types their own user name and password to approve it.`}
        />
      )}
    </DialogForm>
  );
}
