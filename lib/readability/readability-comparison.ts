import type { ArticleContent } from "@/lib/content/content-schemas";
import { articleLix, blockLix } from "./article-readability";
import { lixBandOf, roundedLix, type LixAnalysis, type LixBand } from "./lix";

/** LIX as the review screen shows it: rounded, with its band; null where there is nothing to measure. */
export type LixFigure = { lix: number; band: LixBand } | null;

export type LixChange = { before: LixFigure; after: LixFigure };

/** The LIX before and after, for the whole article and for each measured block (by block key). */
export type ReadabilityComparison = { target: number; whole: LixChange; blocks: Record<string, LixChange> };

export function lixFigureOf(analysis: LixAnalysis | null): LixFigure {
  if (analysis?.lix === null || analysis?.lix === undefined) return null;
  const lix = roundedLix(analysis.lix);
  return { lix, band: lixBandOf(lix) };
}

/** For the review screen: what a version did to readability, block by block and as a whole. `before` is null for a first version. */
export function compareReadability(before: ArticleContent | null, after: ArticleContent, target: number): ReadabilityComparison {
  const blocks: Record<string, LixChange> = {};
  const beforeBlocks = new Map((before?.blocks ?? []).map((block) => [block.key, block]));
  const keys = new Set([...(before?.blocks ?? []).map((block) => block.key), ...after.blocks.map((block) => block.key)]);
  const afterBlocks = new Map(after.blocks.map((block) => [block.key, block]));
  for (const key of keys) {
    const old = beforeBlocks.get(key);
    const current = afterBlocks.get(key);
    const change = { before: old ? lixFigureOf(blockLix(old)) : null, after: current ? lixFigureOf(blockLix(current)) : null };
    if (change.before || change.after) blocks[key] = change;
  }
  return { target, whole: { before: before ? lixFigureOf(articleLix(before)) : null, after: lixFigureOf(articleLix(after)) }, blocks };
}

/** Whether a change made the text harder (higher LIX), easier, or left it as it was. */
export function lixDirection(change: LixChange): "harder" | "easier" | "same" | null {
  if (!change.before || !change.after) return null;
  if (change.after.lix > change.before.lix) return "harder";
  if (change.after.lix < change.before.lix) return "easier";
  return "same";
}

/** The comparison for a diff of any item's versions: articles only (a risk list's items are not running prose). */
export function readabilityForDiff(before: unknown, after: unknown, target: number): ReadabilityComparison | undefined {
  if (!isArticleContent(after) || (before !== null && !isArticleContent(before))) return undefined;
  return compareReadability(before, after, target);
}

function isArticleContent(content: unknown): content is ArticleContent {
  return typeof content === "object" && content !== null && Array.isArray((content as { blocks?: unknown }).blocks);
}
