/** Where a sign-in sends the browser when it was given no (acceptable) destination. */
export const defaultReturnPath = "/admin";

/** The admin's origin: return paths are resolved against it (NEXTAUTH_URL, which `npm start` always sets). */
export function adminOrigin(env: Record<string, string | undefined> = process.env): string {
  return new URL(env.NEXTAUTH_URL || `http://localhost:${env.PORT ?? 3000}`).origin;
}

/**
 * The destination a flow that takes a return path (sign-in's callbackUrl, next-auth's redirects after
 * sign-in and sign-out) may send the browser to: always a path on this site. The value is resolved
 * with the URL parser against the site's own origin, as a browser would resolve it (backslashes,
 * tabs and other control characters, encoded slashes, scheme-relative and absolute URLs,
 * `javascript:`), and anything that lands elsewhere becomes the default page. The result starts with
 * exactly one slash, so it cannot be read as a scheme-relative URL either.
 */
export function safeReturnPath(value: unknown, origin: string = adminOrigin()): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 2_000) return defaultReturnPath;
  let resolved: URL;
  try {
    resolved = new URL(candidate, origin);
  } catch {
    return defaultReturnPath;
  }
  if (resolved.origin !== new URL(origin).origin) return defaultReturnPath;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : defaultReturnPath;
}

/**
 * Whether next-auth takes `value` as a callbackUrl at all: a path starting with "/" or an absolute http(s)
 * URL (anything else makes it throw, a 500). Which of those may be followed is safeReturnPath's business,
 * in next-auth's redirect callback.
 */
export function nextAuthAcceptsCallbackUrl(value: string, origin: string = adminOrigin()): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}
