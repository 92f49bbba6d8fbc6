import crypto from "node:crypto";

/**
 * An expert's link token: 256 random bits (crypto.randomBytes(32)) in base64url. Only its SHA-256 is
 * stored; whoever reads the database cannot open a link.
 */
export function newExternalReviewToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashExternalReviewToken(token) };
}

export function hashExternalReviewToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
