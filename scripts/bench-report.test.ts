import { describe, expect, it } from "vitest";
import { formatReport, meetsAims, reportRow, unexpectedResponses, type LoadRun } from "./bench-report";

const run = (overrides: Partial<LoadRun>): LoadRun => ({ requestsPerSecond: 1000, p50Ms: 10, p99Ms: 30, statusCounts: { "200": 10_000 }, connectionErrors: 0, ...overrides });

describe("benchmark report", () => {
  it("divides the app's throughput by the baseline's and counts unexpected statuses and connection errors as errors", () => {
    const row = reportRow({
      name: "article API, If-None-Match (304)",
      path: "/api/v1/articles/x",
      expectedStatus: 304,
      app: run({ requestsPerSecond: 1500, statusCounts: { "304": 14_990, "200": 4, "500": 6 }, connectionErrors: 2 }),
      baseline: run({ requestsPerSecond: 6000, p99Ms: 4 }),
    });
    expect(row.ratio).toBe(0.25);
    expect(row.errors).toBe(12);
    expect(row.baselineP99Ms).toBe(4);
    expect(meetsAims(row)).toBe(false);
  });

  it("meets the aims at half the baseline or more, p99 under 50 ms and no errors", () => {
    const result = { name: "feed", path: "/feed.json", expectedStatus: 200, baseline: run({ requestsPerSecond: 2000 }) };
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 1000, p99Ms: 49 }) }))).toBe(true);
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 999, p99Ms: 49 }) }))).toBe(false);
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 1000, p99Ms: 50 }) }))).toBe(false);
    expect(unexpectedResponses(run({ statusCounts: { "200": 5 } }), 200)).toBe(0);
  });

  it("prints a Markdown table with one row per target and the peak RSS", () => {
    const row = reportRow({ name: "/feed.json", path: "/feed.json", expectedStatus: 200, app: run({ requestsPerSecond: 812.4, p50Ms: 51, p99Ms: 120 }), baseline: run({ requestsPerSecond: 9000 }) });
    const lines = formatReport([row], 312.6).split("\n");
    expect(lines[0]).toBe("| target | req/s | p50 ms | p99 ms | baseline req/s | baseline p99 ms | ratio | errors | aim met |");
    expect(lines[2]).toBe("| /feed.json | 812 | 51 | 120 | 9000 | 30 | 0.09 | 0 | no |");
    expect(lines.at(-1)).toBe("Peak RSS of the app (its process tree): 313 MB (aim: under 500 MB)");
    expect(formatReport([row], null)).toContain("not measured");
  });
});
