import { describe, expect, it } from "vitest";
import { classifyChange } from "./change-kind";
import type { ArticleContent, RiskListContent } from "./content-schemas";

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const article: ArticleContent = {
  title: "Radiofrekvensablation",
  summary: "Om behandlingen",
  blocks: [
    { key: key(1), type: "PARAGRAPH", text: "Värme stänger av nerven." },
    {
      key: key(2),
      type: "PROCEDURE_FACTS",
      facts: { medications: ["LOCAL_ANAESTHETIC"], imaging: ["CONTRAST_FLUOROSCOPY"], indications: ["ryggsmärta", "nacksmärta"], precautions: [], contraindications: ["ökat tryck i hjärnan"] },
    },
    { key: key(3), type: "RISK_LIST", riskListId: key(90) },
  ],
};

const riskList: RiskListContent = {
  title: "Risker",
  groups: [
    { key: key(10), items: [{ key: key(11), text: "blåmärke", severity: "MILD", frequency: "COMMON", temporary: true }] },
    { key: key(20), title: "Sällsynt", items: [{ key: key(21), text: "nervskada", severity: "SERIOUS", frequency: "RARE", temporary: false }] },
  ],
};

const withBlocks = (change: (blocks: ArticleContent["blocks"]) => ArticleContent["blocks"]): ArticleContent => ({ ...article, blocks: change(article.blocks) });
const withFacts = (facts: Partial<Extract<ArticleContent["blocks"][number], { type: "PROCEDURE_FACTS" }>["facts"]>) =>
  withBlocks((blocks) => blocks.map((block) => (block.type === "PROCEDURE_FACTS" ? { ...block, facts: { ...block.facts, ...facts } } : block)));

describe("classifyChange", () => {
  it.each([
    ["nothing published", null, article, ["firstVersion"]],
    ["nothing changed", article, article, []],
    ["the title and summary", article, { ...article, title: "Ny titel", summary: "Ny" }, []],
    ["a paragraph", article, withBlocks((blocks) => blocks.map((block) => (block.type === "PARAGRAPH" ? { ...block, text: "Annan text." } : block))), []],
    ["the blocks' order", article, withBlocks((blocks) => [...blocks].reverse()), []],
    ["indications reordered", article, withFacts({ indications: ["nacksmärta", "ryggsmärta"] }), []],
    ["an indication", article, withFacts({ indications: ["ryggsmärta"] }), ["procedureFacts"]],
    ["the medication", article, withFacts({ medications: ["CORTICOSTEROID"] }), ["procedureFacts"]],
    ["the relief duration", article, withFacts({ reliefDuration: "ett år" }), ["procedureFacts"]],
    ["the contraindications", article, withFacts({ contraindications: [] }), ["contraindications"]],
    ["the facts block removed", article, withBlocks((blocks) => blocks.filter((block) => block.type !== "PROCEDURE_FACTS")), ["procedureFacts", "contraindications"]],
    ["another risk list", article, withBlocks((blocks) => blocks.map((block) => (block.type === "RISK_LIST" ? { ...block, riskListId: key(91) } : block))), ["riskListReference"]],
    ["a procedure embedded", article, withBlocks((blocks) => [...blocks, { key: key(4), type: "PROCEDURE", procedureArticleId: key(92) }]), ["procedureReference"]],
  ] as const)("an article, %s", (_name, before, after, reasons) => {
    expect(classifyChange(before, after)).toEqual({ kind: reasons.length > 0 ? "CLINICAL" : "EDITORIAL", reasons });
  });

  const withRisk = (change: Partial<RiskListContent["groups"][number]["items"][number]>): RiskListContent => ({
    ...riskList,
    groups: riskList.groups.map((group, index) => (index === 1 ? { ...group, items: group.items.map((item) => ({ ...item, ...change })) } : group)),
  });

  it.each<[string, RiskListContent, string[]]>([
    ["a group heading", { ...riskList, groups: riskList.groups.map((group) => ({ ...group, title: "Rubrik" })) }, []],
    ["the groups' order", { ...riskList, groups: [...riskList.groups].reverse() }, []],
    ["a risk's words", withRisk({ text: "nervskada (sällsynt)" }), ["riskItems"]],
    ["a severity", withRisk({ severity: "MODERATE" }), ["riskItems"]],
    ["a frequency", withRisk({ frequency: "UNCOMMON" }), ["riskItems"]],
    ["the temporary flag", withRisk({ temporary: true }), ["riskItems"]],
    ["a risk moved to another group", { ...riskList, groups: [{ ...riskList.groups[0]!, items: [...riskList.groups[0]!.items, ...riskList.groups[1]!.items] }, { ...riskList.groups[1]!, items: [{ key: key(22), text: "x", severity: "MILD", frequency: "RARE", temporary: true }] }] }, ["riskItems"]],
    ["a risk removed", { ...riskList, groups: [riskList.groups[0]!] }, ["riskItems"]],
  ])("a risk list, %s", (_name, after, reasons) => {
    expect(classifyChange(riskList, after)).toEqual({ kind: reasons.length > 0 ? "CLINICAL" : "EDITORIAL", reasons });
  });

  it("lets the editor make an editorial change clinical, and never a clinical one editorial", () => {
    expect(classifyChange(article, { ...article, title: "Ny" }, true)).toEqual({ kind: "CLINICAL", reasons: ["markedByEditor"] });
    expect(classifyChange(article, withFacts({ contraindications: [] }), false).kind).toBe("CLINICAL");
  });
});
