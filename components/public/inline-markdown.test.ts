import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineMarkdown } from "./inline-markdown";

const render = (text: string) => renderToStaticMarkup(createElement(InlineMarkdown, { text }));

describe("InlineMarkdown", () => {
  it("renders emphasis, strong and web links", () => {
    expect(render("Det *kan* ge **betydande** lindring, se [1177](https://www.1177.se/).")).toBe(
      '<p>Det <em>kan</em> ge <strong>betydande</strong> lindring, se <a href="https://www.1177.se/">1177</a>.</p>',
    );
  });

  it.each([
    ["javascript:", "[klicka](javascript:alert(1))"],
    ["data:", "[klicka](data:text/html;base64,PHNjcmlwdD4=)"],
    ["a relative path", "[klicka](/admin)"],
  ])("keeps only the text of a link to %s", (_, text) => {
    expect(render(text)).toBe("<p>klicka</p>");
  });

  it("drops raw HTML and reduces other Markdown to its text", () => {
    expect(render('<script>alert(1)</script><img src="x" onerror="alert(1)">Text')).not.toMatch(/<script|<img|onerror/);
    const reduced = render("# Rubrik\n\n- punkt\n\n![bild](https://example.org/x.png)");
    expect(reduced).not.toMatch(/<(h1|ul|li|img)\b/);
    expect(reduced).toContain("Rubrik");
    expect(reduced).toContain("punkt");
  });

  it("parses each text once: a second render of the same text reuses the elements of the first", () => {
    const text = "En *egen* text för minnestestet, se [1177](https://www.1177.se/).";
    const first = InlineMarkdown({ text });
    expect(InlineMarkdown({ text })).toBe(first);
    expect(InlineMarkdown({ text: `${text} Ändrad.` })).not.toBe(first);
    expect(render(text)).toBe('<p>En <em>egen</em> text för minnestestet, se <a href="https://www.1177.se/">1177</a>.</p>');
    expect(render(text)).toBe(render(text));
  });
});
