import { diffArrays } from "diff";
import { inlineMarkdownToDocument, isWebUrl } from "./inline-markdown-document";

/**
 * Word-level changes of paragraph and callout text (stored as the Markdown subset of
 * inline-markdown-document.ts) compared as a reader sees it: words with their formatting (bold, italic,
 * link), so the reviewer's diff shows formatting as formatting and a word that only became bold, or a
 * link whose address changed, as a change. Paragraph breaks are tokens of their own.
 */

export type InlineMarks = { bold: boolean; italic: boolean; href: string | null };

/** A run of words with one formatting that both texts share, or only the old ("removed") or new ("added") one has. */
export type RichTextPart = { kind: "same" | "added" | "removed"; text: string; marks: InlineMarks; paragraphBreak?: true };

type Token = { text: string; marks: InlineMarks; paragraphBreak?: true };

const plain: InlineMarks = { bold: false, italic: false, href: null };

function sameMarks(a: InlineMarks, b: InlineMarks): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href;
}

function sameToken(a: Token, b: Token): boolean {
  return a.text === b.text && sameMarks(a.marks, b.marks) && a.paragraphBreak === b.paragraphBreak;
}

/** Stored text as words, spaces and paragraph breaks, each with the formatting a reader sees. */
export function richTextTokens(markdown: string | undefined): Token[] {
  if (!markdown) return [];
  const paragraphs = inlineMarkdownToDocument(markdown).content.filter((paragraph) => (paragraph.content?.length ?? 0) > 0);
  return paragraphs.flatMap((paragraph, index): Token[] => [
    ...(index > 0 ? [{ text: "\n\n", marks: plain, paragraphBreak: true as const }] : []),
    ...(paragraph.content ?? []).flatMap((run) => {
      const href = run.marks?.find((mark) => mark.type === "link")?.attrs.href ?? null;
      const marks: InlineMarks = {
        bold: run.marks?.some((mark) => mark.type === "bold") ?? false,
        italic: run.marks?.some((mark) => mark.type === "italic") ?? false,
        href: isWebUrl(href) ? href : null,
      };
      return (run.text.match(/\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? []).map((text) => ({ text, marks }));
    }),
  ]);
}

/**
 * The changes between two stored texts, grouped for reading as plain-text diffs are: a space between two
 * changes belongs to them, each run of changes shows its removed words before its added ones, and
 * neighbouring words of the same kind and formatting are one part.
 */
export function diffRichText(before: string | undefined, after: string | undefined): { changed: boolean; parts: RichTextPart[] } {
  const changes = diffArrays(richTextTokens(before), richTextTokens(after), { comparator: sameToken });
  const tagged: RichTextPart[] = changes.flatMap((change) =>
    change.value.map((token) => ({ ...token, kind: change.added ? ("added" as const) : change.removed ? ("removed" as const) : ("same" as const) })),
  );
  const isChange = (part: RichTextPart | undefined) => part !== undefined && part.kind !== "same";
  const expanded = tagged.flatMap((part, index): RichTextPart[] =>
    part.kind === "same" && !part.paragraphBreak && part.text.trim() === "" && isChange(tagged[index - 1]) && isChange(tagged[index + 1])
      ? [
          { ...part, kind: "removed" },
          { ...part, kind: "added" },
        ]
      : [part],
  );
  const ordered: RichTextPart[] = [];
  let removed: RichTextPart[] = [];
  let added: RichTextPart[] = [];
  const isSpace = (part: RichTextPart | undefined) => part !== undefined && !part.paragraphBreak && part.text.trim() === "";
  const flush = () => {
    // Whitespace that ends both the removal and the addition is shared text, not part of the change.
    const shared = isSpace(removed.at(-1)) && isSpace(added.at(-1)) && removed.at(-1)!.text === added.at(-1)!.text ? removed.at(-1)! : null;
    if (shared) {
      removed.pop();
      added.pop();
    }
    ordered.push(...removed, ...added);
    if (shared) ordered.push({ ...shared, kind: "same" });
    removed = [];
    added = [];
  };
  for (const part of expanded) {
    if (part.kind === "removed") removed.push(part);
    else if (part.kind === "added") added.push(part);
    else {
      flush();
      ordered.push(part);
    }
  }
  flush();
  const parts: RichTextPart[] = [];
  for (const part of ordered) {
    const last = parts.at(-1);
    if (last && !last.paragraphBreak && !part.paragraphBreak && last.kind === part.kind && sameMarks(last.marks, part.marks)) last.text += part.text;
    else parts.push({ ...part });
  }
  return { changed: (before ?? "") !== (after ?? ""), parts };
}
