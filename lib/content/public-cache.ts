import { revalidateTag, unstable_cache } from "next/cache";
import { getDb, type DbTx } from "@/lib/db/client";
import { logUnexpectedError } from "@/lib/http/log-unexpected-error";

/**
 * The cross-request cache of published content, shared by the public pages, the feed and the API
 * (all of which read through lib/content/public-content.ts).
 *
 * Every cached read carries one tag, `publicContentTag`, and every publish or unpublish invalidates it.
 * One tag rather than one per article is deliberate: each publish changes the article lists, the feed
 * and the API listings, and an article embeds the published versions of its procedures and risk lists,
 * so a per-item tag would have to track those dependencies and a missed one would show a reader a page
 * built from two generations of content. The tag touches nothing but published-content reads.
 *
 * Next.js keeps this cache per server instance (in memory and in the dist directory). With several
 * instances behind a load balancer, an invalidation on one instance does not reach the others; such a
 * deployment configures a shared cache handler (`cacheHandler` in next.config.js, e.g. one backed by
 * Redis) so that entries and tag invalidations are shared. See README, "Feed and API".
 */
export const publicContentTag = "public-content";

/** True inside a running Next.js server, where `next/cache` has a cache to read and invalidate. */
function inNextServer(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}

/** The slice of Next.js's incremental cache that a background invalidation uses. */
type IncrementalCacheHandle = { revalidateTag(tags: string[], durations: { expire: number }): Promise<void> };

/**
 * Makes the next request for any published content read fresh data: call it after the transaction that
 * published or unpublished something has committed.
 *
 * - `"request"` (the default): from a server action or route handler. `revalidateTag` with
 *   `{ expire: 0 }` rather than the "max" profile, because a published change must be visible on the
 *   next request, not after a background refresh (`updateTag` would do the same, in server actions only).
 * - `"background"`: from work that runs in the server process outside any request (the scheduled
 *   publishing workers), where `revalidateTag` refuses to run. It expires the tag in the server's
 *   incremental cache directly (Next.js sets `globalThis.__incrementalCache` once it has served a
 *   request; before that nothing has been cached, so there is nothing to expire).
 *
 * Outside a Next.js server (tests, CLI scripts) there is no cache, so this does nothing; inside one,
 * errors from Next.js are thrown (request) or logged (background, where the call is asynchronous).
 */
export function invalidatePublicContent(context: "request" | "background" = "request"): void {
  if (!inNextServer()) return;
  if (context === "request") {
    revalidateTag(publicContentTag, { expire: 0 });
    return;
  }
  const incrementalCache = (globalThis as { __incrementalCache?: IncrementalCacheHandle }).__incrementalCache;
  incrementalCache
    ?.revalidateTag([publicContentTag], { expire: 0 })
    .catch((error: unknown) => logUnexpectedError(error, { operation: "invalidatePublicContent", context }));
}

/**
 * Next.js also writes these entries to disk, but keeps tag invalidations in memory only: an entry
 * written before a restart would look fresh afterwards even if content was published meanwhile (by
 * another instance or a script). Keying entries by the server process keeps each process to its own.
 */
function processCacheGeneration(): string {
  const holder = globalThis as { granskadPublicCacheGeneration?: string };
  holder.granskadPublicCacheGeneration ??= `${process.pid}-${Date.now()}`;
  return holder.granskadPublicCacheGeneration;
}

/**
 * Next.js stores cached results as JSON, which would turn the reads' Dates into strings. Dates are
 * written as a tagged object and revived on the way out, so a cached read returns exactly what an
 * uncached one does.
 */
const dateMarker = "__granskadDate";

function toCacheable(value: unknown): unknown {
  if (value instanceof Date) return { [dateMarker]: value.toISOString() };
  if (Array.isArray(value)) return value.map(toCacheable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toCacheable(entry)]));
  }
  return value;
}

function fromCacheable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromCacheable);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const date = record[dateMarker];
    if (typeof date === "string" && Object.keys(record).length === 1) return new Date(date);
    return Object.fromEntries(Object.entries(record).map(([key, entry]) => [key, fromCacheable(entry)]));
  }
  return value;
}

/**
 * Wraps a published-content read in the cross-request cache, keyed by `name` and the read's arguments
 * (which must be JSON values). Only reads through the app's own client are cached: a read inside a
 * transaction may see uncommitted rows and must never be stored for other requests.
 */
export function cachedPublicRead<Args extends (string | number | boolean | undefined)[], Result>(
  name: string,
  read: (db: DbTx, ...args: Args) => Promise<Result>,
): (db: DbTx, ...args: Args) => Promise<Result> {
  return async (db, ...args) => {
    if (!inNextServer() || db !== getDb()) return read(db, ...args);
    const cached = unstable_cache(async () => toCacheable(await read(db, ...args)), ["granskad-public", processCacheGeneration(), name, JSON.stringify(args)], {
      tags: [publicContentTag],
    });
    return fromCacheable(await cached()) as Result;
  };
}
