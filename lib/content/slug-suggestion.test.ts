import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugSchema } from "./content-schemas";
import { suggestSlug } from "./slug-suggestion";
import { seedArticles } from "./seed-content";

describe("suggestSlug", () => {
  it.each([
    ["Injektioner kan hjälpa många typer av ryggsmärtor", "injektioner-kan-hjalpa-manga-typer-av-ryggsmartor"],
    ["Öron, ärr och ålder", "oron-arr-och-alder"],
    ["ÅÄÖ åäö", "aao-aao"],
    ["Sacroiliaca (SI) ledinjektioner – steg 2", "sacroiliaca-si-ledinjektioner-steg-2"],
    ["Café crème, naïve façade", "cafe-creme-naive-facade"],
    ["Smørrebrød og Straße", "smorrebrod-og-strasse"],
    ["  --Biverkningar!!  ", "biverkningar"],
    ["", ""],
    ["?! –", ""],
  ])("%j → %j", (title, slug) => {
    expect(suggestSlug(title)).toBe(slug);
  });

  it("suggests the address a procedure of the seed has, from its title", () => {
    const article = seedArticles.find((seed) => seed.slug === "epidurala-steroidinjektioner")!;
    expect(suggestSlug(article.content.title)).toBe(article.slug);
  });

  it("cuts a long title at a word, within the longest address allowed", () => {
    const slug = suggestSlug(`${"ryggmärgsstimulering ".repeat(10)}slut`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug).toMatch(/^ryggmargsstimulering(-ryggmargsstimulering)*$/);
    expect(suggestSlug("x".repeat(300))).toBe("x".repeat(120));
  });

  it("is always a valid address, or empty", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (title) => {
        const slug = suggestSlug(title);
        expect(slug === "" || slugSchema.safeParse(slug).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
