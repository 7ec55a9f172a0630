// "Should we sue?" from a guarantor's account workspace (issue 13 item 1): the clerk ticks the
// accounts, chooses the court (the courts of the guarantor's state in force today) and what the
// claim rests on, waives the excess when the balance is over the limit, and reads the answer line
// by line (smallClaims:check, asked again at each change), with the economics and the 501(r) date.
// When every line passes but the gate's waiting period, the case can be opened here.
import { useEffect, useState } from 'react';
import { FormProvider, useFormContext, useWatch } from 'react-hook-form';
import { formatServiceDates, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { CLAIM_BASES, type ClaimBasis } from '../../../../shared/rules/smallClaims';
import type { SuitCheckView } from '../../../../shared/schemas/smallClaims';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, FormAlert, GroupError, SelectField, TextAreaField, TextField } from '../../components/Field';
import { DataTable } from '../../components/DataTable';
import { showServerError } from '../../components/formErrors';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { openCase } from '../../routes';
import { chosenAccounts, openForm, type OpenFormValues } from '../../../../shared/schemas/smallClaimsForms';
import { CaseTable, DASH, DecisionLines, Economics, verdict } from './common';
import './smallClaims.css';

const BASIS_LABELS: Record<ClaimBasis, string> = {
  written: 'A signed financial-responsibility form (written contract)',
  open_account: 'An open account (no signed form)',
};

const OPEN_FIELDS = [
  'courtId',
  'basis',
  'waiveExcess',
  'waiverNote',
  'courtName',
  'courtAddress',
  'county',
  'chosen',
] as const;

export function SuitCheckDialog({ guarantorId, onClose }: { guarantorId: number; onClose: () => void }) {
  // The first answer: every open account of the guarantor, the first court of the state.
  const first = useChannelQuery('smallClaims:check', { guarantorId });
  if (!first.value)
    return (
      <Dialog title="Should we sue?" onClose={onClose}>
        <FormAlert message={first.error} />
        {!first.error && <p role="status">Checking the accounts…</p>}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  return <SuitCheckForm guarantorId={guarantorId} first={first.value} onClose={onClose} />;
}

function SuitCheckForm({
  guarantorId,
  first,
  onClose,
}: {
  guarantorId: number;
  first: SuitCheckView;
  onClose: () => void;
}) {
  const court = first.courts.find((c) => c.id === first.courtId) ?? first.courts[0];
  const form = useSchemaForm(openForm(guarantorId), {
    chosen: Object.fromEntries(first.accounts.map((a) => [`a${a.accountId}`, a.chosen])),
    courtId: court ? String(court.id) : '',
    basis: first.basis,
    waiveExcess: false,
    waiverNote: '',
    courtName: court?.court ?? '',
    courtAddress: '',
    county: first.county,
  } satisfies OpenFormValues);
  const open = useChannelMutation('smallClaims:open');
  const [formError, setFormError] = useState<string | null>(null);

  const chosen = useWatch({ control: form.control, name: 'chosen' });
  const courtId = useWatch({ control: form.control, name: 'courtId' });
  const basis = useWatch({ control: form.control, name: 'basis' });
  const waiveExcess = useWatch({ control: form.control, name: 'waiveExcess' });
  // Asked again when the question settles (each answer is a read of patient data in the audit trail).
  const question = useSettled({ accountIds: chosenAccounts(chosen), courtId, basis, waiveExcess });
  const accountIds = question.accountIds;
  const check = useChannelQuery(
    'smallClaims:check',
    {
      guarantorId,
      accountIds,
      ...(question.courtId ? { courtId: Number(question.courtId) } : {}),
      basis: question.basis,
      waiveExcess: question.waiveExcess,
    },
    { enabled: accountIds.length > 0 },
  );
  const view = accountIds.length > 0 ? (check.value ?? first) : null;
  const decision = view?.decision ?? null;

  // The court's name follows the court chosen until the clerk types one of her own.
  useEffect(() => {
    const c = first.courts.find((x) => String(x.id) === courtId);
    if (c && !form.getFieldState('courtName').isDirty) form.setValue('courtName', c.court);
  }, [courtId, first.courts, form]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { caseId } = await open.mutateAsync(values);
      onClose();
      openCase(caseId);
    } catch (error) {
      setFormError(showServerError(error, form.setError, OPEN_FIELDS, { accountIds: 'chosen' }));
    }
  });

  const overLimit = decision !== null && decision.limitCents !== null && decision.balanceCents > decision.limitCents;
  const answers = new Map((decision?.accounts ?? []).map((a) => [a.accountId, a]));

  return (
    <Dialog title="Should we sue?" onClose={onClose} wide className="suit-check">
      <FormProvider {...form}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <p>
            {first.guarantorName}, {first.county ? `${first.county}, ` : ''}
            {first.state || 'no state on file'}. A suit is brought where the defendant lives (rules §3).
          </p>
          <fieldset className="group">
            <legend>Accounts to sue for</legend>
            <GroupError name="accountIds" />
            <GroupError name="chosen" />
            {first.accounts.length === 0 ? (
              <p className="muted">This guarantor owes nothing on an open account.</p>
            ) : (
              <DataTable
                caption="Accounts to sue for"
                rows={first.accounts}
                rowKey={(a) => a.accountId}
                empty="No open account."
                columns={[
                  {
                    header: 'Sue for it',
                    className: 'nowrap',
                    cell: (a) => <AccountBox accountId={a.accountId} accountNumber={a.accountNumber} />,
                  },
                  { header: 'Account', rowHeader: true, className: 'mono', cell: (a) => a.accountNumber },
                  {
                    header: 'Service',
                    className: 'nowrap',
                    cell: (a) => formatServiceDates(a.serviceFrom, a.serviceTo),
                  },
                  { header: 'Balance', className: 'num', cell: (a) => formatCents(a.balanceCents) },
                  {
                    header: 'Last day to sue',
                    className: 'nowrap',
                    cell: (a) => {
                      const d = answers.get(a.accountId)?.limitation.lastDay;
                      return d ? formatShortDate(d) : DASH;
                    },
                  },
                  {
                    header: 'Problems',
                    className: 'prose-cell',
                    cell: (a) => {
                      const p = answers.get(a.accountId)?.problems ?? [];
                      return p.length ? p.join(' ') : answers.has(a.accountId) ? 'None' : DASH;
                    },
                  },
                ]}
              />
            )}
          </fieldset>
          <div className="form-grid">
            <SelectField
              name="courtId"
              label="Court"
              placeholder={first.courts.length ? 'Choose…' : `No court on file for ${first.state || 'the state'}`}
              options={first.courts.map((c) => ({
                value: String(c.id),
                label: `${c.court} (limit ${formatCents(c.entityLimitCents)})`,
              }))}
              hint="The small-claims courts of the defendant's state, from the limits table in force today."
              className="span-3"
            />
            <SelectField
              name="basis"
              label="The claim rests on"
              options={CLAIM_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }))}
              hint="The statute of limitations depends on it."
              className="span-3"
            />
          </div>
          {(overLimit || waiveExcess) && (
            <fieldset className="group">
              <legend>Over the limit</legend>
              <CheckboxField
                name="waiveExcess"
                label={
                  decision && decision.limitCents !== null
                    ? `Waive the ${formatCents(Math.max(0, decision.balanceCents - decision.limitCents))} over the limit and sue for ${formatCents(decision.limitCents)}`
                    : 'Waive the excess over the limit'
                }
                hint="A waived excess can never be collected afterwards."
              />
              {waiveExcess && <TextAreaField name="waiverNote" label="Why the excess is waived" rows={2} />}
            </fieldset>
          )}

          <section className="decision" aria-labelledby="suit-answer" aria-busy={check.loading}>
            <h3 id="suit-answer">The answer</h3>
            <FormAlert message={accountIds.length > 0 ? check.error : null} />
            {decision ? (
              <>
                <p
                  className={`verdict ${decision.canFile ? 'ok' : decision.canPrepare ? 'warn' : 'bad'}`}
                  role="status"
                >
                  {verdict(decision)}
                </p>
                <DecisionLines decision={decision} caption="Should we sue? Each check" />
                <h3>Is it worth it?</h3>
                <Economics decision={decision} />
              </>
            ) : (
              <p className="muted">Tick at least one account.</p>
            )}
          </section>

          {decision?.canPrepare && (
            <fieldset className="group">
              <legend>Open a case</legend>
              <p className="group-note">
                The case starts here; the demand letter comes next, and the filing waits for the 501(r) date and the
                demand letter&apos;s date.
              </p>
              <div className="form-grid">
                <TextField name="courtName" label="Court name" className="span-3" />
                <TextField name="county" label="County" className="span-3" />
                <TextAreaField name="courtAddress" label="Court address (optional)" rows={2} className="span-6" />
              </div>
            </fieldset>
          )}
          <FormAlert message={formError} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              {decision?.canPrepare ? 'Cancel' : 'Close'}
            </button>
            {decision?.canPrepare && (
              <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? 'Working…' : 'Open the case'}
              </button>
            )}
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}

/** A value once it has stopped changing for a moment. */
function useSettled<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the value is compared by its JSON
  }, [key, ms]);
  return settled;
}

function AccountBox({ accountId, accountNumber }: { accountId: number; accountNumber: string }) {
  const { register } = useFormContext<OpenFormValues>();
  return (
    <input type="checkbox" aria-label={`Sue for account ${accountNumber}`} {...register(`chosen.a${accountId}`)} />
  );
}

/** The account workspace's section: the guarantor's small-claims cases and "Should we sue?". */
export function AccountSmallClaims({ guarantorId }: { guarantorId: number }) {
  const cases = useChannelQuery('smallClaims:ofGuarantor', { guarantorId });
  const [checking, setChecking] = useState(false);
  const rows = cases.value ?? [];
  return (
    <section className="ws-section" aria-labelledby="ws-small-claims">
      <div className="section-head">
        <h2 id="ws-small-claims">
          Small-claims court{' '}
          <span className="count">
            {rows.length === 0 ? 'no case' : rows.length === 1 ? '1 case' : `${rows.length} cases`}
          </span>
        </h2>
        <button type="button" onClick={() => setChecking(true)}>
          Should we sue?…
        </button>
      </div>
      <FormAlert message={cases.error} />
      {cases.value && (
        <CaseTable
          caption="Small-claims cases"
          rows={rows}
          stale={cases.loading}
          guarantor={false}
          empty="No small-claims case has been opened for this guarantor."
        />
      )}
      {checking && <SuitCheckDialog guarantorId={guarantorId} onClose={() => setChecking(false)} />}
    </section>
  );
}
