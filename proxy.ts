import { NextResponse, type NextRequest } from "next/server";
import { isUnpublishedContentPath } from "@/lib/content/public-content";
import { nextAuthAcceptsCallbackUrl } from "@/lib/auth/return-path";
import { callbackUrlCookieName, csrfCookie, csrfTokenFromCookie, newCsrfCookieValue } from "@/lib/auth/sign-in-csrf";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { getDb } from "@/lib/db/client";
import { openExternalReview } from "@/lib/external-review/expert-access";
import { externalReviewRefusalPage } from "@/lib/external-review/refusal-page";
import { externalReviewPathPrefix, isExternalReviewPath } from "@/lib/http/external-review-path";
import { createCspNonce } from "@/lib/security/content-security-policy";
import { securityHeaders } from "@/lib/security/security-headers";

/** Matches no route, so Next.js renders app/not-found.tsx in full with status 404. */
const notFoundPath = "/_not-found";

/**
 * Runs before every request (no matcher: the API, the feed and static files get their headers too).
 * The per-request nonce goes into the request's Content-Security-Policy, where Next.js finds it while
 * rendering and puts it on its scripts, and into the response's. What each path gets is decided in
 * lib/security/security-headers.ts.
 *
 * A GET or HEAD of an article or risk-list page whose slug is not published is rewritten to a path no
 * route matches, so the reader gets the rendered not-found page rather than an empty streamed shell.
 *
 * The sign-in page gets next-auth's CSRF cookie when the browser has none (lib/auth/sign-in-csrf.ts), so
 * its form posts without JavaScript; the page reads the token from the request's cookies. Requests to
 * next-auth with a callbackUrl it cannot take (it would throw: a 500) are refused with 400, and a
 * callback-URL cookie it cannot take is dropped from every request.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const headers = securityHeaders(
    { method: request.method, pathname, hasCookies: request.cookies.size > 0 },
    createCspNonce(),
    process.env,
  );
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) requestHeaders.set(name, value);
  const isAuthRoute = pathname.startsWith("/api/auth/");
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (isAuthRoute && callbackUrl !== null && !nextAuthAcceptsCallbackUrl(callbackUrl)) {
    const refused = NextResponse.json({ error: "callbackUrl must be a path on this site" }, { status: 400 });
    for (const [name, value] of Object.entries(headers.response)) refused.headers.set(name, value);
    return refused;
  }
  const callbackCookie = request.cookies.get(callbackUrlCookieName())?.value;
  // Every session lookup (getServerSession on admin pages and actions) runs next-auth's checks on it too.
  const dropCallbackCookie = callbackCookie !== undefined && !nextAuthAcceptsCallbackUrl(callbackCookie);
  if (dropCallbackCookie) {
    const kept = request.cookies.getAll().filter((cookie) => cookie.name !== callbackUrlCookieName());
    requestHeaders.set("cookie", kept.map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; "));
  }
  const issuedCsrfCookie = request.method === "GET" && pathname === signInPath ? signInCsrfCookieToIssue(request) : undefined;
  if (issuedCsrfCookie) requestHeaders.set("cookie", [request.headers.get("cookie"), `${issuedCsrfCookie.name}=${issuedCsrfCookie.value}`].filter(Boolean).join("; "));
  if ((request.method === "GET" || request.method === "HEAD") && isExternalReviewPath(pathname)) {
    const refused = await refusedExternalReview(request, pathname);
    if (refused) {
      for (const [name, value] of Object.entries(headers.response)) refused.headers.set(name, value);
      return refused;
    }
  }
  const unpublished = (request.method === "GET" || request.method === "HEAD") && (await isUnpublishedContentPath(getDb(), pathname));
  const response = unpublished
    ? NextResponse.rewrite(new URL(notFoundPath, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  if (issuedCsrfCookie) response.cookies.set(issuedCsrfCookie.name, issuedCsrfCookie.value, issuedCsrfCookie.options);
  if (dropCallbackCookie) response.cookies.delete(callbackUrlCookieName());
  return response;
}

const signInPath = "/logga-in";

/**
 * An outside expert's link (lib/external-review): every lookup counts against the client address's limit;
 * an unknown token is a 404, an expired or revoked one a 410, too many lookups a 429, each a short page
 * of its own, before anything renders. A usable one goes on to the page (and its view is audited).
 */
async function refusedExternalReview(request: NextRequest, pathname: string): Promise<NextResponse | undefined> {
  const token = pathname.slice(externalReviewPathPrefix.length + 1);
  const opened = await openExternalReview(getDb(), token, clientAddressFrom(request.headers));
  if (opened.ok) return undefined;
  const page = externalReviewRefusalPage(opened.refusal);
  const response = new NextResponse(request.method === "HEAD" ? null : page.html, { status: page.status, headers: { "Content-Type": "text/html; charset=utf-8" } });
  if (page.retryAfterSeconds !== undefined) response.headers.set("Retry-After", String(page.retryAfterSeconds));
  return response;
}

function signInCsrfCookieToIssue(request: NextRequest) {
  const cookie = csrfCookie();
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  if (!secret || csrfTokenFromCookie(request.cookies.get(cookie.name)?.value, secret)) return undefined;
  return { ...cookie, value: newCsrfCookieValue(secret) };
}
