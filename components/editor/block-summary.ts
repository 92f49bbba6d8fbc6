import type { ArticleBlock } from "@/lib/content/content-schemas";
import { inlineMarkdownToPlainText } from "@/lib/content/inline-markdown-document";
import { blockText, type ReferenceTitles } from "./content-outline";

/** Longer summaries are cut at a word; the whole text is one "Fäll ut" away. */
const summaryLength = 120;

function oneLine(text: string): string {
  const line = text.replace(/\s*\n\s*/g, " · ").trim();
  if (line.length <= summaryLength) return line;
  const cut = line.slice(0, summaryLength);
  return `${cut.slice(0, cut.lastIndexOf(" ") > summaryLength / 2 ? cut.lastIndexOf(" ") : summaryLength)}…`;
}

/**
 * The one line a collapsed block shows: its text as a reader reads it (formatting and markup left out),
 * a referenced risk list or procedure by its title, lists as their points.
 */
export function blockSummary(block: ArticleBlock, titles: ReferenceTitles): string {
  if (block.type === "RISK_LIST" && !block.riskListId) return "Ingen risklista vald";
  if (block.type === "PROCEDURE" && !block.procedureArticleId) return "Ingen procedur vald";
  const text = blockText(block, titles);
  return oneLine(block.type === "PARAGRAPH" || block.type === "CALLOUT" ? inlineMarkdownToPlainText(text) : text);
}
