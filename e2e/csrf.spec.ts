import { expect, request as playwrightRequest, test, type Page, type Request } from "@playwright/test";
import { e2eUsers, signIn } from "./fixtures";

/** A server-action POST as the browser sent it: its URL, headers (Next-Action among them) and body. */
type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/** Saves the profile form of `userName` with `title` and captures the server-action request it sends. */
async function saveTitleThroughForm(page: Page, userName: string, title: string): Promise<CapturedAction> {
  await page.goto("/admin/anvandare");
  await page.getByRole("link", { name: userName }).click();
  await page.getByLabel("Titel").fill(title);
  const sent = page.waitForRequest((request: Request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Spara uppgifter" }).click();
  const request = await sent;
  await expect(page.getByText("Uppgifterna är sparade.")).toBeVisible();
  return { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? "" };
}

/** The captured request again, from the same signed-in browser context, with a new title and other origin headers. */
async function replay(page: Page, captured: CapturedAction, title: string, originHeaders: Record<string, string | undefined>) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...captured.headers, origin: undefined, referer: undefined, ...originHeaders })) {
    if (value !== undefined && !name.startsWith(":") && name !== "cookie" && name !== "content-length") headers[name] = value;
  }
  return page.request.post(captured.url, { headers, data: captured.body.replace(/"title":"[^"]*"/, `"title":"${title}"`), maxRedirects: 0 });
}

async function storedTitle(page: Page, userName: string): Promise<string> {
  await page.goto("/admin/anvandare");
  await page.getByRole("link", { name: userName }).click();
  return page.getByLabel("Titel").inputValue();
}

test("a cross-site server-action POST changes nothing, and sign-in needs next-auth's CSRF token", async ({ page, baseURL }) => {
  const users = e2eUsers();
  const target = users.secondEditor.name;
  let captured: CapturedAction;

  await test.step("an admin saves a user's title through the form; the request is captured", async () => {
    await signIn(page, "admin");
    captured = await saveTitleThroughForm(page, target, "Specialistläkare");
    expect(captured.headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
    expect(captured.body).toContain("Specialistläkare");
  });

  await test.step("the session cookie is HttpOnly and SameSite=Lax", async () => {
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => /next-auth\.session-token$/.test(cookie.name));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });

  await test.step("replayed with Origin https://evil.example (or the opaque origin null) it is refused and the title stays", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const response = await replay(page, captured, `Ändrad från ${origin}`, { origin });
      // Next.js answers an origin mismatch with 500 and an error digest, without running the action.
      expect(response.ok(), `Origin: ${origin}`).toBe(false);
      expect(await response.text()).not.toContain('"ok":true');
    }
    expect(await storedTitle(page, target)).toBe("Specialistläkare");
  });

  await test.step("a form on evil.example that posts the action in a real browser changes nothing", async () => {
    const attacker = await page.context().newPage();
    await attacker.route("http://evil.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" enctype="multipart/form-data" action="${captured.url}">
          <input name="$ACTION_ID_${captured.headers["next-action"]}"><input name="title" value="Ändrad av formulär">
        </form><script>document.forms[0].submit()</script>`,
      }),
    );
    const posted = attacker.waitForResponse((response) => response.url() === captured.url && response.request().method() === "POST");
    await attacker.goto("http://evil.example/attack.html");
    const response = await posted;
    expect(response.request().headers()["origin"]).toBe("http://evil.example");
    expect(response.ok()).toBe(false);
    await attacker.close();
    expect(await storedTitle(page, target)).toBe("Specialistläkare");
  });

  await test.step("the same replay from this site's own origin does change it (so the refusals above are the origin's doing)", async () => {
    const response = await replay(page, captured, "Överläkare", { origin: new URL(baseURL!).origin });
    expect(response.status()).toBe(200);
    expect(await storedTitle(page, target)).toBe("Överläkare");
  });

  await test.step("a credentials sign-in POST without next-auth's CSRF token is refused; with it, it signs in", async () => {
    const admin = users.admin;
    const form = { email: admin.email, password: admin.password, callbackUrl: "/admin", json: "true" };
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const withoutToken = await anonymous.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
    expect(await withoutToken.json()).toMatchObject({ url: expect.stringContaining("csrf=true") });
    expect((await anonymous.storageState()).cookies.map((cookie) => cookie.name)).not.toContainEqual(expect.stringMatching(/session-token/));
    const signInPage = await anonymous.get("/admin", { maxRedirects: 0 });
    expect(signInPage.headers()["location"] ?? "").toContain("/logga-in");

    const { csrfToken } = (await (await anonymous.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await anonymous.post("/api/auth/callback/credentials", { form: { ...form, csrfToken }, maxRedirects: 0 });
    expect((await anonymous.storageState()).cookies.map((cookie) => cookie.name)).toContainEqual(expect.stringMatching(/session-token/));
    await anonymous.dispose();
  });
});
