import { expect, test } from "@playwright/test";

// The feed and the read API over real HTTP from the production build: headers a CDN and a consumer rely
// on, conditional GET, paging, CORS and problem responses. Read-only, so it holds whatever other specs
// publish or withdraw.

test("the JSON feed is served as application/feed+json with a working ETag", async ({ request }) => {
  let etag = "";
  await test.step("fetch the feed", async () => {
    const response = await request.get("/feed.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/feed+json; charset=utf-8");
    expect(response.headers()["cache-control"]).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
    etag = response.headers()["etag"]!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const feed = (await response.json()) as { version: string; feed_url: string; items: { id: string; content_html?: string; _granskad: { withdrawn: boolean } }[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toMatch(/^http:\/\/.+\/feed\.json$/);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items.filter((entry) => !entry._granskad.withdrawn)) expect(item.content_html).toContain("<p>");
  });

  await test.step("a conditional request with the ETag gets 304", async () => {
    const response = await request.get("/feed.json", { headers: { "If-None-Match": etag } });
    expect(response.status()).toBe(304);
  });
});

test("the read API pages with next_cursor, allows other origins and names bad parameters", async ({ request }) => {
  await test.step("page through the articles one at a time", async () => {
    const all = (await (await request.get("/api/v1/articles?limit=100")).json()) as { data: { slug: string }[] };
    const slugs: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await request.get(`/api/v1/articles?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(response.status()).toBe(200);
      const page = (await response.json()) as { data: { slug: string }[]; next_cursor: string | null };
      slugs.push(...page.data.map((article) => article.slug));
      cursor = page.next_cursor;
    } while (cursor && slugs.length <= all.data.length);
    expect(slugs).toEqual(all.data.map((article) => article.slug));
  });

  await test.step("an article is served with CORS and validators, and 304 on its ETag", async () => {
    const response = await request.get("/api/v1/articles/injektioner-mot-ryggsmarta", { headers: { Origin: "https://consumer.example" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    expect(response.headers()["last-modified"]).toBeTruthy();
    const again = await request.get("/api/v1/articles/injektioner-mot-ryggsmarta", { headers: { "If-None-Match": response.headers()["etag"]! } });
    expect(again.status()).toBe(304);
  });

  await test.step("a CORS preflight is answered", async () => {
    const response = await request.fetch("/api/v1/risk-lists", {
      method: "OPTIONS",
      headers: { Origin: "https://consumer.example", "Access-Control-Request-Method": "GET" },
    });
    expect(response.status()).toBe(204);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
  });

  await test.step("a bad limit is a 400 problem naming it; an unknown slug a 404 problem", async () => {
    const bad = await request.get("/api/v1/procedures?limit=1000");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(await bad.json()).toMatchObject({ status: 400, invalid_params: [{ name: "limit" }] });
    const missing = await request.get("/api/v1/risk-lists/finns-inte");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toBe("application/problem+json; charset=utf-8");
  });

  await test.step("the OpenAPI document describes the endpoints", async () => {
    const document = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/articles/{slug}/versions");
  });
});
