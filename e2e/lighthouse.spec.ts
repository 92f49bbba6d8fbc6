import fs from "node:fs";
import { chromium, expect, test, type BrowserContext } from "@playwright/test";
import lighthouse from "lighthouse";
import config from "../playwright.config";

// Lighthouse (its default mobile preset: a phone's screen, simulated slow 4G and a slow CPU) on the home
// page, the overview, a procedure and a risk list of the production build. Accessibility, best practices
// and SEO do not depend on timing and must score 100; performance does, on a shared machine, so its score
// and metrics are attached to the test report and never asserted.

const pages = [
  { name: "home page", path: "/" },
  { name: "overview", path: "/artiklar/injektioner-mot-ryggsmarta" },
  { name: "procedure", path: "/artiklar/facettledsinjektioner" },
  { name: "risk list", path: "/risklistor/biverkningar-av-kortison" },
];

const asserted = ["accessibility", "best-practices", "seo"] as const;
const performanceMetrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

const launchOptions = config.projects?.[0]?.use?.launchOptions ?? {};

let context: BrowserContext;
let debuggingPort: number;

// Lighthouse drives its own tab over the DevTools protocol: the browser listens on a port it picks
// (never a fixed one, which another run on the machine may hold) and writes it into its profile folder.
test.beforeAll(async ({}, testInfo) => {
  const profile = testInfo.outputPath("lighthouse-profile");
  context = await chromium.launchPersistentContext(profile, { ...launchOptions, args: [...(launchOptions.args ?? []), "--remote-debugging-port=0"] });
  const portFile = `${profile}/DevToolsActivePort`;
  await expect.poll(() => fs.existsSync(portFile), { message: "Chromium opened no DevTools port" }).toBe(true);
  debuggingPort = Number(fs.readFileSync(portFile, "utf8").split("\n")[0]);
});

test.afterAll(async () => {
  await context?.close();
});

for (const { name, path } of pages) {
  test(`Lighthouse scores the ${name} 100 for accessibility, best practices and SEO`, async ({ baseURL }, testInfo) => {
    test.setTimeout(120_000);
    const result = await lighthouse(`${baseURL}${path}`, {
      port: debuggingPort,
      output: "html",
      logLevel: "error",
      onlyCategories: ["performance", ...asserted],
    });
    expect(result, "Lighthouse returned no result").toBeTruthy();
    const { lhr, report } = result!;
    expect(lhr.runtimeError, lhr.runtimeError?.message).toBeUndefined();

    const performance = {
      score: lhr.categories.performance?.score,
      ...Object.fromEntries(performanceMetrics.map((id) => [id, lhr.audits[id]?.displayValue])),
    };
    // The full report is kept as a file beside the test's other output (test-results/e2e-<port>/).
    const reportFile = testInfo.outputPath(`lighthouse-${path === "/" ? "start" : path.split("/").pop()}.html`);
    fs.writeFileSync(reportFile, String(report));
    await testInfo.attach(`lighthouse ${name}`, { path: reportFile, contentType: "text/html" });
    await testInfo.attach(`lighthouse ${name} performance`, { body: JSON.stringify(performance, null, 2), contentType: "application/json" });
    testInfo.annotations.push({ type: "performance (recorded, not asserted)", description: JSON.stringify(performance) });
    console.log(`Lighthouse performance of the ${name} (recorded, not asserted): ${JSON.stringify(performance)}`);

    // The audits that cost points, named so that a failure says what to fix.
    const failing = (category: (typeof asserted)[number]) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id]!)
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => `${audit.id}: ${audit.title}`);
    for (const category of asserted) {
      expect({ category, score: lhr.categories[category]?.score, failing: failing(category) }).toEqual({ category, score: 1, failing: [] });
    }
  });
}
