import { describe, expect, it } from "vitest";
import { diffRichText, richTextTokens } from "./rich-text-diff";

const plain = { bold: false, italic: false, href: null };
const bold = { ...plain, bold: true };

describe("the rich-text diff", () => {
  it("compares what a reader sees, not the Markdown: unchanged formatted text is one unchanged part per formatting", () => {
    const diff = diffRichText("Ta **alltid** med [listan](https://example.se).", "Ta **alltid** med [listan](https://example.se).");
    expect(diff.changed).toBe(false);
    expect(diff.parts).toEqual([
      { kind: "same", text: "Ta ", marks: plain },
      { kind: "same", text: "alltid", marks: bold },
      { kind: "same", text: " med ", marks: plain },
      { kind: "same", text: "listan", marks: { ...plain, href: "https://example.se" } },
      { kind: "same", text: ".", marks: plain },
    ]);
    expect(diff.parts.some((part) => part.text.includes("**") || part.text.includes("]("))).toBe(false);
  });

  it("shows a word that only became bold, and a link whose address changed, as changes", () => {
    const emphasis = diffRichText("Vila efteråt.", "Vila **efteråt**.");
    expect(emphasis.parts).toEqual([
      { kind: "same", text: "Vila ", marks: plain },
      { kind: "removed", text: "efteråt", marks: plain },
      { kind: "added", text: "efteråt", marks: bold },
      { kind: "same", text: ".", marks: plain },
    ]);
    const link = diffRichText("Se [1177](https://1177.se).", "Se [1177](https://www.1177.se).");
    expect(link.parts.filter((part) => part.kind !== "same").map((part) => [part.kind, part.marks.href])).toEqual([
      ["removed", "https://1177.se"],
      ["added", "https://www.1177.se"],
    ]);
  });

  it("groups a replaced phrase as one removal before one addition, and keeps paragraph breaks as their own parts", () => {
    const diff = diffRichText("att bära vikt på benet", "att stå på benet\n\nNytt *stycke*");
    expect(diff.parts.map((part) => [part.kind, part.text])).toEqual([
      ["same", "att "],
      ["removed", "bära vikt"],
      ["added", "stå"],
      ["same", " på benet"],
      ["added", "\n\n"],
      ["added", "Nytt "],
      ["added", "stycke"],
    ]);
    expect(diff.parts[4]!.paragraphBreak).toBe(true);
    expect(diff.parts[6]!.marks.italic).toBe(true);
  });

  it("never carries a link other than a web address, as the public page does", () => {
    expect(richTextTokens("[klicka](javascript:alert(1))").every((token) => token.marks.href === null)).toBe(true);
    expect(diffRichText(undefined, "").parts).toEqual([]);
  });
});
