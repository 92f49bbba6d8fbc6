import type { ZodError } from "zod";

/**
 * Expected failures of a domain operation, as values rather than exceptions. Routes and server actions
 * turn them into HTTP statuses and form errors in one place (see `httpStatusOf`).
 */
export type DomainFailure =
  | { kind: "not_found"; message: string }
  | { kind: "forbidden"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "invalid"; message: string; fieldErrors?: Record<string, string[]> };

export type DomainResult<T> = { ok: true; value: T } | { ok: false; failure: DomainFailure };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <T = never>(failure: DomainFailure): DomainResult<T> => ({ ok: false, failure });

const statusByKind: Record<DomainFailure["kind"], number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 400,
};

export function httpStatusOf(failure: DomainFailure): number {
  return statusByKind[failure.kind];
}

/** Zod issues keyed by their dotted field path ("blocks.2.text"), the shape forms display. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    (fieldErrors[path] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** The one message for input that does not pass its schema or names what does not exist; the field errors say what. */
export const invalidInputMessage = "Kontrollera fälten";

export function invalidInput(fieldErrors: Record<string, string[]>): DomainFailure {
  return { kind: "invalid", message: invalidInputMessage, fieldErrors };
}
