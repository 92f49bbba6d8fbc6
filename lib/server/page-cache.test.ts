import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advancePublicGeneration, setPublicCachesTrusted } from "@/lib/content/public-generation";
import { pageCacheStoreHeader } from "@/lib/http/cache-tags";
import { createCspNonce } from "@/lib/security/content-security-policy";
import { PageCache, cacheableRequest, pageCacheBytesFrom, pageCacheHandler } from "./page-cache";
import { proxyTrustFrom } from "./proxy-trust";
import { createRequestPipeline } from "./request-pipeline";

/**
 * The page cache in the real edge pipeline over HTTP, in front of a stand-in for Next.js that behaves
 * like the app where it matters: pages get a fresh CSP nonce in the header and on their scripts and are
 * streamed in pieces, unknown slugs are 404, the admin is private, the API marks a canonical query as
 * storable. `renders` counts what reached the stand-in.
 */
let renders = 0;
let holdSlow: Promise<void> = Promise.resolve();

function page(response: http.ServerResponse, slug: string, extra = "") {
  const nonce = createCspNonce();
  response.setHeader("Content-Security-Policy", `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'`);
  response.setHeader("Cache-Control", "public, max-age=0, s-maxage=60, stale-while-revalidate=300");
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Vary", "RSC, Accept-Encoding");
  response.setHeader("Link", `</a.css>; rel=preload; as="style"; nonce="${nonce}"`);
  response.writeHead(200);
  response.write(`<!DOCTYPE html><html><head><script nonce="${nonce}" src="/a.js"></script></head>`);
  response.write(`<body><h1>${slug}</h1>${extra}<script nonce="${nonce}">self.x=1</script></body></html>`);
  response.end();
}

async function fakeNext(request: http.IncomingMessage, response: http.ServerResponse) {
  renders += 1;
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/artiklar/finns-inte") {
    response.writeHead(404, { "Content-Type": "text/html", "Cache-Control": "private, no-store" });
    return void response.end("<p>Hittades inte</p>");
  }
  if (url.pathname === "/artiklar/langsam") await holdSlow;
  if (url.pathname === "/artiklar/trasig") return page(response, url.pathname, '<!--$!--><template data-dgst="1234"></template><p>Något gick fel</p>');
  // Far more than the socket buffers hold: a client that does not read keeps this response unfinished.
  if (url.pathname === "/artiklar/mycket-stor") return page(response, url.pathname, "x".repeat(24 * 2 ** 20));
  if (url.pathname.startsWith("/artiklar/") || url.pathname === "/") return page(response, url.pathname, url.pathname.startsWith("/artiklar/stor") ? "x".repeat(20_000) : "");
  // An expert's page, answered here (wrongly) as if it were public: the cache must still never keep it.
  if (url.pathname.startsWith("/extern-granskning/")) return page(response, url.pathname);
  if (url.pathname === "/admin") {
    response.writeHead(200, { "Content-Type": "text/html", "Cache-Control": "private, no-store" });
    return void response.end("<p>admin</p>");
  }
  if (url.pathname === "/api/v1/articles") {
    const body = JSON.stringify({ items: [], renders });
    const canonical = [...url.searchParams].every(([name, value]) => name === "limit" && /^[1-9]\d?$/.test(value));
    response.writeHead(200, {
      "Content-Type": "application/json",
      "Cache-Control": "public, max-age=60",
      ETag: '"api-etag"',
      ...(canonical ? { [pageCacheStoreHeader]: "1" } : {}),
    });
    return void response.end(body);
  }
  response.writeHead(404);
  response.end();
}

let server: http.Server;
let port: number;
let cache: PageCache;

beforeAll(async () => {
  cache = new PageCache(256 * 1024);
  server = http.createServer(createRequestPipeline({ trust: proxyTrustFrom({}), earlyHandlers: [pageCacheHandler(cache)], next: fakeNext }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  advancePublicGeneration("next test");
  renders = 0;
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers ?? {} }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

function noncesOf(answer: Answer) {
  const policy = String(answer.headers["content-security-policy"] ?? "");
  return { header: [...policy.matchAll(/'nonce-([^']+)'/g)].map((match) => match[1]), body: [...answer.body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]) };
}

describe("the page cache at the edge", () => {
  it("answers the second anonymous GET of a page from the cache, with a fresh nonce in the header and the body alike", async () => {
    const miss = await request("/artiklar/ryggsmarta");
    const hit = await request("/artiklar/ryggsmarta");
    const again = await request("/artiklar/ryggsmarta");
    expect(renders).toBe(1);
    for (const answer of [miss, hit, again]) {
      expect(answer.status).toBe(200);
      const nonces = noncesOf(answer);
      expect(nonces.header).toHaveLength(2);
      expect(nonces.body).toHaveLength(2);
      const inLink = /nonce="([^"]+)"/.exec(String(answer.headers.link))?.[1];
      expect(new Set([...nonces.header, ...nonces.body, inLink]).size).toBe(1);
      expect(answer.body).not.toMatch(/granskad-nonce/);
      expect(Object.keys(answer.headers).filter((name) => name.startsWith("x-granskad-"))).toEqual([]);
      expect(answer.headers["cache-tag"]).toBe("granskad-public,granskad-page,granskad-article-ryggsmarta");
      expect(answer.headers["surrogate-key"]).toBe("granskad-public granskad-page granskad-article-ryggsmarta");
    }
    expect([miss, hit, again].map((answer) => answer.headers["granskad-cache"])).toEqual(["miss", "hit", "hit"]);
    const nonceOf = (answer: Answer) => noncesOf(answer).body[0];
    expect(new Set([nonceOf(miss), nonceOf(hit), nonceOf(again)]).size).toBe(3);
    expect(hit.body.replaceAll(nonceOf(hit)!, "N")).toBe(miss.body.replaceAll(nonceOf(miss)!, "N"));
    expect(hit.headers["x-request-id"]).not.toBe(again.headers["x-request-id"]);
    expect(hit.headers["content-length"]).toBe(String(Buffer.byteLength(hit.body)));
    expect(hit.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it("answers If-None-Match with 304 from the entry, without a Content-Security-Policy the browser would store over the page's", async () => {
    await request("/");
    // A page's miss goes out as it is rendered; the entry's ETag is known once it is complete.
    const first = await request("/");
    const second = await request("/", { headers: { "If-None-Match": `W/${String(first.headers.etag)}, "other"` } });
    expect(renders).toBe(1);
    expect(second.status).toBe(304);
    expect(second.body).toBe("");
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers["content-security-policy"]).toBeUndefined();
    expect(second.headers.link).toBeUndefined();
    expect(second.headers["cache-control"]).toBe(first.headers["cache-control"]);
    expect((await request("/", { headers: { "If-None-Match": '"something-else"' } })).status).toBe(200);
  });

  it("answers HEAD from the entry without a body", async () => {
    await request("/artiklar/ryggsmarta");
    const head = await request("/artiklar/ryggsmarta", { method: "HEAD" });
    expect(renders).toBe(1);
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(100);
  });

  it.each([
    ["a session cookie", "/artiklar/ryggsmarta", { headers: { Cookie: "__Secure-next-auth.session-token=abc" } }],
    ["any cookie", "/artiklar/ryggsmarta", { headers: { Cookie: "a=b" } }],
    ["Authorization", "/api/v1/articles", { headers: { Authorization: "Bearer x" } }],
    ["a React Server Components fetch", "/artiklar/ryggsmarta", { headers: { RSC: "1" } }],
    ["a router prefetch", "/artiklar/ryggsmarta", { headers: { "Next-Router-Prefetch": "1" } }],
    ["a server action", "/artiklar/ryggsmarta", { method: "POST", headers: { "Next-Action": "abc" } }],
    ["a POST", "/artiklar/ryggsmarta", { method: "POST" }],
    ["the admin", "/admin", {}],
    ["sign-in", "/logga-in", {}],
    ["a percent-encoded spelling", "/artiklar/ryggsm%61rta", {}],
  ] as const)("never answers or stores a request with %s", async (_what, path, options) => {
    await request(path, options as { method?: string; headers?: Record<string, string> });
    await request(path, options as { method?: string; headers?: Record<string, string> });
    expect(renders).toBe(2);
  });

  it("stores nothing for unknown slugs, pages with a query, or API queries the route did not call canonical", async () => {
    const before = cache.stats().entries;
    for (let index = 0; index < 5; index += 1) {
      expect((await request("/artiklar/finns-inte")).status).toBe(404);
      await request(`/artiklar/ryggsmarta?utm=${index}`);
      await request(`/api/v1/articles?limit=0${index + 1}`);
      await request(`/api/v1/articles?okand=${index}`);
    }
    expect(renders).toBe(20);
    expect(cache.stats().entries).toBe(before);
    await request("/api/v1/articles?limit=20");
    await request("/api/v1/articles?limit=20");
    expect(renders).toBe(21);
    expect(cache.stats().entries).toBe(before + 1);
  });

  it("never answers or stores an outside expert's page (its URL is a credential), even when its response says public", async () => {
    const before = cache.stats().entries;
    const path = "/extern-granskning/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    expect(cacheableRequest({ method: "GET", url: path, headers: {} } as http.IncomingMessage)).toBeUndefined();
    for (let index = 0; index < 3; index += 1) {
      const answer = await request(path);
      expect(answer.status).toBe(200);
      expect(answer.headers["granskad-cache"]).toBeUndefined();
    }
    expect(renders).toBe(3);
    expect(cache.stats().entries).toBe(before);
  });

  it("does not store a page whose streamed render failed half-way, though it went out as a 200", async () => {
    expect((await request("/artiklar/trasig")).status).toBe(200);
    await request("/artiklar/trasig");
    expect(renders).toBe(2);
  });

  it("does not store a response built while the generation advanced (a commit during the render)", async () => {
    let release: () => void = () => {};
    holdSlow = new Promise((resolve) => (release = resolve));
    const pending = request("/artiklar/langsam");
    await new Promise((resolve) => setTimeout(resolve, 50));
    advancePublicGeneration("published during the render");
    release();
    expect((await pending).status).toBe(200);
    await request("/artiklar/langsam");
    expect(renders).toBe(2);
    await request("/artiklar/langsam");
    expect(renders).toBe(2);
  });

  it("builds a response once while concurrent misses for it wait, and answers them from the stored entry", async () => {
    let release: () => void = () => {};
    holdSlow = new Promise((resolve) => (release = resolve));
    const first = request("/artiklar/langsam");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waiting = [request("/artiklar/langsam"), request("/artiklar/langsam", { method: "HEAD" }), request("/artiklar/langsam")];
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answers = await Promise.all([first, ...waiting]);
    expect(answers.map((answer) => [answer.status, answer.headers["granskad-cache"]])).toEqual([[200, "miss"], [200, "hit"], [200, "hit"], [200, "hit"]]);
    expect(renders).toBe(1);
  });

  it("a reader that does not drain its response holds up no one waiting for the same page", async () => {
    // The attacker asks for a big page and never reads: its response is produced (ended) but not finished.
    const slowReader = net.connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => slowReader.once("connect", resolve));
    slowReader.pause();
    slowReader.write("GET /artiklar/mycket-stor HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await expect.poll(() => renders).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      // Answered while the slow reader still holds its connection open (it would wait for it otherwise).
      const answer = await request("/artiklar/mycket-stor");
      expect(answer.status).toBe(200);
      expect(slowReader.destroyed).toBe(false);
    } finally {
      slowReader.destroy();
    }
  });

  it("lets waiting misses build the response themselves when the one they waited for was not stored", async () => {
    let release: () => void = () => {};
    holdSlow = new Promise((resolve) => (release = resolve));
    const first = request("/artiklar/langsam");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waiting = request("/artiklar/langsam");
    await new Promise((resolve) => setTimeout(resolve, 50));
    advancePublicGeneration("published during the render");
    release();
    const answers = await Promise.all([first, waiting]);
    expect(answers.map((answer) => [answer.status, answer.headers["granskad-cache"]])).toEqual([[200, "miss"], [200, "miss"]]);
    expect(renders).toBe(2);
  });

  it("starts empty after a public change, and neither serves nor stores while changes elsewhere cannot be heard", async () => {
    await request("/artiklar/ryggsmarta");
    advancePublicGeneration("published");
    await request("/artiklar/ryggsmarta");
    expect(renders).toBe(2);
    setPublicCachesTrusted(false, "listener lost");
    try {
      await request("/artiklar/ryggsmarta");
      await request("/artiklar/ryggsmarta");
      expect(renders).toBe(4);
    } finally {
      setPublicCachesTrusted(true, "listening");
    }
    await request("/artiklar/ryggsmarta");
    await request("/artiklar/ryggsmarta");
    expect(renders).toBe(5);
  });

  it("keeps to its byte limit, dropping the least recently used first", async () => {
    for (let index = 0; index < 30; index += 1) await request(`/artiklar/stor-${index}`);
    await request("/artiklar/stor");
    expect(cache.stats().bytes).toBeLessThanOrEqual(cache.maxBytes);
    renders = 0;
    await request("/artiklar/stor");
    expect(renders).toBe(0);
    await request("/artiklar/stor-0");
    expect(renders).toBe(1);
  });
});

describe("GRANSKAD_PAGE_CACHE_MB", () => {
  it("defaults to 64 MiB, takes whole MiB (0: off) and refuses anything else", () => {
    expect(pageCacheBytesFrom({})).toBe(64 * 2 ** 20);
    expect(pageCacheBytesFrom({ GRANSKAD_PAGE_CACHE_MB: "0" })).toBe(0);
    expect(pageCacheBytesFrom({ GRANSKAD_PAGE_CACHE_MB: "16" })).toBe(16 * 2 ** 20);
    for (const bad of ["-1", "1.5", "lots", "1e3"]) expect(() => pageCacheBytesFrom({ GRANSKAD_PAGE_CACHE_MB: bad })).toThrow(/GRANSKAD_PAGE_CACHE_MB/);
  });
});
