// The bar across the top of an account opened from the work queue: what the item is about, the
// outcome the clerk must record, "Done — next item" and "Back to the queue".
import { useId, useState } from 'react';
import { QUEUE_KIND_INFO, workedForm, type QueueItem } from '../../../../shared/schemas/queue';
import { messageOf } from '../../api';
import { FormAlert } from '../../components/Field';
import { backToQueue, finishItem } from './queueWork';
import { useSchemaForm } from '../../forms';

export function WorkingBar({ item }: { item: QueueItem }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const form = useSchemaForm(workedForm, { outcome: '' });
  const fieldError = form.formState.errors.outcome?.message;
  const submit = form.handleSubmit(async ({ outcome }) => {
    setError(null);
    try {
      await finishItem(item.key, outcome);
    } catch (e) {
      setError(messageOf(e));
    }
  });
  return (
    <section className="working-bar" aria-labelledby={`${id}-title`}>
      <div className="working-what">
        <h2 id={`${id}-title`}>Working the queue</h2>
        <p>
          <span className="badge warn">{QUEUE_KIND_INFO[item.kind].label}</span> {item.summary}
        </p>
      </div>
      <form noValidate className="working-form" onSubmit={(e) => void submit(e)}>
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
              What you did or agreed, for the record.
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
