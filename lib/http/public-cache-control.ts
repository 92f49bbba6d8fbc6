/**
 * The Cache-Control of the feed and the read API. Consumers may reuse a response for a minute and shared
 * caches (a CDN) for five; past that a cache may serve it stale for ten more minutes while it refetches,
 * which the ETag makes a cheap 304. Publishing invalidates the server's own cache at once
 * (lib/content/public-cache.ts), so the origin answers fresh on the next request and the window above
 * bounds how long a copy can lag.
 */
export const publicJsonCacheControl = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";

/**
 * The Cache-Control of the public pages. A browser always asks again (max-age=0), so a reader who
 * reloads after a publish, or after their comment was approved, is never shown their own stale copy; a
 * CDN keeps a page for a minute and may serve it for five more while it refetches, so it absorbs the
 * load and lags a publish by about a minute.
 */
export const publicPageCacheControl = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";
