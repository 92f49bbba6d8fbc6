import { describe, expect, it } from "vitest";
import type { ApiArticleBlock } from "@/lib/api/api-schemas";
import { articleContentHtml } from "./content-html";

const key = "6f1c1d7e-8a47-4f8e-9d55-2b7f0d3f2a10";

describe("articleContentHtml", () => {
  it("renders the Markdown subset of paragraphs and keeps web links", () => {
    const html = articleContentHtml([{ key, type: "PARAGRAPH", text: "Det *kan* hjälpa, **fråga** [1177](https://www.1177.se)." }]);
    expect(html).toBe('<p>Det <em>kan</em> hjälpa, <strong>fråga</strong> <a href="https://www.1177.se">1177</a>.</p>');
  });

  it("drops raw HTML, scripts, event handlers and non-web links", () => {
    const blocks: ApiArticleBlock[] = [
      { key, type: "PARAGRAPH", text: 'Text <script>alert(1)</script><img src=x onerror="alert(2)"> [klicka](javascript:alert(3))' },
      { key, type: "CALLOUT", tone: "warning", text: "Varning <iframe src='https://evil.example'></iframe>" },
    ];
    const html = articleContentHtml(blocks);
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|javascript:/i);
    expect(html).toContain("Varning");
    expect(html).toContain("<strong>Observera</strong>");
  });

  it("treats headings and list items as plain text, escaping markup", () => {
    const html = articleContentHtml([
      { key, type: "HEADING", level: 2, text: "<b>Rubrik</b> & *mer*" },
      { key, type: "BULLET_LIST", items: ["<i>ett</i>", "två"] },
    ]);
    expect(html).toBe("<h2>&#x3C;b>Rubrik&#x3C;/b> &#x26; *mer*</h2>\n<ul>\n<li>&#x3C;i>ett&#x3C;/i></li>\n<li>två</li>\n</ul>");
  });

  it("lists risks with their frequency and severity in words", () => {
    const html = articleContentHtml([
      {
        key,
        type: "RISK_LIST",
        riskList: {
          slug: "risker",
          title: "Risker",
          summary: null,
          version: { id: key, number: 2, changeKind: "clinical" },
          groups: [{ key, items: [{ key, text: "nervskada", severity: "SERIOUS", frequency: "RARE", temporary: false }] }],
        },
      },
    ]);
    expect(html).toBe("<h3>Risker</h3>\n<ul>\n<li>nervskada (sällsynt, allvarlig)</li>\n</ul>");
  });
});

describe("articleContentHtml with glossary terms", () => {
  const termId = "5b0e8a3e-6f1c-4d55-9a6e-2b8f0c1d2e3f";
  const entry = {
    id: termId,
    slug: "epidural",
    term: "Epidural",
    explanation: "Utrymmet runt ryggmärgens hinnor.",
    forms: [],
    url: "https://granskad.example/ordlista#ordlista-epidural",
    version: { id: "0f1e2d3c-4b5a-4697-8877-665544332211", number: 1 },
  };

  it("shows a marked term as its text and explains it in a glossary at the end", () => {
    const html = articleContentHtml([{ key: "00000000-0000-4000-8000-000000000001", type: "PARAGRAPH", text: `In i [**epiduralrummet**](term:${termId}).` }], [entry]);
    expect(html).toBe("<p>In i <strong>epiduralrummet</strong>.</p>\n<h2>Ord och begrepp</h2>\n<ul>\n<li><strong>Epidural</strong>: Utrymmet runt ryggmärgens hinnor.</li>\n</ul>");
    expect(html).not.toContain("term:");
  });
});
