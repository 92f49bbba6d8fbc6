/** A nonce for one response: 128 random bits, base64 (the CSP nonce-source syntax allows it as is). */
export function createCspNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export type PagePolicyOptions = {
  nonce: string;
  /** `next dev` only: React rebuilds server error stacks with eval and injects styles without a nonce. */
  development: boolean;
  /** On an https site, so that a stray http:// subresource is fetched over https instead. */
  upgradeInsecureRequests: boolean;
};

/**
 * The Content-Security-Policy of every HTML page. Scripts run only when they carry this response's
 * nonce (Next.js puts it on its own scripts, read from the request's copy of this header) or when a
 * nonce-bearing script loads them ('strict-dynamic'); 'self' is there only for browsers without CSP 3,
 * which ignore 'strict-dynamic'. There is no 'unsafe-inline' and, outside development, no 'unsafe-eval'.
 * Styles come from our own stylesheets or carry the nonce; the pages use no style attributes.
 * Nobody may frame any page: the public pages have forms that clickjacking could abuse, and the admin
 * is never embedded, so frame-ancestors is 'none' everywhere.
 */
export function pageContentSecurityPolicy({ nonce, development, upgradeInsecureRequests }: PagePolicyOptions): string {
  const directives: string[][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["img-src", "'self'"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(upgradeInsecureRequests ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/**
 * The policy of JSON responses (feed, API, auth endpoints): they are data, never documents, so should
 * one be opened as a page it may load nothing and be framed by nobody.
 */
export const dataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
