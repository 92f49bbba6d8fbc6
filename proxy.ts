import { NextResponse, type NextRequest } from "next/server";
import { createCspNonce } from "@/lib/security/content-security-policy";
import { securityHeaders } from "@/lib/security/security-headers";

/**
 * Runs before every request (no matcher: the API, the feed and static files get their headers too).
 * The per-request nonce goes into the request's Content-Security-Policy, where Next.js finds it while
 * rendering and puts it on its scripts, and into the response's. What each path gets is decided in
 * lib/security/security-headers.ts.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeaders(
    { method: request.method, pathname: request.nextUrl.pathname, hasCookies: request.cookies.size > 0 },
    createCspNonce(),
    process.env,
  );
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers.request)) requestHeaders.set(name, value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}
