import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as feedRoute, OPTIONS as feedPreflight } from "@/app/feed.json/route";
import { callRoute, setUpPublicReadFixture, type PublicReadFixture } from "@/test/integration/public-read-fixture";
import { seedArticles, seedOverviewArticle } from "@/lib/content/seed-content";
import { articleLix, readabilityData } from "@/lib/readability/article-readability";
import { buildJsonFeed, withdrawalNoticeDays } from "./json-feed";
import { granskadFeedSchema, jsonFeedSpecSchema, type GranskadFeed } from "./json-feed-schema";

let fixture: PublicReadFixture;

beforeAll(async () => {
  fixture = await setUpPublicReadFixture("json-feed");
});

afterAll(async () => {
  await fixture?.kit.close();
});

async function feedAt(path: string): Promise<GranskadFeed> {
  const response = await callRoute(feedRoute, path);
  expect(response.status).toBe(200);
  return JSON.parse(await response.text()) as GranskadFeed;
}

describe("/feed.json", () => {
  it("is JSON Feed 1.1, served as application/feed+json with caching and CORS headers", async () => {
    const response = await callRoute(feedRoute, "/feed.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{43}"$/);
    expect(response.headers.get("last-modified")).toBeTruthy();
    expect(response.headers.get("cache-control")).toContain("s-maxage=300");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const feed: unknown = JSON.parse(await response.text());
    const spec = jsonFeedSpecSchema.safeParse(feed);
    expect(spec.success ? [] : spec.error.issues).toEqual([]);
    expect(feed).toMatchObject({ version: "https://jsonfeed.org/version/1.1", feed_url: "http://localhost:3000/feed.json", language: "sv" });
  });

  it("rejects what breaks the JSON Feed 1.1 rules (the spec schema can fail)", () => {
    const valid = { version: "https://jsonfeed.org/version/1.1", title: "T", items: [{ id: "1", content_text: "x" }] };
    expect(jsonFeedSpecSchema.safeParse(valid).success).toBe(true);
    for (const broken of [
      { ...valid, version: "1.1" },
      { ...valid, items: [{ id: "1" }] },
      { ...valid, items: [{ id: "1", content_text: "x", url: "/relative" }] },
      { ...valid, items: [{ id: "1", content_text: "x", date_published: "2026-11-24" }] },
      { ...valid, items: [{ id: "1", content_text: "x", authors: [{}] }] },
      { ...valid, items: [{ id: "1", content_text: "x", granskad: {} }] },
      { ...valid, items: [valid.items[0], valid.items[0]] },
    ]) {
      expect(jsonFeedSpecSchema.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
    }
  });

  it("carries every published article once, with content and _granskad provenance", async () => {
    const feed = await feedAt("/feed.json?limit=100");
    const published = feed.items.filter((item) => !item._granskad.withdrawn);
    expect(published.map((item) => item.url).sort()).toEqual(
      seedArticles
        .filter((article) => article.slug !== fixture.withdrawnSlug)
        .map((article) => `http://localhost:3000/artiklar/${article.slug}`)
        .sort(),
    );
    const overview = published.find((item) => item.url.endsWith(seedOverviewArticle.slug))!;
    expect(overview).toMatchObject({
      id: `urn:uuid:${seedOverviewArticle.id}`,
      content_html: expect.stringContaining("<p>"),
      _granskad: {
        withdrawn: false,
        version: { id: seedOverviewArticle.versionId, number: 1, supersedes: null },
        reviewer: { name: expect.any(String), specialty: expect.any(String) },
        overdue: false,
      },
    });
    if (overview._granskad.withdrawn) throw new Error("unreachable");
    // The overview embeds procedures, so it names the risk lists (with versions) that it was served with.
    expect(overview._granskad.riskLists.length).toBeGreaterThan(0);
    for (const riskList of overview._granskad.riskLists) {
      expect(riskList.version.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(riskList.groups[0]?.items[0]).toMatchObject({ severity: expect.any(String), frequency: expect.any(String) });
    }
    // Each item's LIX is that of its own published text.
    for (const article of seedArticles.filter((candidate) => candidate.slug !== fixture.withdrawnSlug)) {
      const item = published.find((candidate) => candidate.url.endsWith(`/${article.slug}`))!;
      if (item._granskad.withdrawn) throw new Error("unreachable");
      expect(item._granskad.readability, article.slug).toEqual(readabilityData(articleLix(article.content), 40));
    }
  });

  it("leaves a withdrawal notice for an unpublished article, and no draft text", async () => {
    const feed = await feedAt("/feed.json?limit=100");
    const notices = feed.items.filter((item) => item._granskad.withdrawn);
    expect(notices).toEqual([
      expect.objectContaining({
        url: `http://localhost:3000/artiklar/${fixture.withdrawnSlug}`,
        content_text: expect.stringContaining("dragits tillbaka"),
        _granskad: expect.objectContaining({ withdrawn: true, withdrawnAt: expect.any(String) }),
      }),
    ]);
    expect(JSON.stringify(feed)).not.toContain(fixture.draftMarker.slice(0, 20));
  });

  it(`drops the withdrawal notice after ${withdrawalNoticeDays} days`, async () => {
    const later = new Date(Date.now() + (withdrawalNoticeDays + 1) * 24 * 60 * 60 * 1000);
    const result = await buildJsonFeed(fixture.kit.db, { limit: 100 }, "http://localhost:3000", later);
    if (!result.ok) throw new Error(result.failure.message);
    const feed = granskadFeedSchema.parse(result.value.body);
    expect(feed.items.some((item) => item._granskad.withdrawn)).toBe(false);
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it("pages with next_url through the same items, and answers 304 to its ETag", async () => {
    const all = await feedAt("/feed.json?limit=100");
    expect(all.next_url).toBeUndefined();
    const ids: string[] = [];
    let path: string | undefined = "/feed.json?limit=2";
    while (path) {
      const page: GranskadFeed = await feedAt(path);
      expect(page.items.length).toBeLessThanOrEqual(2);
      ids.push(...page.items.map((item) => item.id));
      path = page.next_url?.replace("http://localhost:3000", "");
    }
    expect(ids).toEqual(all.items.map((item) => item.id));

    const first = await callRoute(feedRoute, "/feed.json");
    const notModified = await callRoute(feedRoute, "/feed.json", { headers: { "If-None-Match": first.headers.get("etag")! } });
    expect(notModified.status).toBe(304);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["cursor=not-a-cursor", "cursor"],
  ])("answers ?%s with 400 problem+json naming %s", async (query, parameter) => {
    const response = await callRoute(feedRoute, `/feed.json?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(JSON.parse(await response.text())).toMatchObject({ invalid_params: [expect.objectContaining({ name: parameter })] });
  });

  it("answers CORS preflight requests", () => {
    expect(feedPreflight().headers.get("access-control-allow-origin")).toBe("*");
  });
});
