import { describe, expect, it } from "vitest";
import { searchTermsOf } from "./search-schemas";
import { snippetOf } from "./search-query";

describe("searchTermsOf", () => {
  it("keeps letters and digits only, lower-cased, each word once, at most eight", () => {
    expect(searchTermsOf("Injektion & !smärta | 'kortison':* injektion")).toEqual(["injektion", "smärta", "kortison"]);
    expect(searchTermsOf("%_\\ ()")).toEqual([]);
    expect(searchTermsOf("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("snippetOf", () => {
  it("keeps ts_headline's marks and marks whole words containing a stem", () => {
    const headline = "Du kan få \u0002injektioner\u0003 och steroidinjektioner i ryggen";
    expect(snippetOf(headline, "", ["injektion"])).toEqual([
      { text: "Du kan få ", match: false },
      { text: "injektioner", match: true },
      { text: " och ", match: false },
      { text: "steroidinjektioner", match: true },
      { text: " i ryggen", match: false },
    ]);
  });

  it("falls back to a stretch around the first compound match when the fragments hold none", () => {
    const text = `${"Inledning utan träff. ".repeat(20)}Här står epiduralsteroidinjektioner mitt i. ${"Slut. ".repeat(30)}`;
    const parts = snippetOf("Inledning utan träff.", text, ["injektion"]);
    expect(parts.filter((part) => part.match)).toEqual([{ text: "epiduralsteroidinjektioner", match: true }]);
    expect(parts[0]!.text.startsWith("… ")).toBe(true);
    expect(parts.map((part) => part.text).join("").length).toBeLessThan(300);
  });

  it("returns text parts only: markup in the content stays text", () => {
    const parts = snippetOf("<script>alert(1)</script> \u0002injektion\u0003", "", ["injektion"]);
    expect(parts[0]).toEqual({ text: "<script>alert(1)</script> ", match: false });
  });
});
