import { isExternalReviewPath } from "@/lib/http/external-review-path";
import { publicPageCacheControl } from "@/lib/http/public-cache-control";
import { dataContentSecurityPolicy, pageContentSecurityPolicy } from "./content-security-policy";

/** What the headers depend on in a request; `hasCookies` is whether it carries any cookie at all. */
export type RequestFacts = { method: string; pathname: string; hasCookies: boolean };

export type SecurityEnvironment = { NODE_ENV?: string; PUBLIC_BASE_URL?: string; NEXTAUTH_URL?: string };

/**
 * The pages a CDN may cache: they render the same for every reader. A new public page type is added
 * here; anything not listed stays private.
 */
export const publicPagePaths: readonly RegExp[] = [/^\/$/, /^\/artiklar\/[^/]+$/, /^\/risklistor\/[^/]+$/];

/**
 * The sitemap and robots.txt: the same for every reader, and not documents a script could run in. They
 * are cached like the pages (a CDN for a minute, the origin's page cache until the next public change).
 */
export const publicMetadataPaths: readonly RegExp[] = [/^\/sitemap\.xml$/, /^\/robots\.txt$/];

/** The feed and the read API set their own Cache-Control and ETag (lib/api/public-json-route.ts). */
const selfCachingDataPaths: readonly RegExp[] = [/^\/feed\.json$/, /^\/api\/v1(\/|$)/];

/**
 * Next.js's build output (content-hashed, cached for a year by Next.js itself), its image server and the
 * site's icons (app/favicon.ico, icon.svg, apple-icon.png: static files Next.js serves with its own
 * caching; an icon is no document a script could run in, so it needs no page policy).
 */
const frameworkAssetPaths: readonly RegExp[] = [/^\/_next\/static\//, /^\/_next\/image(\/|$)/, /^\/(favicon\.ico|icon\.svg|apple-icon\.png)$/];

const privateCacheControl = "private, no-store";

/** What an outside expert's page gets besides the page policy. */
export const externalReviewHeaders = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow, noarchive",
  "Referrer-Policy": "no-referrer",
} as const;

/**
 * Production is NODE_ENV=production serving an https site: PUBLIC_BASE_URL, or NEXTAUTH_URL when that is
 * unset, starts with https://. Only then is HSTS sent, so that a production build tried out over plain
 * http on localhost (the e2e suite, the benchmark) never pins a browser to https for that host.
 */
export function isHttpsProduction(environment: SecurityEnvironment): boolean {
  const publicUrl = environment.PUBLIC_BASE_URL || environment.NEXTAUTH_URL || "";
  return environment.NODE_ENV === "production" && publicUrl.startsWith("https://");
}

/**
 * A page goes to shared caches only when it is a public page fetched with GET or HEAD by a request with
 * no cookie: a session (or any other cookie) may change what is rendered, and such a response must
 * never be stored for someone else.
 */
export function pageCacheControl({ method, pathname, hasCookies }: RequestFacts): string {
  const cacheable = (method === "GET" || method === "HEAD") && !hasCookies && publicPagePaths.some((path) => path.test(pathname));
  return cacheable ? publicPageCacheControl : privateCacheControl;
}

export type SecurityHeaders = {
  /** Added to the request Next.js renders: it reads the nonce from its Content-Security-Policy. */
  request: Record<string, string>;
  response: Record<string, string>;
};

/**
 * Every header this app sets for security and caching, for one request. Every response gets nosniff, a
 * referrer policy that sends only the origin to other sites, X-Frame-Options DENY (for browsers that
 * predate frame-ancestors) and, in https production, HSTS. HTML pages get the nonce policy and their
 * Cache-Control; JSON endpoints a data-only policy.
 */
export function securityHeaders(request: RequestFacts, nonce: string, environment: SecurityEnvironment): SecurityHeaders {
  const httpsProduction = isHttpsProduction(environment);
  const response: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    ...(httpsProduction ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
  const { pathname } = request;
  if (frameworkAssetPaths.some((path) => path.test(pathname))) return { request: {}, response };
  if (selfCachingDataPaths.some((path) => path.test(pathname))) {
    return { request: {}, response: { ...response, "Content-Security-Policy": dataContentSecurityPolicy } };
  }
  if (publicMetadataPaths.some((path) => path.test(pathname))) {
    const cacheable = (request.method === "GET" || request.method === "HEAD") && !request.hasCookies;
    return { request: {}, response: { ...response, "Content-Security-Policy": dataContentSecurityPolicy, "Cache-Control": cacheable ? publicPageCacheControl : privateCacheControl } };
  }
  if (pathname.startsWith("/api/")) {
    return { request: {}, response: { ...response, "Content-Security-Policy": dataContentSecurityPolicy, "Cache-Control": privateCacheControl } };
  }
  const policy = pageContentSecurityPolicy({ nonce, development: environment.NODE_ENV === "development", upgradeInsecureRequests: httpsProduction });
  if (isExternalReviewPath(pathname)) {
    // An outside expert's page (lib/external-review): its URL carries the token, so no referrer ever
    // leaves it, no cache keeps it and no search engine lists it.
    return {
      request: { "Content-Security-Policy": policy, "x-nonce": nonce },
      response: { ...response, ...externalReviewHeaders, "Content-Security-Policy": policy },
    };
  }
  return {
    request: { "Content-Security-Policy": policy, "x-nonce": nonce },
    response: { ...response, "Content-Security-Policy": policy, "Cache-Control": pageCacheControl(request) },
  };
}
