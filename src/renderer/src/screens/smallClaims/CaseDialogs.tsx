// A small-claims case's step dialogs (issue 13 item 4): the demand letter, the court packet (the
// declaration's wording), filing, service, the hearing and its continuance, the judgment, a payment
// after judgment, a garnishment, levy or lien through the 501(r) gate, closing, and a note. Each
// sends its channel's input; main's refusals land on their field, or above the buttons (the gate's,
// a filing before the demand letter's date).
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { formatLongDate } from '../../../../shared/dates';
import { formatCents, formatDecimal, typedCents } from '../../../../shared/money';
import { adjustmentNeedsApproval } from '../../../../shared/rules/adjustmentApproval';
import { ECA_KIND_LABELS } from '../../../../shared/rules/ecaClock';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '../../../../shared/schemas/ledger';
import {
  POST_JUDGMENT_KINDS,
  SERVICE_METHOD_LABELS,
  SERVICE_METHODS,
  type CaseDetail,
} from '../../../../shared/schemas/smallClaims';
import type { FileHandle } from '../../../../shared/schemas/files';
import { DialogForm } from '../../components/DialogForm';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { useSchemaForm } from '../../forms';
import { ApiError } from '../../api';
import { invalidateAfter, useChannelMutation, useChannelQuery } from '../../queries';
import { SupervisorApprovalFields } from '../../components/SupervisorApproval';
import { useWorkspace } from '../../session';
import {
  closedForm,
  continuedForm,
  filedForm,
  hearingForm,
  judgmentForm,
  noteForm,
  packetForm,
  paymentForm,
  postJudgmentForm,
  servedForm,
} from '../../../../shared/schemas/smallClaimsForms';

type Done = (message: string, warn?: boolean) => void;
interface StepProps {
  detail: CaseDetail;
  onClose: () => void;
  onDone: Done;
}

function useToday(): string {
  return useWorkspace((s) => s.status?.today ?? '');
}

export function DemandDialog({
  detail,
  onClose,
  onPrinted,
}: {
  detail: CaseDetail;
  onClose: () => void;
  onPrinted: (file: FileHandle, message: string) => void;
}) {
  const demand = useChannelMutation('smallClaims:demand');
  const form = useSchemaForm(z.object({}), {});
  return (
    <DialogForm
      title="Send the demand letter"
      form={form}
      fields={[]}
      submitLabel="Print the demand letter"
      onClose={onClose}
      onSubmit={async () => {
        const { file } = await demand.mutateAsync({ caseId: detail.caseId });
        onPrinted(file, 'Demand letter printed: mail it today. The case waits for its date before filing.');
      }}
    >
      <p>
        The letter asks {detail.guarantorName} to pay {formatCents(detail.claimCents)} and says the hospital will file
        in {detail.courtName} after a date: the demand letter&apos;s days from today, or the 501(r) date if that is
        later
        {detail.check.ecaAllowedFrom ? ` (${formatLongDate(detail.check.ecaAllowedFrom)})` : ''}. It tells how to pay,
        whom to call, and that financial assistance is available. It is printed in the guarantor&apos;s language, kept
        among their documents, and can be printed only once per case (reprints are the same letter).
      </p>
    </DialogForm>
  );
}

export function PacketDialog({
  detail,
  onClose,
  onPrinted,
}: {
  detail: CaseDetail;
  onClose: () => void;
  onPrinted: (file: FileHandle, message: string) => void;
}) {
  const packet = useChannelMutation('smallClaims:packet');
  const form = useSchemaForm(packetForm, { declaration: detail.state === 'TX' ? 'tx_rule_185' : 'standard' });
  return (
    <DialogForm
      title="Print the court packet"
      form={form}
      fields={['declaration']}
      submitLabel="Print the packet"
      onClose={onClose}
      onSubmit={async ({ declaration }) => {
        const file = await packet.mutateAsync({ caseId: detail.caseId, declaration });
        onPrinted(file, 'Court packet printed.');
      }}
    >
      <p>
        One PDF with bookmarks and numbered exhibits: the filing checklist, the claim worksheet, the itemised statement
        of account, the declaration, the statements and final notice as mailed, any payment plan and its default letter,
        and the demand letter.
      </p>
      <SelectField
        name="declaration"
        label="Declaration of the account"
        options={[
          { value: 'standard', label: 'Standard declaration of the account' },
          { value: 'tx_rule_185', label: 'Texas Rule 185 sworn account' },
        ]}
        hint="Texas Rule 185 wording swears the account is just and true, due, and all credits allowed."
      />
    </DialogForm>
  );
}

export function FiledDialog({ detail, onClose, onDone }: StepProps) {
  const today = useToday();
  const record = useChannelMutation('smallClaims:record');
  const form = useSchemaForm(filedForm(today), {
    on: today,
    caseNumber: '',
    filingFee: formatDecimal(detail.court.filingFeeCents),
  });
  return (
    <DialogForm
      title="Record the filing"
      form={form}
      fields={['on', 'caseNumber', 'filingFee']}
      aliases={{ filingFeeCents: 'filingFee' }}
      submitLabel="Record the filing"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({
          event: 'filed',
          caseId: detail.caseId,
          on: v.on,
          caseNumber: v.caseNumber,
          filingFeeCents: v.filingFee,
        });
        onDone(`Filing recorded: case ${v.caseNumber}. The accounts are held from statements while the case runs.`);
      }}
    >
      <p>
        A civil action is an extraordinary collection action: the 501(r) gate is asked for every account of the case on
        the filing date, and its answer is kept in the ECA register either way.
        {detail.fileAfter &&
          ` The demand letter said the hospital would file after ${formatLongDate(detail.fileAfter)}.`}
      </p>
      <div className="form-grid">
        <TextField name="on" label="Filed on" type="date" max={today} className="span-2" />
        <TextField name="caseNumber" label="Case number" className="span-2" />
        <TextField name="filingFee" label="Filing fee paid ($)" money className="span-2" />
      </div>
    </DialogForm>
  );
}

export function ServedDialog({ detail, onClose, onDone }: StepProps) {
  const today = useToday();
  const record = useChannelMutation('smallClaims:record');
  const form = useSchemaForm(servedForm(today), {
    on: today,
    method: '',
    serviceFee: formatDecimal(detail.court.serviceFeeCents),
  });
  return (
    <DialogForm
      title="Record service"
      form={form}
      fields={['on', 'method', 'serviceFee']}
      aliases={{ serviceFeeCents: 'serviceFee' }}
      submitLabel="Record service"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({
          event: 'served',
          caseId: detail.caseId,
          on: v.on,
          method: v.method,
          serviceFeeCents: v.serviceFee,
        });
        onDone('Service recorded.');
      }}
    >
      <div className="form-grid">
        <TextField name="on" label="Served on" type="date" max={today} className="span-2" />
        <SelectField
          name="method"
          label="How"
          placeholder="Choose…"
          options={SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] }))}
          className="span-2"
        />
        <TextField name="serviceFee" label="Service fee paid ($)" money className="span-2" />
      </div>
    </DialogForm>
  );
}

export function HearingDialog({ detail, onClose, onDone }: StepProps) {
  const record = useChannelMutation('smallClaims:record');
  const form = useSchemaForm(hearingForm, { on: '', time: '', place: detail.courtAddress });
  return (
    <DialogForm
      title="Set the hearing"
      form={form}
      fields={['on', 'time', 'place']}
      submitLabel="Set the hearing"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({ event: 'hearing', caseId: detail.caseId, ...v });
        onDone(`Hearing set for ${formatLongDate(v.on)}.`);
      }}
    >
      <div className="form-grid">
        <TextField name="on" label="Hearing date" type="date" className="span-2" />
        <TextField name="time" label="Time (optional)" hint="Like 9:00 AM." className="span-2" />
        <TextAreaField name="place" label="Place" rows={2} hint="The courtroom and address." className="span-6" />
      </div>
    </DialogForm>
  );
}

export function ContinuedDialog({ detail, onClose, onDone }: StepProps) {
  const record = useChannelMutation('smallClaims:record');
  const form = useSchemaForm(continuedForm, {
    on: '',
    time: detail.hearingTime,
    place: detail.hearingPlace,
    reason: '',
  });
  return (
    <DialogForm
      title="Continue the hearing"
      form={form}
      fields={['on', 'time', 'place', 'reason']}
      submitLabel="Record the continuance"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({ event: 'continued', caseId: detail.caseId, ...v });
        onDone(`Hearing continued to ${formatLongDate(v.on)}.`);
      }}
    >
      {detail.hearingOn && (
        <p>
          The hearing was set for {formatLongDate(detail.hearingOn)}
          {detail.hearingTime && ` at ${detail.hearingTime}`}; the timeline keeps that date.
        </p>
      )}
      <div className="form-grid">
        <TextField name="on" label="New hearing date" type="date" className="span-2" />
        <TextField name="time" label="Time (optional)" hint="Like 9:00 AM." className="span-2" />
        <TextAreaField name="place" label="Place" rows={2} className="span-6" />
        <TextAreaField name="reason" label="Why the hearing was continued" rows={2} className="span-6" />
      </div>
    </DialogForm>
  );
}

export function JudgmentDialog({ detail, onClose, onDone }: StepProps) {
  const today = useToday();
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const settings = useChannelQuery('settings:get', {});
  const limit = settings.value?.posting.adjustmentApprovalLimitCents ?? null;
  const record = useChannelMutation('smallClaims:record');
  const [askedByMain, setAskedByMain] = useState(false);
  const [showApproval, setShowApproval] = useState(false);
  const schema = useMemo(() => judgmentForm(today, showApproval), [today, showApproval]);
  const form = useSchemaForm(schema, {
    on: today,
    outcome: '',
    amount: formatDecimal(detail.claimCents),
    costs: '',
    interestRate: '0',
    approval: { username: '', password: '' },
  });
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const amount = typedCents(useWatch({ control: form.control, name: 'amount' }));
  // What the judgment writes off: everything for the defendant; above the award for the hospital.
  const writeOff =
    outcome === 'defendant'
      ? detail.balanceCents
      : outcome === 'plaintiff' && amount !== null
        ? Math.max(0, detail.balanceCents - amount)
        : 0;
  const overLimit = limit !== null && adjustmentNeedsApproval(role, writeOff, limit);
  if (showApproval !== (overLimit || askedByMain)) setShowApproval(overLimit || askedByMain);
  return (
    <DialogForm
      title="Record the judgment"
      form={form}
      fields={['on', 'outcome', 'amount', 'costs', 'interestRate', 'approval.username', 'approval.password']}
      aliases={{
        amountCents: 'amount',
        costsCents: 'costs',
        interestRateBp: 'interestRate',
        approval: 'approval.password',
      }}
      submitLabel="Record the judgment"
      onClose={onClose}
      onSubmit={async (v) => {
        try {
          await record.mutateAsync({
            event: 'judgment',
            caseId: detail.caseId,
            on: v.on,
            outcome: v.outcome,
            amountCents: v.outcome === 'plaintiff' ? v.amount : 0,
            costsCents: v.outcome === 'plaintiff' ? v.costs : 0,
            interestRateBp: v.interestRate,
            ...(v.approval ? { approval: v.approval } : {}),
          });
        } catch (error) {
          if (error instanceof ApiError && error.fields?.approval) setAskedByMain(true);
          throw error;
        }
        onDone(
          v.outcome === 'plaintiff' ? 'Judgment for the hospital recorded.' : 'Judgment for the defendant recorded.',
        );
      }}
    >
      <p>
        For the hospital: what the court did not award (and any waived excess) is adjusted off the accounts and can
        never be collected; costs awarded are posted to the ledger as court costs. For the defendant: the accounts are
        adjusted to zero and the case ends. The interest rate is recorded and shown; Recoup does not compute or post
        interest.
      </p>
      <div className="form-grid">
        <TextField name="on" label="Judgment on" type="date" max={today} className="span-2" />
        <SelectField
          name="outcome"
          label="For"
          placeholder="Choose…"
          options={[
            { value: 'plaintiff', label: 'The hospital (plaintiff)' },
            { value: 'defendant', label: 'The defendant' },
          ]}
          className="span-4"
        />
        {outcome !== 'defendant' && (
          <>
            <TextField
              name="amount"
              label="Judgment amount ($)"
              money
              hint={`At most the claim, ${formatCents(detail.claimCents)}.`}
              className="span-2"
            />
            <TextField name="costs" label="Costs awarded ($)" money hint="Blank for none." className="span-2" />
          </>
        )}
        <TextField name="interestRate" label="Interest rate (% a year)" hint="Like 10 or 7.5." className="span-2" />
      </div>
      {showApproval && (
        <SupervisorApprovalFields
          note={`The judgment writes off ${formatCents(writeOff)}${limit !== null ? `, over the ${formatCents(limit)} a clerk may adjust alone` : ''}: a supervisor types their own user name and password to approve it.`}
        />
      )}
    </DialogForm>
  );
}

export function PaymentDialog({ detail, onClose, onDone }: StepProps) {
  const today = useToday();
  const pay = useChannelMutation('smallClaims:payment');
  const form = useSchemaForm(paymentForm(today), { receivedOn: today, amount: '', method: '', reference: '' });
  return (
    <DialogForm
      title="Record a payment on the case"
      form={form}
      fields={['receivedOn', 'amount', 'method', 'reference']}
      aliases={{ amountCents: 'amount' }}
      submitLabel="Post the payment"
      onClose={onClose}
      onSubmit={async (v) => {
        await pay.mutateAsync({ caseId: detail.caseId, ...v, amountCents: v.amount });
        onDone(`Payment of ${formatCents(v.amount)} posted to the case's accounts, oldest first.`);
      }}
    >
      <p>
        The case’s accounts owe {formatCents(detail.balanceCents)}. The payment is posted as a court recovery, oldest
        account first.
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
        <TextField
          name="reference"
          label="Reference (optional)"
          hint="A check or garnishment number."
          className="span-3"
        />
      </div>
    </DialogForm>
  );
}

export function PostJudgmentDialog({ detail, onClose, onDone }: StepProps) {
  const act = useChannelMutation('smallClaims:postJudgment');
  const form = useSchemaForm(postJudgmentForm, { kind: '', note: '' });
  return (
    <DialogForm
      title="An action after judgment"
      form={form}
      fields={['kind', 'note']}
      submitLabel="Ask the 501(r) gate"
      onClose={onClose}
      onSubmit={async (v) => {
        try {
          await act.mutateAsync({ caseId: detail.caseId, ...v });
          onDone(`${ECA_KIND_LABELS[v.kind]}: allowed by the 501(r) gate and recorded.`);
        } catch (e) {
          // A refusal is an answer too: the gate recorded it on the case and in the ECA register.
          if (e instanceof ApiError && e.code === 'not_allowed') {
            await invalidateAfter('smallClaims:postJudgment');
            onDone(`Refused and recorded: ${e.message}`, true);
            return;
          }
          throw e;
        }
      }}
    >
      <p>
        A wage garnishment, a bank levy or a lien is an extraordinary collection action: the 501(r) gate is asked for
        every account of the case, and its answer is kept in the ECA register and on this case, allowed or refused.
      </p>
      <SelectField
        name="kind"
        label="Action"
        placeholder="Choose…"
        options={POST_JUDGMENT_KINDS.map((k) => ({ value: k, label: ECA_KIND_LABELS[k] }))}
      />
      <TextAreaField name="note" label="Note (optional)" rows={2} />
    </DialogForm>
  );
}

const CLOSE_LABELS = {
  satisfied: 'Satisfied: the judgment is paid',
  dismissed: 'Dismissed by the court',
  withdrawn: 'Withdrawn before filing',
} as const;

export function CloseDialog({ detail, onClose, onDone }: StepProps) {
  const today = useToday();
  const record = useChannelMutation('smallClaims:record');
  const outcomes = (
    detail.status === 'open' || detail.status === 'demand_sent'
      ? (['withdrawn'] as const)
      : detail.status === 'judgment'
        ? (['satisfied', 'dismissed'] as const)
        : (['dismissed'] as const)
  ).map((o) => ({ value: o, label: CLOSE_LABELS[o] }));
  const form = useSchemaForm(closedForm(today), {
    on: today,
    outcome: outcomes.length === 1 ? outcomes[0]!.value : '',
    note: '',
  });
  return (
    <DialogForm
      title="Close the case"
      form={form}
      fields={['on', 'outcome', 'note']}
      submitLabel="Close the case"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({ event: 'closed', caseId: detail.caseId, ...v });
        onDone(`Case closed: ${CLOSE_LABELS[v.outcome].split(':')[0]!.toLowerCase()}. Its holds are released.`);
      }}
    >
      {detail.status === 'judgment' && (
        <p>
          Still owed on the judgment: <strong>{formatCents(detail.judgmentOwedCents)}</strong>. A case is satisfied only
          when nothing is owed.
        </p>
      )}
      <div className="form-grid">
        <TextField name="on" label="Closed on" type="date" max={today} className="span-2" />
        <SelectField name="outcome" label="How it ended" placeholder="Choose…" options={outcomes} className="span-4" />
        <TextAreaField name="note" label="Note (optional)" rows={2} className="span-6" />
      </div>
    </DialogForm>
  );
}

export function NoteDialog({ detail, onClose, onDone }: StepProps) {
  const today = useToday();
  const record = useChannelMutation('smallClaims:record');
  const form = useSchemaForm(noteForm(today), { on: today, note: '' });
  return (
    <DialogForm
      title="Add a note to the case"
      form={form}
      fields={['on', 'note']}
      submitLabel="Add the note"
      onClose={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({ event: 'note', caseId: detail.caseId, ...v });
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
