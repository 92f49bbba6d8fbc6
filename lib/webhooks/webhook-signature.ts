import crypto from "node:crypto";

/** The headers every delivery carries; receivers read the signature inputs from them. */
export const webhookHeaders = {
  timestamp: "Granskad-Timestamp",
  signature: "Granskad-Signature",
  idempotencyKey: "Idempotency-Key",
  event: "Granskad-Event",
} as const;

const signatureScheme = "v1=";

/** A new signing secret (256 random bits), shown to the admin once. */
export function generateWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}

/** `v1=` and the hex HMAC-SHA256, keyed with the subscription's secret, of `<timestamp>.<body>`. */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return signatureScheme + crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export type WebhookVerification = { secret: string; timestamp: string | null; signature: string | null; body: string; nowSeconds?: number; toleranceSeconds?: number };

/**
 * What a receiver does (and the README shows): recompute the signature over the exact bytes received,
 * compare in constant time, and refuse timestamps far from now so a captured request cannot be replayed
 * later.
 */
export function verifyWebhookSignature({ secret, timestamp, signature, body, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300 }: WebhookVerification): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookBody(secret, Number(timestamp), body));
  const received = Buffer.from(signature);
  return expected.length === received.length && crypto.timingSafeEqual(expected, received);
}
