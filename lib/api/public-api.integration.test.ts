import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getArticleRoute } from "@/app/api/v1/articles/[slug]/route";
import { GET as getArticleVersionsRoute } from "@/app/api/v1/articles/[slug]/versions/route";
import { GET as listArticlesRoute, OPTIONS as articlesPreflight } from "@/app/api/v1/articles/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as listProceduresRoute } from "@/app/api/v1/procedures/route";
import { GET as getRiskListRoute } from "@/app/api/v1/risk-lists/[slug]/route";
import { GET as listRiskListsRoute } from "@/app/api/v1/risk-lists/route";
import { GET as feedRoute } from "@/app/feed.json/route";
import { seedOverviewArticle, seedRiskLists } from "@/lib/content/seed-content";
import { articleLix, readabilityData } from "@/lib/readability/article-readability";
import { openApiDocument, type OpenApiSchemaName } from "./openapi-document";
import { callRoute, setUpPublicReadFixture, type PublicReadFixture } from "@/test/integration/public-read-fixture";

let fixture: PublicReadFixture;

beforeAll(async () => {
  fixture = await setUpPublicReadFixture("public-api");
});

afterAll(async () => {
  await fixture?.kit.close();
});

const document = openApiDocument("http://localhost:3000");
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);

/** Validates a response body against the OpenAPI document's schema of that name. */
function expectMatchesOpenApi(schemaName: OpenApiSchemaName, body: unknown) {
  const validate = ajv.getSchema(`#/components/schemas/${schemaName}`)!;
  const valid = validate(body);
  expect(validate.errors ?? [], `${schemaName}: ${JSON.stringify(validate.errors)}`).toEqual([]);
  expect(valid).toBe(true);
}

async function jsonOf(response: Response) {
  return JSON.parse(await response.text()) as Record<string, unknown>;
}

const overviewSlug = seedOverviewArticle.slug;

type ProcedureBlock = {
  procedure: { review: { reviewer: { specialty: string | null } | null }; blocks: { riskList?: { version: { id: string } } }[] };
};
const riskListSlug = seedRiskLists[0]!.slug;

/** Every GET endpoint with the path parameters of an item that exists. */
const endpoints = [
  { name: "articles", handler: listArticlesRoute, path: "/api/v1/articles", schema: "ArticlePage" },
  { name: "article", handler: getArticleRoute, path: `/api/v1/articles/${overviewSlug}`, params: { slug: overviewSlug }, schema: "Article" },
  {
    name: "article versions",
    handler: getArticleVersionsRoute,
    path: `/api/v1/articles/${overviewSlug}/versions`,
    params: { slug: overviewSlug },
    schema: "VersionPage",
  },
  { name: "procedures", handler: listProceduresRoute, path: "/api/v1/procedures", schema: "ProcedurePage" },
  { name: "risk lists", handler: listRiskListsRoute, path: "/api/v1/risk-lists", schema: "RiskListPage" },
  { name: "risk list", handler: getRiskListRoute, path: `/api/v1/risk-lists/${riskListSlug}`, params: { slug: riskListSlug }, schema: "RiskList" },
] as const;

describe("read API /api/v1", () => {
  it.each(endpoints)("$name answers 200 with a body matching the OpenAPI document, and caching and CORS headers", async (endpoint) => {
    const response = await callRoute(endpoint.handler, endpoint.path, { params: "params" in endpoint ? endpoint.params : undefined });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{43}"$/);
    expect(new Date(response.headers.get("last-modified")!).getTime()).not.toBeNaN();
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expectMatchesOpenApi(endpoint.schema, await jsonOf(response));
  });

  it.each(endpoints)("$name answers 304 without a body when If-None-Match carries its ETag", async (endpoint) => {
    const params = "params" in endpoint ? endpoint.params : undefined;
    const first = await callRoute(endpoint.handler, endpoint.path, { params });
    const etag = first.headers.get("etag")!;
    const second = await callRoute(endpoint.handler, endpoint.path, { params, headers: { "If-None-Match": `W/"other", ${etag}` } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    expect(second.headers.get("etag")).toBe(etag);
    const stale = await callRoute(endpoint.handler, endpoint.path, { params, headers: { "If-None-Match": '"not-the-etag"' } });
    expect(stale.status).toBe(200);
  });

  it("answers If-Modified-Since with 304 unless something changed after it", async () => {
    const path = `/api/v1/articles/${overviewSlug}`;
    const params = { slug: overviewSlug };
    const lastModified = (await callRoute(getArticleRoute, path, { params })).headers.get("last-modified")!;
    expect((await callRoute(getArticleRoute, path, { params, headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await callRoute(getArticleRoute, path, { params, headers: { "If-Modified-Since": before } })).status).toBe(200);
  });

  it("lists published articles by slug and pages through them with next_cursor", async () => {
    const all = (await jsonOf(await callRoute(listArticlesRoute, "/api/v1/articles?limit=100"))) as { data: { slug: string }[]; next_cursor: null };
    const slugs = all.data.map((article) => article.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(slugs).toContain(overviewSlug);
    expect(all.next_cursor).toBeNull();

    const paged: string[] = [];
    let path = "/api/v1/articles?limit=1";
    for (let pages = 0; pages < 20; pages += 1) {
      const page = (await jsonOf(await callRoute(listArticlesRoute, path))) as { data: { slug: string }[]; next_cursor: string | null };
      expect(page.data).toHaveLength(1);
      paged.push(...page.data.map((article) => article.slug));
      if (!page.next_cursor) break;
      path = `/api/v1/articles?limit=1&cursor=${encodeURIComponent(page.next_cursor)}`;
    }
    expect(paged).toEqual(slugs);
  });

  it("filters by updated_since", async () => {
    const since = async (instant: string) =>
      ((await jsonOf(await callRoute(listArticlesRoute, `/api/v1/articles?limit=100&updated_since=${encodeURIComponent(instant)}`))) as { data: unknown[] }).data;
    expect((await since("2000-01-01T00:00:00Z")).length).toBeGreaterThan(0);
    expect(await since(new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString())).toEqual([]);
  });

  const badParameters = [
    ["limit=0", "limit"],
    ["limit=1000", "limit"],
    ["limit=abc", "limit"],
    ["cursor=%%%garbage", "cursor"],
    [`cursor=${Buffer.from('{"before":1}').toString("base64url")}`, "cursor"],
    ["updated_since=nonsense", "updated_since"],
    ["updated_since=2026-13-01T00:00:00Z", "updated_since"],
  ] as const;

  it.each(badParameters)("answers ?%s with 400 problem+json naming %s", async (query, parameter) => {
    for (const handler of [listArticlesRoute, listProceduresRoute, listRiskListsRoute]) {
      const response = await callRoute(handler, `/api/v1/articles?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      const problem = await jsonOf(response);
      expectMatchesOpenApi("Problem", problem);
      expect(problem).toMatchObject({ status: 400, invalid_params: [expect.objectContaining({ name: parameter })] });
    }
  });

  it("answers unknown slugs with 404 and malformed ones with 400, as problem+json", async () => {
    for (const [handler, path] of [
      [getArticleRoute, "/api/v1/articles/finns-inte"],
      [getArticleVersionsRoute, "/api/v1/articles/finns-inte/versions"],
      [getRiskListRoute, "/api/v1/risk-lists/finns-inte"],
    ] as const) {
      const missing = await callRoute(handler, path, { params: { slug: "finns-inte" } });
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expectMatchesOpenApi("Problem", await jsonOf(missing));
      const malformed = await callRoute(handler, path, { params: { slug: "Inte En Slug!" } });
      expect(malformed.status).toBe(400);
      expect(await jsonOf(malformed)).toMatchObject({ invalid_params: [expect.objectContaining({ name: "slug" })] });
    }
  });

  it("describes an article with its version, review and resolved risk lists", async () => {
    const article = (await jsonOf(await callRoute(getArticleRoute, `/api/v1/articles/${overviewSlug}`, { params: { slug: overviewSlug } }))) as {
      url: string;
      version: { id: string; number: number; contentHash: string };
      review: { reviewer: { name: string; specialty: string | null } | null; overdue: boolean };
      blocks: { type: string; riskList?: { version: { id: string } } }[];
    };
    expect(article.url).toBe(`http://localhost:3000/artiklar/${overviewSlug}`);
    expect(article.version).toMatchObject({ id: seedOverviewArticle.versionId, number: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(article.review.reviewer?.name).toBeTruthy();
    expect(article.review.overdue).toBe(false);
    const procedures = article.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [block as unknown as ProcedureBlock] : []));
    expect(procedures.length).toBeGreaterThan(0);
    for (const { procedure } of procedures) expect(procedure.review.reviewer?.specialty).toBeTruthy();
    const riskLists = procedures.flatMap(({ procedure }) => procedure.blocks.flatMap((block) => (block.riskList ? [block.riskList] : [])));
    expect(riskLists.length).toBeGreaterThan(0);
    for (const riskList of riskLists) expect(riskList.version.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("carries the article's own LIX as readability data, with the patient target", async () => {
    const article = (await jsonOf(await callRoute(getArticleRoute, `/api/v1/articles/${overviewSlug}`, { params: { slug: overviewSlug } }))) as {
      readability: Record<string, unknown>;
    };
    // The seed's published text (version 1; version 2 is a draft), measured by lib/readability.
    const expected = readabilityData(articleLix(seedOverviewArticle.content), 40);
    expect(expected.words).toBeGreaterThan(50);
    expect(article.readability).toEqual(expected);
    expect(article.readability).toMatchObject({ lix: expect.any(Number), band: expect.stringMatching(/^(very_easy|easy|medium|hard|very_hard)$/), target: 40 });
  });

  it("lists only versions that were published, with their status", async () => {
    const versions = (await jsonOf(
      await callRoute(getArticleVersionsRoute, `/api/v1/articles/${overviewSlug}/versions`, { params: { slug: overviewSlug } }),
    )) as { data: { number: number; status: string }[] };
    // Version 2 is a draft: not listed.
    expect(versions.data).toEqual([expect.objectContaining({ number: 1, status: "current" })]);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
    const none = (await jsonOf(
      await callRoute(getArticleVersionsRoute, `/api/v1/articles/${overviewSlug}/versions?updated_since=${tomorrow}`, { params: { slug: overviewSlug } }),
    )) as { data: unknown[] };
    expect(none.data).toEqual([]);
  });

  it("never shows a draft, a withdrawn item or a commenter's e-mail", async () => {
    const bodies = await Promise.all(
      [
        ...endpoints.map((endpoint) => callRoute(endpoint.handler, `${endpoint.path}${"params" in endpoint ? "" : "?limit=100"}`, { params: "params" in endpoint ? endpoint.params : undefined })),
        callRoute(feedRoute, "/feed.json?limit=100"),
      ].map(async (response) => (await response).text()),
    );
    for (const body of bodies) {
      expect(body).not.toContain(fixture.draftMarker.slice(0, 20));
      expect(body).not.toContain(fixture.commenterEmail);
      expect(body).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
    }
    const articles = (await jsonOf(await callRoute(listArticlesRoute, "/api/v1/articles?limit=100"))) as { data: { slug: string }[] };
    expect(articles.data.map((article) => article.slug)).not.toContain(fixture.withdrawnSlug);
    const procedures = (await jsonOf(await callRoute(listProceduresRoute, "/api/v1/procedures?limit=100"))) as { data: { slug: string }[] };
    expect(procedures.data.map((procedure) => procedure.slug)).not.toContain(fixture.withdrawnSlug);
    const withdrawn = await callRoute(getArticleRoute, `/api/v1/articles/${fixture.withdrawnSlug}`, { params: { slug: fixture.withdrawnSlug } });
    expect(withdrawn.status).toBe(404);
    const overview = await callRoute(getArticleRoute, `/api/v1/articles/${overviewSlug}`, { params: { slug: overviewSlug } });
    expect(await overview.text()).not.toContain(`"slug":"${fixture.withdrawnSlug}"`);
  });

  it("answers CORS preflight requests", async () => {
    const response = articlesPreflight();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("serves its OpenAPI 3.1 document, whose schemas compile", async () => {
    const response = await callRoute(openApiRoute, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const served = await jsonOf(response);
    expect(served).toMatchObject({ openapi: "3.1.0", servers: [{ url: "http://localhost:3000/api/v1" }] });
    expect(Object.keys(served.paths as object)).toEqual([
      "/articles",
      "/articles/{slug}",
      "/articles/{slug}/versions",
      "/procedures",
      "/risk-lists",
      "/risk-lists/{slug}",
      "/search",
    ]);
  });

  it("passes Redocly's recommended rules, the localhost server URL of a local request aside", async () => {
    const served = await (await callRoute(openApiRoute, "/api/v1/openapi.json")).text();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "granskad-openapi-"));
    try {
      const file = path.join(folder, "openapi.json");
      fs.writeFileSync(file, served);
      // The CLI exits non-zero on errors; its JSON report on stdout is what is judged. No telemetry, no update check.
      const cli = path.join(process.cwd(), "node_modules/@redocly/cli/bin/cli.js");
      let output: string;
      try {
        output = execFileSync(process.execPath, [cli, "lint", "--extends", "recommended", "--format", "json", file], {
          encoding: "utf8",
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
          stdio: ["ignore", "pipe", "pipe"],
        });
      } catch (error) {
        output = (error as { stdout: string }).stdout;
      }
      const report = JSON.parse(output) as { problems: { ruleId: string; severity: string; location: { pointer: string }[] }[] };
      // The server URL is the public base URL: PUBLIC_BASE_URL in production, else NEXTAUTH_URL (here
      // localhost) in development and tests, which the rule no-server-example.com warns about.
      expect(report.problems.map(({ ruleId, severity, location }) => ({ ruleId, severity, at: location[0]?.pointer }))).toEqual([
        { ruleId: "no-server-example.com", severity: "warn", at: "#/servers/0/url" },
      ]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
