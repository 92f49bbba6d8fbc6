import crypto from "node:crypto";
import { currentRequestId } from "@/lib/server/request-context";

/**
 * Logs an unexpected error with its context and returns the reference the user is shown: the request's
 * id (X-Request-Id, and the requestId of every log line of that request), or a fresh one outside a
 * request. The error's message and stack stay in the server log. Written through console.error with the
 * fields first, which the server turns into one JSON line (lib/server/logger.ts, routeConsoleToLogger).
 */
export function logUnexpectedError(error: unknown, context: Record<string, unknown>): string {
  const reference = currentRequestId() ?? crypto.randomBytes(8).toString("hex");
  console.error({ ...context, reference, err: error }, "unexpected error");
  return reference;
}
