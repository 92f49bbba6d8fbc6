import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Search (README, "Search"): the box in the header of every public page, /sok with ranked, highlighted
// hits, with and without JavaScript, and WCAG 2.1 AA by axe.

async function searchFromHeader(page: Page, phrase: string) {
  const header = page.getByRole("search", { name: "Sök på webbplatsen" });
  await header.getByRole("searchbox", { name: "Sök" }).fill(phrase);
  await header.getByRole("button", { name: "Sök" }).click();
  await page.waitForURL(/\/sok\?q=/);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`search with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the header box on an article page finds procedures by a part of a compound, highlighted", async ({ page }) => {
      await test.step("search from an article's header", async () => {
        await page.goto("/artiklar/facettledsinjektioner");
        await searchFromHeader(page, "injektion");
      });
      await test.step("ranked hits with the matched words marked", async () => {
        await expect(page.getByRole("heading", { level: 1, name: "Sökresultat" })).toBeVisible();
        await expect(page.getByRole("status")).toContainText(/\d+ träffar för ”injektion”/);
        const hits = page.getByTestId("search-hit");
        expect(await hits.count()).toBeGreaterThan(3);
        await expect(hits.first().locator("mark").first()).toContainText(/injektion/i);
        // The page's own box keeps the phrase for a new search.
        await expect(page.getByRole("search", { name: "Ny sökning" }).getByRole("searchbox")).toHaveValue("injektion");
      });
      await test.step("a hit leads to its page", async () => {
        const link = page.getByTestId("search-hit").first().getByRole("link");
        const title = (await link.textContent())!;
        await link.click();
        await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      });
    });

    test("a stem finds inflected forms, and nothing is found for small words alone", async ({ page }) => {
      await page.goto("/sok?q=sm%C3%A4rtor");
      await expect(page.getByRole("status")).toContainText("träff");
      await expect(page.getByTestId("search-hit").first().locator("mark").first()).toContainText(/smärt/i);
      await page.goto("/sok?q=och");
      await expect(page.getByRole("status")).toContainText("bara vanliga småord");
      await expect(page.getByTestId("search-hit")).toHaveCount(0);
    });

    test("bad input is a message on the page, never an error page", async ({ page }) => {
      const response = await page.goto("/sok?q=%20");
      expect(response?.status()).toBe(200);
      await expect(page.getByText("Skriv vad du vill söka efter")).toBeVisible();
      await expect(page.getByRole("searchbox", { name: "Sök efter" })).toHaveAttribute("aria-invalid", "true");
    });
  });
}

for (const width of [375, 1280]) {
  test(`axe finds no WCAG 2.1 AA violations on search results at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/sok?q=injektion", "/sok", "/sok?q=zzzyxw", "/sok?q=%20"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map(({ id, nodes }) => ({ path, id, targets: nodes.map((node) => node.target.join(" ")) }))).toEqual([]);
    }
  });
}

test("the API answers a search as JSON and a bad one with 400", async ({ request }) => {
  const found = await request.get("/api/v1/search?q=injektion&limit=2");
  expect(found.status()).toBe(200);
  expect(found.headers()["cache-control"]).toBe("private, no-cache");
  const body = (await found.json()) as { total: number; data: unknown[]; next_cursor: string | null };
  expect(body.data).toHaveLength(2);
  expect(body.next_cursor).not.toBeNull();
  expect((await request.get("/api/v1/search?q=")).status()).toBe(400);
  expect((await request.get(`/api/v1/search?q=${"x".repeat(300)}`)).status()).toBe(400);
});
