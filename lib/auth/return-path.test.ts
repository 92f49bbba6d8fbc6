import { describe, expect, it } from "vitest";
import { defaultReturnPath, safeReturnPath } from "./return-path";

const origin = "https://granskad.example";

describe("safeReturnPath", () => {
  it.each([
    ["/admin/innehall", "/admin/innehall"],
    ["/admin/versioner/1?flik=diff#block-2", "/admin/versioner/1?flik=diff#block-2"],
    ["https://granskad.example/admin/logg", "/admin/logg"],
    ["admin/logg", "/admin/logg"],
    // Same scheme without slashes is a relative reference, as a browser resolves it too.
    ["https:evil.example", "/evil.example"],
  ])("keeps the same-site destination %s", (value, expected) => {
    expect(safeReturnPath(value, origin)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "\t//evil.example",
    "/\n/evil.example",
    " //evil.example",
    "https://evil.example/admin",
    "http://granskad.example/admin",
    "https://granskad.example.evil.example/",
    "https://granskad.example@evil.example/",
    "javascript:alert(1)",
    "java\tscript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://granskad.example//evil.example",
    "",
    "x".repeat(3_000),
  ])("turns %j into the default page", (value) => {
    expect(safeReturnPath(value, origin)).toBe(defaultReturnPath);
  });

  it("keeps encoded slashes encoded: the path stays on this site", () => {
    expect(safeReturnPath("/%2F%2Fevil.example", origin)).toBe("/%2F%2Fevil.example");
    expect(safeReturnPath("/%5C%5Cevil.example", origin)).toBe("/%5C%5Cevil.example");
  });

  it("accepts only strings (the first of repeated parameters)", () => {
    expect(safeReturnPath(["/admin/logg", "//evil.example"], origin)).toBe("/admin/logg");
    expect(safeReturnPath(undefined, origin)).toBe(defaultReturnPath);
    expect(safeReturnPath({ toString: () => "/admin" }, origin)).toBe(defaultReturnPath);
  });
});
