// A dialog holding one form: the fields, a form-level alert, Cancel and the submit button. Main's
// refusals land on their fields (or above the buttons when they belong to none).
import { useState, type ReactNode } from 'react';
import { FormProvider, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { Dialog } from './Dialog';
import { FormAlert } from './Field';
import { showServerError } from './formErrors';

interface DialogFormProps<T extends FieldValues, O> {
  title: string;
  form: UseFormReturn<T, unknown, O>;
  fields: readonly FieldPath<T>[];
  /** Channel field -> form field, for refusals about a field the form shows differently. */
  aliases?: Partial<Record<string, FieldPath<T>>>;
  submitLabel: string;
  danger?: boolean;
  wide?: boolean;
  className?: string;
  onSubmit: (values: O) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

export function DialogForm<T extends FieldValues, O>({
  title,
  form,
  fields,
  aliases,
  submitLabel,
  danger,
  wide,
  className,
  onSubmit,
  onClose,
  children,
}: DialogFormProps<T, O>) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFormError(showServerError(error, form.setError, fields, aliases));
    }
  });
  return (
    <Dialog title={title} onClose={onClose} wide={wide} className={className}>
      <FormProvider {...form}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          {children}
          <FormAlert message={formError} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className={danger ? 'danger' : 'primary'} disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? 'Working…' : submitLabel}
            </button>
          </div>
        </form>
      </FormProvider>
    </Dialog>
  );
}
