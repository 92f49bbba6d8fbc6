import { describe, expect, it } from "vitest";
import { externalReviewDays } from "./external-review-config";
import { externalReviewTokenSchema } from "./external-review-schemas";
import { hashExternalReviewToken, newExternalReviewToken } from "./external-review-token";
import { externalReviewRefusalPage } from "./refusal-page";

describe("GRANSKAD_EXTERNAL_REVIEW_DAYS", () => {
  it("defaults to 14 days, takes whole days from 1 to 90 and refuses anything else", () => {
    expect(externalReviewDays({})).toBe(14);
    expect(externalReviewDays({ GRANSKAD_EXTERNAL_REVIEW_DAYS: " " })).toBe(14);
    expect(externalReviewDays({ GRANSKAD_EXTERNAL_REVIEW_DAYS: "7" })).toBe(7);
    expect(externalReviewDays({ GRANSKAD_EXTERNAL_REVIEW_DAYS: "90" })).toBe(90);
    for (const bad of ["0", "91", "1.5", "två", "-3"]) expect(() => externalReviewDays({ GRANSKAD_EXTERNAL_REVIEW_DAYS: bad })).toThrow(/1 to 90/);
  });
});

describe("the link's token", () => {
  it("is 32 random bytes in base64url, different every time, stored as its SHA-256", () => {
    const tokens = Array.from({ length: 50 }, () => newExternalReviewToken());
    expect(new Set(tokens.map(({ token }) => token)).size).toBe(50);
    for (const { token, tokenHash } of tokens) {
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(externalReviewTokenSchema.safeParse(token).success).toBe(true);
      expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(tokenHash).toBe(hashExternalReviewToken(token));
      expect(tokenHash).not.toContain(token);
    }
    for (const bad of ["", "kort", `${tokens[0]!.token}=`, "a".repeat(44), `${"a".repeat(42)}/`]) expect(externalReviewTokenSchema.safeParse(bad).success).toBe(false);
  });
});

describe("the page a link answers with when it opens nothing", () => {
  it("says why in Swedish with its status, never indexed, and waits as long as the limit says", () => {
    expect(externalReviewRefusalPage({ kind: "unknown", status: 404 })).toMatchObject({ status: 404, html: expect.stringContaining("Länken finns inte") });
    expect(externalReviewRefusalPage({ kind: "expired", status: 410 })).toMatchObject({ status: 410, html: expect.stringContaining("gått ut") });
    expect(externalReviewRefusalPage({ kind: "revoked", status: 410 })).toMatchObject({ status: 410, html: expect.stringContaining("återkallats") });
    const limited = externalReviewRefusalPage({ kind: "rateLimited", status: 429, secondsToWait: 125 });
    expect(limited).toMatchObject({ status: 429, retryAfterSeconds: 125, html: expect.stringContaining("Försök igen om 3 minuter") });
    expect(limited.html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(limited.html).toContain('<html lang="sv">');
  });
});
