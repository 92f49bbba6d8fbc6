import util from "node:util";
import pino from "pino";
import { currentRequestId } from "./request-context";

/**
 * The server's log: one JSON line per event on standard output, with the request id of the request it
 * happened in (lib/server/request-context.ts).
 *
 * Written asynchronously: a synchronous write per line was a tenth of the CPU of a page-cache answer
 * (one request line each; `node --cpu-prof` under the benchmark's 304 load). Lines written while a write
 * is in flight go out together with the next one. pino flushes what is left synchronously when the
 * process exits (its `exit` hook, which runs on `process.exit`, a signal handler's exit and an uncaught
 * error alike), so the last lines before an exit are still written; only a SIGKILL loses the tail.
 */
export const logger = pino(
  {
    base: undefined,
    level: process.env.GRANSKAD_LOG_LEVEL ?? "info",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  },
  pino.destination({ sync: false }),
);

type ConsoleMethod = "log" | "info" | "warn" | "error" | "debug";
const levelOf: Record<ConsoleMethod, "info" | "warn" | "error" | "debug"> = { log: "info", info: "info", warn: "warn", error: "error", debug: "debug" };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Makes everything the process prints through `console` (Next.js's own messages and stack traces, the
 * job workers, libraries) a JSON log line too, so a log collector never sees a multi-line event. A plain
 * object as the first argument gives the line its fields, as with pino (`console.error({ reference },
 * "message")`); otherwise the arguments are the message and the first Error among them is `err`.
 */
export function routeConsoleToLogger(): void {
  for (const method of Object.keys(levelOf) as ConsoleMethod[]) {
    console[method] = (...args: unknown[]) => {
      if (isPlainObject(args[0])) {
        logger[levelOf[method]](args[0], util.format(...args.slice(1)));
        return;
      }
      const error = args.find((arg): arg is Error => arg instanceof Error);
      logger[levelOf[method]](error ? { err: error } : {}, util.format(...args));
    };
  }
}
