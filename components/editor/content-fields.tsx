"use client";

import { get, useController, useFormContext } from "react-hook-form";
import { FieldError, FormField, fieldAria } from "@/components/forms/form-field";

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

type TextFieldProps = { name: string; label: string; hint?: string; multiline?: boolean; optional?: boolean };

/** A text input; an optional field left empty is absent from the content. */
export function TextField({ name, label, hint, multiline, optional }: TextFieldProps) {
  const { register } = useFormContext();
  const id = idOf(name);
  const error = useFieldError(name);
  const props = { ...fieldAria(id, error, !!hint), ...register(name) };
  return (
    <FormField id={id} label={label} hint={hint} optional={optional} error={error}>
      {multiline ? <textarea rows={4} {...props} /> : <input type="text" {...props} />}
    </FormField>
  );
}

/** A web address; empty means none. */
export function UrlField({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  const id = idOf(name);
  const error = useFieldError(name);
  return (
    <FormField id={id} label={label} optional error={error}>
      <input type="url" {...fieldAria(id, error)} {...register(name, { setValueAs: (value: string) => (value === "" || value === undefined ? undefined : value) })} />
    </FormField>
  );
}

type Option = { value: string; label: string };

/** A select; `numeric` stores the chosen value as a number (heading levels). */
export function SelectField({ name, label, options, placeholder, numeric }: { name: string; label: string; options: Option[]; placeholder?: string; numeric?: boolean }) {
  const { register } = useFormContext();
  const id = idOf(name);
  const error = useFieldError(name);
  return (
    <FormField id={id} label={label} error={error}>
      <select {...fieldAria(id, error)} {...register(name, numeric ? { setValueAs: (value: string) => Number(value) } : {})}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormField>
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
                value={item}
                {...fieldAria(itemId, itemError)}
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
