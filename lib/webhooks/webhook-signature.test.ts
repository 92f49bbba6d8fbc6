import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhookBody, verifyWebhookSignature } from "./webhook-signature";

const secret = "whsec_test-secret";
const body = JSON.stringify({ event: "content.published", id: "published:1:2" });
const timestamp = 1_800_000_000;

describe("webhook signatures", () => {
  it("is the HMAC-SHA256 of `<timestamp>.<body>` with the secret, as any receiver can compute it", () => {
    const expected = crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
    expect(signWebhookBody(secret, timestamp, body)).toBe(`v1=${expected}`);
  });

  it("verifies a genuine delivery and refuses any change to body, timestamp, secret or signature", () => {
    const signature = signWebhookBody(secret, timestamp, body);
    const genuine = { secret, timestamp: String(timestamp), signature, body, nowSeconds: timestamp + 10 };
    expect(verifyWebhookSignature(genuine)).toBe(true);
    expect(verifyWebhookSignature({ ...genuine, body: body.replace("published", "unpublished") })).toBe(false);
    expect(verifyWebhookSignature({ ...genuine, timestamp: String(timestamp + 1) })).toBe(false);
    expect(verifyWebhookSignature({ ...genuine, secret: "whsec_other" })).toBe(false);
    expect(verifyWebhookSignature({ ...genuine, signature: signature.slice(0, -1) })).toBe(false);
    expect(verifyWebhookSignature({ ...genuine, signature: null })).toBe(false);
    expect(verifyWebhookSignature({ ...genuine, timestamp: "12ab" })).toBe(false);
  });

  it("refuses a correctly signed but old (replayed) delivery", () => {
    const signature = signWebhookBody(secret, timestamp, body);
    expect(verifyWebhookSignature({ secret, timestamp: String(timestamp), signature, body, nowSeconds: timestamp + 301 })).toBe(false);
  });

  it("generates a different 256-bit secret each time", () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];
    expect(a).not.toBe(b);
    expect(Buffer.from(a.replace(/^whsec_/, ""), "base64url")).toHaveLength(32);
  });
});
