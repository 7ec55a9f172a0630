// Settings, "Payment plans": the plan policy in force (PP-01 tiers, PP-02 lapse and default,
// PP-03 re-aging, when to offer financial assistance first) and its history. Administrators save a
// new version from a date (today or later); plans already made keep the version they were made under.
import { useMemo, useState } from 'react';
import { FormProvider, type FieldPath } from 'react-hook-form';
import { formatShortDate } from '../../../../shared/dates';
import {
  planPolicyForm,
  POLICY_ALIASES,
  POLICY_FIELDS,
  toPolicyForm,
  type PolicyFormValues,
} from '../../../../shared/schemas/planPolicyForm';
import type { PlanPolicyVersion } from '../../../../shared/schemas/plans';
import { FormAlert, FormNotice, SelectField, TextField } from '../../components/Field';
import { showServerError } from '../../components/formErrors';
import { DataTable } from '../../components/DataTable';
import { formatInstant } from '../../format';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { useWorkspace } from '../../session';
import { PlanTiersTable } from './PlanTiersTable';
import { useSchemaForm } from '../../forms';

const OVERPAYMENT_OPTIONS = [
  { value: 'pay_ahead', label: 'Pay ahead: extra money pays the next payments' },
  { value: 'shorten_term', label: 'Shorten the term: extra money pays the last payments' },
];

const SHIPPED = '1900-01-01';

function PolicyForm({ current, canEdit }: { current: PlanPolicyVersion; canEdit: boolean }) {
  const setPolicy = useChannelMutation('planPolicy:set');
  const today = useWorkspace((s) => s.status?.today ?? '');
  const schema = useMemo(() => planPolicyForm(today), [today]);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSchemaForm(schema, toPolicyForm(today, current.policy));
  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    setNotice(null);
    try {
      const saved = await setPolicy.mutateAsync(input);
      form.reset(toPolicyForm(saved.effectiveFrom, saved.policy));
      setNotice(
        `Plan policy saved; it takes effect on ${formatShortDate(saved.effectiveFrom)}. Plans already made keep their terms.`,
      );
    } catch (error) {
      setFormError(
        showServerError(
          error,
          form.setError,
          POLICY_FIELDS as readonly FieldPath<PolicyFormValues>[],
          POLICY_ALIASES as Record<string, FieldPath<PolicyFormValues>>,
        ),
      );
    }
  });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(e) => void submit(e)} aria-label="Plan policy">
        <fieldset className="plain" disabled={!canEdit}>
          <fieldset className="group">
            <legend>Tiers by balance (PP-01)</legend>
            <p className="group-note">
              A plan longer than its tier allows, or paying less a month, needs a supervisor&rsquo;s approval.
            </p>
            <PlanTiersTable canEdit={canEdit} />
          </fieldset>
          <fieldset className="group">
            <legend>Lapse and default (PP-02)</legend>
            <div className="form-grid">
              <TextField
                name="policy.graceDays"
                label="Grace days"
                type="number"
                className="span-2"
                hint="After a due date, before an unpaid payment lapses the plan."
              />
              <TextField
                name="policy.cureDays"
                label="Days to cure after the lapse letter"
                type="number"
                className="span-2"
                hint="To bring the plan current before it defaults."
              />
              <TextField
                name="policy.missedToDefault"
                label="Missed payments that default"
                type="number"
                className="span-2"
                hint="Default even inside the cure period."
              />
              <SelectField
                name="policy.overpayment"
                label="Money beyond the payment due"
                options={OVERPAYMENT_OPTIONS}
                className="span-3"
              />
              <TextField
                name="policy.fapPromptAbove"
                label="Offer financial assistance first above ($)"
                money
                className="span-3"
                hint="When the guarantor's financial-assistance status is unknown."
              />
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>Re-aging (PP-03)</legend>
            <div className="form-grid">
              <TextField
                name="policy.reage.minAccountAgeMonths"
                label="Debt open at least (months)"
                type="number"
                className="span-3"
              />
              <TextField
                name="policy.reage.consecutivePayments"
                label="Consecutive payments made in full"
                type="number"
                className="span-3"
              />
              <TextField
                name="policy.reage.maxPer12Months"
                label="Re-ages per 12 months, at most"
                type="number"
                className="span-3"
              />
              <TextField
                name="policy.reage.maxPer5Years"
                label="Re-ages per 5 years, at most"
                type="number"
                className="span-3"
              />
            </div>
          </fieldset>
          {canEdit && (
            <div className="form-grid">
              <TextField
                name="effectiveFrom"
                label="Takes effect on"
                type="date"
                min={today}
                className="span-2"
                hint="Today or later; plans made before keep their terms."
              />
            </div>
          )}
        </fieldset>
        <FormAlert message={formError} />
        <FormNotice message={notice} />
        {canEdit && (
          <div className="actions start">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              Save the plan policy
            </button>
            <button
              type="button"
              disabled={!form.formState.isDirty}
              onClick={() => {
                form.reset();
                setFormError(null);
              }}
            >
              Undo policy changes
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}

function PolicyHistory({ history, current }: { history: PlanPolicyVersion[]; current: PlanPolicyVersion }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  return (
    <DataTable
      caption="History of the plan policy"
      showCaption
      className="compact"
      scrollClassName="policy-history"
      rows={history}
      rowKey={(v) => v.id}
      empty="The plan policy has no history."
      columns={[
        {
          header: 'Takes effect',
          cell: (v) => (v.effectiveFrom <= SHIPPED ? 'From the start' : formatShortDate(v.effectiveFrom)),
        },
        { header: 'Set by', cell: (v) => v.createdBy ?? <span className="muted">Shipped defaults</span> },
        { header: 'Saved', className: 'nowrap', cell: (v) => formatInstant(v.createdAt) },
        {
          header: 'State',
          headerHidden: true,
          cell: (v) => (
            <>
              {v.id === current.id && <span className="badge ok">In force</span>}
              {v.effectiveFrom > today && <span className="badge info">Scheduled</span>}
            </>
          ),
        },
      ]}
    />
  );
}

export function PlanPolicySettings({ canEdit }: { canEdit: boolean }) {
  const policy = useChannelQuery('planPolicy:get', {});
  const value = policy.value;
  return (
    <section className="plan-policy" aria-labelledby="plan-policy-title">
      <h2 id="plan-policy-title">Payment plans</h2>
      <p className="field-hint policy-hint">
        Hospital policy — set by your administrator. The shipped figures follow one hospital&rsquo;s published example
        and common practice (unconfirmed as a standard). Plans are always interest-free.
      </p>
      <FormAlert message={policy.error} />
      {value && (
        <>
          <PolicyForm current={value.current} canEdit={canEdit} />
          <PolicyHistory history={value.history} current={value.current} />
        </>
      )}
    </section>
  );
}
