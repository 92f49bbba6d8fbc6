/**
 * The Cache-Control of everything public: the feed, the read API and the public pages. Browsers may
 * reuse a response for a minute and shared caches (a CDN) for five; past that a cache may serve it
 * stale for ten more minutes while it refetches. Publishing invalidates the server's own cache at once
 * (lib/content/public-cache.ts), so the origin answers fresh on the next request and the window above
 * bounds how long a CDN copy can lag; an ETag, where there is one, makes the revalidation cheap.
 */
export const publicCacheControl = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";
