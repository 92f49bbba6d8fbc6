import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { signIn } from "./fixtures";

// Security and caching headers from the production build (proxy.ts, lib/security/security-headers.ts),
// and that every page type works under the Content-Security-Policy: no violation is reported, Next.js's
// own scripts run, and a script that reaches the markup without the nonce does not.

const pageCacheControl = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";
const jsonCacheControl = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";
/** A seeded article no other spec edits: this spec opens a draft of it. */
const radiofrequencyArticleV1 = seedUuid("article/radiofrekvensablation/version/1");

type HeaderSource = Response | APIResponse;

function expectHeadersOnEveryResponse(response: HeaderSource): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The e2e server is a production build on http://127.0.0.1: not https production, so no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Checks a page's headers and returns the nonce of its policy. */
function expectPageHeaders(response: HeaderSource | null, cacheControl: string | RegExp): string {
  expect(response).not.toBeNull();
  expectHeadersOnEveryResponse(response!);
  const policy = response!.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(policy).toContain("frame-ancestors 'none'");
  if (typeof cacheControl === "string") expect(response!.headers()["cache-control"]).toBe(cacheControl);
  else expect(response!.headers()["cache-control"]).toMatch(cacheControl);
  return /'nonce-([^']+)'/.exec(policy)![1]!;
}

/**
 * Records what the browser refuses under the policy: `securitypolicyviolation` events (listened for
 * before any page script runs) and console errors that name the policy.
 */
async function watchPolicyViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  return async () => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

/** Next.js's client runtime sets `window.next` once its (nonce-bearing) scripts have run. */
async function expectNextScriptsRan(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
}

test("public pages carry the nonce policy and CDN caching, and run Next.js's scripts without a violation", async ({ page, request }) => {
  const violations = await watchPolicyViolations(page);

  for (const path of ["/", "/artiklar/injektioner-mot-ryggsmarta", "/artiklar/facettledsinjektioner"]) {
    await test.step(`${path}: headers, every script carries this response's nonce, no violation`, async () => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const nonce = expectPageHeaders(response, pageCacheControl);
      const html = await response!.text();
      const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length).toBeGreaterThan(0);
      for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
      await expectNextScriptsRan(page);
      expect(await violations()).toEqual([]);
    });
  }

  await test.step("every response has its own nonce, from the page cache too", async () => {
    const responses = [await request.get("/"), await request.get("/"), await request.get("/")];
    const nonces = responses.map((response) => expectPageHeaders(response, pageCacheControl));
    expect(new Set(nonces).size).toBe(3);
    expect(responses.slice(1).map((response) => response.headers()["granskad-cache"])).toEqual(["hit", "hit"]);
    for (const [index, response] of responses.entries()) {
      const html = await response.text();
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonces[index]}"`);
    }
  });

  await test.step("a page answered from the page cache, then revalidated with a 304, runs without a violation", async () => {
    const path = "/artiklar/facettledsinjektioner";
    // The visits above built it (a miss); this one and the reload come from the cache.
    const hit = await page.goto(path);
    expect(hit?.headers()["granskad-cache"]).toBe("hit");
    const nonce = expectPageHeaders(hit, pageCacheControl);
    for (const tag of (await hit!.text()).match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    // Next.js's preload Link header names the nonce too: the fresh one.
    for (const match of (hit!.headers().link ?? "").matchAll(/nonce="([^"]+)"/g)) expect(match[1]).toBe(nonce);
    await expectNextScriptsRan(page);
    // The browser revalidates its copy (If-None-Match); the 304 carries no policy to replace the stored one's.
    const revalidated = await request.get(path, { headers: { "If-None-Match": hit!.headers().etag! } });
    expect(revalidated.status()).toBe(304);
    expect(revalidated.headers()["content-security-policy"]).toBeUndefined();
    await page.reload();
    await expectNextScriptsRan(page);
    expect(await violations()).toEqual([]);
  });

  await test.step("the not-found pages render per request with the nonce, and run without a violation", async () => {
    for (const [path, cacheControl] of [
      // The proxy rewrites an unpublished slug to the not-found page (proxy.ts), which Next.js answers
      // as it answers unmatched paths: with a private Cache-Control, so no CDN keeps the 404 of an
      // article that is about to be published.
      ["/artiklar/finns-inte", /^private, .*no-store/],
      ["/sidan-finns-inte", /^private, .*no-store/],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      const nonce = expectPageHeaders(response, cacheControl);
      expect(await response!.text()).toContain(`nonce="${nonce}"`);
      await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
      await expectNextScriptsRan(page);
    }
    expect(await violations()).toEqual([]);
  });

  await test.step("the sign-in page is private and its form works under the policy", async () => {
    const response = await page.goto("/logga-in");
    expectPageHeaders(response, "private, no-store");
    await expectNextScriptsRan(page);
    await page.getByLabel(/E-post/).fill("ingen@granskad.local");
    await page.getByLabel(/Lösenord/).fill("fel-losenord-123");
    await page.getByRole("button", { name: /Logga in/ }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});

test("the feed and the API carry the headers every response gets, a data-only policy and their own caching", async ({ request }) => {
  for (const path of ["/feed.json", "/api/v1/articles", "/api/v1/articles/injektioner-mot-ryggsmarta", "/api/v1/risk-lists/finns-inte"]) {
    await test.step(path, async () => {
      const response = await request.get(path);
      expectHeadersOnEveryResponse(response);
      expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers()["cache-control"]).toBe(response.status() === 200 ? jsonCacheControl : "no-store");
    });
  }
  await test.step("the sign-in endpoints are never cached", async () => {
    const session = await request.get("/api/auth/session");
    expectHeadersOnEveryResponse(session);
    expect(session.headers()["cache-control"]).toBe("private, no-store");
  });
});

test("admin pages are private, unframeable and work under the policy", async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await signIn(page, "editor");

  for (const path of ["/admin", "/admin/innehall", `/admin/versioner/${radiofrequencyArticleV1}`]) {
    await test.step(`${path}: private, no violation`, async () => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      expectPageHeaders(response, "private, no-store");
      await expectNextScriptsRan(page);
      expect(await violations()).toEqual([]);
    });
  }

  await test.step("the draft editor loads, autosaves through its server action and reports no violation", async () => {
    await page.goto(`/admin/versioner/${radiofrequencyArticleV1}/redigera`);
    await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
    await page.waitForURL((url) => /^\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/.test(url.pathname) && !url.pathname.includes(radiofrequencyArticleV1));
    const response = await page.reload();
    expectPageHeaders(response, "private, no-store");
    await page.getByLabel("Ingress").fill("Sammanfattning skriven under säkerhetspolicyn (e2e)");
    await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
    expect(await violations()).toEqual([]);
  });

  await test.step("with a session, even a public page is private", async () => {
    const response = await page.goto("/");
    expectPageHeaders(response, "private, no-store");
  });
});

test("a script that reaches the page without the nonce does not run", async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  const articlePath = "/artiklar/injektioner-mot-ryggsmarta";

  await test.step("markup injected into the served HTML (a stored XSS) is refused; Next.js's scripts still run", async () => {
    await page.route(`**${articlePath}`, async (route) => {
      const original = await route.fetch();
      const injected = (await original.text()).replace(
        "</main>",
        '<script>window.injectedInline = true</script><img src="/" alt="" onerror="window.injectedHandler = true"></main>',
      );
      await route.fulfill({ response: original, body: injected });
    });
    const response = await page.goto(articlePath);
    expectPageHeaders(response, pageCacheControl);
    await expectNextScriptsRan(page);
    const ran = await page.evaluate(() => ({
      inline: "injectedInline" in window,
      handler: "injectedHandler" in window,
    }));
    expect(ran).toEqual({ inline: false, handler: false });
    await expect.poll(async () => (await violations()).filter((violation) => violation.includes("inline")).length).toBeGreaterThanOrEqual(2);
  });
});
