import { describe, expect, it } from "vitest";
import { blockSummary } from "./block-summary";

const key = "00000000-0000-4000-8000-000000000000";

describe("blockSummary", () => {
  it("shows paragraph text as a reader reads it, without markup", () => {
    expect(blockSummary({ key, type: "PARAGRAPH", text: "Det *kan* ge **betydande** lindring, se [1177](https://www.1177.se/)." }, {})).toBe(
      "Det kan ge betydande lindring, se 1177.",
    );
  });

  it("puts a list's points on one line and names a referenced risk list by its title", () => {
    expect(blockSummary({ key, type: "KEY_TAKEAWAYS", title: "Viktigt", items: ["ett", "två"] }, {})).toBe("Viktigt · • ett · • två");
    expect(blockSummary({ key, type: "RISK_LIST", riskListId: "r1" }, { r1: "Biverkningar av kortison" })).toBe("Biverkningar av kortison");
    expect(blockSummary({ key, type: "RISK_LIST", riskListId: "" }, {})).toBe("Ingen risklista vald");
  });

  it("cuts a long text at a word", () => {
    const summary = blockSummary({ key, type: "PARAGRAPH", text: "ord ".repeat(100) }, {});
    expect(summary.length).toBeLessThanOrEqual(121);
    expect(summary).toMatch(/^(ord )*ord…$/);
  });
});
