import { describe, expect, it } from "vitest";
import { articleContentSchema, riskListContentSchema, slugSchema } from "@/lib/content/content-schemas";
import { corpusArticle, corpusArticleVersion, corpusRiskList, corpusRiskListVersion, defaultCorpusShape } from "./bench-corpus";

const shape = defaultCorpusShape;

describe("benchmark corpus", () => {
  it("produces article versions the content schema accepts, unchanged by parsing, with stable block keys", () => {
    for (const index of [0, 1, 2, 3, 10, 997, shape.articles - 1]) {
      const article = corpusArticle(index);
      expect(slugSchema.parse(article.slug)).toBe(article.slug);
      const first = corpusArticleVersion(shape, article, 1);
      const last = corpusArticleVersion(shape, article, shape.versionsPerArticle);
      expect(articleContentSchema.parse(first.content)).toEqual(first.content);
      expect(articleContentSchema.parse(last.content)).toEqual(last.content);
      expect(last.content.blocks.map((block) => block.key)).toEqual(first.content.blocks.map((block) => block.key));
      expect(last.content.title).not.toBe(first.content.title);
      expect(last.id).not.toBe(first.id);
    }
  });

  it("gives overviews procedures, some procedures facts, and every procedure a risk list in the corpus", () => {
    const riskListIds = new Set(Array.from({ length: shape.riskLists }, (_, index) => corpusRiskList(index).id));
    const overview = corpusArticleVersion(shape, corpusArticle(0), 1).content;
    expect(overview.blocks.filter((block) => block.type === "PROCEDURE").map((block) => block.procedureArticleId)).toEqual([corpusArticle(1).id, corpusArticle(2).id]);
    const procedures = [1, 2, 3, 4].map((index) => corpusArticleVersion(shape, corpusArticle(index), 1).content);
    expect(procedures.filter((content) => content.blocks.some((block) => block.type === "PROCEDURE_FACTS"))).toHaveLength(2);
    for (const content of procedures) {
      const riskLists = content.blocks.flatMap((block) => (block.type === "RISK_LIST" ? [block.riskListId] : []));
      expect(riskLists.length).toBeGreaterThan(0);
      for (const id of riskLists) expect(riskListIds.has(id)).toBe(true);
    }
  });

  it("produces risk-list versions the content schema accepts, the same on every call", () => {
    for (const index of [0, 1, shape.riskLists - 1]) {
      const list = corpusRiskList(index);
      const version = corpusRiskListVersion(list, shape.versionsPerRiskList);
      expect(riskListContentSchema.parse(version.content)).toEqual(version.content);
      expect(corpusRiskListVersion(list, shape.versionsPerRiskList)).toEqual(version);
      expect(slugSchema.parse(list.slug)).toBe(list.slug);
    }
  });
});
