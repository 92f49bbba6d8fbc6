import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// A system Chromium when there is one (CI installs Debian's), else Playwright's own browser
// (scripts/test.mjs installs it where the network allows).
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((candidate) => candidate && fs.existsSync(candidate));
const port = Number(process.env.E2E_PORT ?? 3210);
/** The e2e server's origin, also for requests the specs make outside Playwright's clients (e2e/raw-http.ts). */
export const baseURL = `http://127.0.0.1:${port}`;
/** Written by serve.ts at start: the e2e users and their random passwords (see e2e/fixtures.ts). */
export const e2eUsersFile = `test-results/e2e-users-${port}.json`;

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/e2e-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  // A production build (made by scripts/test.mjs) over a fresh database: in-memory PGlite, or the
  // PostgreSQL in DATABASE_URL, migrated and seeded by serve.ts.
  webServer: {
    command: `node scripts/start.mjs --ephemeral --skip-build --test-users=${e2eUsersFile}`,
    url: `${baseURL}/`,
    // The webhook spec's receiver listens on this machine; production refuses loopback unless allowed.
    // 127.0.0.2 stands for a reverse proxy in front of the app (e2e/edge-trust.spec.ts connects from it);
    // the browser, on 127.0.0.1, is an ordinary client. Request lines (info) would drown the report.
    env: { PORT: String(port), NEXTAUTH_URL: baseURL, GRANSKAD_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1", GRANSKAD_TRUSTED_PROXIES: "127.0.0.2", GRANSKAD_LOG_LEVEL: "warn", GRANSKAD_MAIL_OUTBOX_DIR: `test-results/outbox-${port}` },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
