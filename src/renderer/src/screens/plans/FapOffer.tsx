// 501(r) spirit: before a plan for a guarantor whose financial-assistance status is unknown and
// whose balance is over the policy's amount, the clerk offers financial assistance and records the
// answer. The question is required; "not asked" is not an answer here.
import { useId } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { formatCents } from '../../../../shared/money';
import { FAP_ANSWER_LABELS, FAP_ANSWERS } from '../../../../shared/schemas/plans';
import type { PlanTermsValues } from '../../../../shared/schemas/planTermsForm';

export function FapOffer({ thresholdCents }: { thresholdCents: number }) {
  const id = useId();
  const { register, getFieldState, control } = useFormContext<PlanTermsValues>();
  const error = getFieldState('fapAnswer', useFormState({ control, name: 'fapAnswer' })).error?.message;
  return (
    <fieldset
      className="group fap-offer"
      aria-describedby={[`${id}-note`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend>Offer financial assistance first</legend>
      <p id={`${id}-note`} className="group-note">
        The guarantor&rsquo;s financial-assistance status is unknown and the balance is over{' '}
        {formatCents(thresholdCents)}. Tell them about the hospital&rsquo;s financial assistance before agreeing a plan,
        and record their answer.
      </p>
      <div className="choice-list">
        {FAP_ANSWERS.filter((a) => a !== 'not_asked').map((a) => (
          <label key={a}>
            <input type="radio" value={a} {...register('fapAnswer')} />
            {FAP_ANSWER_LABELS[a]}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
