// The bar across the top of an account opened from the work queue: what the item is about, what
// the clerk did (a call, a letter, a visit, a note) and how it came out, the outcome they type for
// the record, "Done — next item" and "Back to the queue". Done writes it on the guarantor's
// activity (and closes the follow-up the item came from).
import { useId, useState } from 'react';
import {
  ACTIVITY_KINDS,
  ACTIVITY_OUTCOME_LABELS,
  ACTIVITY_OUTCOMES,
  type ActivityKind,
  type ActivityOutcome,
} from '../../../../shared/schemas/accounts';
import { QUEUE_KIND_INFO, workedForm, type QueueItem } from '../../../../shared/schemas/queue';
import { messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import { ACTIVITY_KIND_LABELS } from '../account/ActivityLog';
import { backToQueue, finishItem } from './queueWork';
import { useSchemaForm } from '../../forms';

export function WorkingBar({ item }: { item: QueueItem }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const form = useSchemaForm(workedForm, {
    outcome: '',
    activityKind: 'call' as ActivityKind,
    result: 'reached' as ActivityOutcome,
  });
  const fieldError = form.formState.errors.outcome?.message;
  const submit = form.handleSubmit(async (worked) => {
    setError(null);
    try {
      await finishItem(item, worked);
    } catch (e) {
      setError(messageOf(e));
    }
  });
  const fromFollowUp = item.kind === 'follow_up';
  return (
    <section className="working-bar" aria-labelledby={`${id}-title`}>
      <div className="working-what">
        <h2 id={`${id}-title`}>Working the queue</h2>
        <p>
          <span className="badge warn">{QUEUE_KIND_INFO[item.kind].label}</span> {item.summary}
        </p>
      </div>
      <form noValidate className="working-form" onSubmit={(e) => void submit(e)}>
        <div className="field working-choice">
          <label htmlFor={`${id}-kind`}>What you did</label>
          <select id={`${id}-kind`} {...form.register('activityKind')}>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {ACTIVITY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field working-choice">
          <label htmlFor={`${id}-result`}>Result</label>
          <select id={`${id}-result`} {...form.register('result')}>
            {ACTIVITY_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {ACTIVITY_OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id}>Outcome</label>
          <input
            id={id}
            type="text"
            autoComplete="off"
            spellCheck
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-error` : `${id}-hint`}
            {...form.register('outcome')}
          />
          {fieldError ? (
            <p id={`${id}-error`} className="field-error" role="alert">
              {fieldError}
            </p>
          ) : (
            <p id={`${id}-hint`} className="field-hint">
              What you did or agreed. It goes on the account’s activity
              {fromFollowUp ? ', and Done closes the follow-up.' : '.'}
            </p>
          )}
        </div>
        <div className="working-actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Working…' : 'Done — next item'}
          </button>
          <button type="button" onClick={backToQueue}>
            Back to the queue
          </button>
        </div>
      </form>
      <FormAlert message={error} />
    </section>
  );
}
