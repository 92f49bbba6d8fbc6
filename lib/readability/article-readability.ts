import type { ArticleBlock } from "@/lib/content/content-schemas";
import { inlineMarkdownToDocument } from "@/lib/content/inline-markdown-document";
import { analyseLix, lixBandOf, roundedLix, type LixAnalysis, type LixBand } from "./lix";

/**
 * What LIX measures in an article: the text a reader reads as running prose. Paragraphs, callouts,
 * bullet lists, key takeaways and the text fields of procedure facts are measured, each paragraph and
 * each list item a unit of its own; headings, source titles and referenced items (risk lists and
 * embedded procedures, which are measured as items of their own) are not.
 */

/** The paragraphs of stored inline Markdown as plain text (markup is not text a reader reads). */
function markdownUnits(markdown: string | undefined): string[] {
  if (!markdown) return [];
  return inlineMarkdownToDocument(markdown).content.map((paragraph) => (paragraph.content ?? []).map((run) => run.text).join(""));
}

function present(...texts: (string | undefined)[]): string[] {
  return texts.filter((text): text is string => text !== undefined && text.trim() !== "");
}

/** The measured text of one block, or null for a block LIX does not measure. */
export function readableUnitsOf(block: ArticleBlock): string[] | null {
  switch (block.type) {
    case "PARAGRAPH":
      return markdownUnits(block.text);
    case "CALLOUT":
      return [...present(block.title), ...markdownUnits(block.text)];
    case "BULLET_LIST":
      return [...present(block.intro), ...block.items];
    case "KEY_TAKEAWAYS":
      return block.items;
    case "PROCEDURE_FACTS": {
      const { facts } = block;
      return [
        ...present(facts.medicationNote, facts.imagingNote, facts.reliefDuration),
        ...facts.indications,
        ...facts.precautions,
        ...facts.contraindications,
      ];
    }
    case "HEADING":
    case "REFERENCES":
    case "RISK_LIST":
    case "PROCEDURE":
      return null;
  }
}

/** Whether LIX is shown for blocks of this type. */
export function isMeasuredBlock(block: ArticleBlock): boolean {
  return readableUnitsOf(block) !== null;
}

export function blockLix(block: ArticleBlock): LixAnalysis | null {
  const units = readableUnitsOf(block);
  return units && analyseLix(units);
}

/** The article's summary and every measured block, as one text. Takes any blocks, resolved or not; only measured types count. */
export function articleLix(content: { summary?: string | null; blocks: readonly { type: string }[] }): LixAnalysis {
  const units = [
    ...present(content.summary ?? undefined),
    ...content.blocks.flatMap((block) => (isArticleBlockType(block) ? (readableUnitsOf(block) ?? []) : [])),
  ];
  return analyseLix(units);
}

const measuredTypes = new Set(["PARAGRAPH", "CALLOUT", "BULLET_LIST", "KEY_TAKEAWAYS", "PROCEDURE_FACTS"]);

function isArticleBlockType(block: { type: string }): block is ArticleBlock {
  return measuredTypes.has(block.type);
}

/** Readability as data, as the feed and the API carry it (`readability`). */
export type ReadabilityData = {
  lix: number | null;
  band: LixBand | null;
  words: number;
  sentences: number;
  longWords: number;
  target: number;
  withinTarget: boolean | null;
};

/** The band and the target are judged on the rounded LIX, the number the reader of the data sees. */
export function readabilityData(analysis: LixAnalysis, target: number): ReadabilityData {
  const lix = analysis.lix === null ? null : roundedLix(analysis.lix);
  return {
    lix,
    band: lix === null ? null : lixBandOf(lix),
    words: analysis.words,
    sentences: analysis.sentences,
    longWords: analysis.longWords,
    target,
    withinTarget: lix === null ? null : lix <= target,
  };
}
