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
