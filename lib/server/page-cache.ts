import crypto from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { msUntilNextUtcDay, onPublicGenerationAdvanced, publicCachesTrusted, publicGeneration } from "@/lib/content/public-generation";
import { createCspNonce } from "@/lib/security/content-security-policy";
import { pageCacheStoreHeader, publicCacheTags } from "@/lib/http/cache-tags";
import type { EarlyHandler } from "./request-pipeline";

/**
 * The cache of finished public responses, answered before Next.js routes, renders or asks the database
 * anything (as Drupal's internal page cache answers anonymous requests before the framework boots).
 *
 * What may be answered from it (`cacheableRequest`): an anonymous GET or HEAD (no Cookie, no
 * Authorization, not a server action, not a React Server Components fetch) of a public page, /feed.json,
 * the read API (/api/v1/…), /sitemap.xml or /robots.txt. Everything else passes by untouched.
 *
 * What is stored (`storable`): a 200 to such a GET, built entirely within one generation of published
 * content (lib/content/public-generation.ts: recorded before the request goes to Next.js, compared when
 * the response is done; a commit in between, here or on another instance, discards it), while the
 * caches are trusted, with a public Cache-Control, and
 * - for pages, the sitemap and robots.txt: no query string (a query cannot change them, so it must not
 *   make entries either); an unknown slug is a 404 and never stored;
 * - for the feed and the API: the route said so (`storeHeader`, set by lib/api/public-json-route.ts only
 *   when every parameter was valid and written in its one canonical form, and never for a cursor), so
 *   no spelling of a parameter, unknown parameter or forged cursor can make an entry.
 * The entries are bounded in bytes (`GRANSKAD_PAGE_CACHE_MB`), least recently used go first, each
 * expires at the next UTC midnight (overdue notices move by day), and all of them go when the generation
 * advances. Memory only: a restart starts empty.
 *
 * HTML carries a per-response CSP nonce. A page is stored with its nonce replaced by a placeholder, in
 * the body and in the headers alike (the Content-Security-Policy and Next.js's preload `Link`s); every
 * answer from the cache gets a fresh nonce in all of them. A 304 carries only validators and caching
 * headers, no Content-Security-Policy or Link: the browser keeps the headers it stored with the page (a
 * new nonce there would no longer match the stored page's scripts).
 */

/** Set by a route on a response that may be stored (the feed and the API); never sent to the client. */
export const storeHeader = pageCacheStoreHeader;

/** Responses never carry our internal headers. */
const internalResponseHeaderPrefix = "x-granskad-";

/** Headers that belong to one response, never to a stored one. */
const perResponseHeaders = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-request-id", "set-cookie", "age", "granskad-cache"]);

/** What a 304 from the cache carries. */
const notModifiedHeaders = new Set(["etag", "cache-control", "vary", "cache-tag", "surrogate-key", "expires", "content-location", "last-modified"]);

/** Says on every cacheable response whether it came from the cache (`hit`) or was built (`miss`). */
export const cacheStatusHeader = "Granskad-Cache";

const pagePath = /^\/(?:(?:artiklar|risklistor)\/[^/]+|ordlista)?$/;
const plainPaths = new Set(["/feed.json", "/sitemap.xml", "/robots.txt"]);
const apiPath = /^\/api\/v1\/[^?]*$/;

/** Headers with which a client asks for something other than the whole document at a URL (Next.js's own, and ranges). */
const frameworkRequestHeaders = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action", "x-nextjs-data", "x-middleware-prefetch", "range"];

/** At most this share of the cache goes to one entry. */
const largestEntryShare = 8;

export type CacheableRequest = { key: string; path: string; kind: "page" | "plain" | "api"; hasQuery: boolean };

/** Whether a request may be answered from the cache, and under which key. */
export function cacheableRequest(request: IncomingMessage): CacheableRequest | undefined {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  const headers = request.headers;
  if (headers.cookie !== undefined || headers.authorization !== undefined) return undefined;
  if (frameworkRequestHeaders.some((name) => headers[name] !== undefined)) return undefined;
  const url = request.url ?? "";
  if (!url.startsWith("/") || url.length > 2048) return undefined;
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const hasQuery = queryAt !== -1;
  // Slugs are plain ASCII: a percent-encoded spelling of a path would be one more key for the same page.
  if (path.includes("%")) return undefined;
  if (pagePath.test(path)) return { key: url, path, kind: "page", hasQuery };
  if (plainPaths.has(path)) return { key: url, path, kind: path === "/feed.json" ? "api" : "plain", hasQuery };
  if (apiPath.test(path)) return { key: url, path, kind: "api", hasQuery };
  return undefined;
}

/** A stored response. An HTML body is kept in the pieces between its nonces. */
type Entry = {
  headers: [string, string][];
  /** The body, split where the nonce goes (one piece when there is none). */
  pieces: Buffer[];
  /** Whether the body and headers hold the nonce placeholder (HTML under the nonce policy). */
  nonced: boolean;
  /** The pieces' length together (a nonce goes between each two). */
  piecesLength: number;
  /** The headers of a 304 from this entry, chosen once when it is stored. */
  notModified: Record<string, string>;
  etag: string;
  bytes: number;
  /** The generation it was built in, the only one it is ever answered in. */
  generation: number;
};

const noncePlaceholder = `granskad-nonce-${crypto.randomBytes(9).toString("base64url")}`;
const nonceInPolicy = /'nonce-([A-Za-z0-9+/=_-]+)'/;

function split(body: Buffer, separator: string): Buffer[] {
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(separator, from, "latin1"); at !== -1; at = body.indexOf(separator, from, "latin1")) {
    pieces.push(body.subarray(from, at));
    from = at + Buffer.byteLength(separator, "latin1");
  }
  pieces.push(body.subarray(from));
  // Copied out of the response's chunks, so an entry holds exactly its own bytes.
  return pieces.map((piece) => Buffer.from(piece));
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2). */
function matchesIfNoneMatch(header: string, etag: string): boolean {
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag.replace(/^W\//, "");
  });
}

function headerValue(value: OutgoingHttpHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

export type PageCacheStats = { hits: number; misses: number; stored: number; discarded: number; entries: number; bytes: number };

export class PageCache {
  private readonly entries: LRUCache<string, Entry>;
  readonly maxBytes: number;
  private readonly counts = { hits: 0, misses: 0, stored: 0, discarded: 0 };
  /**
   * The responses being built for a key, each settled when its response is done. A miss that finds one
   * waits for it instead of building the same response again: after a publish empties the cache, fifty
   * concurrent readers of the feed would otherwise build fifty feeds at once (measured: 850 MB of RSS and
   * the pool's connect timeouts, against one build).
   */
  private readonly building = new Map<string, Promise<void>>();

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
    this.entries = new LRUCache<string, Entry>({ maxSize: Math.max(1, maxBytes), sizeCalculation: (entry) => entry.bytes });
    onPublicGenerationAdvanced(() => this.entries.clear());
  }

  stats(): PageCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  /** Answers from the cache when it holds the request's response; true when it did. */
  answer(request: IncomingMessage, response: ServerResponse, cacheable: CacheableRequest): boolean {
    if (this.maxBytes === 0 || !publicCachesTrusted()) return false;
    const entry = this.entries.get(cacheable.key);
    // Emptied when the generation advances; checked again, so no entry outlives its generation.
    if (!entry || entry.generation !== publicGeneration()) return false;
    this.counts.hits += 1;
    const ifNoneMatch = request.headers["if-none-match"];
    if (ifNoneMatch !== undefined && matchesIfNoneMatch(ifNoneMatch, entry.etag)) {
      response.writeHead(304, entry.notModified);
      response.end();
      return true;
    }
    const nonce = entry.nonced ? createCspNonce() : "";
    const nonceBytes = Buffer.from(nonce, "latin1");
    const headers: Record<string, string> = {};
    for (const [name, value] of entry.headers) headers[name] = entry.nonced ? value.replaceAll(noncePlaceholder, nonce) : value;
    headers["content-length"] = String(entry.piecesLength + (entry.pieces.length - 1) * nonceBytes.length);
    headers[cacheStatusHeader] = "hit";
    response.writeHead(200, headers);
    if (request.method === "HEAD") {
      response.end();
      return true;
    }
    // The stored pieces go out as they are, the fresh nonce between them, in one write (corked): a copy
    // of the whole page per response was most of what a hit allocated, and the collector's work after it.
    response.cork();
    entry.pieces.forEach((piece, index) => {
      if (index > 0) response.write(nonceBytes);
      response.write(piece);
    });
    response.end(); // uncorks
    return true;
  }

  /** The response being built for this key, if one is (it may or may not be stored when done). */
  buildInFlight(key: string): Promise<void> | undefined {
    return this.building.get(key);
  }

  /**
   * Lets the request through to Next.js, watching its response: internal headers are dropped, CDN tags
   * added, and the finished response is stored if it may be (see the module comment).
   */
  watch(request: IncomingMessage, response: ServerResponse, cacheable: CacheableRequest | undefined): void {
    const generation = publicGeneration();
    const trustedAtStart = publicCachesTrusted();
    const chunks: Buffer[] = [];
    let bytes = 0;
    let collecting = false;
    let storeRequested = false;
    const largestEntry = this.maxBytes / largestEntryShare;
    if (cacheable) this.counts.misses += 1;

    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
      // writeHead(status, [reason], [headers]): headers given here join those set before.
      const headersArgument = rest.find((argument) => typeof argument === "object" && argument !== null);
      if (headersArgument) {
        const entries = Array.isArray(headersArgument) ? pairs(headersArgument as string[]) : Object.entries(headersArgument as OutgoingHttpHeaders);
        for (const [name, value] of entries) if (value !== undefined) response.setHeader(name, value as string | string[]);
      }
      for (const name of response.getHeaderNames()) {
        if (!name.startsWith(internalResponseHeaderPrefix)) continue;
        if (name === storeHeader) storeRequested = response.getHeader(name) === "1";
        response.removeHeader(name);
      }
      if (cacheable) response.setHeader(cacheStatusHeader, "miss");
      if (cacheable && (statusCode === 200 || statusCode === 304)) {
        const tags = publicCacheTags(cacheable.path);
        response.setHeader("Cache-Tag", tags.join(","));
        response.setHeader("Surrogate-Key", tags.join(" "));
      }
      collecting = this.maxBytes > 0 && cacheable !== undefined && request.method === "GET" && statusCode === 200 && trustedAtStart;
      const reason = rest.find((argument) => typeof argument === "string");
      return reason === undefined ? writeHead(statusCode) : writeHead(statusCode, reason);
    }) as ServerResponse["writeHead"];

    const collect = (chunk: unknown, encoding?: unknown) => {
      if (!collecting || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      bytes += buffer.length;
      if (bytes > largestEntry) {
        collecting = false;
        chunks.length = 0;
        return;
      }
      chunks.push(buffer);
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    // Settled once: when the handler has produced the whole body (stored if it may be), or when the
    // response closed without that (the client went away, the render failed). Not when the client has
    // received it: a reader draining slowly must not hold up the misses waiting for this build.
    let settled = false;
    const settle = (complete: boolean) => {
      if (settled || !cacheable) return;
      settled = true;
      if (complete && collecting) this.finishBuild(cacheable, response, storeRequested, generation, chunks);
      if (built) {
        this.building.delete(cacheable.key);
        built();
      }
    };
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      const ended = end(chunk, ...rest);
      // A response destroyed before its end (the client left mid-stream) may end with part of a page.
      settle(!response.destroyed);
      return ended;
    }) as ServerResponse["end"];

    if (!cacheable) return;
    let built: (() => void) | undefined;
    // Only an address without a query: those are the ones stored (a search, a cursor or a parameter the
    // route does not store would make its waiters queue for nothing).
    if (request.method === "GET" && !cacheable.hasQuery && this.maxBytes > 0 && trustedAtStart && !this.building.has(cacheable.key)) {
      const building = new Promise<void>((resolve) => (built = resolve));
      this.building.set(cacheable.key, building);
    }
    response.once("close", () => settle(false));
  }

  private finishBuild(cacheable: CacheableRequest, response: ServerResponse, storeRequested: boolean, generation: number, chunks: Buffer[]): void {
    const stored = this.storable(cacheable, response, storeRequested) && generation === publicGeneration() && publicCachesTrusted();
    if (!stored) {
      this.counts.discarded += 1;
      return;
    }
    const body = Buffer.concat(chunks);
    if (renderFailed(response, body)) {
      this.counts.discarded += 1;
      return;
    }
    this.store(cacheable.key, response, body, generation);
  }

  private storable(cacheable: CacheableRequest, response: ServerResponse, storeRequested: boolean): boolean {
    const cacheControl = headerValue(response.getHeader("cache-control")) ?? "";
    if (!cacheControl.startsWith("public")) return false;
    if (response.getHeader("set-cookie") !== undefined || response.getHeader("content-encoding") !== undefined) return false;
    if (cacheable.kind === "api") return storeRequested;
    return !cacheable.hasQuery;
  }

  private store(key: string, response: ServerResponse, body: Buffer, generation: number): void {
    const headers: [string, string][] = [];
    const nonce = nonceInPolicy.exec(headerValue(response.getHeader("content-security-policy")) ?? "")?.[1];
    for (const name of response.getHeaderNames()) {
      if (perResponseHeaders.has(name)) continue;
      const value = headerValue(response.getHeader(name));
      if (value === undefined) continue;
      // The policy, and every other header that names the nonce (Next.js's preload `Link`s).
      headers.push([name, nonce ? value.replaceAll(nonce, noncePlaceholder) : value]);
    }
    const pieces = nonce ? split(body, nonce) : [Buffer.from(body)];
    let etag = headerValue(response.getHeader("etag"));
    if (!etag) {
      etag = `"${crypto.createHash("sha256").update(Buffer.concat(pieces)).digest("base64url")}"`;
      headers.push(["etag", etag]);
    }
    const bytes = body.length + headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0) + key.length + 256;
    const piecesLength = pieces.reduce((sum, piece) => sum + piece.length, 0);
    // Only what a 304 should carry (RFC 9110 §15.4.5): a browser stores these over the kept page's.
    const notModified = { ...Object.fromEntries(headers.filter(([name]) => notModifiedHeaders.has(name))), [cacheStatusHeader]: "hit" };
    this.entries.set(key, { headers, pieces, nonced: nonce !== undefined, piecesLength, notModified, etag, bytes, generation }, { ttl: msUntilNextUtcDay() });
    this.counts.stored += 1;
  }
}

/**
 * A page is streamed after its 200 has gone out, so a render that failed half-way (the database down for
 * a moment) still says 200; React marks the boundary it could not render (`<!--$!-->` with a
 * `data-dgst` template). Such a page is sent, but never stored for the rest of the generation.
 */
function renderFailed(response: ServerResponse, body: Buffer): boolean {
  const contentType = headerValue(response.getHeader("content-type")) ?? "";
  if (!contentType.startsWith("text/html")) return false;
  return body.includes("<!--$!-->") || body.includes("data-dgst=");
}

function pairs(flat: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) result.push([flat[index]!, flat[index + 1]!]);
  return result;
}

/** GRANSKAD_PAGE_CACHE_MB: the cache's byte limit in MiB (default 64; 0 turns it off). */
export function pageCacheBytesFrom(environment: Record<string, string | undefined>): number {
  const configured = environment.GRANSKAD_PAGE_CACHE_MB;
  if (configured === undefined || configured === "") return 64 * 2 ** 20;
  if (!/^\d{1,6}$/.test(configured)) throw new Error("GRANSKAD_PAGE_CACHE_MB must be a whole number of MiB (0 turns the page cache off)");
  return Number(configured) * 2 ** 20;
}

/**
 * The early handler: answers from the cache, or lets the request on to Next.js with its response
 * watched. It goes last in the list, so probes and refused requests never reach it. Every request that
 * gets this far is watched (internal headers never leave), but only cacheable ones can be stored. With
 * a limit of 0 nothing is stored or answered (the tags are still added).
 */
export function pageCacheHandler(cache: PageCache): EarlyHandler {
  return {
    name: "page cache",
    handle: ({ request, response }) => {
      const cacheable = cacheableRequest(request);
      if (cacheable && cache.answer(request, response, cacheable)) return true;
      // Another request is building this response: answer from what it stores, else build it here too.
      const building = cacheable && cache.buildInFlight(cacheable.key);
      if (building) return building.then(() => cache.answer(request, response, cacheable) || passOn(cache, request, response, cacheable));
      return passOn(cache, request, response, cacheable);
    },
  };
}

function passOn(cache: PageCache, request: IncomingMessage, response: ServerResponse, cacheable: CacheableRequest | undefined): false {
  if (cacheable && request.method === "GET" && cache.maxBytes > 0) {
    // The stored body must be the plain one: a compressed copy would be sent to clients that cannot read it.
    delete request.headers["accept-encoding"];
  }
  cache.watch(request, response, cacheable);
  return false;
}
