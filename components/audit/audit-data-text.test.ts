import { describe, expect, it } from "vitest";
import { auditDataText } from "./audit-data-text";

describe("auditDataText", () => {
  it("writes flat data as key: value pairs", () => {
    expect(auditDataText({ email: "a@b.se", demo: true, count: 2 })).toBe("email: a@b.se; demo: true; count: 2");
  });

  it("joins arrays and shows an empty one as a dash", () => {
    expect(auditDataText({ before: ["EDITOR"], after: ["EDITOR", "REVIEWER"], removed: [] })).toBe("before: EDITOR; after: EDITOR, REVIEWER; removed: –");
  });

  it("keeps nested change records on one line", () => {
    expect(auditDataText({ name: { before: "Ann", after: "Anna" } })).toBe("name: {before: Ann; after: Anna}");
  });

  it("writes nothing for empty data", () => {
    expect(auditDataText({})).toBe("");
    expect(auditDataText(null)).toBe("");
  });
});
