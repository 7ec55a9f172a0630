// The steps of an OB case, each its own dialog (issue 17): the signature, a deposit and its
// reversal, a revision (a moved date or new coverage facts, with the new estimate and schedule shown
// before it is saved), the delivery, the delivery account matched, the true-up (its figures and any
// problem shown before it is made), the cancellation and the refund of the deposits held.
import { useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents, formatDecimal, typedCents } from '../../../../shared/money';
import { DELIVERY_KINDS, DELIVERY_KIND_LABELS } from '../../../../shared/rules/obstetrics';
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS } from '../../../../shared/schemas/ledger';
import type { ObCaseDetail } from '../../../../shared/schemas/obstetrics';
import {
  cancelForm,
  dayForm,
  DEPOSIT_ALIASES,
  depositForm,
  ESTIMATE_ALIASES,
  ESTIMATE_KEYS,
  estimateFactsOf,
  planYearEndsFirst,
  refundDepositsForm,
  reverseDepositForm,
  reviseFormFor,
  TRUE_UP_ALIASES,
  trueUpForm,
  type ReviseText,
} from '../../../../shared/schemas/obstetricsForms';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/Field';
import { showServerError } from '../../components/formErrors';
import { messageOf } from '../../api';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { EstimateLines, ScheduleLines } from './common';
import { CoverageFields } from './Interview';

interface StepProps {
  c: ObCaseDetail;
  onClose: () => void;
  onDone: (message: string) => void;
}

const METHOD_OPTIONS = PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }));

export function SignatureDialog({ c, onClose, onDone }: StepProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const record = useChannelMutation('ob:recordSignature');
  const form = useSchemaForm(dayForm(today, 'The signature'), { on: today });
  return (
    <DialogForm
      title={`Record the signature on ${c.reference}`}
      form={form}
      fields={['on']}
      aliases={{ signedOn: 'on' }}
      submitLabel="Record the signature"
      onClose={onClose}
      onSubmit={async (v) => {
        const done = await record.mutateAsync({ caseId: c.id, signedOn: v.on });
        onDone(
          `${done.reference} is signed: the schedule runs${done.nextDue ? `, the first payment of ${formatCents(done.nextDue.cents)} is due ${formatLongDate(done.nextDue.dueDate)}` : ''}. Keep the hospital's copy with her papers.`,
        );
      }}
    >
      <p>She signs the printed agreement; give her the patient&apos;s copy.</p>
      {c.agreementDocumentId === null && (
        <p className="form-alert" role="note">
          The agreement has not been printed yet: print it first.
        </p>
      )}
      <TextField name="on" label="Signed on" type="date" max={today} />
    </DialogForm>
  );
}

export function DepositDialog({ c, onClose, onDone }: StepProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const record = useChannelMutation('ob:deposit');
  const form = useSchemaForm(depositForm(today), {
    amount: c.nextDue ? formatDecimal(c.nextDue.cents) : '',
    receivedOn: today,
    method: '',
    reference: '',
  });
  return (
    <DialogForm
      title={`Record a deposit on ${c.reference}`}
      form={form}
      fields={['amount', 'receivedOn', 'method', 'reference']}
      aliases={DEPOSIT_ALIASES}
      submitLabel="Record the deposit"
      onClose={onClose}
      onSubmit={async (v) => {
        const done = await record.mutateAsync({
          caseId: c.id,
          amountCents: v.amount,
          receivedOn: v.receivedOn,
          method: v.method,
          reference: v.reference,
        });
        const receipt = done.deposits.find((d) => !c.deposits.some((o) => o.id === d.id));
        onDone(
          `${formatCents(v.amount)} received${receipt ? `: receipt ${receipt.receiptNumber}` : ''}. It is held for her until the delivery account arrives.`,
        );
      }}
    >
      <p>
        {c.nextDue
          ? `Next due: ${formatCents(c.nextDue.cents)} on ${formatLongDate(c.nextDue.dueDate)}.`
          : 'Nothing is due on the schedule now; a deposit is still welcome.'}{' '}
        The deposit is held for her until the delivery account arrives, then applied to it.
      </p>
      <div className="form-grid">
        <TextField name="amount" label="Amount ($)" money className="span-2" />
        <TextField name="receivedOn" label="Received on" type="date" max={today} className="span-2" />
        <SelectField
          name="method"
          label="How it was paid"
          placeholder="Choose…"
          options={METHOD_OPTIONS}
          className="span-2"
        />
        <TextField name="reference" label="Reference (check number, card slip)" className="span-6" />
      </div>
    </DialogForm>
  );
}

export function ReverseDepositDialog({ c, depositId, onClose, onDone }: StepProps & { depositId: number }) {
  const reverse = useChannelMutation('ob:reverseDeposit');
  const d = c.deposits.find((x) => x.id === depositId);
  const form = useSchemaForm(reverseDepositForm, { note: '' });
  return (
    <DialogForm
      title={`Reverse deposit ${d?.receiptNumber ?? ''}`}
      form={form}
      fields={['note']}
      submitLabel="Reverse the deposit"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await reverse.mutateAsync({ depositId, note: v.note });
        onDone(`Deposit ${d?.receiptNumber ?? ''} reversed: it no longer counts toward the schedule.`);
      }}
    >
      <p>
        A deposit recorded by mistake (
        {d ? `${formatCents(d.amountCents)} received ${formatShortDate(d.receivedOn)}` : ''}) is reversed; it stays on
        the list, marked reversed.
      </p>
      <TextAreaField name="note" label="What the mistake was" rows={2} />
    </DialogForm>
  );
}

function coverageText(c: ObCaseDetail): Omit<ReviseText, 'reason' | 'note'> {
  const v = c.current;
  const cov = v.coverage;
  const money = (cents: number | null) => (cents === null ? '' : formatDecimal(cents));
  return {
    expectedDelivery: v.expectedDelivery,
    deliveryKind: v.deliveryKind,
    firstDue: v.firstDue ?? '',
    coverageKind: cov.kind,
    payerName: cov.payerName,
    planYearEnd: cov.planYearEnd ?? '',
    deductibleRemaining: cov.kind === 'insured' ? money(cov.deductibleRemainingCents) : '',
    oopRemaining: cov.kind === 'insured' ? money(cov.oopRemainingCents) : '',
    annualDeductible: money(cov.annualDeductibleCents),
    annualOopMax: money(cov.annualOopMaxCents),
    coinsurancePercent: cov.kind === 'insured' ? formatDecimal(cov.coinsuranceBp) : '',
    copay: cov.kind === 'insured' ? money(cov.copayCents) : '',
    allowed: money(cov.allowedCents),
  };
}

/** The first payment of the current schedule not yet paid and due today or later, else today: the date a
 *  moved schedule starts from (the original first due date may be past). */
function nextOpenDue(c: ObCaseDetail, today: string): string {
  return c.progress.items.find((i) => i.state !== 'paid' && i.dueDate >= today)?.dueDate ?? today;
}

/** A moved date or new coverage facts: the new estimate and schedule shown before it is saved. */
export function ReviseDialog({ c, onClose, onDone }: StepProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const revise = useChannelMutation('ob:revise');
  const form = useSchemaForm(reviseFormFor(today, c.current.daysBefore), {
    ...coverageText(c),
    firstDue: nextOpenDue(c, today),
    reason: 'date_moved',
    note: '',
  });
  const [formError, setFormError] = useState<string | null>(null);
  const values = useWatch({ control: form.control }) as ReviseText;
  const { facts } = estimateFactsOf(values);
  const input = facts
    ? {
        caseId: c.id,
        reason: values.reason === 'estimate_revised' ? ('estimate_revised' as const) : ('date_moved' as const),
        ...facts,
        firstDue: facts.firstDue ?? today,
        note: '',
      }
    : null;
  const preview = useChannelQuery(
    'ob:revisePreview',
    input ?? {
      caseId: c.id,
      reason: 'date_moved',
      expectedDelivery: c.current.expectedDelivery,
      deliveryKind: c.current.deliveryKind,
      coverage: c.current.coverage,
      firstDue: c.current.firstDue,
      note: '',
    },
    { enabled: input !== null },
  );
  const fields = [...ESTIMATE_KEYS, 'reason', 'note'] as (keyof ReviseText)[];
  const submit = form.handleSubmit(async (v) => {
    setFormError(null);
    try {
      const done = await revise.mutateAsync({ caseId: c.id, ...v });
      onDone(
        `${done.reference} version ${done.current.version} saved: ${formatCents(done.current.scheduledCents)} scheduled before delivery. The earlier versions stay in the history. Print the agreement again for her to sign if the figures changed.`,
      );
    } catch (error) {
      setFormError(showServerError(error, form.setError, fields, ESTIMATE_ALIASES as never));
    }
  });
  const p = input ? preview.value : null;
  const kind = values.coverageKind;
  return (
    <Dialog title={`Move the date or revise ${c.reference}`} onClose={onClose} wide className="ob-revise-dialog">
      <FormProvider {...form}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <div className="ob-interview">
            <div>
              <div className="form-grid">
                <SelectField
                  name="reason"
                  label="Why"
                  className="span-6"
                  options={[
                    { value: 'date_moved', label: 'The expected delivery date moved' },
                    { value: 'estimate_revised', label: 'New coverage facts: revise the estimate' },
                  ]}
                />
                <TextField
                  name="expectedDelivery"
                  label="Expected delivery date"
                  type="date"
                  min={today}
                  className="span-3"
                />
                <SelectField
                  name="deliveryKind"
                  label="Delivery kind"
                  className="span-3"
                  options={DELIVERY_KINDS.map((k) => ({ value: k, label: DELIVERY_KIND_LABELS[k] }))}
                />
                <SelectField
                  name="coverageKind"
                  label="Insured or self-pay"
                  className="span-3"
                  options={[
                    { value: 'insured', label: 'Insured' },
                    { value: 'self_pay', label: 'Self-pay (no coverage)' },
                  ]}
                />
              </div>
              {kind === 'insured' && (
                <CoverageFields yearly={planYearEndsFirst(values.planYearEnd ?? '', values.expectedDelivery ?? '')} />
              )}
              <div className="form-grid">
                <TextField
                  name="firstDue"
                  label="First due date"
                  type="date"
                  min={today}
                  max={p?.lastAllowed}
                  className="span-3"
                />
                <TextAreaField name="note" label="Note: what changed and who said so" rows={2} className="span-6" />
              </div>
            </div>
            <div>
              <p className="visually-hidden" role="status">
                {p && !preview.error
                  ? `The new estimate: ${formatCents(p.estimate.shareCents)}; ${formatCents(p.scheduledCents)} scheduled in ${p.installments.length} payments.`
                  : ''}
              </p>
              {input && preview.error && <FormAlert message={preview.error} />}
              {p && !preview.error && (
                <>
                  <EstimateLines estimate={p.estimate} title="The new estimate" />
                  <ScheduleLines
                    installments={p.installments}
                    lastAllowed={p.lastAllowed}
                    daysBefore={p.daysBefore}
                    expectedDelivery={input!.expectedDelivery}
                    heldCents={p.heldCents}
                    scheduledCents={p.scheduledCents}
                    emptyReason={p.emptyReason}
                  />
                </>
              )}
            </div>
          </div>
          <FormAlert message={formError} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? 'Working…' : 'Save the new version'}
            </button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}

export function DeliveryDialog({ c, onClose, onDone }: StepProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const record = useChannelMutation('ob:recordDelivery');
  const form = useSchemaForm(dayForm(today, 'The delivery'), { on: today });
  return (
    <DialogForm
      title={`Record the delivery for ${c.reference}`}
      form={form}
      fields={['on']}
      aliases={{ deliveredOn: 'on' }}
      submitLabel="Record the delivery"
      onClose={onClose}
      onSubmit={async (v) => {
        const done = await record.mutateAsync({ caseId: c.id, deliveredOn: v.on });
        onDone(
          `${done.reference}: delivered on ${formatLongDate(v.on)}. The schedule is closed; match the delivery account when the extract brings it.`,
        );
      }}
    >
      <p>
        The schedule closes: payments not yet due are no longer asked before delivery. What is left is settled at the
        true-up, after the payer decides.
      </p>
      <TextField name="on" label="Delivered on" type="date" max={today} />
    </DialogForm>
  );
}

/** The accounts the extract brought that may be the delivery, each with why; the clerk confirms. */
export function MatchDialog({ c, onClose, onDone }: StepProps) {
  const candidates = useChannelQuery('ob:deliveryCandidates', { caseId: c.id });
  const link = useChannelMutation('ob:linkDelivery');
  const [chosen, setChosen] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const list = candidates.value ?? [];
  const confirm = async () => {
    setError(null);
    if (chosen.length === 0) {
      setError('Choose the delivery account.');
      return;
    }
    setWorking(true);
    try {
      const done = await link.mutateAsync({ caseId: c.id, accountIds: chosen });
      const applied = done.appliedCents - c.appliedCents;
      onDone(
        `${done.reference} is matched to ${done.deliveryAccounts.map((a) => a.accountNumber).join(', ')}${applied > 0 ? `: ${formatCents(applied)} of deposits applied to it` : ''}. The account is held out of statements until the true-up.`,
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setWorking(false);
    }
  };
  return (
    <Dialog title={`Match the delivery account for ${c.reference}`} onClose={onClose} wide>
      <p>
        Accounts the extract brought for a delivery around {formatLongDate(c.deliveredOn ?? c.expectedDelivery)} (60
        days either side). Confirming applies the {formatCents(c.heldCents)} held to the chosen account(s) and holds
        them out of statements until the true-up.
      </p>
      <FormAlert message={candidates.error} />
      {!candidates.value && !candidates.error && <p role="status">Looking for the delivery account…</p>}
      {candidates.value && list.length === 0 && (
        <p role="status">No account yet: the delivery account arrives with a later extract.</p>
      )}
      {list.length > 0 && (
        <fieldset className="group">
          <legend>Accounts that may be the delivery</legend>
          <ul className="ob-candidates">
            {list.map((a) => (
              <li key={a.accountId}>
                <div className="checkbox-row">
                  <input
                    id={`ob-cand-${a.accountId}`}
                    type="checkbox"
                    disabled={a.takenByCase !== null}
                    checked={chosen.includes(a.accountId)}
                    onChange={(e) =>
                      setChosen((was) =>
                        e.target.checked ? [...was, a.accountId] : was.filter((x) => x !== a.accountId),
                      )
                    }
                    aria-describedby={`ob-cand-${a.accountId}-why`}
                  />
                  <div>
                    <label htmlFor={`ob-cand-${a.accountId}`}>
                      Account <span className="mono">{a.accountNumber}</span>, {a.patientName},{' '}
                      {formatShortDate(a.serviceFrom)}–{formatShortDate(a.serviceTo)} ({a.serviceType}), balance{' '}
                      {formatCents(a.balanceCents)}
                    </label>
                    <p id={`ob-cand-${a.accountId}-why`} className="field-hint">
                      {a.why}
                      {!a.sameGuarantor && ` Under the guarantor record ${a.guarantorName}: the case moves to it.`}
                      {a.takenByCase && ` Already matched to ${a.takenByCase}.`}
                    </p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <FormAlert message={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={working || list.length === 0}
          onClick={() => void confirm()}
        >
          {working ? 'Working…' : 'Confirm the match'}
        </button>
      </div>
    </Dialog>
  );
}

/** The true-up: her real share (from the remittance when there is one), the figures and any problem, then commit. */
export function TrueUpDialog({ c, onClose, onDone }: StepProps) {
  const trueUp = useChannelMutation('ob:trueUp');
  // The remittance on file (if any) prefills the real share: asked once with a share of 0.
  const first = useChannelQuery('ob:trueUpPreview', { caseId: c.id, realShareCents: 0 });
  if (!first.value)
    return (
      <Dialog title={`True-up for ${c.reference}`} onClose={onClose}>
        <FormAlert message={first.error} />
        {!first.error && <p role="status">Reading the delivery account…</p>}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  const r = first.value.remittance;
  return (
    <TrueUpForm
      c={c}
      initialShare={r ? formatDecimal(r.patientRespCents) : ''}
      initialSource={
        r
          ? `Remittance from ${r.payer}${r.paidOn ? ` paid ${formatShortDate(r.paidOn)}` : ''}: patient responsibility`
          : ''
      }
      remittanceNote={
        r
          ? `The remittance from ${r.payer}${r.paidOn ? ` (${formatLongDate(r.paidOn)})` : ''} says her share is ${formatCents(r.patientRespCents)}.`
          : 'No remittance is on file for the delivery account: take her share from the payer’s explanation of benefits.'
      }
      onClose={onClose}
      onDone={onDone}
      commit={(input) => trueUp.mutateAsync(input)}
    />
  );
}

function TrueUpForm({
  c,
  initialShare,
  initialSource,
  remittanceNote,
  onClose,
  onDone,
  commit,
}: StepProps & {
  initialShare: string;
  initialSource: string;
  remittanceNote: string;
  commit: (input: { caseId: number; realShareCents: number; source: string }) => Promise<ObCaseDetail>;
}) {
  const form = useSchemaForm(trueUpForm, { realShare: initialShare, source: initialSource });
  const share = typedCents(useWatch({ control: form.control, name: 'realShare' }));
  const preview = useChannelQuery(
    'ob:trueUpPreview',
    { caseId: c.id, realShareCents: share ?? 0 },
    { enabled: share !== null && share >= 0 },
  );
  const p = share !== null ? preview.value : null;
  return (
    <DialogForm
      title={`True-up for ${c.reference}`}
      form={form}
      fields={['realShare', 'source']}
      aliases={TRUE_UP_ALIASES}
      submitLabel="Make the true-up"
      wide
      onClose={onClose}
      onSubmit={async (v) => {
        const done = await commit({ caseId: c.id, realShareCents: v.realShare, source: v.source });
        const t = done.trueUp;
        onDone(
          `${done.reference} trued up: ${
            t?.outcome === 'refund'
              ? `${formatCents(t.cents)} to refund (the credits worklist)`
              : t?.outcome === 'bill'
                ? `${formatCents(t.cents)} left to pay, in the statement cycle now`
                : 'nothing owed either way'
          }. Print the letter for her.`,
        );
      }}
    >
      <p>{remittanceNote}</p>
      <div className="form-grid">
        <TextField name="realShare" label="Her real share ($)" money className="span-2" />
        <TextField name="source" label="Where it comes from" className="span-4" />
      </div>
      <div aria-live="polite">
        {preview.error && share !== null && <FormAlert message={preview.error} />}
        {p && (
          <div className="ob-estimate">
            <h3>The figures</h3>
            <ul>
              <li>Estimated share: {formatCents(p.estimateCents)}</li>
              <li>Her real share: {formatCents(p.realShareCents)}</li>
              <li>
                Paid on the delivery account: {formatCents(p.paidCents)} (deposits applied:{' '}
                {formatCents(p.depositsAppliedCents)})
              </li>
              <li>
                The delivery account&apos;s balance: {formatCents(p.balanceCents)}; it should be{' '}
                {formatCents(p.expectedBalanceCents)}
              </li>
              <li>
                <strong>
                  {p.outcome.outcome === 'refund'
                    ? `She paid ${formatCents(p.outcome.cents)} too much: it will be refunded.`
                    : p.outcome.outcome === 'bill'
                      ? `${formatCents(p.outcome.cents)} is left for her to pay.`
                      : 'She owes nothing and is owed nothing.'}
                </strong>
              </li>
            </ul>
            {p.problem && (
              <p className="form-alert" role="alert">
                {p.problem}
              </p>
            )}
          </div>
        )}
      </div>
    </DialogForm>
  );
}

export function CancelDialog({ c, onClose, onDone }: StepProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const cancel = useChannelMutation('ob:cancel');
  const form = useSchemaForm(cancelForm(today), { on: today, note: '' });
  return (
    <DialogForm
      title={`Cancel ${c.reference}`}
      form={form}
      fields={['on', 'note']}
      submitLabel="Cancel the arrangement"
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        const done = await cancel.mutateAsync({ caseId: c.id, ...v });
        onDone(
          `${done.reference} is cancelled.${done.heldCents > 0 ? ` ${formatCents(done.heldCents)} held for her is to be refunded (a supervisor records it here).` : ''}`,
        );
      }}
    >
      <p>
        The arrangement ends; nothing more is asked of her before delivery.
        {c.heldCents > 0 && ` The ${formatCents(c.heldCents)} she paid is refunded to her.`}
      </p>
      <div className="form-grid">
        <TextField name="on" label="Cancelled on" type="date" max={today} className="span-2" />
        <TextAreaField name="note" label="Why it ends" rows={2} className="span-6" />
      </div>
    </DialogForm>
  );
}

export function RefundDialog({ c, onClose, onDone }: StepProps) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const refund = useChannelMutation('ob:refundDeposits');
  const form = useSchemaForm(refundDepositsForm(today), { refundedOn: today, method: '', reference: '' });
  return (
    <DialogForm
      title={`Refund the deposits on ${c.reference}`}
      form={form}
      fields={['refundedOn', 'method', 'reference']}
      submitLabel={`Refund ${formatCents(c.heldCents)}`}
      onClose={onClose}
      onSubmit={async (v) => {
        await refund.mutateAsync({ caseId: c.id, ...v });
        onDone(`${formatCents(c.heldCents)} refunded to her.`);
      }}
    >
      <p>Every deposit still held ({formatCents(c.heldCents)}) goes back to her.</p>
      <div className="form-grid">
        <TextField name="refundedOn" label="Refunded on" type="date" max={today} className="span-2" />
        <SelectField
          name="method"
          label="How it goes back"
          placeholder="Choose…"
          options={METHOD_OPTIONS}
          className="span-2"
        />
        <TextField name="reference" label="Reference (check number)" className="span-2" />
      </div>
    </DialogForm>
  );
}
