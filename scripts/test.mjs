// `npm test`: every suite, in order: typecheck, lint, unit, integration (against a real database:
// in-memory PGlite, or the PostgreSQL in DATABASE_URL), production build, Playwright e2e in Chromium.
// Every stage runs even when an earlier one fails; the last line totals the tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureInstalled, projectRoot } from "./ensure-installed.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureInstalled();

const bin = (name) => path.join(projectRoot, "node_modules", ".bin", name);
const resultsDir = path.join(projectRoot, "test-results");
fs.mkdirSync(resultsDir, { recursive: true });

const failedStages = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function stage(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? "ok" : "FAILED"} (${seconds}s) ===`);
  if (!ok) failedStages.push(name);
  return ok;
}

function countVitest(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    totals.failed += 1;
  }
}

function countPlaywright(file) {
  try {
    const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } catch {
    totals.failed += 1;
  }
}

function vitest(project) {
  const output = path.join(resultsDir, `${project}.json`);
  fs.rmSync(output, { force: true });
  stage(`${project} tests`, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`]);
  countVitest(output);
}

function playwrightBrowserAvailable() {
  if ([process.env.CHROMIUM_PATH, "/usr/bin/chromium"].some((candidate) => candidate && fs.existsSync(candidate))) return true;
  console.log("No system Chromium: installing Playwright's own (needs network access)…");
  return spawnSync(bin("playwright"), ["install", "chromium"], { cwd: projectRoot, stdio: "inherit" }).status === 0;
}

stage("route types", bin("next"), ["typegen"]);
stage("typecheck", bin("tsc"), ["--noEmit"]);
stage("lint", bin("eslint"), ["--max-warnings=0", "."]);
vitest("unit");
vitest("integration");
if (stage("production build", bin("next"), ["build"])) {
  if (playwrightBrowserAvailable()) {
    const output = path.join(resultsDir, "e2e.json");
    fs.rmSync(output, { force: true });
    stage("e2e tests (Chromium)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
    countPlaywright(output);
  } else {
    failedStages.push("e2e tests (no Chromium: set CHROMIUM_PATH)");
  }
}

console.log(failedStages.length ? `\nFailed stages: ${failedStages.join(", ")}` : "\nAll stages passed.");
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length || totals.failed ? 1 : 0);
