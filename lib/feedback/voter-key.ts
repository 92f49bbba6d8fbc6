import crypto from "node:crypto";

/** The cookie that tells a browser apart from others for "one vote per browser"; nothing else is in it. */
export const readerIdCookie = "granskad_lasare";
const readerIdPattern = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: the cookie's value. */
export function newReaderId(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** A cookie value we issued, or undefined for anything else (which gets a fresh id). */
export function validReaderId(value: string | undefined): string | undefined {
  return value !== undefined && readerIdPattern.test(value) ? value : undefined;
}

/**
 * What is stored for a vote instead of the cookie: an HMAC of the reader id and the article, keyed by a
 * server secret. The database alone cannot link a stored key back to a browser, and because the article is
 * in the hash, one browser's votes on different articles cannot be linked to each other either.
 */
export function voterKeyOf(secret: string, readerId: string, articleId: string): string {
  return crypto.createHmac("sha256", secret).update(`feedback-voter\0${articleId}\0${readerId}`).digest("base64url");
}
