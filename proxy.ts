import { NextResponse, type NextRequest } from "next/server";
import { isUnpublishedContentPath } from "@/lib/content/public-content";
import { csrfCookie, csrfTokenFromCookie, newCsrfCookieValue } from "@/lib/auth/sign-in-csrf";
import { getDb } from "@/lib/db/client";
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
 * its form posts without JavaScript; the page reads the token from the request's cookies.
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
  const issuedCsrfCookie = request.method === "GET" && pathname === signInPath ? signInCsrfCookieToIssue(request) : undefined;
  if (issuedCsrfCookie) requestHeaders.set("cookie", [request.headers.get("cookie"), `${issuedCsrfCookie.name}=${issuedCsrfCookie.value}`].filter(Boolean).join("; "));
  const unpublished = (request.method === "GET" || request.method === "HEAD") && (await isUnpublishedContentPath(getDb(), pathname));
  const response = unpublished
    ? NextResponse.rewrite(new URL(notFoundPath, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  if (issuedCsrfCookie) response.cookies.set(issuedCsrfCookie.name, issuedCsrfCookie.value, issuedCsrfCookie.options);
  return response;
}

const signInPath = "/logga-in";

function signInCsrfCookieToIssue(request: NextRequest) {
  const cookie = csrfCookie();
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  if (!secret || csrfTokenFromCookie(request.cookies.get(cookie.name)?.value, secret)) return undefined;
  return { ...cookie, value: newCsrfCookieValue(secret) };
}
