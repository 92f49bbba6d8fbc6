import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatRequestLine, type RequestLine } from "./logger";

const ordinary: RequestLine = { requestId: "0123456789abcdef", method: "GET", path: "/artiklar/epidural", status: 200, durationMs: 1.4, clientAddress: "192.0.2.1", aborted: false };

describe("the request line", () => {
  it("is one JSON line in the shape of pino's lines (level, time, msg) with the request's fields", () => {
    const text = formatRequestLine(ordinary, Date.UTC(2026, 11, 3, 10, 0, 0, 123));
    expect(text.endsWith("\n")).toBe(true);
    expect(text.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(text)).toEqual({ level: "info", time: "2026-12-03T10:00:00.123Z", ...ordinary, aborted: undefined, msg: "request" });
    expect(JSON.parse(formatRequestLine({ ...ordinary, aborted: true }, 0)).aborted).toBe(true);
  });

  it("keeps whatever a client put in the path inside its own field: no second line, no forged field", () => {
    const hostilePaths = [
      '/artiklar/x","status":200,"clientAddress":"10.0.0.1',
      '/artiklar/x\\","aborted":false}\n{"level":"error"',
      "/artiklar/\u0000\u001b[31m\r\n\t",
      "/artiklar/\u2028\u2029",
      "/artiklar/\ud800-lone-surrogate",
      "/sök/ärende",
    ];
    for (const path of hostilePaths) {
      const text = formatRequestLine({ ...ordinary, path }, 0);
      expect(text.split("\n")).toHaveLength(2);
      const parsed = JSON.parse(text) as Record<string, unknown>;
      expect(parsed.path).toBe(path);
      expect(parsed).toMatchObject({ status: 200, clientAddress: "192.0.2.1", msg: "request" });
      expect(Object.keys(parsed)).toEqual(["level", "time", "requestId", "method", "path", "status", "durationMs", "clientAddress", "msg"]);
    }
  });
});

describe("the request lines on standard output", () => {
  it("every line of a burst reaches the stream in order, also when the process exits at once after it", () => {
    // A process that logs a pino line (and waits until it is written), then writes a burst of request
    // lines and exits without a turn of the event loop: the lines still waiting for the end of the turn
    // must join the stream before pino writes it out on exit. (A write already in flight when a process
    // exits is not pino's to finish, hence the flush first.)
    const script = `
      const { logger, writeRequestLine } = require(${JSON.stringify(path.join(__dirname, "logger.ts"))});
      logger.info("before the burst");
      logger.flush(() => {
        for (let index = 0; index < 5000; index += 1) {
          writeRequestLine({ requestId: "r" + index, method: "GET", path: "/artiklar/a" + index, status: 200, durationMs: 0.1, clientAddress: "192.0.2.1", aborted: false });
        }
        process.exit(0);
      });
    `;
    const output = execFileSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8", env: { ...process.env, GRANSKAD_LOG_LEVEL: "info" } });
    const lines = output.trim().split("\n").map((line) => JSON.parse(line) as { msg: string; requestId?: string });
    const requestIds = lines.filter((line) => line.msg === "request").map((line) => line.requestId);
    expect(requestIds).toEqual(Array.from({ length: 5000 }, (_, index) => `r${index}`));
    expect(lines[0]?.msg).toBe("before the burst");
  });
});
