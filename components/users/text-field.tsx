import type { UseFormRegisterReturn } from "react-hook-form";

/** A labelled text input with its hint and error tied to it for screen readers. */
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
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="users-note">
          {hint}
        </p>
      )}
      <input id={id} type={type} autoComplete={autoComplete} aria-invalid={!!error} aria-describedby={describedBy} {...field} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
