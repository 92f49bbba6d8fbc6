import { describe, expect, it } from "vitest";
import type { ArticleBlock } from "@/lib/content/content-schemas";
import { seedOverviewArticle } from "@/lib/content/seed-content";
import { articleLix, blockLix, readabilityData } from "./article-readability";
import { analyseLix } from "./lix";
import { lixTarget } from "./readability-target";
import { compareReadability, lixDirection, readabilityForDiff } from "./readability-comparison";

const key = "00000000-0000-4000-8000-000000000001";

describe("blockLix", () => {
  it("measures a paragraph's text without its Markdown", () => {
    const block: ArticleBlock = { key, type: "PARAGRAPH", text: "Det **gör** [sällan](https://www.1177.se) ont." };
    expect(blockLix(block)).toEqual(analyseLix(["Det gör sällan ont."]));
  });

  it("counts each list item as a sentence, with the intro", () => {
    const block: ArticleBlock = { key, type: "BULLET_LIST", intro: "Tala med en läkare om du har:", items: ["hjärtsvikt", "diabetes"] };
    expect(blockLix(block)).toMatchObject({ words: 9, sentences: 3, longWords: 2 });
  });

  it("does not measure headings, sources or references", () => {
    expect(blockLix({ key, type: "HEADING", level: 2, text: "Vanliga biverkningar" })).toBeNull();
    expect(blockLix({ key, type: "REFERENCES", items: [{ title: "Socialstyrelsen" }] })).toBeNull();
    expect(blockLix({ key, type: "RISK_LIST", riskListId: key })).toBeNull();
  });
});

describe("articleLix", () => {
  it("is the summary and the measured blocks read as one text", () => {
    const content = seedOverviewArticle.content;
    const parts = [content.summary ?? "", ...content.blocks.flatMap((block) => (blockLix(block)?.sentenceList ?? []).map((sentence) => sentence.text))];
    const whole = articleLix(content);
    expect(whole.words).toBe(analyseLix(parts).words);
    expect(whole.lix).not.toBeNull();
  });

  it("serves the band and the target judged on the rounded LIX", () => {
    // 4 words, 1 sentence, 1 long: 4 + 25 = 29 → very easy, within 40.
    expect(readabilityData(analyseLix(["Skicka e-post till röntgen-mottagningen."]), 40)).toEqual({
      lix: 29,
      band: "very_easy",
      words: 4,
      sentences: 1,
      longWords: 1,
      target: 40,
      withinTarget: true,
    });
    expect(readabilityData(analyseLix([]), 40)).toMatchObject({ lix: null, band: null, withinTarget: null });
  });
});

describe("lixTarget", () => {
  it("is 40 for patient text unless LIX_TARGET_PATIENT says otherwise, and refuses a bad value", () => {
    expect(lixTarget("patient", {})).toBe(40);
    expect(lixTarget("patient", { LIX_TARGET_PATIENT: " 35 " })).toBe(35);
    expect(() => lixTarget("patient", { LIX_TARGET_PATIENT: "lätt" })).toThrow(/LIX_TARGET_PATIENT/);
    expect(() => lixTarget("patient", { LIX_TARGET_PATIENT: "5" })).toThrow(/20 to 80/);
  });
});

describe("compareReadability", () => {
  const paragraph = (blockKey: string, text: string): ArticleBlock => ({ key: blockKey, type: "PARAGRAPH", text });
  const keyA = "00000000-0000-4000-8000-00000000000a";
  const keyB = "00000000-0000-4000-8000-00000000000b";

  it("gives each measured block's LIX before and after, and the whole article's", () => {
    const before = { title: "T", blocks: [paragraph(keyA, "Det gör ont."), { key, type: "HEADING", level: 2, text: "Rubrik" } as ArticleBlock] };
    // 3 words, 1 sentence, 0 long → 3; then 4 words, 1 sentence, 2 long (Behandlingen, smärtsam) → 4 + 50 = 54.
    const after = { title: "T", blocks: [paragraph(keyA, "Behandlingen är ibland smärtsam."), paragraph(keyB, "Vila.")] };
    const comparison = compareReadability(before, after, 40);
    expect(comparison.blocks[keyA]).toEqual({ before: { lix: 3, band: "very_easy" }, after: { lix: 54, band: "hard" } });
    expect(comparison.blocks[keyB]).toEqual({ before: null, after: { lix: 1, band: "very_easy" } });
    expect(comparison.blocks[key]).toBeUndefined();
    expect(comparison.whole.before).toEqual({ lix: 3, band: "very_easy" });
    expect(lixDirection(comparison.whole)).toBe("harder");
  });

  it("has no 'before' for a first version, and nothing for risk lists", () => {
    expect(compareReadability(null, { title: "T", blocks: [paragraph(keyA, "Vila.")] }, 40).whole).toEqual({ before: null, after: { lix: 1, band: "very_easy" } });
    expect(readabilityForDiff(null, { title: "R", groups: [] }, 40)).toBeUndefined();
  });
});
