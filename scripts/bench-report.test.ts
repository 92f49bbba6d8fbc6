import { describe, expect, it } from "vitest";
import { cacheMissRowName, formatReport, meetsAims, reportRow, unexpectedResponses, type LoadRun } from "./bench-report";

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

  it("meets the aims at half the baseline or more (the feed 0.6), p99 at most 50 ms and no errors", () => {
    const result = { name: "article page", path: "/artiklar/x", expectedStatus: 200, baseline: run({ requestsPerSecond: 2000 }) };
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 1000, p99Ms: 50 }) }))).toBe(true);
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 999, p99Ms: 49 }) }))).toBe(false);
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 1000, p99Ms: 51 }) }))).toBe(false);
    const feed = { ...result, name: "/feed.json", path: "/feed.json" };
    expect(meetsAims(reportRow({ ...feed, app: run({ requestsPerSecond: 1199, p99Ms: 10 }) }))).toBe(false);
    expect(meetsAims(reportRow({ ...feed, app: run({ requestsPerSecond: 1200, p99Ms: 10 }) }))).toBe(true);
    expect(unexpectedResponses(run({ statusCounts: { "200": 5 } }), 200)).toBe(0);
  });

  it("judges the cache-miss row by its CPU time per render", () => {
    const result = { name: cacheMissRowName, path: "/artiklar/x", expectedStatus: 200, baseline: run({ requestsPerSecond: 9000 }) };
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 40, p99Ms: 80, cpuMsPerRequest: 25 }) }))).toBe(true);
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 40, p99Ms: 80, cpuMsPerRequest: 31 }) }))).toBe(false);
    expect(meetsAims(reportRow({ ...result, app: run({ requestsPerSecond: 40, p99Ms: 80 }) }))).toBe(false);
  });

  it("prints a Markdown table with one row per target and the peak RSS", () => {
    const row = reportRow({ name: "/feed.json", path: "/feed.json", expectedStatus: 200, app: run({ requestsPerSecond: 812.4, p50Ms: 51, p99Ms: 120 }), baseline: run({ requestsPerSecond: 9000 }) });
    const lines = formatReport([row], 312.6).split("\n");
    expect(lines[0]).toBe("| target | req/s | p50 ms | p99 ms | baseline req/s | baseline p99 ms | ratio | errors | CPU ms/req | aim met |");
    expect(lines[2]).toBe("| /feed.json | 812 | 51 | 120 | 9000 | 30 | 0.09 | 0 | – | no |");
    expect(lines.at(-1)).toBe("Peak RSS of the app (its process tree): 313 MB (aim: at most 350 MB)");
    expect(formatReport([row], null)).toContain("not measured");
  });
});
