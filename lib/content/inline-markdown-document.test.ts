import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash";
import type { ArticleBlock, ArticleContent } from "./content-schemas";
import {
  documentToInlineMarkdown,
  inlineMarkdownToDocument,
  inlineMarkdownToPlainText,
  markedGlossaryTermIds,
  type RichTextDocument,
  type RichTextMark,
} from "./inline-markdown-document";
import { seedArticles } from "./seed-content";

const roundTrip = (markdown: string) => documentToInlineMarkdown(inlineMarkdownToDocument(markdown));

/** The text fields the rich-text editor edits. */
function withRichText(block: ArticleBlock, edit: (text: string) => string): ArticleBlock {
  return block.type === "PARAGRAPH" || block.type === "CALLOUT" ? { ...block, text: edit(block.text) } : block;
}

const seedRichTexts = seedArticles.flatMap((article) =>
  article.content.blocks.flatMap((block) => (block.type === "PARAGRAPH" || block.type === "CALLOUT" ? [[article.slug, block.text] as const] : [])),
);

describe("the rich-text round trip of stored paragraph text", () => {
  it("covers the seed's paragraphs and callouts", () => {
    expect(seedRichTexts.length).toBeGreaterThan(20);
  });

  it.each(seedRichTexts)("loads and saves %s's text byte for byte: %s", (_, text) => {
    expect(roundTrip(text)).toBe(text);
  });

  it.each(seedArticles.map((article) => [article.slug, article.content] as const))("keeps the content hash of %s", (_, content: ArticleContent) => {
    const reloaded = { ...content, blocks: content.blocks.map((block) => withRichText(block, roundTrip)) };
    expect(contentHash(reloaded)).toBe(contentHash(content));
  });

  it("reads the allowed formatting as marks", () => {
    expect(inlineMarkdownToDocument("Det *kan* ge **betydande** lindring, se [1177](https://www.1177.se/).")).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Det " },
            { type: "text", text: "kan", marks: [{ type: "italic" }] },
            { type: "text", text: " ge " },
            { type: "text", text: "betydande", marks: [{ type: "bold" }] },
            { type: "text", text: " lindring, se " },
            { type: "text", text: "1177", marks: [{ type: "link", attrs: { href: "https://www.1177.se/" } }] },
            { type: "text", text: "." },
          ],
        },
      ],
    });
  });

  it("shows what the public page shows of markup outside the subset", () => {
    expect(inlineMarkdownToPlainText("# Rubrik\n\n- punkt\n\n![bild](https://example.org/x.png)<b>fet?</b>")).toBe("Rubrik punkt fet?");
    expect(inlineMarkdownToDocument("[klicka](javascript:alert(1))").content[0]!.content).toEqual([{ type: "text", text: "klicka" }]);
    expect(inlineMarkdownToDocument("[klicka](/admin)").content[0]!.content).toEqual([{ type: "text", text: "klicka" }]);
  });

  it("writes typed markup characters as text, not as formatting", () => {
    const typed: RichTextDocument = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "1. Ta **inte** [två](x) tabletter" }] }] };
    const stored = documentToInlineMarkdown(typed);
    expect(stored).not.toMatch(/^1\. /);
    expect(inlineMarkdownToPlainText(stored)).toBe("1. Ta **inte** [två](x) tabletter");
  });

  it("moves spaces out of formatting, where Markdown cannot keep them", () => {
    const spaced: RichTextDocument = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: " mycket" }, { type: "text", text: " viktigt ", marks: [{ type: "bold" }] }, { type: "text", text: "nu " }] }],
    };
    expect(documentToInlineMarkdown(spaced)).toBe("mycket **viktigt** nu");
  });

  it("keeps paragraphs apart and drops empty ones", () => {
    const twoParagraphs: RichTextDocument = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Ett." }] }, { type: "paragraph" }, { type: "paragraph", content: [{ type: "text", text: "Två." }] }],
    };
    expect(documentToInlineMarkdown(twoParagraphs)).toBe("Ett.\n\nTvå.");
    expect(documentToInlineMarkdown({ type: "doc", content: [{ type: "paragraph" }] })).toBe("");
    expect(inlineMarkdownToDocument("")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

// Any document an editor can make: paragraphs of runs with any combination of the three marks, over an
// alphabet rich in Markdown's special characters.
const characters = fc.constantFrom(..."aåäöZ9 \u00a0\n*_[]()<>!#&\\`~-+.=|:;\"'/".split(""));
const markSets = fc.record({ bold: fc.boolean(), italic: fc.boolean(), link: fc.option(fc.constantFrom("https://www.1177.se/", "https://example.org/a_(b)*c", "http://x.se/?q=1&r=[2]"), { nil: undefined }) });
const runs = fc.array(fc.record({ text: fc.string({ unit: characters, minLength: 1, maxLength: 8 }), marks: markSets }), { maxLength: 6 });
const documents = fc.array(runs, { minLength: 1, maxLength: 3 }).map(
  (paragraphs): RichTextDocument => ({
    type: "doc",
    content: paragraphs.map((paragraph) => ({
      type: "paragraph",
      content: paragraph.map(({ text, marks }) => {
        const documentMarks: RichTextMark[] = [
          ...(marks.bold ? [{ type: "bold" } as const] : []),
          ...(marks.italic ? [{ type: "italic" } as const] : []),
          ...(marks.link ? [{ type: "link", attrs: { href: marks.link } } as const] : []),
        ];
        return documentMarks.length ? { type: "text", text, marks: documentMarks } : { type: "text", text };
      }),
    })),
  }),
);

/** A document in the form the reader returns (edge spaces outside formatting, runs merged). */
const normalised = (document: RichTextDocument) => inlineMarkdownToDocument(documentToInlineMarkdown(document));

describe("any editor document", () => {
  it("is stored as text that reads back as the same document", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const stored = documentToInlineMarkdown(document);
        const reread = inlineMarkdownToDocument(stored);
        expect(documentToInlineMarkdown(reread)).toBe(stored);
        expect(inlineMarkdownToPlainText(stored)).toBe(
          document.content
            .map((paragraph) => (paragraph.content ?? []).map((run) => run.text).join(""))
            .map((text) => text.replace(/\s+/gu, " ").trim())
            .filter(Boolean)
            .join(" "),
        );
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it("keeps every character's formatting", () => {
    const formattingOf = (document: RichTextDocument) =>
      document.content.map((paragraph) =>
        (paragraph.content ?? [])
          .flatMap((run) => Array.from(run.text).map((character) => (/\s/u.test(character) ? " " : `${character}${JSON.stringify(run.marks ?? [])}`)))
          .join("")
          .trim(),
      );
    fc.assert(
      fc.property(documents, (document) => {
        const expected = formattingOf(normalised(document)).filter(Boolean);
        const original = formattingOf(document)
          .map((paragraph) => paragraph.replace(/ +/g, " "))
          .filter(Boolean);
        expect(expected.map((paragraph) => paragraph.replace(/ +/g, " "))).toEqual(original);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe("the glossary-term mark", () => {
  const termId = "5b0e8a3e-6f1c-4d55-9a6e-2b8f0c1d2e3f";
  const otherId = "0f1e2d3c-4b5a-4697-8877-665544332211";

  it("reads a term: link as the glossaryTerm mark, not as a link", () => {
    expect(inlineMarkdownToDocument(`Sprutan förs in i [epiduralrummet](term:${termId}) runt nerverna.`)).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Sprutan förs in i " },
            { type: "text", text: "epiduralrummet", marks: [{ type: "glossaryTerm", attrs: { termId } }] },
            { type: "text", text: " runt nerverna." },
          ],
        },
      ],
    });
  });

  it.each([
    `Sprutan förs in i [epiduralrummet](term:${termId}).`,
    `Med [**kortison**](term:${termId}) och [bedövning](term:${otherId}), se [1177](https://www.1177.se/).`,
    `[*Nervroten*](term:${termId}) kan bli irriterad.`,
  ])("loads and saves %s byte for byte", (text) => {
    expect(roundTrip(text)).toBe(text);
  });

  it("reads emphasis around a term as the same marks, and writes the term outermost", () => {
    expect(roundTrip(`*[Nervroten](term:${termId})* kan bli irriterad.`)).toBe(`[*Nervroten*](term:${termId}) kan bli irriterad.`);
  });

  it("writes the editor's term mark as a term: link, with bold inside it", () => {
    const document = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Ett " },
            { type: "text", text: "kortison", marks: [{ type: "bold" }, { type: "glossaryTerm", attrs: { termId } }] },
            { type: "text", text: "preparat" },
          ],
        },
      ],
    };
    expect(documentToInlineMarkdown(document)).toBe(`Ett [**kortison**](term:${termId})preparat`);
  });

  it("keeps a web link where a run has both (links do not nest), and drops a term mark without a valid id", () => {
    const document = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "länk", marks: [{ type: "link", attrs: { href: "https://www.1177.se/" } }, { type: "glossaryTerm", attrs: { termId } }] },
            { type: "text", text: " och " },
            { type: "text", text: "trasig", marks: [{ type: "glossaryTerm", attrs: { termId: "inte-ett-id" } }] },
          ],
        },
      ],
    };
    expect(documentToInlineMarkdown(document)).toBe("[länk](https://www.1177.se/) och trasig");
  });

  it("shows a marked term as its text in plain text", () => {
    expect(inlineMarkdownToPlainText(`Vid [ischias](term:${termId}) strålar smärtan.`)).toBe("Vid ischias strålar smärtan.");
  });

  it("lists the marked terms once each, in order", () => {
    expect(markedGlossaryTermIds(`[a](term:${otherId}) [b](term:${termId}) [c](term:${otherId}) [d](term:inte-ett-id)`)).toEqual([otherId, termId]);
  });

  it("finds a term however its address is written, and none in text without links", () => {
    expect(markedGlossaryTermIds(`Vid [ischias][t] och [ryggen](term&#58;${otherId}).\n\n[t]: term\\:${termId}`)).toEqual([termId, otherId]);
    expect(markedGlossaryTermIds("Vid ischias strålar smärtan, term: ingen länk.")).toEqual([]);
  });
});
