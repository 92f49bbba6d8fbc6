import { describe, expect, it } from "vitest";
import type { PublicBlock, PublishedProcedure, PublishedRiskList } from "@/lib/content/public-content";
import { bodySections, occurrenceKey, repeatedRiskLists } from "./article-outline";

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const riskList = (n: number, slug: string, title: string): PublishedRiskList => ({ id: key(n), slug, title, versionId: key(n + 100), versionNumber: 1, changeKind: "CLINICAL", groups: [] });
const kortison = riskList(1, "biverkningar-av-kortison", "Biverkningar av kortison");
const epidural = riskList(2, "epidurala-risker", "Risker av epidurala injektioner");

const riskBlock = (n: number, list: PublishedRiskList) => ({ type: "RISK_LIST" as const, key: key(n), riskList: list });
const review = { versionId: key(90), versionNumber: 1, changeKind: "CLINICAL" as const, publishedAt: null, lastReviewedAt: null, nextReviewDue: null, reviewer: null, readerNote: null };
const procedure = (n: number, slug: string, title: string, blocks: PublishedProcedure["blocks"]): PublicBlock => ({
  type: "PROCEDURE",
  key: key(n),
  procedure: { slug, title, review, blocks },
});

const overview: PublicBlock[] = [
  { type: "PARAGRAPH", key: key(10), text: "Inledning." },
  { type: "HEADING", key: key(11), text: "Olika injektioner", level: 2 },
  { type: "HEADING", key: key(12), text: "En underrubrik", level: 3 },
  procedure(13, "epidurala-steroidinjektioner", "Epidurala steroidinjektioner", [riskBlock(20, kortison), riskBlock(21, epidural)]),
  procedure(14, "facettledsinjektioner", "Facettledsinjektioner", [riskBlock(22, kortison)]),
  riskBlock(15, kortison),
  { type: "KEY_TAKEAWAYS", key: key(16), items: ["Tala med din läkare."] },
  { type: "REFERENCES", key: key(17), title: "Veta mer", items: [] },
];

describe("bodySections", () => {
  it("lists top-level headings, procedures, risk lists shown in full and key points, not empty sources", () => {
    expect(bodySections(overview)).toEqual([
      { id: `block-${key(11)}`, title: "Olika injektioner" },
      { id: "behandling-epidurala-steroidinjektioner", title: "Epidurala steroidinjektioner" },
      { id: "behandling-facettledsinjektioner", title: "Facettledsinjektioner" },
      { id: `block-${key(16)}`, title: "Viktiga punkter" },
    ]);
  });

  it("lists a risk list of the article's own body where it is shown in full", () => {
    expect(bodySections([riskBlock(1, epidural), { type: "REFERENCES", key: key(2), items: [{ title: "1177", url: "https://www.1177.se/" }] }])).toEqual([
      { id: "risker-epidurala-risker", title: "Risker av epidurala injektioner" },
      { id: `block-${key(2)}`, title: "Källor" },
    ]);
  });
});

describe("repeatedRiskLists", () => {
  it("shows each list in full where it first appears and names that procedure where it repeats", () => {
    expect(Object.fromEntries(repeatedRiskLists(overview))).toEqual({
      [occurrenceKey(key(14), key(22))]: { procedureTitle: "Epidurala steroidinjektioner" },
      [occurrenceKey(null, key(15))]: { procedureTitle: "Epidurala steroidinjektioner" },
    });
  });

  it("tells apart a list repeated in the article's own body", () => {
    const blocks = [riskBlock(1, kortison), procedure(2, "a", "A", [riskBlock(3, kortison)])];
    expect(Object.fromEntries(repeatedRiskLists(blocks))).toEqual({ [occurrenceKey(key(2), key(3))]: { procedureTitle: null } });
  });

  it("repeats nothing on a page that shows every list once", () => {
    expect(repeatedRiskLists([riskBlock(1, kortison), riskBlock(2, epidural)]).size).toBe(0);
  });
});
