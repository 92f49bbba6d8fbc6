import { describe, expect, it } from "vitest";
import { externalReviewPath, isExternalReviewPath, redactExternalReviewPath } from "./external-review-path";

describe("the expert's page address", () => {
  it("is recognised, and never written to a log with its token", () => {
    const path = externalReviewPath("abcDEF123_-abcDEF123_-abcDEF123_-abcDEF1234");
    expect(isExternalReviewPath(path)).toBe(true);
    expect(isExternalReviewPath("/extern-granskning")).toBe(true);
    expect(isExternalReviewPath("/extern-granskningar")).toBe(false);
    expect(isExternalReviewPath("/admin/extern-granskning/x")).toBe(false);
    expect(redactExternalReviewPath(path)).toBe("/extern-granskning/[token]");
    expect(redactExternalReviewPath("/artiklar/ryggsmarta")).toBe("/artiklar/ryggsmarta");
  });
});
