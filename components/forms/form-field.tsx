import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

/*
 * The admin's one form-field kit: a labelled field with its hint and its error underneath, tied to the
 * control for screen readers; the list of form-level errors; and a text input for react-hook-form's
 * `register`. Server failures are put on these fields by ./server-field-errors.ts.
 */

/** A labelled field with its hint and its error underneath, announced and tied to the control by id. */
export function FormField({
  id,
  label,
  error,
  hint,
  optional,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  /** Says "(frivilligt)" after the label. */
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (frivilligt)</span>}
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      <FieldError id={id} message={error} />
    </div>
  );
}

/** A control's error, for controls laid out without FormField (a fieldset's entries). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {message}
    </p>
  );
}

/** aria attributes for a control inside FormField. */
export function fieldAria(id: string, error: string | undefined, hint?: boolean) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}

/** What a form as a whole must say (a refusal, errors that belong to no field), announced. */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="form-error">
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A text input registered with react-hook-form, in a FormField. */
export function TextField({
  id,
  label,
  field,
  error,
  hint,
  type = "text",
  autoComplete,
}: {
  id: string;
  label: string;
  field: UseFormRegisterReturn;
  error?: string;
  hint?: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
}) {
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      <input type={type} autoComplete={autoComplete} {...fieldAria(id, error, !!hint)} {...field} />
    </FormField>
  );
}
