import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { e2eUsers } from "./fixtures";
import { rawRequest, signInOverHttp } from "./raw-http";

/**
 * Issue 8, points 3 and 4 in a real browser: wherever a return path points, the browser lands on this
 * site; the sign-in form posts (never a query string) and works without JavaScript.
 */
const hostileReturnPaths = [
  "//evil.example/",
  "///evil.example/",
  "/\\evil.example/",
  "\\\\evil.example/",
  "/\t/evil.example/",
  "\t//evil.example/",
  "/\n/evil.example/",
  " //evil.example/",
  "/%2F%2Fevil.example/",
  "/%5C%5Cevil.example/",
  "%2F%2Fevil.example/",
  "https://evil.example/",
  "http:evil.example",
  "https://127.0.0.1.evil.example/",
  `${baseURL}@evil.example/`,
  `${baseURL}//evil.example/`,
  "javascript:alert(document.domain)",
  "java\tscript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];

async function signInThroughForm(page: Page, callbackUrl: string) {
  const user = e2eUsers().editor;
  await page.goto(`/logga-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel(/E-post/).fill(user.email);
  await page.getByLabel(/Lösenord/).fill(user.password);
  await page.getByRole("button", { name: /Logga in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logga-in") && !url.pathname.startsWith("/api/auth"));
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`hostile return paths (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });

    test("after sign-in the browser only ever lands on this site", async ({ page, context }) => {
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const value of hostileReturnPaths) {
        await test.step(JSON.stringify(value), async () => {
          await context.clearCookies();
          await signInThroughForm(page, value);
          expect(new URL(page.url()).origin, `${JSON.stringify(value)} led to ${page.url()}`).toBe(baseURL);
        });
      }
      expect(dialogs).toEqual([]);
    });
  });
}

test("next-auth's own redirects (after sign-in and sign-out) stay on this site", async () => {
  const user = e2eUsers().editor;
  for (const value of hostileReturnPaths) {
    const signedIn = await signInOverHttp({ email: user.email, password: user.password, callbackUrl: value });
    expect(signedIn.location.origin, JSON.stringify(value)).toBe(baseURL);
    const csrf = await rawRequest({ path: "/api/auth/csrf" });
    const signOut = await rawRequest({
      method: "POST",
      path: "/api/auth/signout",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: (csrf.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken, callbackUrl: value }).toString(),
    });
    expect(new URL(String(signOut.headers.location), baseURL).origin, JSON.stringify(value)).toBe(baseURL);
  }
});

test.describe("credentials never travel in a URL", () => {
  test.use({ javaScriptEnabled: false });

  test("without JavaScript the form posts, shows a wrong password as a message, and signs in", async ({ page }) => {
    const user = e2eUsers().reviewer;
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));

    await page.goto("/logga-in?callbackUrl=%2Fadmin%2Flogg");
    const form = page.getByTestId("sign-in-form");
    await expect(form).toHaveAttribute("method", "post");
    await page.getByLabel(/E-post/).fill(user.email);
    await page.getByLabel(/Lösenord/).fill("fel-lösenord-utan-js");
    await page.getByRole("button", { name: /Logga in/ }).click();
    await expect(page.getByTestId("sign-in-form").getByRole("alert")).toContainText("Fel e-post eller lösenord");

    await page.getByLabel(/E-post/).fill(user.email);
    await page.getByLabel(/Lösenord/).fill(user.password);
    await page.getByRole("button", { name: /Logga in/ }).click();
    await expect(page).toHaveURL(`${baseURL}/admin/logg`);
    expect((await page.context().cookies()).some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);

    for (const url of urls) {
      expect(url).not.toContain(encodeURIComponent(user.password));
      expect(url).not.toContain(user.password);
      expect(url).not.toContain("fel-l");
    }
  });

  test("e-mail and password in a query string sign nobody in and are taken out of the address", async ({ page }) => {
    const user = e2eUsers().reviewer;
    const query = new URLSearchParams({ email: user.email, password: user.password }).toString();
    await page.goto(`/logga-in?${query}`);
    await expect(page).toHaveURL(`${baseURL}/logga-in?callbackUrl=%2Fadmin`);

    const csrf = await rawRequest({ path: "/api/auth/csrf" });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const cookie = (csrf.headers["set-cookie"] ?? []).map((value) => value.split(";")[0]).join("; ");
    const viaGet = await rawRequest({ path: `/api/auth/callback/credentials?${query}&csrfToken=${csrfToken}`, headers: { cookie } });
    expect((viaGet.headers["set-cookie"] ?? []).some((value) => value.includes("session-token="))).toBe(false);
  });
});
