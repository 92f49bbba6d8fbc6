import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { as, snapshot } from "./fixtures";
import { baseURL } from "../playwright.config";
import { rawRequest } from "./raw-http";

/*
 * External review (issue 11.2) in real Chromium against the production build. The nerve-block article is
 * edited only by this spec. The expert's browser is a fresh context with no cookies at all.
 */

const nerveBlocksV1 = seedUuid("article/nervblockader/version/1");
const run = Math.random().toString(36).slice(2, 8);
const addedSentence = ` Extern kontroll ${run} av nervblockaden.`;
const expert = { name: `Eva Extern ${run}`, title: "Överläkare, specialist i anestesi", email: `eva.${run}@sjukhus.example` };

test.describe.configure({ mode: "serial" });

let versionUrl = "";
let link = "";

/** The reviewer invites the expert on the version's review screen; returns the link shown once. */
async function inviteThroughReviewScreen(browser: Browser): Promise<string> {
  return as(browser, "reviewer", async (page) => {
    await page.goto(versionUrl);
    const panel = page.getByTestId("external-review");
    await panel.getByLabel("Namn").fill(expert.name);
    await panel.getByLabel("Titel").fill(expert.title);
    await panel.getByLabel("E-post").fill(expert.email);
    await panel.getByRole("button", { name: "Bjud in och skicka länken" }).click();
    const shown = panel.getByTestId("external-review-link");
    await expect(shown).toHaveValue(/\/extern-granskning\/[A-Za-z0-9_-]{43}$/);
    await expect(panel.getByTestId("external-invitation").first()).toContainText(expert.name);
    await expect(panel.getByTestId("external-invitation").first().getByTestId("external-invitation-state")).toHaveText("aktiv");
    await snapshot(page, "external-review-invited");
    return shown.inputValue();
  });
}

/** WCAG 2.1 AA (axe) on the page as it is. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function cookielessContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  expect(await context.cookies()).toEqual([]);
  return context;
}

test("a reviewer invites an outside expert, who reviews through the link with no sign-in; the comments are in the review, marked external", async ({ browser }) => {
  test.setTimeout(180_000);

  await test.step("an editor submits a new version of the nerve-block article", () =>
    as(browser, "editor", async (page) => {
      await page.goto(`/admin/versioner/${nerveBlocksV1}/redigera`);
      await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
      await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
      const text = page.getByRole("group", { name: "Block 1: Stycke" }).getByLabel("Text", { exact: true });
      await text.click();
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.type(addedSentence);
      await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
      await page.getByLabel("Ändringsnotering till granskaren (intern)").fill(`Extern granskning ${run}`);
      await page.getByLabel("Vad har ändrats (visas för läsaren)").fill("Förtydligat.");
      await page.getByRole("button", { name: "Skicka till granskning" }).click();
      await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
      // An editor can neither invite nor see the invitations.
      await expect(page.getByTestId("external-review")).toHaveCount(0);
      versionUrl = new URL(page.url()).pathname;
    }),
  );

  link = await test.step("the reviewer invites the expert and is shown the link once", () => inviteThroughReviewScreen(browser));

  const expertContext = await cookielessContext(browser);
  try {
    const page = await expertContext.newPage();
    await test.step("the expert opens the link in a browser with no cookies: the version and its diff against the published one, never indexed or cached", async () => {
      const response = await page.goto(link);
      expect(response?.status()).toBe(200);
      const headers = response!.headers();
      expect(headers["cache-control"]).toBe("no-store");
      expect(headers["x-robots-tag"]).toContain("noindex");
      expect(headers["referrer-policy"]).toBe("no-referrer");
      expect(headers["granskad-cache"]).toBeUndefined();
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nervblockader");
      await expect(page.getByTestId("external-intro")).toContainText(`${expert.name}, ${expert.title} (extern granskare)`);
      await expect(page.getByTestId("diff-baseline")).toContainText("Jämfört med den publicerade versionen");
      await expect(page.locator("ins").filter({ hasText: `${run}` }).first()).toBeVisible();
      await expect(page.getByTestId("external-standing")).toHaveCount(0);
      // Nothing on the page leads into the admin, and nothing approves or publishes.
      expect(await page.locator('a[href^="/admin"]').count()).toBe(0);
      await expect(page.getByRole("button", { name: /Godkänn|Publicera|Begär ändringar/ })).toHaveCount(0);
      await expectAccessible(page);
      await snapshot(page, "external-review-expert-page");
    });

    await test.step("the expert comments on a block and on the whole version", async () => {
      const form = page.getByTestId("expert-comment-form");
      await form.getByLabel("Gäller").selectOption({ index: 1 });
      await form.getByLabel("Kommentar").fill(`Ange vilket bedövningsmedel som används (${run}).`);
      await form.getByRole("button", { name: "Skicka kommentar" }).click();
      await expect(page.getByTestId("expert-comment-saved")).toBeVisible();
      await expect(page.getByTestId("external-own-comments")).toContainText(`Ange vilket bedövningsmedel som används (${run}).`);
      await form.getByLabel("Gäller").selectOption({ label: "Hela versionen" });
      await form.getByLabel("Kommentar").fill(`I övrigt korrekt (${run}).`);
      await form.getByRole("button", { name: "Skicka kommentar" }).click();
      await expect(page.getByTestId("external-own-comments").getByRole("listitem")).toHaveCount(2);
      expect(await expertContext.cookies()).toEqual([]);
      await snapshot(page, "external-review-expert-commented");
    });

    await test.step("the reviewer sees the expert's comments in the review, marked external, and the e-mail went to the outbox", () =>
      as(browser, "reviewer", async (reviewer) => {
        await reviewer.goto(versionUrl);
        const external = reviewer.getByTestId("comments").getByTestId("external-comment");
        await expect(external).toHaveCount(2);
        await expect(external.first()).toContainText(`${expert.name}, ${expert.title} (extern granskare)`);
        await expect(external.first()).toContainText("Om blocket 1. Stycke: Nervblockader stoppa");
        await expect(reviewer.getByTestId("external-invitation").first()).toContainText("Kommentarer: 2");
        await expectAccessible(reviewer);
        await snapshot(reviewer, "external-review-reviewer-sees-comments");
      }),
    );

    await test.step("the admin finds the invitation e-mail with the link in the outbox", () =>
      as(browser, "admin", async (admin) => {
        await admin.goto("/admin/utkorg");
        const message = admin.getByTestId("outbox").getByRole("listitem").filter({ hasText: expert.email });
        await expect(message.first()).toContainText(link, { timeout: 20_000 });
      }),
    );

    await test.step("once revoked, the link is a 410 page, and the expert's open page can no longer comment", async () => {
      await as(browser, "reviewer", async (reviewer) => {
        await reviewer.goto(versionUrl);
        await reviewer.getByRole("button", { name: `Återkalla länken för ${expert.name}, ${expert.title}` }).click();
        await expect(reviewer.getByTestId("external-invitation").first().getByTestId("external-invitation-state")).toHaveText("återkallad");
      });
      const form = page.getByTestId("expert-comment-form");
      await form.getByLabel("Kommentar").fill("Efter återkallelsen");
      await form.getByRole("button", { name: "Skicka kommentar" }).click();
      await expect(form.getByRole("alert")).toContainText("återkallats");
      const response = await page.goto(link);
      expect(response?.status()).toBe(410);
      expect(response!.headers()["cache-control"]).toBe("no-store");
      await expect(page.getByTestId("external-review-refusal")).toContainText("återkallats");
      await expectAccessible(page);
      await snapshot(page, "external-review-revoked");
    });
  } finally {
    await expertContext.close();
  }
});

/** Every admin page, with its dynamic segments filled in (an id the token does not name, or the version). */
function adminPagePaths(versionId: string): string[] {
  const root = path.join(process.cwd(), "app", "admin");
  return fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("page.tsx"))
    .map((file) => `/admin/${path.dirname(file).split(path.sep).join("/")}`.replace(/\/\.$/, ""))
    .map((route) => route.replace("[versionId]", versionId).replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000"));
}

/** Every server action in the production build, with a page it is bound to (the path a browser would post it to). */
function serverActions(versionId: string): { id: string; name: string; pagePath: string }[] {
  type Entry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, Entry> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const pagePath =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace("[slug]", "nervblockader")
        .replace("[versionId]", versionId)
        .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000") || "/";
    return { id, name: `${entry.filename ?? "?"} › ${entry.exportedName ?? "?"}`, pagePath };
  });
}

test("with only the token and no cookie, nothing but the expert's own page is reachable: every admin page, admin route and server action refuses", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(versionUrl).not.toBe("");
  const token = (await test.step("a new link for the same version", () => inviteThroughReviewScreen(browser))).split("/").pop()!;
  const versionId = versionUrl.split("/").pop()!;
  const withToken = { Authorization: `Bearer ${token}`, "X-External-Review-Token": token, Referer: `http://127.0.0.1/extern-granskning/${token}` };

  await test.step("every admin page redirects to sign-in, with the token in the query, a header or the referrer, as a page or an RSC request", async () => {
    const pages = adminPagePaths(versionId);
    expect(pages.length).toBeGreaterThan(15);
    for (const pagePath of pages) {
      for (const headers of [withToken, { ...withToken, RSC: "1" }]) {
        let response = await rawRequest({ path: `${pagePath}?token=${token}&t=${token}`, headers });
        // Next.js first sends an RSC request to the same address with its cache-busting `_rsc` parameter.
        if ("RSC" in headers && response.headers.location?.includes("_rsc")) response = await rawRequest({ path: response.headers.location, headers });
        const where = `${pagePath} ${"RSC" in headers ? "(RSC)" : ""}: ${response.status} ${response.headers.location ?? ""}`;
        if (response.status === 200) {
          // An RSC answer carries the redirect in its payload rather than as a status.
          expect("RSC" in headers, where).toBe(true);
          expect(response.body, where).toMatch(/NEXT_REDIRECT[^"]*\/logga-in/);
        } else {
          expect([302, 303, 307], where).toContain(response.status);
          expect(response.headers.location ?? "", where).toMatch(/\/logga-in/);
        }
        expect(response.body, where).not.toContain(expert.email);
        expect(response.body, where).not.toContain(addedSentence.trim());
      }
    }
  });

  await test.step("next-auth gives no session for the token", async () => {
    const session = await rawRequest({ path: "/api/auth/session", headers: withToken });
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body || "{}")).toEqual({});
  });

  await test.step("the token opens only its own path: any other spelling is a 404 and writes nothing", async () => {
    for (const other of [`/extern-granskning/${token}/x`, `/extern-granskning/${token.slice(0, -1)}`, `/extern-granskning/${token}A`, `/extern-granskning`]) {
      const response = await rawRequest({ path: other });
      expect(response.status, other).toBe(404);
    }
  });

  await test.step("every server action, posted from the expert's page with the token in every argument, refuses (the comment action only to bad input)", async () => {
    const actions = serverActions(versionId);
    expect(actions.length).toBeGreaterThan(20);
    const argument = { token, versionId, invitationId: versionId, userId: versionId, commentId: versionId, subscriptionId: versionId, contentHash: "a".repeat(64), body: "", roles: ["ADMIN"], active: true };
    for (const { id, name, pagePath } of actions) {
      const response = await rawRequest({
        method: "POST",
        path: pagePath,
        headers: { ...withToken, "Next-Action": id, Origin: new URL(baseURL).origin, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        body: JSON.stringify([argument, argument]),
      });
      // The action ran (it answered with its typed result) and refused.
      expect(response.status, name).toBeLessThan(500);
      expect(response.body, name).not.toMatch(/"ok":true/);
      // isSignedIn answers false; every other action its typed refusal (a reader form: its failed state).
      const refusal = name.endsWith("› isSignedIn") ? /^1:false$/m : /"ok":false|"status":"(invalid|failed)"/;
      expect(response.body, `${name} at ${pagePath}: ${response.status} ${response.body.slice(0, 200)}`).toMatch(refusal);
    }
  });

  await test.step("the version is still in review and has only the expert's two comments", () =>
    as(browser, "reviewer", async (reviewer) => {
      await reviewer.goto(versionUrl);
      await expect(reviewer.getByTestId("version-status")).toHaveText("under granskning");
      await expect(reviewer.getByTestId("comments").getByRole("listitem")).toHaveCount(2);
    }),
  );
});
