import crypto from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// Readers answer "Var det här till hjälp?" and leave comments, with and without JavaScript; an admin
// moderates; payloads stay inert; a reader's e-mail address appears on no page, in no feed and no API.

const overview = "/artiklar/injektioner-mot-ryggsmarta";
const unique = (label: string) => `${label}-${crypto.randomBytes(4).toString("hex")}`;

type Comment = { name: string; email: string; body: string };

async function fillComment(page: Page, comment: Comment) {
  const form = page.getByTestId("comment-form");
  await form.getByLabel(/^Namn/).fill(comment.name);
  await form.getByLabel(/^E-post/).fill(comment.email);
  await form.getByLabel(/^Kommentar/).fill(comment.body);
  await form.getByRole("button", { name: "Skicka kommentar" }).click();
}

/** Signs in as admin and approves (or rejects, or deletes) the pending comment with this text. */
async function moderate(page: Page, body: string, decision: "Godkänn" | "Avvisa" | "Radera") {
  await page.goto("/admin/kommentarer?status=PENDING");
  const row = page.getByTestId("moderation-row").filter({ hasText: body });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: decision }).click();
  if (decision === "Radera") await row.getByRole("button", { name: "Bekräfta radering" }).click();
  await expect(row).toHaveCount(0);
}

test.describe("with JavaScript", () => {
  test("feedback updates in place, one vote per browser, and a changed mind switches it", async ({ page, browser }) => {
    const article = "/artiklar/facettledsinjektioner";
    await test.step("answer Ja, then Nej, without leaving the page", async () => {
      await page.goto(article);
      await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
      const feedback = page.getByTestId("feedback");
      await feedback.getByRole("button", { name: "Ja" }).click();
      await expect(feedback.getByRole("status")).toHaveText(/Tack för ditt svar \(Ja\)/);
      await expect(feedback.getByRole("button", { name: "Ja" })).toHaveAttribute("aria-pressed", "true");
      await feedback.getByRole("button", { name: "Nej" }).click();
      await expect(feedback.getByRole("status")).toHaveText(/Tack för ditt svar \(Nej\)/);
      expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    });

    await test.step("the cookie is httpOnly and SameSite=Lax", async () => {
      const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "granskad_lasare");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    });

    await test.step("the admin sees one vote, switched to Nej", async () => {
      const admin = await browser.newPage();
      await signIn(admin, "admin");
      await admin.goto("/admin/aterkoppling");
      const row = admin.getByTestId("feedback-article").filter({ hasText: "Facettledsinjektioner" }).getByRole("row").first();
      await expect(row.getByRole("cell")).toHaveText(["0", "1", "0 %"]);
      await admin.close();
    });
  });

  test("a comment is held for moderation, approved by an admin, and its payloads stay inert", async ({ page, browser }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const marker = unique("xss");
    const comment = {
      name: `<img src=x onerror="alert('namn')"><b id="${marker}-name">N</b>`,
      email: `o'hara.${marker}@example.org`,
      body: `<script>alert('text')</script><img src=x onerror=alert(1) id="${marker}-body"> ${marker}`,
    };

    await test.step("invalid fields get Swedish errors from the shared schema before anything is sent", async () => {
      await page.goto(overview);
      await fillComment(page, { name: "", email: "<svg onload=alert(1)>", body: "" });
      const form = page.getByTestId("comment-form");
      await expect(form.getByText("Skriv ditt namn")).toBeVisible();
      await expect(form.getByText(/Skriv en giltig e-postadress/)).toBeVisible();
      await expect(form.getByText("Skriv din kommentar")).toBeVisible();
    });

    await test.step("a valid comment is held: the reader is told, and it is not shown", async () => {
      await page.getByTestId("comment-form").getByLabel(/^Namn/).fill("");
      await fillComment(page, comment);
      await expect(page.getByTestId("comment-held")).toBeVisible();
      await page.reload();
      await expect(page.getByTestId("comments")).not.toContainText(marker);
    });

    await test.step("an admin approves it", async () => {
      const admin = await browser.newPage();
      await signIn(admin, "admin");
      await moderate(admin, marker, "Godkänn");
      await admin.close();
    });

    await test.step("it renders with name, date and text, literally", async () => {
      await page.goto(overview);
      const shown = page.getByTestId("comment").filter({ hasText: marker });
      await expect(shown.locator(".comment-name")).toHaveText(comment.name);
      await expect(shown.locator(".comment-body")).toHaveText(comment.body);
      await expect(shown.locator("time")).toHaveText(/\d{1,2} \p{L}+ \d{4}/u);
      await expect(page.locator(`[id^="${marker}"]`)).toHaveCount(0);
      await expect(page.getByTestId("comments").locator("img, script, svg, b")).toHaveCount(0);
      await expect(page.getByTestId("comments")).not.toContainText(comment.email);
      expect(dialogs).toEqual([]);
    });
  });

  test("an admin rejects and deletes comments; neither is shown; each is in the audit trail", async ({ page, browser }) => {
    const rejected = unique("avvisas");
    const deleted = unique("raderas");
    await page.goto(overview);
    await fillComment(page, { name: "Läsare", email: "a@example.org", body: rejected });
    await expect(page.getByTestId("comment-held")).toBeVisible();
    await page.goto(overview);
    await fillComment(page, { name: "Läsare", email: "b@example.org", body: deleted });
    await expect(page.getByTestId("comment-held")).toBeVisible();

    const admin = await browser.newPage();
    await signIn(admin, "admin");
    await moderate(admin, rejected, "Avvisa");
    await moderate(admin, deleted, "Radera");
    await admin.goto("/admin/kommentarer?status=REJECTED");
    await expect(admin.getByTestId("moderation-row").filter({ hasText: rejected })).toHaveCount(1);
    await admin.goto("/admin/logg");
    const trail = admin.getByTestId("audit-events");
    await expect(trail.getByText("comment.rejected").first()).toBeVisible();
    await expect(trail.getByText("comment.deleted").first()).toBeVisible();
    await expect(trail).toContainText("läsarkommentar raderad");
    await admin.close();

    await page.goto(overview);
    await expect(page.getByTestId("comments")).not.toContainText(rejected);
    await expect(page.getByTestId("comments")).not.toContainText(deleted);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("feedback posts the form and the page comes back with the thank-you; a second vote does not count twice", async ({ page, browser }) => {
    const article = "/artiklar/nervblockader";
    for (const answer of ["Ja", "Ja"]) {
      await page.goto(article);
      await page.getByTestId("feedback").getByRole("button", { name: answer }).click();
      await expect(page.getByTestId("feedback").getByRole("status")).toHaveText(/Tack för ditt svar \(Ja\)/);
    }
    const admin = await browser.newPage({ javaScriptEnabled: true });
    await signIn(admin, "admin");
    await admin.goto("/admin/aterkoppling");
    const row = admin.getByTestId("feedback-article").filter({ hasText: "Nervblockader" }).getByRole("row").first();
    await expect(row.getByRole("cell")).toHaveText(["1", "0", "100 %"]);
    await admin.close();
  });

  test("a comment with errors comes back with Swedish messages and what was typed, inert; a valid one is held", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    const marker = unique("utan-js");
    const badEmail = `"><img src=x onerror=alert(1) id="${marker}">`;

    await page.goto(overview);
    await fillComment(page, { name: "Karin", email: badEmail, body: "" });
    const form = page.getByTestId("comment-form");
    await expect(page.getByRole("alert")).toHaveText(/Kommentaren skickades inte/);
    await expect(form.getByText(/Skriv en giltig e-postadress/)).toBeVisible();
    await expect(form.getByText("Skriv din kommentar")).toBeVisible();
    await expect(form.getByLabel(/^Namn/)).toHaveValue("Karin");
    await expect(form.getByLabel(/^E-post/)).toHaveValue(badEmail);
    await expect(page.locator(`[id="${marker}"]`)).toHaveCount(0);

    await fillComment(page, { name: "Karin", email: "karin@example.org", body: `Tack för informationen ${marker}` });
    await expect(page.getByTestId("comment-held")).toBeVisible();
    await expect(page.getByTestId("comments")).not.toContainText(marker);
    expect(dialogs).toEqual([]);
  });
});

/** Every same-site page reachable from the home page by links, outside the admin and sign-in. */
async function publicPages(request: APIRequestContext): Promise<string[]> {
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  while (queue.length > 0 && seen.size < 200) {
    const path = queue.shift()!;
    const html = await (await request.get(path)).text();
    for (const [, href] of html.matchAll(/href="(\/[^"#?]*)/g)) {
      if (!href || seen.has(href) || /^\/(admin|logga-in|api|_next)/.test(href) || /\.(css|js|ico|png|svg|webmanifest)$/.test(href)) continue;
      seen.add(href);
      queue.push(href);
    }
  }
  return [...seen];
}

/** /api/v1 paths from its OpenAPI document, with every listed slug filled in. */
/**
 * Every GET path of the OpenAPI document, with each item's slug in a path template and, for an operation
 * with required query parameters (search), one path per value of `queryValues` in them.
 */
async function apiPaths(request: APIRequestContext, queryValues: string[]): Promise<string[]> {
  type Operation = { parameters?: { name: string; in: string; required?: boolean }[] };
  const openapi = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, { get?: Operation }> };
  const slugsOf = async (list: string) => ((await (await request.get(`${list}?limit=100`)).json()) as { data?: { slug: string }[] }).data?.map((item) => item.slug) ?? [];
  const articleSlugs = await slugsOf("/api/v1/articles");
  const riskListSlugs = await slugsOf("/api/v1/risk-lists");
  expect(articleSlugs.length).toBeGreaterThan(0);
  return Object.entries(openapi.paths).flatMap(([template, operations]) => {
    const path = `/api/v1${template.replace(/^\/api\/v1/, "")}`;
    const requiredQuery = (operations.get?.parameters ?? []).filter((parameter) => parameter.in === "query" && parameter.required).map((parameter) => parameter.name);
    const withQuery = (base: string) =>
      requiredQuery.length === 0 ? [base] : queryValues.map((value) => `${base}?${new URLSearchParams(requiredQuery.map((name) => [name, value])).toString()}`);
    if (!path.includes("{")) return withQuery(path);
    const slugs = path.startsWith("/api/v1/risk-lists") ? riskListSlugs : articleSlugs;
    return slugs.flatMap((slug) => withQuery(path.replace(/\{[^}]+\}/, slug)));
  });
}

test("a reader's e-mail address appears on no public page, in no feed or API response, and not in the admin", async ({ page, browser, request }) => {
  const email = `${unique("hemlig")}@example.org`;
  const body = unique("e-postsok");
  await test.step("post a comment and have it approved", async () => {
    await page.goto(overview);
    await fillComment(page, { name: "Sökbar Läsare", email, body });
    await expect(page.getByTestId("comment-held")).toBeVisible();
  });
  const admin = await browser.newPage();
  await signIn(admin, "admin");
  await moderate(admin, body, "Godkänn");
  await page.goto(overview);
  await expect(page.getByTestId("comments")).toContainText(body);

  const forms = [email, encodeURIComponent(email), email.split("@")[0]!];
  const assertAbsent = (where: string, text: string) => {
    for (const form of forms) expect(text.toLowerCase(), `${where} contains the e-mail`).not.toContain(form.toLowerCase());
  };

  await test.step("every public page", async () => {
    const pages = await publicPages(request);
    expect(pages).toContain(overview);
    for (const path of pages) assertAbsent(path, await (await request.get(path)).text());
  });

  await test.step("every page of the feed", async () => {
    let next: string | undefined = "/feed.json";
    while (next) {
      const response: APIResponse = await request.get(next);
      expect(response.status()).toBe(200);
      const text: string = await response.text();
      assertAbsent(next, text);
      const nextUrl: string | undefined = (JSON.parse(text) as { next_url?: string }).next_url;
      next = nextUrl ? new URL(nextUrl).pathname + new URL(nextUrl).search : undefined;
    }
  });

  await test.step("every /api/v1 endpoint", async () => {
    // The search is asked for the address itself, its local part and the comment's text.
    const paths = await apiPaths(request, [email, email.split("@")[0]!, body]);
    expect(paths.some((path) => path.includes("injektioner-mot-ryggsmarta"))).toBe(true);
    for (const path of paths) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const text = await response.text();
      // A search answer repeats the asker's own query and its words; what it found must not hold the address.
      assertAbsent(path, path.includes("?") ? JSON.stringify((JSON.parse(text) as { data: unknown }).data) : text);
    }
  });

  await test.step("the admin's moderation, feedback and audit pages", async () => {
    for (const path of ["/admin/kommentarer?status=PENDING", "/admin/kommentarer?status=APPROVED", "/admin/kommentarer?status=REJECTED", "/admin/aterkoppling", "/admin/logg"]) {
      const response = await admin.goto(path);
      expect(response?.status()).toBe(200);
      assertAbsent(path, await admin.content());
    }
    await expect(admin.locator("body")).toBeVisible();
    await admin.goto("/admin/kommentarer?status=APPROVED");
    await expect(admin.getByTestId("moderation-row").filter({ hasText: body })).toHaveCount(1);
  });
  await admin.close();
});
