"use client";

import { get, useController, useFormContext } from "react-hook-form";

/**
 * Inputs of the content editors, bound by their dotted path in the form ("blocks.2.text"). Each has its
 * label and, underneath, the schema's error message for that path.
 */

export function idOf(name: string): string {
  return `falt-${name.replaceAll(".", "-")}`;
}

export function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext();
  const error = get(formState.errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {message}
    </p>
  );
}

function describedBy(id: string, error: string | undefined, hint: string | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

type TextFieldProps = { name: string; label: string; hint?: string; multiline?: boolean; optional?: boolean };

/** A text input; an optional field left empty is absent from the content. */
export function TextField({ name, label, hint, multiline, optional }: TextFieldProps) {
  const { register } = useFormContext();
  const id = idOf(name);
  const error = useFieldError(name);
  const props = { id, ...describedBy(id, error, hint), ...register(name) };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="editor-optional"> (frivilligt)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="editor-hint">
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={4} {...props} /> : <input type="text" {...props} />}
      <FieldError id={id} message={error} />
    </div>
  );
}

/** A web address; empty means none. */
export function UrlField({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  const id = idOf(name);
  const error = useFieldError(name);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span className="editor-optional"> (frivilligt)</span>
      </label>
      <input
        type="url"
        id={id}
        {...describedBy(id, error, undefined)}
        {...register(name, { setValueAs: (value: string) => (value === "" || value === undefined ? undefined : value) })}
      />
      <FieldError id={id} message={error} />
    </div>
  );
}

type Option = { value: string; label: string };

/** A select; `numeric` stores the chosen value as a number (heading levels). */
export function SelectField({ name, label, options, placeholder, numeric }: { name: string; label: string; options: Option[]; placeholder?: string; numeric?: boolean }) {
  const { register } = useFormContext();
  const id = idOf(name);
  const error = useFieldError(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...describedBy(id, error, undefined)} {...register(name, numeric ? { setValueAs: (value: string) => Number(value) } : {})}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}

export function CheckboxField({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  const id = idOf(name);
  return (
    <div className="field editor-checkbox">
      <input type="checkbox" id={id} {...register(name)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A set of enum values as checkboxes (procedure facts' medications and imaging). */
export function CheckboxGroupField({ name, legend, options }: { name: string; legend: string; options: Option[] }) {
  const { control } = useFormContext();
  const { field } = useController({ name, control });
  const id = idOf(name);
  const error = useFieldError(name);
  const selected: string[] = Array.isArray(field.value) ? field.value : [];
  return (
    <fieldset className="editor-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div className="editor-checkbox" key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${option.value}`}
            checked={selected.includes(option.value)}
            onChange={(event) =>
              field.onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))
            }
            onBlur={field.onBlur}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <FieldError id={id} message={error} />
    </fieldset>
  );
}

/** A list of short texts (bullet points, indications …): add, edit, move and remove entries. */
export function TextListField({ name, legend, itemLabel }: { name: string; legend: string; itemLabel: string }) {
  const { control } = useFormContext();
  const { field } = useController({ name, control });
  const id = idOf(name);
  const listError = useFieldError(name);
  const { formState } = useFormContext();
  const items: string[] = Array.isArray(field.value) ? field.value : [];
  const change = (next: string[]) => field.onChange(next);
  return (
    <fieldset className="editor-fieldset" aria-describedby={listError ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <ol className="editor-text-list">
        {items.map((item, index) => {
          const itemId = `${id}-${index}`;
          const itemError = (get(formState.errors, `${name}.${index}`) as { message?: string } | undefined)?.message;
          return (
            <li key={index}>
              <label htmlFor={itemId}>
                {itemLabel} {index + 1}
              </label>
              <input
                type="text"
                id={itemId}
                value={item}
                {...describedBy(itemId, itemError, undefined)}
                onChange={(event) => change(items.map((current, at) => (at === index ? event.target.value : current)))}
                onBlur={field.onBlur}
              />
              <button type="button" className="editor-small-button" onClick={() => change(items.filter((_, at) => at !== index))}>
                Ta bort<span className="editor-visually-hidden">
                  {" "}
                  {itemLabel.toLowerCase()} {index + 1}
                </span>
              </button>
              <FieldError id={itemId} message={itemError} />
            </li>
          );
        })}
      </ol>
      <button type="button" className="editor-small-button" onClick={() => change([...items, ""])}>
        Lägg till {itemLabel.toLowerCase()}
      </button>
      <FieldError id={id} message={listError} />
    </fieldset>
  );
}
