import crypto from "node:crypto";

/**
 * next-auth's CSRF token for the sign-in form, for browsers without JavaScript. next-auth guards its
 * credentials callback with a double-submit token: a cookie `<token>|sha256(<token><secret>)` and the
 * same token in the POSTed form. With JavaScript, its client fetches one from /api/auth/csrf; without,
 * the sign-in page must already carry it, so proxy.ts issues the cookie on GET /logga-in (in next-auth's
 * format, checked by e2e/sign-in.spec.ts against next-auth itself) and the page reads the token from it.
 */

/** The cookie, named and configured here and handed to next-auth (authOptions.cookies), so both agree. */
export function csrfCookie(env: Record<string, string | undefined> = process.env) {
  const secure = (env.NEXTAUTH_URL ?? "").startsWith("https://");
  return {
    name: secure ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** The cookie next-auth remembers a callbackUrl in, also handed to next-auth, which proxy.ts checks. */
export function callbackUrlCookie(env: Record<string, string | undefined> = process.env) {
  const secure = (env.NEXTAUTH_URL ?? "").startsWith("https://");
  return {
    name: secure ? "__Secure-next-auth.callback-url" : "next-auth.callback-url",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

export const callbackUrlCookieName = (env: Record<string, string | undefined> = process.env) => callbackUrlCookie(env).name;

function tokenHash(token: string, secret: string): string {
  return crypto.createHash("sha256").update(`${token}${secret}`).digest("hex");
}

/** The token in a cookie value next-auth would accept, or undefined. */
export function csrfTokenFromCookie(cookieValue: string | undefined, secret: string): string | undefined {
  const [token, hash] = (cookieValue ?? "").split("|");
  if (!token || !hash || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
  const expected = tokenHash(token, secret);
  return crypto.timingSafeEqual(Buffer.from(hash), Buffer.from(expected)) ? token : undefined;
}

/** A new cookie value with its token, for a browser that has no valid one. */
export function newCsrfCookieValue(secret: string): string {
  const token = crypto.randomBytes(32).toString("hex");
  return `${token}|${tokenHash(token, secret)}`;
}
