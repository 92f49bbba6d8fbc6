/**
 * The benchmark's figures: what one autocannon run gives, how a target compares with the bare baseline,
 * and the table printed at the end. Pure, so the arithmetic is tested; timings themselves never are.
 */

/** The part of an autocannon result the report uses. */
export type LoadRun = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses by status code. */
  statusCounts: Record<string, number>;
  /** Connection errors and timeouts. */
  connectionErrors: number;
  /** CPU time (user + system) the app's process tree spent per response; null where not measured. */
  cpuMsPerRequest?: number | null;
};

export type TargetResult = {
  name: string;
  path: string;
  expectedStatus: number;
  app: LoadRun;
  baseline: LoadRun;
};

export type ReportRow = {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  baselineRequestsPerSecond: number;
  baselineP99Ms: number;
  /** App throughput over baseline throughput. */
  ratio: number;
  /** Responses other than the expected status, plus connection errors and timeouts. */
  errors: number;
  cpuMsPerRequest: number | null;
};

/**
 * Aims of issue 14: at least half the baseline's throughput (the feed 0.6) and p99 at most 50 ms; peak
 * RSS at most 350 MB. The cache-miss row is measured against its own aim, CPU per render.
 */
export const aims = { minRatio: 0.5, minRatioByTarget: { "/feed.json": 0.6 } as Record<string, number>, maxP99Ms: 50, maxPeakRssMb: 350, maxMissCpuMs: 30 };

/** The row of the first render after a publish: its aim is CPU time, not a ratio to a cached answer. */
export const cacheMissRowName = "article page, cache miss (first render)";

export function unexpectedResponses(run: LoadRun, expectedStatus: number): number {
  const unexpected = Object.entries(run.statusCounts)
    .filter(([status]) => Number(status) !== expectedStatus)
    .reduce((sum, [, count]) => sum + count, 0);
  return unexpected + run.connectionErrors;
}

export function reportRow(result: TargetResult): ReportRow {
  return {
    name: result.name,
    requestsPerSecond: result.app.requestsPerSecond,
    p50Ms: result.app.p50Ms,
    p99Ms: result.app.p99Ms,
    baselineRequestsPerSecond: result.baseline.requestsPerSecond,
    baselineP99Ms: result.baseline.p99Ms,
    ratio: result.baseline.requestsPerSecond > 0 ? result.app.requestsPerSecond / result.baseline.requestsPerSecond : 0,
    errors: unexpectedResponses(result.app, result.expectedStatus),
    cpuMsPerRequest: result.app.cpuMsPerRequest ?? null,
  };
}

export function meetsAims(row: ReportRow): boolean {
  if (row.name === cacheMissRowName) return row.errors === 0 && row.cpuMsPerRequest !== null && row.cpuMsPerRequest <= aims.maxMissCpuMs;
  return row.errors === 0 && row.ratio >= (aims.minRatioByTarget[row.name] ?? aims.minRatio) && row.p99Ms <= aims.maxP99Ms;
}

const columns: { title: string; cell: (row: ReportRow) => string }[] = [
  { title: "target", cell: (row) => row.name },
  { title: "req/s", cell: (row) => row.requestsPerSecond.toFixed(0) },
  { title: "p50 ms", cell: (row) => row.p50Ms.toFixed(0) },
  { title: "p99 ms", cell: (row) => row.p99Ms.toFixed(0) },
  { title: "baseline req/s", cell: (row) => row.baselineRequestsPerSecond.toFixed(0) },
  { title: "baseline p99 ms", cell: (row) => row.baselineP99Ms.toFixed(0) },
  { title: "ratio", cell: (row) => row.ratio.toFixed(2) },
  { title: "errors", cell: (row) => String(row.errors) },
  { title: "CPU ms/req", cell: (row) => (row.cpuMsPerRequest === null ? "–" : row.cpuMsPerRequest.toFixed(2)) },
  { title: "aim met", cell: (row) => (meetsAims(row) ? "yes" : "no") },
];

/** A Markdown table (readable in a terminal, pasteable into the README), then the peak RSS line. */
export function formatReport(rows: ReportRow[], peakRssMb: number | null): string {
  const header = `| ${columns.map((column) => column.title).join(" | ")} |`;
  const rule = `| ${columns.map((column, index) => (index === 0 ? "---" : "---:")).join(" | ")} |`;
  const body = rows.map((row) => `| ${columns.map((column) => column.cell(row)).join(" | ")} |`);
  const rss =
    peakRssMb === null
      ? "Peak RSS of the app: not measured (no /proc on this system)"
      : `Peak RSS of the app (its process tree): ${peakRssMb.toFixed(0)} MB (aim: at most ${aims.maxPeakRssMb} MB)`;
  return [header, rule, ...body, "", rss].join("\n");
}
