import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { DomainFailure } from "@/lib/errors/domain-result";

/**
 * Puts a server failure's field errors on the form's fields (dropping `prefix`, e.g. "content.") and
 * returns the messages that belong to no field, for the form-level error list.
 */
export function applyServerFieldErrors<Values extends FieldValues>(
  failure: DomainFailure,
  setError: UseFormSetError<Values>,
  isField: (path: string) => boolean,
  prefix = "",
): string[] {
  const formLevel: string[] = [];
  if (failure.kind !== "invalid" || !failure.fieldErrors) return [failure.message];
  for (const [path, messages] of Object.entries(failure.fieldErrors)) {
    const fieldPath = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    if (isField(fieldPath)) setError(fieldPath as Path<Values>, { type: "server", message: messages.join(" ") });
    else formLevel.push(...messages.map((message) => (fieldPath === "_form" ? message : `${fieldPath}: ${message}`)));
  }
  return formLevel;
}
