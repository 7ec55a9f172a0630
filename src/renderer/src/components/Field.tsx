// Labelled form fields bound to the surrounding react-hook-form (FormProvider). Each shows its
// error under the input (role="alert"), marks the input aria-invalid and links the message with
// aria-describedby, whether the error came from the shared schema or from main.
import { useId, useState, type ReactNode } from 'react';
import { NO_SUCH_DATE_MESSAGE } from '../../../shared/dates';
import { useFormContext, useFormState } from 'react-hook-form';

interface FieldShellProps {
  id: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  className: string | undefined;
  children: ReactNode;
}

/** A field's hint and error lines, with the ids its control's aria-describedby points at. */
function FieldNotes({ id, hint, error }: { id: string; hint: string | undefined; error: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function FieldShell({ id, label, hint, error, className, children }: FieldShellProps) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

function useFieldError(name: string): string | undefined {
  const { getFieldState } = useFormContext();
  const formState = useFormState({ name });
  return getFieldState(name, formState).error?.message;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface TextFieldProps {
  name: string;
  label: string;
  type?: 'text' | 'password' | 'tel' | 'url' | 'number' | 'date';
  hint?: string;
  autoComplete?: string;
  className?: string;
  /** Numbers (policy values) reach the schema as numbers, not text. */
  numeric?: boolean;
  autoFocus?: boolean;
  spellCheck?: boolean;
  /** Bounds for dates (YYYY-MM-DD), e.g. a payment dated no later than the business date. */
  min?: string;
  max?: string;
  /** Money is typed as dollars: a decimal keyboard, not a number spinner. */
  money?: boolean;
  /** The language of what is typed, when it is not the screen's (WCAG 3.1.2): "es" for a Spanish text. */
  lang?: string;
}

export function TextField({
  name,
  label,
  type = 'text',
  hint,
  autoComplete,
  className,
  numeric,
  autoFocus,
  spellCheck,
  min,
  max,
  money,
  lang,
}: TextFieldProps) {
  const id = useId();
  const { register } = useFormContext();
  const schemaError = useFieldError(name);
  const registered = register(name, numeric ? { valueAsNumber: true } : {});
  // A date typed that the calendar has not (February 30th) reaches the form as blank: the browser knows it
  // was typed (badInput), so the message says the date does not exist rather than asking for one.
  const [badDate, setBadDate] = useState(false);
  const checkDate = (el: HTMLInputElement) => {
    if (type === 'date') setBadDate(el.validity.badInput);
  };
  const error = schemaError && badDate ? NO_SUCH_DATE_MESSAGE : schemaError;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete ?? 'off'}
        autoFocus={autoFocus}
        spellCheck={spellCheck ?? false}
        lang={lang}
        inputMode={numeric ? 'numeric' : money ? 'decimal' : undefined}
        min={min}
        max={max}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...registered}
        onKeyUp={(e) => checkDate(e.currentTarget)}
        onBlur={(e) => {
          checkDate(e.currentTarget);
          return registered.onBlur(e);
        }}
      />
    </FieldShell>
  );
}

/** Several lines of text (a note, a memo). */
export function TextAreaField({
  name,
  label,
  hint,
  className,
  rows = 3,
  lang,
}: {
  name: string;
  label: string;
  hint?: string;
  className?: string;
  rows?: number;
  /** The language of what is typed, when it is not the screen's (WCAG 3.1.2): "es" for a Spanish text. */
  lang?: string;
}) {
  const id = useId();
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        rows={rows}
        spellCheck
        lang={lang}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...register(name)}
      />
    </FieldShell>
  );
}

interface SelectFieldProps {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** The first, empty choice ("Choose a state"), when nothing is chosen yet. */
  placeholder?: string;
  hint?: string;
  className?: string;
}

export function SelectField({ name, label, options, placeholder, hint, className }: SelectFieldProps) {
  const id = useId();
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...register(name)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A yes/no choice, its label beside the box. */
export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const id = useId();
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <div className="checkbox-row">
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...register(name)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <FieldNotes id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}

/** The error of a group of fields as a whole (at least one box ticked, ...), under the group. */
export function GroupError({ name }: { name: string }) {
  const error = useFieldError(name);
  if (!error) return null;
  return (
    <p className="field-error" role="alert">
      {error}
    </p>
  );
}

/** A password typed twice; the form's schema compares the two. */
export function NewPasswordFields({
  name,
  confirmName,
  label = 'New password',
  hint,
}: {
  name: string;
  confirmName: string;
  label?: string;
  hint?: string;
}) {
  return (
    <>
      <TextField name={name} label={label} type="password" autoComplete="new-password" hint={hint} />
      <TextField
        name={confirmName}
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}

/** A form-level message (role="alert"): a refusal that belongs to no single field. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-alert" role="alert">
      {message}
    </div>
  );
}

/** A quiet confirmation (role="status") after something was saved. */
export function FormNotice({ message }: { message: string | null }) {
  return (
    <div className="form-notice" role="status" hidden={!message}>
      {message}
    </div>
  );
}
