import util from "node:util";
import pino from "pino";
import { currentRequestId } from "./request-context";

/**
 * Where every line goes: standard output, written asynchronously. A synchronous write per line was a
 * tenth of the CPU of a page-cache answer (one request line each; `node --cpu-prof` under the
 * benchmark's 304 load). Lines written while a write is in flight go out together with the next one.
 * pino flushes what is left synchronously when the process exits (its `exit` hook, which runs on
 * `process.exit`, a signal handler's exit and an uncaught error alike), so the last lines before an exit
 * are still written; only a SIGKILL loses the tail.
 *
 * Those gathered writes are at most 4 KiB (sonic-boom's default is 16 KiB): sonic-boom appends each new
 * line to the last pending string and measures that whole string's UTF-8 length again, so the cost per
 * line grows with the size of a pending write. Under the benchmark's 304 load 4 KiB answered about a
 * fifth more requests a second than 16 KiB, and more than 1 or 8 KiB (perf: the length count had been
 * the largest JavaScript-side cost of an answer).
 */
const destination = pino.destination({ sync: false, maxWrite: 4096 });

/**
 * The server's log: one JSON line per event, with the request id of the request it happened in
 * (lib/server/request-context.ts).
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
  destination,
);

export type RequestLine = {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  clientAddress: string;
  aborted: boolean;
};

/** The ISO time of the last request line, remembered for its millisecond (lines come tens per ms under load). */
let lastLineTime = { ms: -1, iso: "" };

function isoTime(ms: number): string {
  if (ms !== lastLineTime.ms) lastLineTime = { ms, iso: new Date(ms).toISOString() };
  return lastLineTime.iso;
}

/**
 * The access log's line for one response, in the shape of every other line (pino's level, time and
 * msg, then the fields), written to the same stream in order with them. Written here rather than by
 * pino: its generic serialisation (walking the object's keys, the mixin, the time function) was the
 * largest part of a page-cache answer's CPU beside the socket write (perf under the benchmark's 304
 * load). Every string goes through JSON.stringify, so no path a client sends can break the line.
 */
export function writeRequestLine(line: RequestLine): void {
  if (logger.isLevelEnabled("info")) destination.write(formatRequestLine(line, Date.now()));
}

export function formatRequestLine(line: RequestLine, atMs: number): string {
  return `{"level":"info","time":"${isoTime(atMs)}","requestId":${JSON.stringify(line.requestId)},"method":${JSON.stringify(line.method)},"path":${JSON.stringify(line.path)},"status":${Number(line.status)},"durationMs":${Number(line.durationMs)},"clientAddress":${JSON.stringify(line.clientAddress)}${line.aborted ? ',"aborted":true' : ""},"msg":"request"}\n`;
}

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
