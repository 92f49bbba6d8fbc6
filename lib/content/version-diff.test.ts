import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ArticleBlock, ArticleContent, RiskGroup, RiskItem, RiskListContent } from "./content-schemas";
import { diffArticleContent, diffContent, diffRiskListContent, diffText, type FieldDiff, type RiskGroupDiff, type RiskItemDiff, type TextPart } from "./version-diff";

const key = { intro: randomUUID(), heading: randomUUID(), facts: randomUUID(), risks: randomUUID(), takeaways: randomUUID(), warning: randomUUID() };
const riskListId = randomUUID();

const publishedArticle: ArticleContent = {
  title: "Epidural steroidinjektion",
  summary: "Kortison och bedövning sprutas nära nervroten.",
  blocks: [
    { key: key.intro, type: "PARAGRAPH", text: "Injektionen ges med hjälp av genomlysning och kontrastfärg." },
    { key: key.heading, type: "HEADING", level: 2, text: "Vad kan den hjälpa mot?" },
    {
      key: key.facts,
      type: "PROCEDURE_FACTS",
      facts: {
        medications: ["CORTICOSTEROID", "LOCAL_ANAESTHETIC"],
        imaging: ["CONTRAST_FLUOROSCOPY"],
        indications: ["Ischias", "Spinal stenos"],
        reliefDuration: "1 vecka till 1 år",
        precautions: ["Diabetes"],
        contraindications: [],
      },
    },
    { key: key.risks, type: "RISK_LIST", riskListId },
    { key: key.takeaways, type: "KEY_TAKEAWAYS", title: "Viktiga takeaways", items: ["Lindringen varierar", "Tala med din läkare"] },
  ],
};

function textOf(parts: Pick<TextPart, "kind" | "text">[], kind: TextPart["kind"]): string {
  return parts.filter((part) => part.kind === kind).map((part) => part.text.trim()).join(" ");
}

function field(fields: FieldDiff[], name: FieldDiff["name"]): FieldDiff {
  const found = fields.find((entry) => entry.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

describe("diffText", () => {
  it("marks the words that were removed and added, keeping the rest in order", () => {
    const diff = diffText("Smärtan kan öka i några dagar.", "Smärtan kan tillfälligt öka i upp till en vecka.");
    expect(diff.changed).toBe(true);
    expect(textOf(diff.parts, "removed")).toBe("några dagar");
    expect(textOf(diff.parts, "added")).toBe("tillfälligt upp till en vecka");
    expect(diff.parts.filter((part) => part.kind !== "added").map((part) => part.text).join("")).toBe("Smärtan kan öka i några dagar.");
    expect(diff.parts.filter((part) => part.kind !== "removed").map((part) => part.text).join("")).toBe("Smärtan kan tillfälligt öka i upp till en vecka.");
  });

  it("reads a reworded phrase as one removal and one addition", () => {
    const diff = diffText("svårigheter att bära vikt på benet", "svårigheter att stå på benet");
    expect(diff.parts).toEqual([
      { kind: "same", text: "svårigheter att " },
      { kind: "removed", text: "bära vikt" },
      { kind: "added", text: "stå" },
      { kind: "same", text: " på benet" },
    ]);
  });

  it("treats a missing text as empty", () => {
    expect(diffText(undefined, "Ny sammanfattning")).toEqual({ changed: true, parts: [{ kind: "added", text: "Ny sammanfattning" }] });
    expect(diffText(undefined, undefined)).toEqual({ changed: false, parts: [] });
  });
});

describe("diffArticleContent", () => {
  it("reports nothing but unchanged blocks for identical content", () => {
    const diff = diffArticleContent(publishedArticle, structuredClone(publishedArticle));
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0, moved: 0 });
    expect(diff.title.changed).toBe(false);
    expect(diff.blocks.map((block) => block.status)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged", "unchanged"]);
  });

  it("treats every block of a first version as added", () => {
    const diff = diffContent(null, publishedArticle);
    expect(diff.kind).toBe("article");
    expect(diff.counts.added).toBe(5);
    expect(diff.title.parts).toEqual([{ kind: "added", text: "Epidural steroidinjektion" }]);
  });

  it("tells added, removed, changed and moved blocks apart, including a block that moved and changed", () => {
    const [intro, heading] = publishedArticle.blocks as [ArticleBlock, ArticleBlock];
    const revised: ArticleContent = {
      ...publishedArticle,
      title: "Epidural kortisoninjektion",
      blocks: [
        // The takeaways moved to the top and one point was reworded.
        { key: key.takeaways, type: "KEY_TAKEAWAYS", title: "Viktiga takeaways", items: ["Lindringen varierar", "Tala med en läkare om du har diabetes"] },
        intro,
        { key: key.warning, type: "CALLOUT", tone: "warning", text: "Kontakta vården vid feber efter injektionen." },
        heading,
        {
          key: key.facts,
          type: "PROCEDURE_FACTS",
          facts: {
            medications: ["CORTICOSTEROID", "LOCAL_ANAESTHETIC"],
            imaging: ["CONTRAST_FLUOROSCOPY"],
            indications: ["Ischias", "Diskbråck"],
            reliefDuration: "flera veckor eller längre",
            precautions: ["Diabetes", "Hjärtsvikt"],
            contraindications: [],
          },
        },
      ],
    };

    const diff = diffArticleContent(publishedArticle, revised);

    expect(diff.title.changed).toBe(true);
    expect(textOf(diff.title.parts, "removed")).toBe("steroidinjektion");
    expect(textOf(diff.title.parts, "added")).toBe("kortisoninjektion");
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, moved: 1 });

    const byKey = new Map(diff.blocks.map((block) => [block.key, block]));
    expect(byKey.get(key.intro)).toMatchObject({ status: "unchanged", moved: false, beforePosition: 1, afterPosition: 2 });
    expect(byKey.get(key.heading)).toMatchObject({ status: "unchanged", moved: false });
    expect(byKey.get(key.warning)).toMatchObject({ status: "added", moved: false, afterPosition: 3, beforePosition: undefined });
    expect(byKey.get(key.risks)).toMatchObject({ status: "removed", beforePosition: 4, afterPosition: undefined });

    const movedTakeaways = byKey.get(key.takeaways)!;
    expect(movedTakeaways).toMatchObject({ status: "changed", moved: true, beforePosition: 5, afterPosition: 1 });
    expect(field(movedTakeaways.fields, "items")).toEqual({
      name: "items",
      kind: "list",
      changed: true,
      entries: [
        { kind: "same", text: "Lindringen varierar" },
        { kind: "removed", text: "Tala med din läkare" },
        { kind: "added", text: "Tala med en läkare om du har diabetes" },
      ],
    });

    const changedFacts = byKey.get(key.facts)!;
    expect(changedFacts).toMatchObject({ status: "changed", moved: false });
    expect(field(changedFacts.fields, "medications").changed).toBe(false);
    expect(field(changedFacts.fields, "indications")).toMatchObject({
      entries: [
        { kind: "same", text: "Ischias" },
        { kind: "removed", text: "Spinal stenos" },
        { kind: "added", text: "Diskbråck" },
      ],
    });
    expect(field(changedFacts.fields, "precautions")).toMatchObject({ entries: [{ kind: "same" }, { kind: "added", text: "Hjärtsvikt" }] });
    const relief = field(changedFacts.fields, "reliefDuration");
    expect(relief.kind === "text" && textOf(relief.parts, "added")).toBe("flera veckor eller längre");

    // The removed risk list shows where it used to be: after the facts, its old predecessor.
    expect(diff.blocks.map((block) => block.key)).toEqual([key.takeaways, key.intro, key.warning, key.heading, key.facts, key.risks]);
    expect(field(byKey.get(key.risks)!.fields, "riskListId")).toEqual({ name: "riskListId", kind: "reference", changed: true, before: riskListId, after: undefined });
  });

  it("does not call blocks moved when an insertion merely shifts them", () => {
    const inserted: ArticleContent = {
      ...publishedArticle,
      blocks: [{ key: randomUUID(), type: "PARAGRAPH", text: "Ny inledning." }, ...publishedArticle.blocks],
    };
    const diff = diffArticleContent(publishedArticle, inserted);
    expect(diff.counts).toEqual({ added: 1, removed: 0, changed: 0, moved: 0 });
  });

  it("word-diffs a paragraph edited in place", () => {
    const edited: ArticleContent = {
      ...publishedArticle,
      blocks: publishedArticle.blocks.map((block) =>
        block.key === key.intro ? { ...block, type: "PARAGRAPH", text: "Injektionen ges med hjälp av ultraljud." } : block,
      ),
    };
    const block = diffArticleContent(publishedArticle, edited).blocks[0]!;
    expect(block.status).toBe("changed");
    const text = field(block.fields, "text");
    // Paragraph text is compared with its formatting: the parts carry marks, never Markdown.
    expect(text.kind).toBe("richText");
    expect(text.kind === "richText" && textOf(text.parts, "removed")).toBe("genomlysning och kontrastfärg");
    expect(text.kind === "richText" && textOf(text.parts, "added")).toBe("ultraljud");
  });
});

describe("diffRiskListContent", () => {
  const groupKey = randomUUID();
  const heartGroupKey = randomUUID();
  const item = { flush: randomUUID(), sugar: randomUUID(), insomnia: randomUUID(), heart: randomUUID() };
  const published: RiskListContent = {
    title: "Biverkningar av kortison",
    groups: [
      {
        key: groupKey,
        items: [
          { key: item.flush, text: "Rodnad i ansiktet", severity: "MILD", frequency: "COMMON", temporary: true },
          { key: item.sugar, text: "Förhöjt blodsocker hos personer med diabetes", severity: "MODERATE", frequency: "COMMON", temporary: true },
          { key: item.insomnia, text: "Sömnsvårigheter", severity: "MILD", frequency: "UNCOMMON", temporary: true },
        ],
      },
    ],
  };

  it("reports risks added, removed and changed in text, severity, frequency and permanence, and new groups", () => {
    const revised: RiskListContent = {
      title: "Biverkningar av kortison",
      summary: "Oftast lindriga och övergående.",
      groups: [
        {
          key: groupKey,
          items: [
            { key: item.flush, text: "Rodnad och värmekänsla i ansiktet", severity: "MILD", frequency: "COMMON", temporary: true },
            { key: item.sugar, text: "Förhöjt blodsocker hos personer med diabetes", severity: "SERIOUS", frequency: "UNCOMMON", temporary: false },
          ],
        },
        {
          key: heartGroupKey,
          title: "I vissa situationer kan kortison påverka hjärtat",
          items: [{ key: item.heart, text: "Försämrad hjärtsvikt", severity: "SERIOUS", frequency: "RARE", temporary: false }],
        },
      ],
    };

    const diff = diffRiskListContent(published, revised);

    expect(diff.kind).toBe("riskList");
    expect(diff.summary.changed).toBe(true);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, moved: 0 });
    const [group, heartGroup] = diff.groups as [RiskGroupDiff, RiskGroupDiff];
    expect(group.status).toBe("changed");
    expect(heartGroup).toMatchObject({ key: heartGroupKey, status: "added" });
    expect(textOf(heartGroup.title.parts, "added")).toBe("I vissa situationer kan kortison påverka hjärtat");

    const [flush, sugar, insomnia] = group.items as [RiskItemDiff, RiskItemDiff, RiskItemDiff];
    expect(flush.status).toBe("changed");
    expect(textOf(flush.text.parts, "added")).toBe("och värmekänsla");
    expect(flush.severity.changed).toBe(false);
    expect(sugar).toMatchObject({
      status: "changed",
      text: { changed: false },
      severity: { before: "MODERATE", after: "SERIOUS", changed: true },
      frequency: { before: "COMMON", after: "UNCOMMON", changed: true },
      temporary: { before: true, after: false, changed: true },
    });
    expect(insomnia).toMatchObject({ key: item.insomnia, status: "removed" });
  });

  it("marks a risk moved within its group", () => {
    const [group] = published.groups as [RiskGroup];
    const [flushItem, sugarItem, insomniaItem] = group.items as [RiskItem, RiskItem, RiskItem];
    const reordered: RiskListContent = { ...published, groups: [{ ...group, items: [insomniaItem, flushItem, sugarItem] }] };
    const diff = diffRiskListContent(published, reordered);
    expect(diff.groups[0]!.items.filter((entry) => entry.moved).map((entry) => entry.key)).toEqual([item.insomnia]);
    expect(diff.groups[0]!.status).toBe("changed");
  });
});
