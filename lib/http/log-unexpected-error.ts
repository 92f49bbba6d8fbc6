import crypto from "node:crypto";

/**
 * Logs an unexpected error with its context and a short reference, and returns the reference so the
 * user can quote it. The error's message and stack stay in the server log.
 */
export function logUnexpectedError(error: unknown, context: Record<string, unknown>): string {
  const reference = crypto.randomBytes(4).toString("hex");
  console.error(JSON.stringify({ level: "error", reference, ...context, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }));
  return reference;
}
