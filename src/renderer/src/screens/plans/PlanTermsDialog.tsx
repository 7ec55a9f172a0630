// Set up a payment plan, or re-schedule one: the terms on the left, the live schedule on the
// right. Outside the policy's tier a clerk needs a supervisor's user name, password and reason (a
// supervisor gives only the reason); with the guarantor's financial-assistance status unknown and
// the balance over the policy's amount, the clerk must offer financial assistance first.
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { formatDecimal } from '../../../../shared/money';
import { monthlyDueDate } from '../../../../shared/rules/planSchedule';
import { roleAtLeast } from '../../../../shared/roles';
import type { AccountView, GuarantorHeader } from '../../../../shared/schemas/accounts';
import {
  FAP_ANSWER_LABELS,
  FAP_ANSWERS,
  type PlanPolicyVersion,
  type PlanView,
} from '../../../../shared/schemas/plans';
import {
  fapRequired,
  planTermsForm,
  previewOf,
  TERMS_ALIASES,
  TERMS_FIELDS,
  toCreatePlanInput,
  toReschedulePlanInput,
  type PlanTermsOutput,
  type PlanTermsValues,
  type TermsContext,
} from '../../../../shared/schemas/planTermsForm';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { CheckboxField, FormAlert, SelectField, TextField } from '../../components/Field';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { aMonthFrom, paymentsPhrase } from './planTerms';
import { AccountChoice, TermsFields } from './PlanTermsFields';
import { SchedulePreview } from './SchedulePreview';
import { FapOffer } from './FapOffer';

export type PlanTermsTarget =
  { mode: 'create'; guarantor: GuarantorHeader } | { mode: 'reschedule'; plan: PlanView; planAccounts: AccountView[] };

interface PlanTermsDialogProps {
  target: PlanTermsTarget;
  /** Accounts with a balance that are on no active plan: the ones the clerk may put on this one. */
  choices: AccountView[];
  onClose: () => void;
  onDone: (message: string) => void;
}

const BLANK_APPROVAL = { username: '', password: '', reason: '' };

/** A re-schedule starts where the plan stands: its next payment, or its day of the month from today on. */
function nextDueFrom(plan: PlanView, today: string): string {
  const next = plan.progress.nextDue?.dueDate;
  if (next && next >= today) return next;
  if (plan.frequency !== 'monthly' || !plan.dayOfMonth) return aMonthFrom(today);
  const thisMonth = monthlyDueDate(`${today.slice(0, 8)}01`, 0, plan.dayOfMonth);
  return thisMonth >= today ? thisMonth : monthlyDueDate(`${today.slice(0, 8)}01`, 1, plan.dayOfMonth);
}

function initialValues(target: PlanTermsTarget, choices: AccountView[], today: string): PlanTermsValues {
  // A defaulted plan comes back only by re-aging (PP-03): the box starts ticked.
  const reage = target.mode !== 'create' && target.plan.status === 'defaulted';
  const common = { fapAnswer: '', approval: BLANK_APPROVAL, exceptionReason: '', reason: '', reage } as const;
  if (target.mode === 'create') {
    const first = aMonthFrom(today);
    return {
      ...common,
      accountIds: choices.map((a) => String(a.id)),
      downPayment: '0.00',
      basis: 'count',
      installmentAmount: '',
      installmentCount: '',
      frequency: 'monthly',
      dayOfMonth: String(Number(first.slice(8, 10))),
      firstDueDate: first,
    };
  }
  const { plan } = target;
  const first = nextDueFrom(plan, today);
  return {
    ...common,
    accountIds: [],
    downPayment: '0.00',
    basis: 'amount',
    installmentAmount: formatDecimal(plan.installmentCents),
    installmentCount: '',
    frequency: plan.frequency,
    dayOfMonth: String(plan.dayOfMonth ?? Number(first.slice(8, 10))),
    firstDueDate: first,
  };
}

export function PlanTermsDialog(props: PlanTermsDialogProps) {
  const policy = useChannelQuery('planPolicy:get', {});
  const title = props.target.mode === 'create' ? 'Set up a payment plan' : `Re-schedule plan #${props.target.plan.id}`;
  if (!policy.value)
    return (
      <Dialog title={title} onClose={props.onClose}>
        <FormAlert message={policy.error} />
        {!policy.error && <p role="status">Reading the plan policy…</p>}
      </Dialog>
    );
  return <TermsForm {...props} title={title} policy={policy.value.current} />;
}

function TermsForm({
  target,
  choices: offered,
  onClose,
  onDone,
  title,
  policy,
}: PlanTermsDialogProps & { title: string; policy: PlanPolicyVersion }) {
  // A defaulted plan's own accounts are on no active plan, but they are this plan's, not to add.
  const choices = useMemo(
    () => (target.mode === 'reschedule' ? offered.filter((a) => !target.plan.accountIds.includes(a.id)) : offered),
    [offered, target],
  );
  const today = useWorkspace((s) => s.status?.today ?? '');
  const role = useWorkspace((s) => s.session?.user.role ?? 'clerk');
  const fixed = useMemo(() => (target.mode === 'reschedule' ? target.planAccounts : []), [target]);
  const ctx = useMemo<TermsContext>(() => {
    const balances = new Map([...choices, ...fixed].map((a) => [String(a.id), a.balanceCents]));
    const fixedTotal = fixed.reduce((s, a) => s + a.balanceCents, 0);
    return {
      mode: target.mode,
      today,
      role,
      tiers: policy.policy.tiers,
      balanceOf: (ids) => fixedTotal + ids.reduce((s, id) => s + (balances.get(id) ?? 0), 0),
      fap:
        target.mode === 'create'
          ? { status: target.guarantor.fapStatus, promptAboveCents: policy.policy.fapPromptAboveCents }
          : null,
    };
  }, [choices, fixed, target, today, role, policy]);
  const schema = useMemo(() => planTermsForm(ctx), [ctx]);
  const form = useForm<PlanTermsValues, unknown, PlanTermsOutput>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(target, choices, today),
  });
  const values = useWatch({ control: form.control }) as PlanTermsValues;
  const balance = ctx.balanceOf(values.accountIds ?? []);
  const preview = previewOf(values, balance, ctx.tiers);
  const outside = preview.ok && !preview.tier.within;
  const supervisor = roleAtLeast(role, 'supervisor');
  const reage = policy.policy.reage;
  const create = useChannelMutation('plans:create');
  const reschedule = useChannelMutation('plans:reschedule');

  const save = async (out: PlanTermsOutput) => {
    const what = paymentsPhrase(out.terms.frequency, out.installments);
    if (target.mode === 'create') {
      const plan = await create.mutateAsync(toCreatePlanInput(target.guarantor.id, out));
      onDone(`Plan #${plan.id} saved: ${what}. Print the agreement for the guarantor to sign.`);
    } else {
      const plan = await reschedule.mutateAsync(toReschedulePlanInput(target.plan.id, out));
      onDone(`Plan #${target.plan.id} is replaced by plan #${plan.id}: ${what}.`);
    }
  };

  return (
    <DialogForm
      title={title}
      form={form}
      fields={TERMS_FIELDS}
      aliases={TERMS_ALIASES}
      submitLabel={target.mode === 'create' ? 'Save the plan' : 'Save the new schedule'}
      className="plan-dialog"
      onSubmit={save}
      onClose={onClose}
    >
      <div className="plan-terms">
        <div className="plan-terms-form">
          <AccountChoice
            legend={
              target.mode === 'create' || choices.length === 0
                ? 'Accounts on the plan'
                : 'Accounts on the plan; tick any to add'
            }
            choices={choices}
            fixed={fixed}
            balanceCents={balance}
          />
          <TermsFields today={today} />
          {target.mode === 'create' &&
            (fapRequired(ctx, balance) ? (
              <FapOffer thresholdCents={policy.policy.fapPromptAboveCents} />
            ) : (
              <SelectField
                name="fapAnswer"
                label="Financial assistance offered?"
                placeholder={FAP_ANSWER_LABELS.not_asked}
                options={FAP_ANSWERS.filter((a) => a !== 'not_asked').map((a) => ({
                  value: a,
                  label: FAP_ANSWER_LABELS[a],
                }))}
              />
            ))}
          {target.mode === 'reschedule' && (
            <>
              <TextField name="reason" label="Reason" spellCheck hint="Why the schedule changes, for the history." />
              {(target.plan.status === 'lapsed' || target.plan.status === 'defaulted') && (
                <CheckboxField
                  name="reage"
                  label="Re-age (PP-03): bring the plan current"
                  hint={`Only when the debt is at least ${reage.minAccountAgeMonths} months old, the last ${reage.consecutivePayments} payments were made in full, and the policy's limits allow it (${reage.maxPer12Months} in 12 months, ${reage.maxPer5Years} in 5 years).`}
                />
              )}
            </>
          )}
          {outside && !supervisor && (
            <fieldset className="group approval">
              <legend>Supervisor approval</legend>
              <p className="group-note">
                Outside the plan policy: a supervisor types their own user name and password, and the reason for the
                exception.
              </p>
              <div className="form-grid">
                <TextField name="approval.username" label="Supervisor user name" className="span-3" />
                <TextField
                  name="approval.password"
                  label="Supervisor password"
                  type="password"
                  autoComplete="off"
                  className="span-3"
                />
                <TextField name="approval.reason" label="Reason for the exception" spellCheck className="span-6" />
              </div>
            </fieldset>
          )}
          {outside && supervisor && (
            <fieldset className="group approval">
              <legend>Exception to the policy</legend>
              <p className="group-note">You approve this plan yourself; say why it is an exception.</p>
              <TextField name="exceptionReason" label="Reason for the exception" spellCheck />
            </fieldset>
          )}
        </div>
        <SchedulePreview preview={preview} balanceCents={balance} />
      </div>
    </DialogForm>
  );
}
