import { describe, expect, it } from "vitest";
import { auditQuerySchema } from "./audit-query";

describe("the audit filter's dates and page are validated for range", () => {
  it.each(["0000-01-01", "0001-01-01", "1899-12-31", "9999-12-31"])("refuses the date %s", (date) => {
    expect(auditQuerySchema.safeParse({ from: date }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ to: date }).success).toBe(false);
  });

  it("refuses a page beyond the largest bigint, and accepts the largest", () => {
    expect(auditQuerySchema.safeParse({ before: "9223372036854775808" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ before: "9223372036854775807" }).success).toBe(true);
  });
});

describe("a page that is not a number", () => {
  it("is refused as invalid, not thrown at", () => {
    expect(auditQuerySchema.safeParse({ before: "W}zK:r" }).success).toBe(false);
  });
});
