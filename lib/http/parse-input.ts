import type { z } from "zod";
import { fieldErrorsOf, invalidInput, ok, type DomainFailure } from "@/lib/errors/domain-result";
import { unstorableTextErrors } from "./unstorable-text";

/**
 * Parses input from outside (a form's server action, a CLI command's arguments) with its operation's
 * schema, once: the schema's field errors and those for text the database cannot store
 * (./unstorable-text.ts) come back together, under the one invalid-input message.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): { ok: true; value: z.output<Schema> } | { ok: false; failure: DomainFailure } {
  const unstorable = unstorableTextErrors(input);
  const parsed = schema.safeParse(input);
  if (!parsed.success || Object.keys(unstorable).length > 0) {
    return { ok: false, failure: invalidInput({ ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...unstorable }) };
  }
  return ok(parsed.data);
}
