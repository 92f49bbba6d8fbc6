import type { ArticleBlock } from "./content-schemas";
import { inlineMarkdownToDocument } from "./inline-markdown-document";

/**
 * Which glossary terms an article uses without explaining them: the editor's hint list (README,
 * "Glossary"). Pure, so the editor runs it as the editor types, with the glossary's published terms.
 *
 * A term is used where its term or one of its forms occurs as a whole word, in any letter case, in a
 * paragraph or callout ("epidural" does not match inside "epiduralrummet": that is what the forms are
 * for). A term counts as explained once the article marks it anywhere: the public page explains each
 * marked term once, at the end of the article, so marking every occurrence would add nothing. Text that
 * is itself marked (as this or another term) or a web link is not searched.
 */

export type GlossaryTermWords = { id: string; title: string; forms: string[] };

export type UnexplainedTerm = {
  termId: string;
  title: string;
  /** The words as they stand in the text, each once ("Epidural", "epiduralrummet"). */
  found: string[];
  /** The keys of the blocks that use the term unmarked, in article order. */
  blockKeys: string[];
};

function richTextOf(block: ArticleBlock): string | null {
  return block.type === "PARAGRAPH" || block.type === "CALLOUT" ? block.text : null;
}

/** The text of a stored field split into what is marked or linked and what is plain. */
function partsOf(markdown: string): { plain: string[]; markedTermIds: string[] } {
  const plain: string[] = [];
  const markedTermIds: string[] = [];
  for (const paragraph of inlineMarkdownToDocument(markdown).content) {
    for (const run of paragraph.content ?? []) {
      const marks = run.marks ?? [];
      const term = marks.find((mark) => mark.type === "glossaryTerm");
      if (term) markedTermIds.push(term.attrs.termId);
      else if (!marks.some((mark) => mark.type === "link")) plain.push(run.text);
    }
  }
  return { plain, markedTermIds };
}

const wordPattern = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

function normalised(word: string): string {
  return word.normalize("NFC").toLocaleLowerCase("sv");
}

export function unexplainedGlossaryTerms(blocks: ArticleBlock[], glossary: GlossaryTermWords[]): UnexplainedTerm[] {
  const texts = blocks.flatMap((block) => {
    const text = richTextOf(block);
    return text === null ? [] : [{ key: block.key, ...partsOf(text) }];
  });
  const marked = new Set(texts.flatMap((text) => text.markedTermIds));
  const byWord = new Map<string, GlossaryTermWords[]>();
  for (const term of glossary) {
    if (marked.has(term.id)) continue;
    for (const word of new Set([term.title, ...term.forms].map(normalised))) byWord.set(word, [...(byWord.get(word) ?? []), term]);
  }
  const found = new Map<string, UnexplainedTerm>();
  for (const text of texts) {
    for (const word of text.plain.flatMap((plain) => plain.match(wordPattern) ?? [])) {
      for (const term of byWord.get(normalised(word)) ?? []) {
        const entry = found.get(term.id) ?? { termId: term.id, title: term.title, found: [], blockKeys: [] };
        if (!entry.found.includes(word)) entry.found.push(word);
        if (!entry.blockKeys.includes(text.key)) entry.blockKeys.push(text.key);
        found.set(term.id, entry);
      }
    }
  }
  return [...found.values()];
}
