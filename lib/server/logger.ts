import util from "node:util";
import pino from "pino";
import { currentRequestId } from "./request-context";

/**
 * Request lines (see writeRequestLine) waiting for the end of this turn of the event loop, when they are
 * handed to the log's stream together as one string.
 */
let pendingRequestLines: string[] = [];

function writePendingRequestLines(): void {
  if (pendingRequestLines.length === 0) return;
  const text = pendingRequestLines.join("");
  pendingRequestLines = [];
  destination.write(text);
}

// Lines still waiting when the process exits join the stream before pino's own exit hook (registered
// when the stream is created, below, so it runs after this one) writes the stream out synchronously.
process.on("exit", writePendingRequestLines);

/**
 * Where every line goes: standard output, written asynchronously. A synchronous write per line was a
 * tenth of the CPU of a page-cache answer (one request line each; `node --cpu-prof` under the
 * benchmark's 304 load). Lines written while a write is in flight go out together with the next one.
 * pino flushes what is left synchronously when the process exits (its `exit` hook, which runs on
 * `process.exit`, a signal handler's exit and an uncaught error alike), so the last lines before an exit
 * are still written, except a write already in flight at that moment (the process may end before it
 * completes); a SIGKILL loses the tail.
 *
 * A write takes up to 64 KiB (sonic-boom's default is 16 KiB): one write completes per turn of the
 * event loop at best, and under the benchmark's 304 load 16 KiB a turn fell behind the request lines, so
 * the waiting lines grew by about 10 MB a second for as long as the load lasted (--trace-gc); with
 * 64 KiB the heap stays flat. (Appending to a pending write copies it, so far larger would cost more.)
 */
const destination = pino.destination({ sync: false, maxWrite: 65536 });

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

/**
 * The access log's line for one response, in the shape of every other line (pino's level, time and
 * msg, then the fields), on the same stream.
 *
 * Why not `logger.info`, line by line (perf and --trace-gc under the benchmark's 304 load, 40,000 lines
 * a second): pino's generic serialisation (walking the object's keys, the mixin, the time function) was
 * the largest JavaScript cost of a page-cache answer; and the stream appends each line to its pending
 * write and measures that whole write's length again, a cost that grows with the write, while lines
 * that waited for a lagging write outlived the young generation, so the heap grew by about 10 MB a
 * second for as long as the load lasted. So the line is formatted here, and the lines of one turn of
 * the event loop go to the stream as one flat string, measured once and written in large pieces. A
 * line reaches the stream at most one turn after its response; other events' lines (pino's, written at
 * once) may come before the request lines of the same turn.
 */
export function writeRequestLine(line: RequestLine): void {
  if (!logger.isLevelEnabled("info")) return;
  if (pendingRequestLines.length === 0) setImmediate(writePendingRequestLines);
  pendingRequestLines.push(formatRequestLine(line, Date.now()));
}

/** The ISO time of the last request line, kept for its millisecond (lines come tens per ms under load). */
let lastLineTime = { ms: -1, iso: "" };

function isoTime(ms: number): string {
  if (ms !== lastLineTime.ms) lastLineTime = { ms, iso: new Date(ms).toISOString() };
  return lastLineTime.iso;
}

/** Every string goes through JSON.stringify, so no path a client sends can break the line or add a field. */
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
