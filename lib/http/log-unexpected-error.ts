import crypto from "node:crypto";
import { logger } from "@/lib/server/logger";
import { currentRequestId } from "@/lib/server/request-context";

/**
 * Logs an unexpected error with its context and returns the reference the user is shown: the request's
 * id (X-Request-Id, and the requestId of every log line of that request), or a fresh one outside a
 * request. The error's message and stack stay in the server log.
 */
export function logUnexpectedError(error: unknown, context: Record<string, unknown>): string {
  const requestId = currentRequestId();
  const reference = requestId ?? crypto.randomBytes(8).toString("hex");
  logger.error({ ...context, reference, err: error }, "unexpected error");
  return reference;
}
