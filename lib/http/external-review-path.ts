/**
 * The public address of an outside expert's review page (lib/external-review). It is here, below every
 * domain that needs it: the security headers (noindex, no-store, no referrer), the request log (which
 * never writes the token) and the page cache (which never stores it) all recognise it.
 */
export const externalReviewPathPrefix = "/extern-granskning";

export function externalReviewPath(token: string): string {
  return `${externalReviewPathPrefix}/${token}`;
}

/** Whether `pathname` is an expert's page (or anything under its prefix). */
export function isExternalReviewPath(pathname: string): boolean {
  return pathname === externalReviewPathPrefix || pathname.startsWith(`${externalReviewPathPrefix}/`);
}

/** The path as it may be written to a log: the token replaced. */
export function redactExternalReviewPath(pathname: string): string {
  return isExternalReviewPath(pathname) ? `${externalReviewPathPrefix}/[token]` : pathname;
}
