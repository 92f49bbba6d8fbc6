import path from "node:path";
import { expect, test } from "@playwright/test";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { schemaOrgProblems } from "../lib/seo/schema-org-vocabulary";

// Every public page type and the sign-in page, as served by the production build, checked by validators
// nobody on the project wrote: html-validate (its recommended preset, configured in .htmlvalidate.mjs) and
// the schema.org 30.0 vocabulary (lib/seo/schema-org-vocabulary.ts); one title pattern; icons.
// Read-only, so it holds whatever other specs publish.

const pages = [
  { type: "home page", path: "/", title: "Injektioner mot ryggsmärta – Granskad", jsonLd: "WebSite" },
  { type: "overview article", path: "/artiklar/injektioner-mot-ryggsmarta", title: "Injektioner kan hjälpa många typer av ryggsmärtor – Granskad", jsonLd: "MedicalWebPage" },
  { type: "procedure page", path: "/artiklar/facettledsinjektioner", title: "Facettledsinjektioner – Granskad", jsonLd: "MedicalWebPage" },
  { type: "risk-list page", path: "/risklistor/biverkningar-av-kortison", title: "Biverkningar av kortison – Granskad", jsonLd: "MedicalWebPage" },
  { type: "unknown article", path: "/artiklar/finns-inte", title: "Sidan finns inte – Granskad", jsonLd: null },
  { type: "unknown risk list", path: "/risklistor/finns-inte", title: "Sidan finns inte – Granskad", jsonLd: null },
  { type: "unknown path", path: "/sidan/finns-inte", title: "Sidan finns inte – Granskad", jsonLd: null },
  { type: "sign-in page", path: "/logga-in", title: "Logga in – Granskad", jsonLd: null },
];

// The configuration is found as for a file in the project root, where .htmlvalidate.mjs is.
const htmlValidate = new HtmlValidate(new FileSystemConfigLoader());

function jsonLdScripts(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!));
}

for (const { type, path: pagePath, title, jsonLd } of pages) {
  test(`the ${type} is valid HTML, with valid structured data and the site's title pattern`, async ({ request }) => {
    const response = await request.get(pagePath);
    const html = await response.text();

    await test.step("html-validate finds no error", async () => {
      const report = await htmlValidate.validateString(html, path.join(process.cwd(), `served${pagePath === "/" ? "/index" : pagePath}.html`));
      const errors = report.results.flatMap((result) => result.messages.map(({ ruleId, message, selector }) => `${ruleId}: ${message} (${selector})`));
      expect(errors).toEqual([]);
    });

    await test.step("its JSON-LD is valid against the schema.org 30.0 vocabulary", async () => {
      const documents = jsonLdScripts(html);
      expect(documents.map((document) => (document as { "@type"?: unknown })["@type"])).toEqual(jsonLd ? [jsonLd] : []);
      for (const document of documents) expect(schemaOrgProblems(document)).toEqual([]);
    });

    await test.step("its title is the page's own name and the site's, once", async () => {
      expect(html.match(/<title>([^<]*)<\/title>/g)).toEqual([`<title>${title}</title>`]);
    });
  });
}

test("every page names a favicon and a touch icon, and both are served", async ({ page, request }) => {
  await page.goto("/");
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  const icons = [
    { selector: 'link[rel="icon"][type="image/svg+xml"]', contentType: "image/svg+xml" },
    { selector: 'link[rel="apple-touch-icon"]', contentType: "image/png" },
  ];
  for (const { selector, contentType } of icons) {
    const href = await page.locator(selector).getAttribute("href");
    expect(href, selector).toBeTruthy();
    const icon = await request.get(href!);
    expect(icon.status(), href!).toBe(200);
    expect(icon.headers()["content-type"]).toBe(contentType);
    // Icons are static files: browsers and CDNs may keep them, and they carry no page policy.
    expect(icon.headers()["cache-control"], href!).not.toContain("no-store");
    expect(icon.headers()["content-security-policy"], href!).toBeUndefined();
  }
});
