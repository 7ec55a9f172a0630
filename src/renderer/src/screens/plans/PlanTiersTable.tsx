// PP-01 tiers as a table an administrator edits: for balances up to each limit, the longest term
// in months and the smallest monthly payment. The last row covers every larger balance.
import { useId } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { formatCents, parseDollars } from '../../../../shared/money';
import type { PolicyFormValues } from '../../../../shared/schemas/planPolicyForm';
import { MAX_TIERS } from '../../../../shared/schemas/plans';

function CellInput({
  name,
  label,
  money,
}: {
  name: `policy.tiers.${number}.${'upTo' | 'maxMonths' | 'minMonthly'}`;
  label: string;
  money?: boolean;
}) {
  const id = useId();
  const { register, getFieldState, control } = useFormContext<PolicyFormValues>();
  const error = getFieldState(name, useFormState({ control, name })).error?.message;
  return (
    <div className="tier-cell">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode={money ? 'decimal' : 'numeric'}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...register(name)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function PlanTiersTable({ canEdit }: { canEdit: boolean }) {
  const { control, formState } = useFormContext<PolicyFormValues>();
  const { fields, insert, remove } = useFieldArray({ control, name: 'policy.tiers' });
  const tiers = useWatch({ control, name: 'policy.tiers' });
  const tiersError = formState.errors.policy?.tiers?.root?.message ?? formState.errors.policy?.tiers?.message;
  const last = fields.length - 1;
  const previousLimit = last > 0 ? parseDollars(tiers[last - 1]?.upTo ?? '') : null;
  return (
    <div className="tiers">
      {/* Its own scroll region: at 400% zoom (320 px) the table scrolls, not the page (WCAG 1.4.10). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Plan tiers by balance">
        <table className="table compact tiers-table">
          <caption className="visually-hidden">Plan tiers by balance</caption>
          <thead>
            <tr>
              <th scope="col">Balance up to ($)</th>
              <th scope="col">Longest term (months)</th>
              <th scope="col">Smallest monthly payment ($)</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => (
              <tr key={f.id}>
                <td>
                  {i === last ? (
                    <span className="tier-above">
                      {previousLimit !== null && previousLimit > 0
                        ? `Over ${formatCents(previousLimit)}, and above`
                        : 'Any balance, and above'}
                    </span>
                  ) : (
                    <CellInput name={`policy.tiers.${i}.upTo`} label={`Tier ${i + 1}: balance up to ($)`} money />
                  )}
                </td>
                <td>
                  <CellInput name={`policy.tiers.${i}.maxMonths`} label={`Tier ${i + 1}: longest term (months)`} />
                </td>
                <td>
                  <CellInput
                    name={`policy.tiers.${i}.minMonthly`}
                    label={`Tier ${i + 1}: smallest monthly payment ($)`}
                    money
                  />
                </td>
                {canEdit && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="small"
                      aria-label={`Remove tier ${i + 1}`}
                      disabled={fields.length === 1}
                      onClick={() => remove(i)}
                    >
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tiersError && (
        <p className="field-error" role="alert">
          {tiersError}
        </p>
      )}
      {canEdit && (
        <button
          type="button"
          className="small"
          disabled={fields.length >= MAX_TIERS}
          onClick={() => insert(Math.max(0, last), { upTo: '', maxMonths: '', minMonthly: '' })}
        >
          Add a tier
        </button>
      )}
    </div>
  );
}
