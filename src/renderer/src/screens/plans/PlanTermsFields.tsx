// The fields of a plan's terms, shared by set-up and re-schedule: the accounts (with their
// balances and the total), the down payment, how often, the day of the month, the amount of each
// payment or the number of payments, and the first due date.
import { useEffect, useId, useRef } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { formatShortDate } from '../../../../shared/dates';
import { DOLLARS_HINT, formatCents } from '../../../../shared/money';
import type { AccountView } from '../../../../shared/schemas/accounts';
import type { PlanTermsValues } from '../../../../shared/schemas/planTermsForm';
import { SelectField, TextField } from '../../components/Field';
import { FREQUENCY_OPTIONS } from './planTerms';

function serviceOf(a: AccountView): string {
  return a.serviceFrom === a.serviceTo
    ? formatShortDate(a.serviceFrom)
    : `${formatShortDate(a.serviceFrom)} – ${formatShortDate(a.serviceTo)}`;
}

interface AccountChoiceProps {
  legend: string;
  /** Accounts the clerk may tick. */
  choices: AccountView[];
  /** Accounts already on the plan (re-schedule), listed without a box. */
  fixed?: AccountView[];
  balanceCents: number;
}

/** Checkboxes kept as an array of ids by hand: react-hook-form reads one lone box as a boolean. */
export function AccountChoice({ legend, choices, fixed = [], balanceCents }: AccountChoiceProps) {
  const id = useId();
  const { control, setValue, getFieldState } = useFormContext<PlanTermsValues>();
  const chosen = useWatch({ control, name: 'accountIds' });
  const state = useFormState({ control, name: 'accountIds' });
  const error = getFieldState('accountIds', state).error?.message;
  const toggle = (accountId: string, on: boolean) => {
    const next = on ? [...chosen, accountId] : chosen.filter((x) => x !== accountId);
    setValue('accountIds', next, { shouldDirty: true, shouldValidate: state.isSubmitted });
  };
  return (
    <fieldset className="group plan-accounts" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <ul className="account-choices">
        {fixed.map((a) => (
          <li key={a.id}>
            <span className="account-choice-name">
              Account {a.accountNumber} <span className="muted">· {serviceOf(a)} · on the plan</span>
            </span>
            <span className="num">{formatCents(a.balanceCents)}</span>
          </li>
        ))}
        {choices.map((a) => (
          <li key={a.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(String(a.id))}
                onChange={(e) => toggle(String(a.id), e.target.checked)}
              />
              <span className="account-choice-name">
                Account {a.accountNumber} <span className="muted">· {serviceOf(a)}</span>
              </span>
            </label>
            <span className="num">{formatCents(a.balanceCents)}</span>
          </li>
        ))}
      </ul>
      {choices.length === 0 && (
        <p className="muted">
          {fixed.length ? 'No other account has a balance to add.' : 'No account has a balance to put on a plan.'}
        </p>
      )}
      <p className="plan-balance">
        Balance on the plan <strong>{formatCents(balanceCents)}</strong>
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function TermsFields({ today }: { today: string }) {
  const basisId = useId();
  const { control, register, setValue, getFieldState } = useFormContext<PlanTermsValues>();
  const [frequency, basis, firstDueDate] = useWatch({ control, name: ['frequency', 'basis', 'firstDueDate'] });
  // When the clerk changes the first due date, the day of the month follows it, unless they set
  // the day themselves.
  const shownDate = useRef(firstDueDate);
  useEffect(() => {
    if (shownDate.current === firstDueDate) return;
    shownDate.current = firstDueDate;
    if (/^\d{4}-\d{2}-\d{2}$/.test(firstDueDate) && !getFieldState('dayOfMonth').isDirty)
      setValue('dayOfMonth', String(Number(firstDueDate.slice(8, 10))));
  }, [firstDueDate, getFieldState, setValue]);
  return (
    <div className="form-grid">
      <TextField
        name="downPayment"
        label="Down payment ($)"
        money
        className="span-2"
        hint="Due today; 0.00 for none."
      />
      <SelectField name="frequency" label="How often" options={FREQUENCY_OPTIONS} className="span-2" />
      {frequency === 'monthly' ? (
        <TextField
          name="dayOfMonth"
          label="Day of the month"
          type="number"
          className="span-2"
          hint="29th–31st fall to the last day of shorter months."
        />
      ) : (
        <div className="span-2" />
      )}
      <fieldset className="radio-row span-6" aria-describedby={`${basisId}-hint`}>
        <legend className="visually-hidden">Set the plan by</legend>
        <label>
          <input type="radio" value="amount" {...register('basis')} />
          Amount of each payment
        </label>
        <label>
          <input type="radio" value="count" {...register('basis')} />
          Number of payments
        </label>
        <span id={`${basisId}-hint`} className="field-hint">
          The other follows; the last payment takes what is left.
        </span>
      </fieldset>
      {basis === 'amount' ? (
        <TextField
          key="amount"
          name="installmentAmount"
          label="Amount of each payment ($)"
          money
          className="span-3"
          hint={DOLLARS_HINT}
        />
      ) : (
        <TextField key="count" name="installmentCount" label="Number of payments" type="number" className="span-3" />
      )}
      <TextField
        name="firstDueDate"
        label="First due date"
        type="date"
        min={today}
        className="span-3"
        hint="Today or later."
      />
    </div>
  );
}
