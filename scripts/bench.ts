// `npm run bench`: the read-path benchmark (issue 4, point 9). Builds for production into .next-bench
// when the sources changed, loads the synthetic corpus (scripts/bench-corpus.ts) into DATABASE_URL or an
// embedded PGlite in .data/bench-pglite, serves the app on loopback with scripts/serve.ts (as `npm start` does), and measures each public read with
// autocannon against the app and against a bare node:http server returning the app's own bytes from
// memory. Prints a table and writes bench/results/<timestamp>.json. Options: see bench-options.ts.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { configurePublicChangeAcks, publicAckTimeoutMsFrom, stopPublicChangeAcks } from "@/lib/content/public-change-acks";
import { createPrismaClient } from "@/lib/db/client";
import { redactDatabaseUrl } from "@/lib/db/database-url";
import { freeLoopbackPort } from "@/lib/db/embedded-database";
import { applyMigrations } from "@/lib/db/migrate";
import type { CapturedResponse } from "./bench-baseline-server";
import { benchmarkArticle, corpusArticle, defaultCorpusShape } from "./bench-corpus";
import { runFreshnessCheck, type FreshnessResult } from "./bench-freshness";
import { loadCorpus } from "./bench-load-corpus";
import { assertLoopbackTarget, parseBenchOptions, type BenchOptions } from "./bench-options";
import { processTree, processTreeCpuMs, sampleProcessTreeRss } from "./bench-process-memory";
import { bundleServer } from "./server-bundle.mjs";
import { cacheMissRowName, formatReport, reportRow, type LoadRun, type TargetResult } from "./bench-report";
import { buildIsStale } from "./production-build";
import { runCli } from "./run-cli";

const distDir = ".next-bench";
const embeddedDataDir = path.join(".data", "bench-pglite");
const resultsDir = path.join("bench", "results");
const binDir = path.join(process.cwd(), "node_modules", ".bin");

type Target = { name: string; path: string; expectedStatus: number; ifNoneMatch?: string };

/** Child processes to stop however the run ends. */
const children = new Set<ChildProcess>();

function startChild(command: string, args: string[], env: NodeJS.ProcessEnv, label: string): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => `[${label}] ${line}`)
      .join("\n");
  child.stdout?.on("data", (chunk: Buffer) => process.env.GRANSKAD_DEBUG === "1" && console.log(prefix(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => console.error(prefix(chunk)));
  child.on("exit", () => children.delete(child));
  return child;
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const timeout = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timeout);
}

/** Polls `attempt` until it succeeds; gives up when `child` (the process being waited for) exits. */
async function waitFor(what: string, child: ChildProcess, attempt: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    if (await attempt().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

/** DATABASE_URL / --database-url, or the benchmark's own embedded PGlite served by a child process. */
async function openDatabase(options: BenchOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  if (options.databaseUrl) {
    if (options.reload) {
      throw new Error("--reload works on the embedded database only: published history cannot be deleted (integrity rules); use a fresh database");
    }
    return { url: options.databaseUrl, stop: async () => {} };
  }
  if (options.reload) fs.rmSync(embeddedDataDir, { recursive: true, force: true });
  fs.mkdirSync(embeddedDataDir, { recursive: true });
  const port = await freeLoopbackPort();
  const server = startChild(path.join(binDir, "pglite-server"), [`--db=${embeddedDataDir}`, `--port=${port}`, "--max-connections=12", "--extensions=pg_trgm"], process.env, "pglite");
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  await waitFor(
    "the embedded database",
    server,
    async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.end();
      return true;
    },
    60_000,
  );
  return { url, stop: () => stopChild(server, "SIGINT") };
}

function runToCompletion(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args[0]} exited with ${code}`))));
  });
}

/**
 * `next build` adds its dist dir's type folders to tsconfig.json; the checkout's file is put back
 * exactly, modification time included, so the build does not look stale to the next run.
 */
async function buildWhenStale(env: NodeJS.ProcessEnv): Promise<"built" | "reused"> {
  if (!buildIsStale(distDir)) return "reused";
  const tsconfig = fs.readFileSync("tsconfig.json");
  const tsconfigTimes = fs.statSync("tsconfig.json");
  try {
    console.log(`Building for production into ${distDir}…`);
    await runToCompletion(path.join(binDir, "next"), ["build"], env);
  } finally {
    fs.writeFileSync("tsconfig.json", tsconfig);
    fs.utimesSync("tsconfig.json", tsconfigTimes.atime, tsconfigTimes.mtime);
  }
  return "built";
}

/** One plain GET (no Accept-Encoding, as autocannon sends none): what the baseline will replay. */
function capture(origin: string, target: Target): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${origin}${target.path}`, { headers: target.ifNoneMatch ? { "if-none-match": target.ifNoneMatch } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(name) || value === undefined) continue;
          headers[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        headers["content-length"] = String(body.length);
        resolve({ path: target.path, ifNoneMatch: target.ifNoneMatch, status: response.statusCode ?? 0, headers, bodyBase64: body.toString("base64") });
      });
    });
    request.on("error", reject);
  });
}

/** One autocannon run; with `cpuOf`, the CPU time that process tree spent per response as well. */
async function load(origin: string, target: Target, connections: number, durationSeconds: number, cpuOf?: number): Promise<LoadRun> {
  const url = `${origin}${target.path}`;
  assertLoopbackTarget(url);
  const cpuBefore = cpuOf === undefined ? null : processTreeCpuMs(cpuOf);
  const result = await autocannon({ url, connections, duration: durationSeconds, headers: target.ifNoneMatch ? { "if-none-match": target.ifNoneMatch } : {} });
  const cpuAfter = cpuOf === undefined ? null : processTreeCpuMs(cpuOf);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statusCounts: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count ?? 0])),
    connectionErrors: result.errors,
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : null,
  };
}

/** Two runs at once (two instances), summed: throughput added, the worse latency, statuses merged. */
function summed(runs: LoadRun[]): LoadRun {
  const statusCounts: Record<string, number> = {};
  for (const run of runs) for (const [status, count] of Object.entries(run.statusCounts)) statusCounts[status] = (statusCounts[status] ?? 0) + count;
  const cpu = runs.map((run) => run.cpuMsPerRequest);
  return {
    requestsPerSecond: runs.reduce((sum, run) => sum + run.requestsPerSecond, 0),
    p50Ms: Math.max(...runs.map((run) => run.p50Ms)),
    p99Ms: Math.max(...runs.map((run) => run.p99Ms)),
    statusCounts,
    connectionErrors: runs.reduce((sum, run) => sum + run.connectionErrors, 0),
    cpuMsPerRequest: cpu.every((value) => typeof value === "number") ? (cpu as number[]).reduce((sum, value) => sum + value, 0) / cpu.length : null,
  };
}

/**
 * The cache-miss row: one request at a time, each for an article page nobody asked for since the last
 * publish (a distinct corpus article each), so each is rendered: routing, the database reads (those the
 * per-generation memo does not yet hold) and React. With `cpuOf`, the CPU time per render.
 */
async function sequentialMisses(origin: string, paths: string[], cpuOf?: number): Promise<LoadRun> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let connectionErrors = 0;
  const cpuBefore = cpuOf === undefined ? null : processTreeCpuMs(cpuOf);
  const started = process.hrtime.bigint();
  for (const path of paths) {
    const url = `${origin}${path}`;
    assertLoopbackTarget(url);
    const at = process.hrtime.bigint();
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
    } catch {
      connectionErrors += 1;
    }
    latencies.push(Number(process.hrtime.bigint() - at) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = cpuOf === undefined ? null : processTreeCpuMs(cpuOf);
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return {
    requestsPerSecond: paths.length / seconds,
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    statusCounts,
    connectionErrors,
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / paths.length : null,
  };
}

async function targetsFor(origin: string): Promise<Target[]> {
  const slug = benchmarkArticle().slug;
  const article = await capture(origin, { name: "article API", path: `/api/v1/articles/${slug}`, expectedStatus: 200 });
  const etag = article.headers.etag;
  if (article.status !== 200 || !etag) throw new Error(`GET /api/v1/articles/${slug} answered ${article.status} without an ETag; is the corpus loaded?`);
  return [
    { name: "article page", path: `/artiklar/${slug}`, expectedStatus: 200 },
    { name: "/feed.json", path: "/feed.json", expectedStatus: 200 },
    { name: "article list API", path: "/api/v1/articles", expectedStatus: 200 },
    { name: "article API, If-None-Match (304)", path: `/api/v1/articles/${slug}`, expectedStatus: 304, ifNoneMatch: etag },
    // A word in every corpus article, as a part of compounds too: the search's worst case, ranking all of them.
    { name: "search API", path: "/api/v1/search?q=injektion", expectedStatus: 200 },
    { name: "search page", path: "/sok?q=sm%C3%A4rtor", expectedStatus: 200 },
  ];
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const shape = defaultCorpusShape;
  const database = await openDatabase(options);
  let app: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    console.log(options.databaseUrl ? `Database ${redactDatabaseUrl(database.url)}` : `Embedded database (PGlite) in ${embeddedDataDir}`);
    await applyMigrations(database.url);

    const loadStarted = Date.now();
    const db = createPrismaClient(database.url, { max: 2 });
    const corpus = await loadCorpus(db, shape, (line) => console.log(`  corpus ${line}`)).finally(() => db.$disconnect());
    const corpusSeconds = (Date.now() - loadStarted) / 1000;
    console.log(corpus === "reused" ? "Corpus: already loaded (marker found)" : `Corpus: loaded in ${corpusSeconds.toFixed(0)} s`);

    const port = options.port ?? (await freeLoopbackPort());
    const origin = `http://127.0.0.1:${port}`;
    assertLoopbackTarget(origin);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      // Background jobs (scheduled publishing) are not part of the read path being measured.
      GRANSKAD_WORKERS: "off",
      // The embedded database's socket server delivers no notifications, and the app is its only writer.
      ...(options.databaseUrl ? {} : { GRANSKAD_PUBLIC_CHANGES: "in-process" }),
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: origin,
      PUBLIC_BASE_URL: origin,
    };
    const build = await buildWhenStale(env);

    // The production entry itself (one process: the edge pipeline and Next.js), on the corpus as loaded.
    // Compiled as `npm start` runs it (scripts/server-bundle.mjs): plain JavaScript, no tsx in the app.
    const serverEntry = await bundleServer(process.cwd());
    app = startChild(process.execPath, [serverEntry, "--skip-build", "--no-seed"], { ...env, PORT: String(port), HOST: "127.0.0.1" }, "app");
    await waitFor("the app", app, async () => (await fetch(`${origin}/api/v1/articles?limit=1`)).ok, 120_000);
    const memory = sampleProcessTreeRss(app.pid!);

    // One process per instance: the edge and Next.js in it, no next-server child.
    const appProcesses = processTree(app.pid!).length;
    const targets = await targetsFor(origin);
    const captured = await Promise.all(targets.map((target) => capture(origin, target)));
    for (const [index, response] of captured.entries()) {
      if (response.status !== targets[index]!.expectedStatus) throw new Error(`${targets[index]!.path} answered ${response.status}, expected ${targets[index]!.expectedStatus}`);
    }
    const capturedFile = path.join(os.tmpdir(), `granskad-bench-${process.pid}.json`);
    fs.writeFileSync(capturedFile, JSON.stringify(captured));
    const baselinePort = options.baselinePort ?? (await freeLoopbackPort());
    const baselineOrigin = `http://127.0.0.1:${baselinePort}`;
    baseline = startChild(path.join(binDir, "tsx"), [path.join("scripts", "bench-baseline-server.ts"), capturedFile, String(baselinePort)], process.env, "baseline");
    await waitFor("the baseline server", baseline, async () => (await capture(baselineOrigin, targets[0]!)).status === targets[0]!.expectedStatus, 30_000);

    const results: TargetResult[] = [];
    for (const target of targets) {
      console.log(`Measuring ${target.name} (${target.path}): warm-up, then ${options.durationSeconds} s at ${options.connections} connections, app then baseline`);
      await load(origin, target, 10, 2);
      const appRun = await load(origin, target, options.connections, options.durationSeconds, app.pid);
      await load(baselineOrigin, target, 10, 1);
      const baselineRun = await load(baselineOrigin, target, options.connections, options.durationSeconds);
      results.push({ name: target.name, path: target.path, expectedStatus: target.expectedStatus, app: appRun, baseline: baselineRun });
    }

    // The cost of a miss: distinct article pages, each rendered once, one at a time.
    const missPaths = Array.from({ length: 100 }, (_, index) => `/artiklar/${corpusArticle(index + 1).slug}`);
    console.log(`Measuring ${cacheMissRowName}: ${missPaths.length} distinct article pages, one at a time`);
    const missRun = await sequentialMisses(origin, missPaths, app.pid);
    const articleBaseline = results.find((result) => result.name === "article page")!.baseline;
    results.push({ name: cacheMissRowName, path: "/artiklar/<100 distinct>", expectedStatus: 200, app: missRun, baseline: articleBaseline });

    // On PostgreSQL: a second instance on the same database, throughput summed, and the freshness check.
    let freshness: FreshnessResult | { skipped: string } = { skipped: "needs PostgreSQL (--database-url): the embedded database serves one instance and delivers no notifications" };
    if (options.databaseUrl) {
      const secondPort = await freeLoopbackPort();
      const secondOrigin = `http://127.0.0.1:${secondPort}`;
      const second = startChild(process.execPath, [serverEntry, "--skip-build", "--no-seed"], { ...env, PORT: String(secondPort), HOST: "127.0.0.1" }, "app-2");
      try {
        await waitFor("the second instance", second, async () => (await fetch(`${secondOrigin}/readyz`)).ok, 120_000);
        const article = targets.find((target) => target.name === "article page")!;
        console.log(`Measuring article page on two instances: ${options.durationSeconds} s, ${options.connections} connections split between them`);
        await Promise.all([load(origin, article, 5, 2), load(secondOrigin, article, 5, 2)]);
        const half = Math.max(1, Math.floor(options.connections / 2));
        const both = await Promise.all([load(origin, article, half, options.durationSeconds, app.pid), load(secondOrigin, article, half, options.durationSeconds, second.pid)]);
        results.push({ name: "article page, two instances (summed)", path: article.path, expectedStatus: 200, app: summed(both), baseline: articleBaseline });

        console.log("Freshness: publishing 5 new versions of the benchmark article while readers load both instances");
        const freshnessDb = createPrismaClient(database.url, { max: 3 });
        // The publishes queue jobs (webhooks, notifications) in their transactions, on the app's database,
        // which the job queue finds in DATABASE_URL as in any command; --database-url alone must suffice.
        process.env.DATABASE_URL = database.url;
        // This process publishes as a command would: each publish returns once both instances acknowledged it.
        await configurePublicChangeAcks({ url: database.url, timeoutMs: publicAckTimeoutMsFrom(process.env) });
        try {
          freshness = await runFreshnessCheck(freshnessDb, { articleId: benchmarkArticle().id, slug: benchmarkArticle().slug, origins: [origin, secondOrigin], readers: 8, count: 5, spacingMs: 1_500 });
        } finally {
          await stopPublicChangeAcks();
          await freshnessDb.$disconnect();
        }
      } finally {
        await stopChild(second);
      }
    }

    const peakRssMb = memory.stop();
    await stopChild(baseline);
    await stopChild(app);
    fs.rmSync(capturedFile, { force: true });

    const rows = results.map(reportRow);
    console.log(`\n${formatReport(rows, peakRssMb)}`);
    console.log(`Processes in the app's tree: ${appProcesses} (aim: 1)`);
    console.log(
      "skipped" in freshness
        ? `Stale/mixed responses: not measured (${freshness.skipped})`
        : `Stale/mixed responses while publishing ${freshness.publishes} times: ${freshness.stale} stale (the latest ${freshness.maxStaleLagMs} ms after its commit), ${freshness.mixed} mixed, of ${freshness.responses} (${freshness.errors} errors; aim: 0 and 0)`,
    );
    const finishedAt = new Date();
    const report = {
      finishedAt: finishedAt.toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
      options: { durationSeconds: options.durationSeconds, connections: options.connections, database: options.databaseUrl ? redactDatabaseUrl(options.databaseUrl) : "embedded PGlite" },
      corpus: { shape, status: corpus, seconds: corpusSeconds },
      build,
      peakRssMb,
      appProcesses,
      freshness,
      rows,
      results,
    };
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${finishedAt.toISOString().replaceAll(":", "-")}.json`);
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Results: ${file}`);
  } finally {
    if (baseline) await stopChild(baseline);
    if (app) await stopChild(app);
    await database.stop();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill("SIGTERM");
    process.exit(130);
  });
}

void runCli(main);
