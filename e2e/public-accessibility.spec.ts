import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Every public page type: WCAG 2.1 AA by axe-core at phone and desktop width, readable without
// JavaScript, and described for search engines (JSON-LD, canonical URL, sitemap, robots.txt).

const pages = [
  { type: "home", path: "/", heading: "Injektioner mot ryggsmärta", status: 200 },
  { type: "overview article", path: "/artiklar/injektioner-mot-ryggsmarta", heading: "Injektioner kan hjälpa många typer av ryggsmärtor", status: 200 },
  { type: "procedure page", path: "/artiklar/facettledsinjektioner", heading: "Facettledsinjektioner", status: 200 },
  { type: "risk-list page", path: "/risklistor/biverkningar-av-kortison", heading: "Biverkningar av kortison", status: 200 },
  { type: "404", path: "/sidan/finns-inte", heading: "Sidan finns inte", status: 404 },
  { type: "unknown article", path: "/artiklar/finns-inte", heading: "Sidan finns inte", status: 404 },
  { type: "unknown risk list", path: "/risklistor/finns-inte", heading: "Sidan finns inte", status: 404 },
  { type: "sign-in page", path: "/logga-in", heading: "Logga in", status: 200 },
];

for (const width of [375, 1280]) {
  for (const { type, path } of pages) {
    test(`axe finds no WCAG 2.1 AA violations on the ${type} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(" ")) }))).toEqual([]);
    });
  }
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const { type, path, heading, status } of pages) {
    test(`the ${type} is server-rendered with its content`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      await expect(page.locator("html")).toHaveAttribute("lang", "sv");
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    });
  }

  test("a procedure page shows its review, its facts and its risks", async ({ page }) => {
    await page.goto("/artiklar/facettledsinjektioner");
    await expect(page.getByText(/Senast granskad \d{1,2} \p{L}+ \d{4} av .+, .+/u).first()).toBeVisible();
    await expect(page.getByText(/Texten granskas igen senast/).first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Biverkningar av kortison" }).getByRole("listitem").first()).toBeVisible();
  });

  test("the overview's table of contents and collapsed risk lists work without JavaScript", async ({ page }) => {
    await page.goto("/artiklar/injektioner-mot-ryggsmarta");
    await page.getByRole("navigation", { name: "Innehåll" }).getByRole("link", { name: "Sacroiliaca ledinjektioner" }).click();
    const section = page.getByRole("region", { name: "Sacroiliaca ledinjektioner", exact: true });
    await expect(section.getByRole("heading", { name: "Sacroiliaca ledinjektioner" })).toBeInViewport();
    const repeat = section.locator("details").filter({ hasText: "Biverkningar av kortison" });
    await repeat.locator("summary").click();
    await expect(repeat.getByText("binjurebarksvikt")).toBeVisible();
  });

  test("a risk-list page shows its review, its risks and the articles that show it", async ({ page }) => {
    await page.goto("/risklistor/biverkningar-av-kortison");
    const header = page.getByRole("article").locator("header");
    await expect(header.getByText(/Senast granskad \d{1,2} \p{L}+ \d{4} av .+, .+/u)).toBeVisible();
    await expect(header.getByText(/Texten granskas igen senast \d{1,2} \p{L}+ \d{4}/u)).toBeVisible();
    await expect(page.getByRole("region", { name: "Risker" }).getByRole("listitem").filter({ hasText: "sömnlöshet" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Visas i" }).getByRole("link", { name: "Facettledsinjektioner" })).toBeVisible();
  });
});

test("a procedure page carries JSON-LD, a canonical URL and Open Graph tags", async ({ page, baseURL }) => {
  await page.goto("/artiklar/facettledsinjektioner");
  const url = `${baseURL}/artiklar/facettledsinjektioner`;
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", url);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Facettledsinjektioner");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "null");
  expect(jsonLd).toMatchObject({
    "@type": "MedicalWebPage",
    url,
    lastReviewed: expect.any(String),
    reviewedBy: { "@type": "Person", name: expect.any(String), jobTitle: expect.any(String) },
    about: [{ "@type": "MedicalTherapy", name: "Facettledsinjektioner", adverseOutcome: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]) }],
  });
});

test("the sitemap lists every published article and risk list and the glossary; robots.txt lets crawlers read the noindex of sign-in and the admin", async ({ request, page, baseURL }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`<loc>${baseURL}/artiklar/facettledsinjektioner</loc>`);
  expect(sitemap).toContain(`<loc>${baseURL}/risklistor/biverkningar-av-kortison</loc>`);
  expect(sitemap).toContain(`<loc>${baseURL}/ordlista</loc>`);
  expect(sitemap).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  const disallowed = robots
    .split("\n")
    .filter((line) => /^disallow:/i.test(line))
    .map((line) => line.slice("disallow:".length).trim());
  expect(disallowed).toEqual(["/api/auth"]);
  // A crawler that may not fetch a page never sees its noindex: these pages must be fetchable and say noindex.
  for (const path of ["/logga-in", "/admin"]) {
    await page.goto(path);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    expect(disallowed.filter((prefix) => path.startsWith(prefix))).toEqual([]);
  }
});
