import type { z } from "zod";
import type { Role } from "@/lib/db/generated/enums";
import { requireUser } from "@/lib/auth/require-user";
import type { SessionUser } from "@/lib/auth/current-user";
import type { DomainFailure, DomainResult } from "@/lib/errors/domain-result";
import { logUnexpectedError } from "@/lib/http/log-unexpected-error";
import { parseInput } from "@/lib/http/parse-input";

/** What every server action returns to its form: a value, or a failure with field errors to show. */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: DomainFailure };

/**
 * The one wrapper for server actions: requires a signed-in user with one of `roles`, parses the input
 * once with the operation's zod schema (the same one its form uses; `parseInput` also refuses text the
 * database cannot store), hands the handler the parsed value (`z.output`), and turns an unexpected
 * exception into a logged, generic failure — never a stack trace in the browser.
 * (Next.js itself refuses server-action POSTs whose Origin is not this site, which is our CSRF guard.)
 */
export function action<Schema extends z.ZodType, T>(
  name: string,
  roles: readonly Role[],
  schema: Schema,
  handler: (user: SessionUser, input: z.output<Schema>) => Promise<DomainResult<T>>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) =>
    runAction(name, async () => {
      const user = await requireUser(roles);
      if (!user.ok) return { ok: false, error: user.failure };
      return parseAndHandle(schema, input, (parsed) => handler(user.value, parsed));
    });
}

/**
 * The same for the few actions anyone may call (the public reader forms): no sign-in, otherwise the same
 * parsing, typed failures and logging. Rate limits are the handler's business.
 */
export function publicAction<Schema extends z.ZodType, T>(
  name: string,
  schema: Schema,
  handler: (input: z.output<Schema>) => Promise<DomainResult<T>>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => runAction(name, () => parseAndHandle(schema, input, handler));
}

async function parseAndHandle<Schema extends z.ZodType, T>(
  schema: Schema,
  input: unknown,
  handler: (input: z.output<Schema>) => Promise<DomainResult<T>>,
): Promise<ActionResult<T>> {
  const parsed = parseInput(schema, input);
  if (!parsed.ok) return { ok: false, error: parsed.failure };
  const result = await handler(parsed.value);
  return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.failure };
}

async function runAction<T>(name: string, run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    const reference = logUnexpectedError(error, { action: name });
    return { ok: false, error: { kind: "invalid", message: `Något gick fel; försök igen (felkod ${reference})` } };
  }
}

/** redirect() and notFound() work by throwing; those must reach Next.js untouched. */
function isNextControlFlow(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND";
}
