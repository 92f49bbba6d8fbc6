import crypto from "node:crypto";
import type { z } from "zod";
import { cachedPublicRead } from "@/lib/content/public-cache";
import { getDb, type DbTx } from "@/lib/db/client";
import { fail, httpStatusOf, ok, type DomainFailure, type DomainResult } from "@/lib/errors/domain-result";
import { logUnexpectedError } from "@/lib/http/log-unexpected-error";
import { pageCacheStoreHeader } from "@/lib/http/cache-tags";
import { publicJsonCacheControl } from "@/lib/http/public-cache-control";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { corsHeaders, invalidParamsResponse, problemResponse } from "./problem-response";

export type PublicJsonBody<Body> = { body: Body; lastModified: Date | null };

type PublicJsonRouteOptions<Query extends z.ZodType, Params extends z.ZodType, Response extends z.ZodType> = {
  /** Names the route in logs. */
  name: string;
  query: Query;
  params: Params;
  response: Response;
  contentType?: string;
  /**
   * "published content" (the default): the finished body is kept in the published-content cache and
   * invalidated by publishing; shared caches may keep it (publicJsonCacheControl). "per request": for
   * answers keyed by free text (search), which would fill any cache with one entry per phrase: nothing is
   * kept on the server, and the response is private (a client may keep it and revalidate by ETag).
   */
  caching?: "published content" | "per request";
};

type PublicJsonHandler<Query extends z.ZodType, Params extends z.ZodType, Response extends z.ZodType> = (input: {
  query: z.output<Query>;
  params: z.output<Params>;
  db: DbTx;
  baseUrl: string;
}) => Promise<DomainResult<PublicJsonBody<z.input<Response>>>>;

function strongEtag(body: string): string {
  return `"${crypto.createHash("sha256").update(body).digest("base64url")}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a W/ prefix does not matter. */
function matchesIfNoneMatch(header: string, etag: string): boolean {
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

function failureResponse(failure: DomainFailure): Response {
  const invalidParams =
    failure.kind === "invalid" && failure.fieldErrors
      ? Object.entries(failure.fieldErrors).flatMap(([name, reasons]) => reasons.map((reason) => ({ name, reason })))
      : undefined;
  return problemResponse(httpStatusOf(failure), failure.message, invalidParams);
}

/**
 * If-None-Match decides when present; otherwise If-Modified-Since, at the one-second precision of HTTP
 * dates (RFC 9110 §13.2.2).
 */
function isNotModified(request: Request, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) return matchesIfNoneMatch(ifNoneMatch, etag);
  const ifModifiedSince = Date.parse(request.headers.get("if-modified-since") ?? "");
  return lastModified !== null && !Number.isNaN(ifModifiedSince) && Math.floor(lastModified.getTime() / 1000) * 1000 <= ifModifiedSince;
}

/** The first value of each query parameter, as zod sees it. */
function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] ??= value;
  return query;
}

/**
 * Whether the query is written in its one canonical form: each parameter once, known to the schema, and
 * exactly as its parsed value prints (`limit=20`, not `limit=020`). Only then may the edge store the
 * response (lib/server/page-cache.ts), so the number of entries is bounded by the valid parameter values,
 * not by the ways of writing them. A cursor or an instant parses to something else than a string or a
 * number and is never canonical: those responses are built every time, not stored.
 */
function isCanonicalQuery(url: URL, parsed: unknown): boolean {
  const values = (parsed ?? {}) as Record<string, unknown>;
  const seen = new Set<string>();
  for (const [name, raw] of url.searchParams) {
    if (seen.has(name)) return false;
    seen.add(name);
    const value = values[name];
    if ((typeof value !== "string" && typeof value !== "number") || String(value) !== raw) return false;
  }
  return true;
}

/** A finished answer: the serialized body and the validators computed from it once. */
type FinishedJson = { body: string; etag: string; lastModified: Date | null };

/**
 * Runs the handler and finishes its body (response-schema parse, serialization, ETag) inside the
 * per-generation memo of published content (lib/content/public-cache.ts), so a response the edge did
 * not store (a cursor page) costs a lookup, and any public change on any instance drops it. The key is the route, the origin that absolute URLs
 * are built from, the parsed parameters and query, and the UTC day: everything the handler reads
 * besides published content (the overdue flags and the feed's withdrawal window move by day).
 * Failures (an unknown slug) are never kept.
 */
function finishedJson<Query extends z.ZodType, Params extends z.ZodType, Response extends z.ZodType>(
  options: PublicJsonRouteOptions<Query, Params, Response>,
  handler: PublicJsonHandler<Query, Params, Response>,
  input: { query: z.output<Query>; params: z.output<Params>; baseUrl: string; now: Date },
): Promise<DomainResult<FinishedJson>> {
  const finish = async (db: DbTx): Promise<DomainResult<FinishedJson>> => {
    const result = await handler({ query: input.query, params: input.params, db, baseUrl: input.baseUrl });
    if (!result.ok) return fail(result.failure);
    const body = JSON.stringify(options.response.parse(result.value.body));
    return ok({ body, etag: strongEtag(body), lastModified: result.value.lastModified });
  };
  if (options.caching === "per request") return finish(getDb());
  // The read's arguments are the cache key; the closure uses the values those arguments were made from.
  const read = cachedPublicRead<[baseUrl: string, params: string, query: string, day: string], DomainResult<FinishedJson>>(`publicJson.${options.name}`, finish);
  return read(getDb(), input.baseUrl, JSON.stringify(input.params), JSON.stringify(input.query), input.now.toISOString().slice(0, 10));
}

/** The Cache-Control of a response answered per request: the client may keep it but must revalidate; no shared cache stores it. */
export const perRequestJsonCacheControl = "private, no-cache";

/**
 * THE wrapper for the GET handlers of the feed and the read API: parses path and query parameters
 * (400 problem naming each bad one), runs the handler, parses its body through the response schema (so
 * only declared fields leave), and answers with ETag, Last-Modified, Cache-Control and CORS, or 304 when
 * If-None-Match matches. The finished body is cached (finishedJson). Domain failures map to problem
 * responses here; anything else is logged and answered with a 500 that carries only a reference.
 */
export function publicJsonRoute<Query extends z.ZodType, Params extends z.ZodType, Response extends z.ZodType>(
  options: PublicJsonRouteOptions<Query, Params, Response>,
  handler: PublicJsonHandler<Query, Params, Response>,
) {
  return async function GET(request: Request, context: { params: Promise<unknown> }): Promise<globalThis.Response> {
    try {
      const url = new URL(request.url);
      // Next.js resolves `params` to undefined on routes without dynamic segments.
      const params = options.params.safeParse((await context.params) ?? {});
      if (!params.success) return invalidParamsResponse(params.error);
      const query = options.query.safeParse(queryObject(url));
      if (!query.success) return invalidParamsResponse(query.error);

      const result = await finishedJson(options, handler, { query: query.data, params: params.data, baseUrl: publicBaseUrl(), now: new Date() });
      if (!result.ok) return failureResponse(result.failure);

      const { body, etag, lastModified } = result.value;
      const perRequest = options.caching === "per request";
      const headers: Record<string, string> = { ETag: etag, "Cache-Control": perRequest ? perRequestJsonCacheControl : publicJsonCacheControl, ...corsHeaders };
      // Search (per request) is never stored: its queries are unbounded and it is cheap to answer.
      if (!perRequest && isCanonicalQuery(url, query.data)) headers[pageCacheStoreHeader] = "1";
      if (lastModified) headers["Last-Modified"] = lastModified.toUTCString();
      if (isNotModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
      return new Response(body, {
        status: 200,
        headers: { ...headers, "Content-Type": options.contentType ?? "application/json; charset=utf-8" },
      });
    } catch (error) {
      const reference = logUnexpectedError(error, { route: options.name, url: request.url });
      return problemResponse(500, `Something went wrong on our side (reference ${reference}).`);
    }
  };
}

/** The answer to a CORS preflight for any public JSON route. */
export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}
