import type { ArticleBlock, ArticleContent, GlossaryTermContent, RiskListContent } from "@/lib/content/content-schemas";
import { inlineMarkdownToPlainText } from "@/lib/content/inline-markdown-document";

/**
 * What a search reads of an item: its title, its summary and the rest of its text as a reader sees it
 * (Markdown markup and link addresses are not text). Referenced risk lists and procedures are items of
 * their own and are found as themselves.
 */
export type SearchText = { title: string; summary: string | null; body: string };

function blockText(block: ArticleBlock): string[] {
  switch (block.type) {
    case "HEADING":
      return [block.text];
    case "PARAGRAPH":
      return [inlineMarkdownToPlainText(block.text)];
    case "CALLOUT":
      return [block.title ?? "", inlineMarkdownToPlainText(block.text)];
    case "BULLET_LIST":
      return [block.intro ?? "", ...block.items];
    case "KEY_TAKEAWAYS":
      return [block.title ?? "", ...block.items];
    case "PROCEDURE_FACTS": {
      const { facts } = block;
      return [facts.medicationNote ?? "", facts.imagingNote ?? "", facts.reliefDuration ?? "", ...facts.indications, ...facts.precautions, ...facts.contraindications];
    }
    case "REFERENCES":
      return [block.title ?? "", ...block.items.map((item) => item.title)];
    case "RISK_LIST":
    case "PROCEDURE":
      return [];
  }
}

function joined(parts: string[]): string {
  return parts
    .map((part) => part.replace(/\s+/gu, " ").trim())
    .filter((part) => part !== "")
    .join("\n");
}

export function articleSearchText(content: ArticleContent): SearchText {
  return { title: content.title, summary: content.summary ?? null, body: joined(content.blocks.flatMap(blockText)) };
}

export function riskListSearchText(content: RiskListContent): SearchText {
  return {
    title: content.title,
    summary: content.summary ?? null,
    body: joined(content.groups.flatMap((group) => [group.title ?? "", ...group.items.map((item) => item.text)])),
  };
}

/** A glossary term is found by its term (the title), its explanation (the summary) and its other forms. */
export function glossaryTermSearchText(content: GlossaryTermContent): SearchText {
  return { title: content.title, summary: content.explanation, body: joined(content.forms) };
}
