// The guided pre-delivery interview (issue 17, PP-04), one step after another on one page: the
// patient (found among the guarantors, or entered as a new patient), the pregnancy, her coverage,
// the financial-assistance screening offer and her answer, and the estimate with its arithmetic and
// the schedule, asked of main (ob:estimate) again as she answers; then the first due date and save.
import { useEffect, useId, useState } from 'react';
import { FormProvider, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { formatLongDate, formatShortDate } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { DOCUMENT_LANGUAGE_NAMES, DOCUMENT_LANGUAGES } from '../../../../shared/rules/documentLanguage';
import { DELIVERY_KINDS, DELIVERY_KIND_LABELS, SELF_PAY_COVERAGE } from '../../../../shared/rules/obstetrics';
import { US_STATES } from '../../../../shared/schemas/hospital';
import { FAP_SCREENINGS, FAP_SCREENING_LABELS } from '../../../../shared/schemas/obstetrics';
import {
  ESTIMATE_ALIASES,
  estimateFactsOf,
  INTERVIEW_BLANK,
  interviewForm,
  planYearEndsFirst,
  type InterviewText,
} from '../../../../shared/schemas/obstetricsForms';
import { FormAlert, SelectField, TextField } from '../../components/Field';
import { showServerError } from '../../components/formErrors';
import { useSchemaForm } from '../../forms';
import { useChannelMutation, useChannelQuery } from '../../queries';
import { hrefOf, openObCase } from '../../routes';
import { useWorkspace } from '../../session';
import { EmtalaNote, EstimateLines, ScheduleLines } from './common';
import './obstetrics.css';

const FIELDS = Object.keys(INTERVIEW_BLANK) as (keyof InterviewText)[];

/** The value as it was `ms` ago without change: the estimate is asked once the clerk pauses. */
function usePaused<T>(value: T, ms: number): T {
  const [paused, setPaused] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setPaused(value), ms);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return paused;
}

export function Interview({ guarantorId }: { guarantorId: number | null }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const form = useSchemaForm(interviewForm, {
    ...INTERVIEW_BLANK,
    guarantorId: guarantorId ? String(guarantorId) : '',
  });
  const save = useChannelMutation('ob:interview');
  const [formError, setFormError] = useState<string | null>(null);
  const values = useWatch({ control: form.control }) as InterviewText;
  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const made = await save.mutateAsync(input);
      openObCase(made.id);
    } catch (error) {
      setFormError(showServerError(error, form.setError, FIELDS, ESTIMATE_ALIASES as never));
    }
  });
  return (
    <section className="obstetrics">
      <p>
        <a href={hrefOf('obstetrics')}>Obstetrics</a> › New OB interview
      </p>
      <h1 tabIndex={-1}>OB interview</h1>
      <p className="muted">
        Ask each step in turn; the estimate and the schedule on the right follow her answers. Nothing is saved until
        Save.
      </p>
      <EmtalaNote />
      <FormProvider {...form}>
        <form noValidate onSubmit={(e) => void submit(e)} aria-label="OB interview">
          <div className="ob-interview">
            <div>
              <PatientStep />
              <fieldset className="group">
                <legend>2. The pregnancy</legend>
                <div className="form-grid">
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
                    placeholder="Choose…"
                    className="span-3"
                    options={DELIVERY_KINDS.map((k) => ({ value: k, label: DELIVERY_KIND_LABELS[k] }))}
                  />
                </div>
              </fieldset>
              <CoverageStep />
              <fieldset className="group">
                <legend>4. Financial assistance</legend>
                <p className="group-note">
                  Offer her the hospital&apos;s financial-assistance screening and an application (ECA-06), and record
                  her answer.
                </p>
                <SelectField
                  name="fapScreening"
                  label="The offer and her answer"
                  placeholder="Choose…"
                  options={FAP_SCREENINGS.map((f) => ({ value: f, label: FAP_SCREENING_LABELS[f] }))}
                />
              </fieldset>
            </div>
            <LiveEstimate values={values} guarantorId={values.patientMode === 'existing' ? values.guarantorId : ''} />
          </div>
          <FormAlert message={formError} />
          <div className="actions">
            <a href={hrefOf('obstetrics')}>Leave without saving</a>
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? 'Saving…' : 'Save the interview'}
            </button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}

/** Step 1: her guarantor record found by search, or a new patient. */
function PatientStep() {
  const { control, setValue, register } = useFormContext<InterviewText>();
  const mode = useWatch({ control, name: 'patientMode' });
  const chosen = useWatch({ control, name: 'guarantorId' });
  const modeId = useId();
  const modeError = useFormContext<InterviewText>().formState.errors.patientMode?.message;
  return (
    <fieldset className="group">
      <legend>1. The patient</legend>
      <div
        role="radiogroup"
        aria-labelledby={`${modeId}-label`}
        aria-describedby={modeError ? `${modeId}-error` : undefined}
      >
        <p id={`${modeId}-label`} className="group-note">
          Is she in Recoup already (a guarantor the extract brought, or an earlier interview)?
        </p>
        <div className="checkbox-row">
          <input id={`${modeId}-existing`} type="radio" value="existing" {...register('patientMode')} />
          <label htmlFor={`${modeId}-existing`}>Find her guarantor record</label>
        </div>
        <div className="checkbox-row">
          <input id={`${modeId}-new`} type="radio" value="new" {...register('patientMode')} />
          <label htmlFor={`${modeId}-new`}>A new patient: enter her details</label>
        </div>
      </div>
      {modeError && (
        <p id={`${modeId}-error`} className="field-error" role="alert">
          {modeError}
        </p>
      )}
      {mode === 'existing' ? (
        <PatientSearch
          chosen={chosen ? Number(chosen) : null}
          onChoose={(id) => setValue('guarantorId', id === null ? '' : String(id), { shouldValidate: false })}
        />
      ) : (
        <NewPatientFields />
      )}
    </fieldset>
  );
}

function PatientSearch({ chosen, onChoose }: { chosen: number | null; onChoose: (id: number | null) => void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const results = useChannelQuery('search:query', { query }, { enabled: query.trim().length >= 2 });
  const her = useChannelQuery('accounts:open', { guarantorId: chosen ?? 1 }, { enabled: chosen !== null });
  if (chosen !== null) {
    const g = her.value?.guarantor;
    return (
      <div>
        <p className="ob-chosen" role="status">
          {g
            ? `${g.name}${g.dateOfBirth ? `, born ${formatShortDate(g.dateOfBirth)}` : ''}${g.address.city ? `, ${g.address.city} ${g.address.state}` : ''}`
            : (her.error ?? 'Reading her record…')}
        </p>
        <button type="button" onClick={() => onChoose(null)}>
          Choose someone else
        </button>
      </div>
    );
  }
  return (
    <div>
      <div className="field">
        <label htmlFor={id}>Name, MRN, phone or date of birth</label>
        <div className="ob-actions ob-search-row">
          <input
            id={id}
            type="text"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                setQuery(typed.trim());
              }
            }}
          />
          <button type="button" onClick={() => setQuery(typed.trim())}>
            Search
          </button>
        </div>
      </div>
      <FormAlert message={results.error} />
      {query.length >= 2 && results.value && (
        <>
          <p role="status">
            {results.value.length === 0
              ? 'No one found: try another spelling, or enter her as a new patient.'
              : `${results.value.length} found.`}
          </p>
          <ul className="ob-patient-results" aria-label="People found">
            {results.value.map((r) => (
              <li key={r.guarantorId}>
                <span>
                  {r.name}
                  {r.dateOfBirth && `, born ${formatShortDate(r.dateOfBirth)}`}
                  {r.cityState && `, ${r.cityState}`}
                  {r.deceased && ' (deceased)'}
                </span>
                <button
                  type="button"
                  className="small"
                  disabled={r.deceased}
                  aria-label={`Choose ${r.name}`}
                  onClick={() => onChoose(r.guarantorId)}
                >
                  Choose
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function NewPatientFields() {
  return (
    <div className="form-grid">
      <TextField name="lastName" label="Last name" className="span-2" />
      <TextField name="firstName" label="First name" className="span-2" />
      <TextField name="middleName" label="Middle name (optional)" className="span-2" />
      <TextField name="dateOfBirth" label="Date of birth" type="date" className="span-2" />
      <SelectField
        name="language"
        label="Her language"
        className="span-2"
        options={[
          { value: 'English', label: 'English' },
          { value: 'Spanish', label: 'Spanish' },
        ]}
      />
      <TextField name="phone" label="Phone (optional)" type="tel" className="span-2" />
      <TextField name="addressLine1" label="Address" className="span-4" />
      <TextField name="addressLine2" label="Address line 2 (optional)" className="span-2" />
      <TextField name="city" label="City" className="span-2" />
      <SelectField
        name="state"
        label="State"
        placeholder="Choose a state"
        className="span-2"
        options={US_STATES.map((s) => ({ value: s, label: s }))}
      />
      <TextField name="zip" label="ZIP code" className="span-2" />
      <TextField name="email" label="Email (optional)" className="span-2" />
      <TextField
        name="guarantorNumber"
        label="Guarantor number (optional)"
        className="span-2"
        hint="When registration has given one: the extract then updates this same record."
      />
      <TextField name="mrn" label="MRN (optional)" className="span-2" />
    </div>
  );
}

/** Step 3: insured or self-pay; the figures of her plan; the yearly figures only when the plan year ends first. */
function CoverageStep() {
  const { control } = useFormContext<InterviewText>();
  const kind = useWatch({ control, name: 'coverageKind' });
  const planYearEnd = useWatch({ control, name: 'planYearEnd' });
  const expected = useWatch({ control, name: 'expectedDelivery' });
  const yearly = planYearEndsFirst(planYearEnd ?? '', expected ?? '');
  return (
    <fieldset className="group">
      <legend>3. Coverage</legend>
      <SelectField
        name="coverageKind"
        label="Insured or self-pay"
        options={[
          { value: 'insured', label: 'Insured' },
          { value: 'self_pay', label: 'Self-pay (no coverage)' },
        ]}
      />
      {kind === 'insured' && <CoverageFields yearly={yearly} />}
    </fieldset>
  );
}

export function CoverageFields({ yearly }: { yearly: boolean }) {
  return (
    <div className="form-grid">
      <TextField name="payerName" label="Payer and plan" className="span-4" hint="As her insurance card says." />
      <TextField
        name="planYearEnd"
        label="Plan year ends (optional)"
        type="date"
        className="span-2"
        hint="Blank if the plan year outlasts the delivery."
      />
      <TextField
        name="deductibleRemaining"
        label="Deductible remaining ($)"
        money
        className="span-3"
        hint="0.00 if it is met."
      />
      <TextField name="oopRemaining" label="Out-of-pocket maximum remaining ($)" money className="span-3" />
      {yearly && (
        <>
          <p className="span-6 group-note">
            The plan year ends before the delivery: the new year&apos;s full deductible and out-of-pocket maximum apply.
          </p>
          <TextField name="annualDeductible" label="Yearly deductible ($)" money className="span-3" />
          <TextField name="annualOopMax" label="Yearly out-of-pocket maximum ($)" money className="span-3" />
        </>
      )}
      <TextField name="coinsurancePercent" label="Coinsurance (%)" className="span-2" hint="Such as 20; 0 if none." />
      <TextField name="copay" label="Copay for the delivery ($)" money className="span-2" hint="Blank is 0.00." />
      <TextField
        name="allowed"
        label="Payer's allowed amount ($, if known)"
        money
        className="span-2"
        hint="Blank: the expected charges are the basis."
      />
    </div>
  );
}

/** The estimate's input while nothing is asked (the query is disabled then). */
const EMPTY_ESTIMATE = {
  expectedDelivery: '',
  deliveryKind: 'vaginal' as const,
  coverage: SELF_PAY_COVERAGE,
  firstDue: null,
};

/**
 * Step 5: the estimate and the schedule, asked of main as she answers (nothing is worked out here),
 * the first due date she chooses, and the language of her papers.
 */
function LiveEstimate({ values, guarantorId }: { values: InterviewText; guarantorId: string }) {
  const today = useWorkspace((s) => s.status?.today ?? '');
  const { facts } = estimateFactsOf(values);
  // Until she chooses a first due date the schedule is shown from today.
  const input = usePaused(
    facts
      ? {
          ...(/^[1-9]\d*$/.test(guarantorId) ? { guarantorId: Number(guarantorId) } : {}),
          ...facts,
          firstDue: facts.firstDue ?? today,
        }
      : null,
    300,
  );
  const preview = useChannelQuery('ob:estimate', input ?? { ...EMPTY_ESTIMATE, expectedDelivery: today }, {
    enabled: input !== null,
  });
  // A first due date outside the dates allowed refuses the schedule, not the estimate (the estimate does not
  // depend on it): the estimate is then asked from today's first due date, and only the schedule's place
  // says what is wrong with hers.
  const firstDueRefused = input !== null && preview.error !== null && facts !== null && facts.firstDue !== null;
  const fromToday = useChannelQuery(
    'ob:estimate',
    { ...(input ?? EMPTY_ESTIMATE), firstDue: today },
    {
      enabled: firstDueRefused,
    },
  );
  const { errors } = useFormState<InterviewText>({ name: 'firstDue' });
  const p = input ? preview.value : null;
  const estimateOnly = firstDueRefused && !fromToday.error ? fromToday.value : null;
  return (
    <div className="ob-live">
      <fieldset className="group">
        <legend>5. The estimate and the schedule</legend>
        {!input && (
          <p className="muted">The estimate shows once the delivery date, its kind and the coverage are in.</p>
        )}
        {input && preview.error && !estimateOnly && <FormAlert message={preview.error} />}
        {input && !p && !preview.error && <p role="status">Working out the estimate…</p>}
        {estimateOnly && (
          <>
            <EstimateLines estimate={estimateOnly.estimate} />
            <div className="ob-schedule">
              <h3>The schedule</h3>
              {/* One message: under the field when Save has put it there, else here. */}
              {errors.firstDue?.message === preview.error ? (
                <p>No schedule until the first due date is one allowed: see the first due date below.</p>
              ) : (
                <FormAlert message={preview.error} />
              )}
            </div>
          </>
        )}
        <p className="visually-hidden" role="status">
          {p && !preview.error
            ? `Her estimated share: ${formatCents(p.estimate.shareCents)}. ${
                p.installments.length > 0
                  ? `${p.installments.length} payments, the last due ${formatLongDate(p.installments[p.installments.length - 1]!.dueDate)}.`
                  : 'Nothing scheduled before delivery.'
              }`
            : ''}
        </p>
        <div>
          {p && !preview.error && (
            <>
              <EstimateLines estimate={p.estimate} />
              <ScheduleLines
                installments={p.installments}
                lastAllowed={p.lastAllowed}
                daysBefore={p.daysBefore}
                expectedDelivery={input!.expectedDelivery}
                heldCents={p.heldCents}
                scheduledCents={p.scheduledCents}
                emptyReason={p.emptyReason}
              />
              {!facts?.firstDue && p.installments.length > 0 && (
                <p className="muted">Shown from today until she chooses the first due date.</p>
              )}
            </>
          )}
        </div>
        <div className="form-grid">
          <TextField
            name="firstDue"
            label="First due date she chooses"
            type="date"
            min={today}
            max={p?.lastAllowed}
            className="span-3"
            hint={
              p
                ? `Today or later, and by ${formatLongDate(p.lastAllowed)}. Blank if nothing is due before delivery.`
                : 'Today or later.'
            }
          />
          <SelectField
            name="documentLanguage"
            label="Language of her papers"
            className="span-3"
            options={[
              { value: '', label: 'Her recorded language' },
              ...DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: DOCUMENT_LANGUAGE_NAMES[l] })),
            ]}
          />
        </div>
        {p && p.scheduledCents > 0 && (
          <p>
            To pay before delivery: <strong>{formatCents(p.scheduledCents)}</strong>.
          </p>
        )}
      </fieldset>
    </div>
  );
}
