import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { contentHash } from "@/lib/content/content-hash";
import { getPublishedArticle } from "@/lib/content/public-content";
import { readArticleContent, readRiskListContent } from "@/lib/content/version-content";
import { corpusArticle, corpusArticleVersion, type CorpusShape } from "./bench-corpus";
import { loadCorpus } from "./bench-load-corpus";

const shape: CorpusShape = { articles: 12, versionsPerArticle: 3, riskLists: 4, versionsPerRiskList: 2 };

describe("loadCorpus", () => {
  let kit: TestKit;
  let db: Db;

  beforeAll(async () => {
    kit = await openTestKit({ name: "bench-load-corpus", seed: false });
    db = kit.db;
  });

  afterAll(async () => {
    await kit?.close();
  });

  it("writes history the integrity rules accept: one published version per item, hashes that match the stored rows", async () => {
    expect(await loadCorpus(db, shape, () => {})).toBe("loaded");

    expect(await db.contentVersion.count({ where: { articleId: { not: null } } })).toBe(shape.articles * shape.versionsPerArticle);
    expect(await db.contentVersion.count({ where: { status: "PUBLISHED" } })).toBe(shape.articles + shape.riskLists);
    expect(await db.contentVersion.count({ where: { status: "SUPERSEDED", riskListId: { not: null } } })).toBe(shape.riskLists * (shape.versionsPerRiskList - 1));

    const frozen = await db.contentVersion.findMany({ select: { id: true, articleId: true, contentHash: true } });
    for (const version of frozen) {
      const stored = version.articleId ? await readArticleContent(db, version.id) : await readRiskListContent(db, version.id);
      expect(contentHash(stored)).toBe(version.contentHash);
    }
  });

  it("serves the last version to readers, with embedded procedures and risk lists resolved", async () => {
    const overview = corpusArticle(0);
    const published = await getPublishedArticle(db, overview.slug);
    expect(published?.title).toBe(corpusArticleVersion(shape, overview, shape.versionsPerArticle).content.title);
    expect(published?.review.versionNumber).toBe(shape.versionsPerArticle);
    const procedures = published?.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [block.procedure] : [])) ?? [];
    expect(procedures.map((procedure) => procedure.slug)).toEqual([corpusArticle(1).slug, corpusArticle(2).slug]);
    expect(procedures[0]?.blocks.some((block) => block.type === "RISK_LIST")).toBe(true);
  });

  it("reuses a loaded corpus and refuses a different one", async () => {
    expect(await loadCorpus(db, shape, () => {})).toBe("reused");
    await expect(loadCorpus(db, { ...shape, articles: 13 }, () => {})).rejects.toThrow(/another benchmark corpus/);
  });
});
