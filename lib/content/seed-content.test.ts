import { describe, expect, it } from "vitest";
import { articleContentSchema, riskListContentSchema, slugSchema } from "./content-schemas";
import { contentHash } from "./content-hash";
import { kortisonRiskList, seedArticles, seedOverviewArticle, seedProcedureArticles, seedRiskLists, seedUuid } from "./seed-content";

const procedureSlugsInSourceOrder = [
  "epidurala-steroidinjektioner",
  "facettledsinjektioner",
  "sacroiliaca-ledinjektioner",
  "triggerpunktsinjektioner",
  "radiofrekvensablation",
  "nervblockader",
];

describe("seed content", () => {
  it("is valid content that the schemas leave unchanged, so its hash is the hash of what gets stored", () => {
    for (const list of seedRiskLists) {
      expect(riskListContentSchema.parse(list.content), list.slug).toEqual(list.content);
      expect(contentHash(riskListContentSchema.parse(list.content))).toBe(contentHash(list.content));
    }
    for (const item of seedArticles) {
      expect(articleContentSchema.parse(item.content), item.slug).toEqual(item.content);
      expect(contentHash(articleContentSchema.parse(item.content))).toBe(contentHash(item.content));
    }
  });

  it("has one overview and the six procedures in source order, with URL-safe unique slugs", () => {
    expect(seedOverviewArticle).toMatchObject({ slug: "injektioner-mot-ryggsmarta", kind: "OVERVIEW" });
    expect(seedOverviewArticle.content.title).toBe("Injektioner kan hjälpa många typer av ryggsmärtor");
    expect(seedProcedureArticles.map((procedure) => procedure.slug)).toEqual(procedureSlugsInSourceOrder);
    expect(seedProcedureArticles.every((procedure) => procedure.kind === "PROCEDURE")).toBe(true);
    const procedureBlocks = seedOverviewArticle.content.blocks.filter((block) => block.type === "PROCEDURE");
    expect(procedureBlocks.map((block) => block.procedureArticleId)).toEqual(seedProcedureArticles.map((procedure) => procedure.id));
    const slugs = [...seedArticles, ...seedRiskLists].map((item) => item.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slugSchema.parse(slug)).toBe(slug);
  });

  it("gives each procedure exactly one facts block and resolves every reference to a seeded item", () => {
    const riskListIds = new Set(seedRiskLists.map((list) => list.id));
    const procedureIds = new Set(seedProcedureArticles.map((procedure) => procedure.id));
    for (const procedure of seedProcedureArticles) {
      expect(procedure.content.blocks.filter((block) => block.type === "PROCEDURE_FACTS"), procedure.slug).toHaveLength(1);
      expect(procedure.content.blocks.some((block) => block.type === "RISK_LIST"), procedure.slug).toBe(true);
    }
    for (const item of seedArticles) {
      for (const block of item.content.blocks) {
        if (block.type === "RISK_LIST") expect(riskListIds.has(block.riskListId), `${item.slug} → ${block.riskListId}`).toBe(true);
        if (block.type === "PROCEDURE") expect(procedureIds.has(block.procedureArticleId), `${item.slug} → ${block.procedureArticleId}`).toBe(true);
      }
    }
  });

  it("lists the six cortisone side effects and reuses that list in four procedures", () => {
    expect(kortisonRiskList.slug).toBe("biverkningar-av-kortison");
    expect(kortisonRiskList.content.title).toBe("Biverkningar av kortison");
    expect(kortisonRiskList.content.groups.flatMap((group) => group.items.map((item) => item.text))).toEqual([
      "tillfälligt ökade blodsockernivåer",
      "rodnad i ansiktet",
      "tillfälligt förhöjda blodtrycksnivåer",
      "sömnlöshet",
      "ökad aptit",
      "binjurebarksvikt",
    ]);
    const users = seedProcedureArticles
      .filter((procedure) => procedure.content.blocks.some((block) => block.type === "RISK_LIST" && block.riskListId === kortisonRiskList.id))
      .map((procedure) => procedure.slug);
    expect(users).toEqual(procedureSlugsInSourceOrder.slice(0, 4));
  });

  it("marks what the source calls temporary as temporary and the rare serious risks as such", () => {
    const items = seedRiskLists.flatMap((list) => list.content.groups.flatMap((group) => group.items));
    for (const item of items) expect(item.temporary, item.text).toBe(/^tillfällig/.test(item.text));
    for (const serious of ["nervskada", "förlamning", "stroke", "synförlust", "hjärnsvullnad", "anfall"]) {
      const matching = items.filter((item) => item.text === serious);
      expect(matching.length, serious).toBeGreaterThan(0);
      for (const item of matching) expect(item, serious).toMatchObject({ severity: "SERIOUS", frequency: "RARE" });
    }
    const nerveBlockList = seedRiskLists.find((list) => list.slug === "nervblockader-biverkningar");
    expect(nerveBlockList?.content.groups.map((group) => group.title)).toEqual([
      undefined,
      "I vissa situationer kan du få biverkningar som involverar ditt hjärta",
    ]);
  });

  it("derives ids as version-5 UUIDs that are the same on every run", () => {
    expect(seedUuid("article/injektioner-mot-ryggsmarta")).toBe(seedOverviewArticle.id);
    // The value Python's uuid.uuid5(UUID("06b8f531-8b48-4c08-a607-1373ad8ed33f"), "granskad") gives.
    expect(seedUuid("granskad")).toBe("f66fa5cd-f7d8-56f3-9a81-87e194d28044");
    expect(seedUuid("granskad")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = [...seedArticles, ...seedRiskLists].flatMap((item) => [item.id, item.versionId]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
