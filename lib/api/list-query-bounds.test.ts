import { describe, expect, it } from "vitest";
import { encodeCursor, listQuerySchema } from "./api-schemas";

describe("list query parameters are validated for range before they reach the database", () => {
  it.each(["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "10000-01-01T00:00:00Z"])("refuses updated_since %s", (value) => {
    expect(listQuerySchema.safeParse({ updated_since: value }).success).toBe(false);
  });

  it("accepts the first and last instants PostgreSQL and Date share", () => {
    expect(listQuerySchema.safeParse({ updated_since: "0001-01-01T00:00:00Z" }).success).toBe(true);
    expect(listQuerySchema.safeParse({ updated_since: "9999-12-31T23:59:59.999Z" }).success).toBe(true);
  });

  it.each([encodeCursor("\u0000"), encodeCursor("slug\u00e5"), Buffer.from(JSON.stringify({ after: 12 })).toString("base64url"), "9223372036854775808"])(
    "refuses the cursor %s, which decodes to the wrong shape",
    (cursor) => {
      expect(listQuerySchema.safeParse({ cursor }).success).toBe(false);
    },
  );

  it.each(["0", "101", "2147483648", "1e3", "NaN"])("refuses limit %s", (limit) => {
    expect(listQuerySchema.safeParse({ limit }).success).toBe(false);
  });
});
