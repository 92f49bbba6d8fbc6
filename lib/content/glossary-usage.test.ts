import { describe, expect, it } from "vitest";
import type { ArticleBlock } from "./content-schemas";
import { unexplainedGlossaryTerms, type GlossaryTermWords } from "./glossary-usage";

const epidural: GlossaryTermWords = { id: "11111111-1111-4111-8111-111111111111", title: "Epidural", forms: ["epiduralrummet", "epidurala"] };
const kortison: GlossaryTermWords = { id: "22222222-2222-4222-8222-222222222222", title: "kortison", forms: [] };
const glossary = [epidural, kortison];

let keys = 0;
const paragraph = (text: string): ArticleBlock => ({ key: `00000000-0000-4000-8000-${String(++keys).padStart(12, "0")}`, type: "PARAGRAPH", text });

describe("glossary terms used but not explained", () => {
  it("finds a term by its term and by its forms, as whole words in any case, naming the blocks", () => {
    const first = paragraph("Läkaren sprutar in medel i epiduralrummet.");
    const second = paragraph("En EPIDURAL injektion ges med kortison.");
    const result = unexplainedGlossaryTerms([first, second], glossary);
    expect(result).toEqual([
      { termId: epidural.id, title: "Epidural", found: ["epiduralrummet", "EPIDURAL"], blockKeys: [first.key, second.key] },
      { termId: kortison.id, title: "kortison", found: ["kortison"], blockKeys: [second.key] },
    ]);
  });

  it("does not match inside a longer word", () => {
    expect(unexplainedGlossaryTerms([paragraph("En kortisoninjektion och epiduralbedövning.")], glossary)).toEqual([]);
  });

  it("counts a term as explained once the article marks it anywhere", () => {
    const blocks = [paragraph(`Medlet går in i [epiduralrummet](term:${epidural.id}).`), paragraph("Epidural betyder utanpå den hårda hinnan.")];
    expect(unexplainedGlossaryTerms(blocks, glossary)).toEqual([]);
  });

  it("does not read text marked as another term or linked as a use", () => {
    const elsewhere = "33333333-3333-4333-8333-333333333333";
    const blocks = [paragraph(`Se [kortison](https://www.1177.se/), [epidural](term:${elsewhere}) och epidurala.`)];
    expect(unexplainedGlossaryTerms(blocks, glossary).map(({ termId, found }) => ({ termId, found }))).toEqual([{ termId: epidural.id, found: ["epidurala"] }]);
  });

  it("reads callouts too, and ignores headings and lists", () => {
    const callout: ArticleBlock = { key: "00000000-0000-4000-8000-999999999999", type: "CALLOUT", tone: "warning", text: "Kortison kan höja blodsockret." };
    const heading: ArticleBlock = { key: "00000000-0000-4000-8000-999999999998", type: "HEADING", level: 2, text: "Epidural" };
    expect(unexplainedGlossaryTerms([heading, callout], glossary)).toEqual([{ termId: kortison.id, title: "kortison", found: ["Kortison"], blockKeys: [callout.key] }]);
  });
});
