import { describe, expect, it } from "vitest";
import { localCopyToOffer, localDraftCopyKey, parseLocalDraftCopy, sameContent } from "./local-draft-copy";

const server = { title: "Risker", summary: undefined, groups: [{ key: "g1", items: [{ key: "i1", text: "Blåmärke", temporary: true }] }] };

describe("local draft copy", () => {
  it("keys copies by version", () => {
    expect(localDraftCopyKey("abc")).toBe("granskad:utkast:abc");
  });

  it("reads back what was stored, and treats anything else as no copy", () => {
    const copy = { baseRevision: 3, changedAt: "2026-11-24T14:02:00.000Z", content: server };
    expect(parseLocalDraftCopy(JSON.stringify(copy))).toEqual(JSON.parse(JSON.stringify(copy)));
    for (const stored of [null, "", "{", "42", JSON.stringify({ ...copy, baseRevision: "3" }), JSON.stringify({ ...copy, changedAt: "igår" }), JSON.stringify({ ...copy, content: null })]) {
      expect(parseLocalDraftCopy(stored)).toBeNull();
    }
  });

  it("compares content ignoring key order and empty optional fields, but not list entries", () => {
    expect(sameContent(server, { groups: server.groups, summary: "", title: "Risker" })).toBe(true);
    expect(sameContent(server, { ...server, title: "Risker!" })).toBe(false);
    const withEmptyItem = { ...server, groups: [{ ...server.groups[0]!, items: [...server.groups[0]!.items, { key: "i2", text: "" }] }] };
    expect(sameContent(server, withEmptyItem)).toBe(false);
  });

  it("offers a copy only when it holds text the server does not have", () => {
    const changedAt = "2026-11-24T14:02:00.000Z";
    expect(localCopyToOffer(null, { content: server })).toBeNull();
    expect(localCopyToOffer({ baseRevision: 2, changedAt, content: { ...server, summary: "" } }, { content: server })).toBeNull();
    const unsaved = { baseRevision: 2, changedAt, content: { ...server, title: "Risker och biverkningar" } };
    expect(localCopyToOffer(unsaved, { content: server })).toBe(unsaved);
  });
});
