import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { DomainFailure } from "@/lib/errors/domain-result";

/**
 * Puts a server action's field errors on the form's fields and returns the message for the form as a
 * whole (field errors the form has no field for are added to it, so nothing is lost).
 */
export function showFailure<Values extends FieldValues>(failure: DomainFailure, setError: UseFormSetError<Values>, fields: readonly Path<Values>[]): string {
  const unplaced: string[] = [];
  if (failure.kind === "invalid") {
    for (const [field, messages] of Object.entries(failure.fieldErrors ?? {})) {
      const name = field.split(".")[0] as Path<Values>;
      if (fields.includes(name)) setError(name, { type: "server", message: messages.join(" ") });
      else unplaced.push(...messages);
    }
  }
  return [failure.message, ...unplaced].join(" ");
}
