import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { seedUuid } from "../lib/content/seed-content";
import { withDatabaseName } from "../lib/db/database-url";
import { freeLoopbackPort } from "../lib/db/embedded-database";
import type { E2eUsers } from "../scripts/e2e-users";
import { confirmReviewChecklist } from "./fixtures";

/**
 * Issue 14, point 3: two app instances (scripts/serve.ts, the production build, two processes) on one
 * PostgreSQL database, as behind a load balancer. Instance B has the article's page, feed and API in its
 * page cache; an unpublish and then a publish, each done through instance A's admin, are seen by B's next
 * anonymous requests within one second (PostgreSQL NOTIFY at commit, B's LISTEN).
 *
 * It needs a PostgreSQL server (PGlite serves one instance): DATABASE_URL's server when that is
 * PostgreSQL (CI's PostgreSQL pass), else the local one on 127.0.0.1:5432 when it answers; without one it
 * is skipped, saying so. It makes a database of its own and drops it afterwards.
 */
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const slug = "facettledsinjektioner";
const publishedVersionId = seedUuid(`article/${slug}/version/1`);
const paths = { page: `/artiklar/${slug}`, api: `/api/v1/articles/${slug}`, feed: "/feed.json" };

type Instance = { origin: string; child: ChildProcess; output: string[]; exited: Promise<number | null> };

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startInstance(databaseUrl: string, publicBaseUrl: string, port: number, extraArgs: string[], env: Record<string, string>): Promise<Instance> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/start.mjs", "--skip-build", ...extraArgs], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: origin,
      PUBLIC_BASE_URL: publicBaseUrl,
      NEXTAUTH_SECRET: "page-cache-instances-spec-secret-0123456789",
      GRANSKAD_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  child.stderr!.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await expect
    .poll(async () => (await fetch(`${origin}/readyz`).catch(() => undefined))?.status, { timeout: 120_000, intervals: [500], message: `instance on ${port}: ${output.slice(-5).join("\n")}` })
    .toBe(200);
  return { origin, child, output, exited };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null) return;
  instance.child.kill("SIGTERM");
  await instance.exited;
}

type Seen = { page: { status: number; title: string | null; cache: string | null }; api: { status: number; title: string | null }; feed: { title: string | null; withdrawn: boolean | null } };

/** What an anonymous reader of instance B gets now, on each surface. */
async function readerSees(origin: string): Promise<Seen> {
  const [page, api, feed] = await Promise.all([fetch(`${origin}${paths.page}`), fetch(`${origin}${paths.api}`), fetch(`${origin}${paths.feed}`)]);
  const html = await page.text();
  const apiBody = api.status === 200 ? ((await api.json()) as { title?: string }) : undefined;
  const feedBody = (await feed.json()) as { items: { url: string; title: string; _granskad: { withdrawn: boolean } }[] };
  const item = feedBody.items.find((candidate) => candidate.url.endsWith(paths.page));
  return {
    page: { status: page.status, title: /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? null, cache: page.headers.get("granskad-cache") },
    api: { status: api.status, title: apiBody?.title ?? null },
    feed: { title: item?.title ?? null, withdrawn: item ? item._granskad.withdrawn : null },
  };
}

/** Fetches each surface (all three, or those named) until instance B answers them from its page cache. */
async function warm(origin: string, surfaces: (keyof typeof paths)[] = ["page", "api", "feed"]): Promise<void> {
  await expect
    .poll(async () => {
      const answers = await Promise.all(surfaces.map((surface) => fetch(`${origin}${paths[surface]}`)));
      return answers.map((answer) => answer.headers.get("granskad-cache"));
    }, { timeout: 20_000, intervals: [200] })
    .toEqual(surfaces.map(() => "hit"));
}

/** Polls `check` for at most one second after `committedAt`: the change must be visible by then. */
async function seenWithinOneSecond(origin: string, check: (seen: Seen) => boolean): Promise<Seen> {
  const committedAt = Date.now();
  let seen = await readerSees(origin);
  while (!check(seen) && Date.now() - committedAt < 1_000) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    seen = await readerSees(origin);
  }
  return seen;
}

async function signedIn(browser: Browser, origin: string, users: E2eUsers, who: keyof E2eUsers): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto("/logga-in");
  await page.getByLabel(/E-post/).fill(users[who].email);
  await page.getByLabel(/Lösenord/).fill(users[who].password);
  await page.getByRole("button", { name: /Logga in/ }).click();
  await expect(page).toHaveURL(/\/admin/);
  return page;
}

test.describe.configure({ timeout: 420_000 });

test("an unpublish and a publish through instance A reach instance B's page, feed and API within one second", async ({ browser }) => {
  test.skip(!(await postgresReachable()), `no PostgreSQL at ${serverUrl.replace(/\/\/[^@]*@/, "//…@")}: two instances need one (PGlite serves a single instance)`);
  const database = `granskad_instances_${crypto.randomBytes(5).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${database}"`);
  const databaseUrl = withDatabaseName(serverUrl, database);
  const usersFile = test.info().outputPath("instance-users.json");
  let a: Instance | undefined;
  let b: Instance | undefined;
  try {
    const [portA, portB] = [await freeLoopbackPort(), await freeLoopbackPort()];
    // One public origin for both, as behind a load balancer, so both build the same absolute URLs.
    const publicBaseUrl = `http://127.0.0.1:${portA}`;
    await test.step("instance A migrates and seeds the database; instance B joins it", async () => {
      a = await startInstance(databaseUrl, publicBaseUrl, portA, [`--test-users=${usersFile}`], {});
      b = await startInstance(databaseUrl, publicBaseUrl, portB, ["--no-seed"], { GRANSKAD_WORKERS: "off" });
    });
    const users = JSON.parse(fs.readFileSync(usersFile, "utf8")) as E2eUsers;

    await test.step("B answers the article's page, the feed and the API from its page cache", async () => {
      await warm(b!.origin);
      const seen = await readerSees(b!.origin);
      expect(seen).toMatchObject({ page: { status: 200, cache: "hit" }, api: { status: 200 }, feed: { withdrawn: false } });
    });

    await test.step("the admin unpublishes the article through A; B's next requests no longer show it", async () => {
      const admin = await signedIn(browser, a!.origin, users, "admin");
      await admin.goto(`/admin/versioner/${publishedVersionId}`);
      const controls = admin.getByTestId("publish-controls");
      await controls.getByRole("button", { name: "Avpublicera" }).click();
      await controls.getByRole("button", { name: "Ja, avpublicera" }).click();
      await expect(admin.getByTestId("version-status")).toHaveText("avpublicerad");
      const seen = await seenWithinOneSecond(b!.origin, (now) => now.page.status === 404 && now.api.status === 404 && now.feed.withdrawn === true);
      expect(seen).toMatchObject({ page: { status: 404 }, api: { status: 404 }, feed: { withdrawn: true } });
      await admin.context().close();
    });

    const newTitle = `Facettledsinjektioner (två instanser ${crypto.randomBytes(3).toString("hex")})`;
    await test.step("a new version is written, reviewed and approved through A", async () => {
      const editor = await signedIn(browser, a!.origin, users, "editor");
      await editor.goto(`/admin/versioner/${publishedVersionId}/redigera`);
      await editor.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
      await expect(editor).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
      await editor.getByLabel("Titel", { exact: true }).fill(newTitle);
      await expect(editor.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
      await editor.getByLabel("Ändringsnotering till granskaren (intern)").fill("E2e: två instanser.");
      await editor.getByLabel("Vad har ändrats (visas för läsaren)").fill("Ny rubrik.");
      await editor.getByRole("button", { name: "Skicka till granskning" }).click();
      await expect(editor).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
      const versionUrl = new URL(editor.url()).pathname;
      await editor.context().close();
      const reviewer = await signedIn(browser, a!.origin, users, "reviewer");
      await reviewer.goto(versionUrl);
      await confirmReviewChecklist(reviewer);
      await reviewer.getByRole("button", { name: "Godkänn versionen" }).click();
      await expect(reviewer.getByTestId("version-status")).toHaveText("godkänd");
      await reviewer.context().close();
      // B's 404s were never stored (only 200s are); the feed with the withdrawal notice is in its cache again.
      await expect.poll(async () => (await fetch(`${b!.origin}${paths.feed}`)).headers.get("granskad-cache"), { timeout: 10_000, intervals: [200] }).toBe("hit");

      await test.step("the admin publishes it through A; B's next requests show the new version everywhere", async () => {
        const admin = await signedIn(browser, a!.origin, users, "admin");
        await admin.goto(versionUrl);
        await admin.getByTestId("publish-controls").getByRole("button", { name: "Publicera nu" }).click();
        await expect(admin.getByTestId("version-status")).toHaveText("publicerad");
        const seen = await seenWithinOneSecond(b!.origin, (now) => now.page.title === newTitle && now.api.title === newTitle && now.feed.title === newTitle);
        expect(seen).toMatchObject({ page: { status: 200, title: newTitle }, api: { status: 200, title: newTitle }, feed: { title: newTitle, withdrawn: false } });
        await admin.context().close();
      });

      // Issue 14, point 4: never stale after commit. A's operation returns only once B has acknowledged
      // the change (lib/content/public-change-acks.ts), so B's first requests after it, made at once and
      // never retried, show the change; without the wait they raced B's notification.
      await test.step("10 unpublish and publish rounds through A: B's first requests after each operation returned show it", async () => {
        const admin = await signedIn(browser, a!.origin, users, "admin");
        await admin.goto(versionUrl);
        const controls = admin.getByTestId("publish-controls");
        const stale: { round: number; after: string; seen: Seen }[] = [];
        for (let round = 1; round <= 10; round += 1) {
          await warm(b!.origin);
          await controls.getByRole("button", { name: "Avpublicera" }).click();
          await controls.getByRole("button", { name: "Ja, avpublicera" }).click();
          // The new status is the action's result: the operation has returned.
          await expect(admin.getByTestId("version-status")).toHaveText("avpublicerad");
          const afterUnpublish = await readerSees(b!.origin);
          if (afterUnpublish.page.status !== 404 || afterUnpublish.api.status !== 404 || afterUnpublish.feed.withdrawn !== true) stale.push({ round, after: "unpublish", seen: afterUnpublish });

          // B's 404s are never stored; its feed (with the withdrawal notice) is what a publish could leave stale.
          await warm(b!.origin, ["feed"]);
          await controls.getByRole("button", { name: "Publicera igen" }).click();
          await expect(admin.getByTestId("version-status")).toHaveText("publicerad");
          const afterPublish = await readerSees(b!.origin);
          if (afterPublish.page.title !== newTitle || afterPublish.api.title !== newTitle || afterPublish.feed.title !== newTitle || afterPublish.feed.withdrawn !== false) stale.push({ round, after: "publish", seen: afterPublish });
        }
        expect(stale).toEqual([]);
        // B acknowledged each of A's changes within the timeout: A warned of no silent instance.
        expect(a!.output.filter((line) => line.includes("not acknowledged"))).toEqual([]);
        await admin.context().close();
      });
    });
  } finally {
    await stopInstance(b);
    await stopInstance(a);
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
  }
});
