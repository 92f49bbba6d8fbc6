import type { Definition, PhrasingContent, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toMarkdown } from "mdast-util-to-markdown";

/**
 * Paragraph and callout text is stored as a Markdown subset (*emphasis*, **strong**, [links](https://…),
 * and glossary terms as links with the `term:` scheme: [epiduralrummet](term:<glossary term id>))
 * and edited as a rich-text document: paragraphs of text runs carrying the marks bold, italic, link and
 * glossaryTerm,
 * in the JSON shape Tiptap (ProseMirror) reads and writes. This module converts between the two, with
 * the same parser the public pages render with (remark's), so the editor shows what a reader will see,
 * and with remark's serializer, which escapes whatever would otherwise read as markup.
 *
 * Stored text that is already in the serializer's form (all seed text is) comes back byte for byte, so
 * an unedited field keeps its content hash; the editor also never writes a field the editor did not
 * change. Markdown outside the subset loses its markup here exactly as it does on the public page
 * (a heading or list item keeps its text, raw HTML and images are dropped).
 */

export type RichTextMark =
  | { type: "bold" }
  | { type: "italic" }
  | { type: "link"; attrs: { href: string } }
  | { type: "glossaryTerm"; attrs: { termId: string } };
export type RichTextRun = { type: "text"; text: string; marks?: RichTextMark[] };
export type RichTextParagraph = { type: "paragraph"; content?: RichTextRun[] };
export type RichTextDocument = { type: "doc"; content: RichTextParagraph[] };

/**
 * What the editor hands back: Tiptap's JSON, typed loosely because it is the editor's, not ours. Nodes
 * and marks other than the ones above (there are none in the editor's schema) are read as plain text.
 */
export type EditorJson = {
  type?: string;
  text?: string;
  content?: EditorJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

const termPrefix = "term:";
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The glossary term a stored link marks (`term:<id>`), or null when the link is anything else. A term
 * is written as a link because Markdown has no other inline reference; no reader ever gets it as a link
 * address: the public page, the feed and the search turn it into the term's explanation or plain text.
 */
export function glossaryTermIdOf(href: string | null | undefined): string | null {
  if (typeof href !== "string" || !href.startsWith(termPrefix)) return null;
  const id = href.slice(termPrefix.length);
  return uuidPattern.test(id) ? id.toLowerCase() : null;
}

export function glossaryTermHref(termId: string): string {
  return `${termPrefix}${termId}`;
}

/**
 * The glossary terms a stored text marks, each once, in order of first use. A term is a link, and every
 * Markdown link (inline, reference or definition) has a "]" however its address is written (escapes and
 * character references included), so text without one marks none and is not parsed: most paragraphs
 * are such, and a page's first render would otherwise parse each of them for nothing.
 */
export function markedGlossaryTermIds(markdown: string): string[] {
  if (!markdown.includes("]")) return [];
  const ids = inlineMarkdownToDocument(markdown).content.flatMap((paragraph) =>
    (paragraph.content ?? []).flatMap((run) => (run.marks ?? []).flatMap((mark) => (mark.type === "glossaryTerm" ? [mark.attrs.termId] : []))),
  );
  return [...new Set(ids)];
}

/** The one rule for links in stored text: only web addresses become links, everywhere they are shown. */
export function isWebUrl(href: string | null | undefined): href is string {
  return typeof href === "string" && /^https?:\/\//i.test(href);
}

/** A run is a web link or a glossary term or neither (Markdown links do not nest), so `term` is set only without `href`. */
type Marks = { bold: boolean; italic: boolean; href: string | null; term: string | null };
type Run = { text: string; marks: Marks };

const noMarks: Marks = { bold: false, italic: false, href: null, term: null };

function sameMarks(a: Marks, b: Marks): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href && a.term === b.term;
}

function linkMarks(marks: Marks, url: string | null | undefined): Marks {
  if (isWebUrl(url)) return { ...marks, href: url, term: null };
  const term = glossaryTermIdOf(url);
  return term ? { ...marks, href: null, term } : marks;
}

function runsOfPhrasing(nodes: PhrasingContent[], marks: Marks, definitions: Map<string, string>): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case "text":
      case "inlineCode":
        return [{ text: node.value, marks }];
      case "break":
        return [{ text: "\n", marks }];
      case "strong":
        return runsOfPhrasing(node.children, { ...marks, bold: true }, definitions);
      case "emphasis":
        return runsOfPhrasing(node.children, { ...marks, italic: true }, definitions);
      case "link":
        return runsOfPhrasing(node.children, linkMarks(marks, node.url), definitions);
      case "linkReference":
        return runsOfPhrasing(node.children, linkMarks(marks, definitions.get(node.identifier)), definitions);
      default:
        // Raw HTML, images and anything else the public page does not show as text.
        return [];
    }
  });
}

/** The paragraphs a block-level node shows as: its own text, without the block's markup. */
function paragraphsOf(node: RootContent, definitions: Map<string, string>): Run[][] {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return [runsOfPhrasing(node.children, noMarks, definitions)];
    case "code":
      return [[{ text: node.value, marks: noMarks }]];
    case "blockquote":
    case "list":
    case "listItem":
      return node.children.flatMap((child) => paragraphsOf(child, definitions));
    default:
      return [];
  }
}

/**
 * A paragraph's runs in the form every editor document is compared in: whitespace at the ends of the
 * paragraph and at the edges of bold and italic stretches is moved out of them (Markdown cannot express
 * it, and it is invisible), and neighbouring runs with the same marks are one run.
 */
function normalisedRuns(runs: Run[]): Run[] {
  const characters = runs.flatMap((run) => Array.from(run.text, (character) => ({ character, marks: run.marks })));
  const isSpace = (character: string) => /\s/u.test(character);
  let start = 0;
  let end = characters.length;
  while (start < end && isSpace(characters[start]!.character)) start += 1;
  while (end > start && isSpace(characters[end - 1]!.character)) end -= 1;
  const kept = characters.slice(start, end);
  for (const mark of ["bold", "italic"] as const) {
    let index = 0;
    while (index < kept.length) {
      if (!kept[index]!.marks[mark]) {
        index += 1;
        continue;
      }
      let stretchEnd = index;
      while (stretchEnd < kept.length && kept[stretchEnd]!.marks[mark]) stretchEnd += 1;
      for (let at = index; at < stretchEnd && isSpace(kept[at]!.character); at += 1) kept[at] = { ...kept[at]!, marks: { ...kept[at]!.marks, [mark]: false } };
      for (let at = stretchEnd - 1; at >= index && isSpace(kept[at]!.character); at -= 1) kept[at] = { ...kept[at]!, marks: { ...kept[at]!.marks, [mark]: false } };
      index = stretchEnd;
    }
  }
  const merged: Run[] = [];
  for (const { character, marks } of kept) {
    const last = merged.at(-1);
    if (last && sameMarks(last.marks, marks)) last.text += character;
    else merged.push({ text: character, marks });
  }
  return merged;
}

function toDocumentRun(run: Run): RichTextRun {
  const marks: RichTextMark[] = [
    ...(run.marks.bold ? [{ type: "bold" } as const] : []),
    ...(run.marks.italic ? [{ type: "italic" } as const] : []),
    ...(run.marks.href !== null ? [{ type: "link", attrs: { href: run.marks.href } } as const] : []),
    ...(run.marks.term !== null ? [{ type: "glossaryTerm", attrs: { termId: run.marks.term } } as const] : []),
  ];
  return marks.length ? { type: "text", text: run.text, marks } : { type: "text", text: run.text };
}

function documentOf(paragraphs: Run[][]): RichTextDocument {
  const content = paragraphs
    .map(normalisedRuns)
    .filter((runs) => runs.length > 0)
    .map((runs): RichTextParagraph => ({ type: "paragraph", content: runs.map(toDocumentRun) }));
  // An editor document always has a paragraph to type in.
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

/** Stored text as the editor's document. */
export function inlineMarkdownToDocument(markdown: string): RichTextDocument {
  const tree = fromMarkdown(markdown);
  const definitions = new Map(
    tree.children.filter((node): node is Definition => node.type === "definition").map((definition) => [definition.identifier, definition.url]),
  );
  return documentOf(tree.children.flatMap((node) => paragraphsOf(node, definitions)));
}

function runsOfEditorParagraph(paragraph: EditorJson): Run[] {
  return (paragraph.content ?? []).flatMap((node): Run[] => {
    if (typeof node.text !== "string") return [];
    const marks = node.marks ?? [];
    const href = marks.find((mark) => mark.type === "link")?.attrs?.href;
    const termId = marks.find((mark) => mark.type === "glossaryTerm")?.attrs?.termId;
    const web = isWebUrl(href as string | undefined) ? (href as string) : null;
    const term = web === null && typeof termId === "string" ? glossaryTermIdOf(glossaryTermHref(termId)) : null;
    return [
      {
        text: node.text,
        marks: { bold: marks.some((mark) => mark.type === "bold"), italic: marks.some((mark) => mark.type === "italic"), href: web, term },
      },
    ];
  });
}

/** Runs as Markdown phrasing nodes: links (web or term) outermost, then strong, then emphasis, each as long as it can be. */
function phrasingOf(runs: Run[], level: "link" | "bold" | "italic" | "text"): PhrasingContent[] {
  if (level === "text") return runs.length ? [{ type: "text", value: runs.map((run) => run.text).join("") }] : [];
  const linkOf = (run: Run) => run.marks.href ?? (run.marks.term === null ? null : glossaryTermHref(run.marks.term));
  const key = (run: Run) => (level === "link" ? linkOf(run) : level === "bold" ? run.marks.bold : run.marks.italic);
  const next = level === "link" ? "bold" : level === "bold" ? "italic" : "text";
  const groups: Run[][] = [];
  for (const run of runs) {
    const last = groups.at(-1);
    if (last && key(last[0]!) === key(run)) last.push(run);
    else groups.push([run]);
  }
  return groups.flatMap((group): PhrasingContent[] => {
    const children = phrasingOf(group, next);
    const value = key(group[0]!);
    if (level === "link") return typeof value === "string" ? [{ type: "link", url: value, children }] : children;
    if (!value) return children;
    return [level === "bold" ? { type: "strong", children } : { type: "emphasis", children }];
  });
}

/** The editor's document as stored text. */
export function documentToInlineMarkdown(document: EditorJson): string {
  const paragraphs = (document.content ?? []).map(runsOfEditorParagraph).map(normalisedRuns).filter((runs) => runs.length > 0);
  const tree: Root = { type: "root", children: paragraphs.map((runs) => ({ type: "paragraph", children: phrasingOf(runs, "link") })) };
  return toMarkdown(tree, { emphasis: "*", strong: "*" }).replace(/\n+$/, "");
}

/** Stored text as a reader sees it without formatting, on one line (block summaries, outlines). */
export function inlineMarkdownToPlainText(markdown: string): string {
  return inlineMarkdownToDocument(markdown)
    .content.map((paragraph) => (paragraph.content ?? []).map((run) => run.text).join(""))
    .join(" ")
    .replace(/\s+/gu, " ")
    .trim();
}
