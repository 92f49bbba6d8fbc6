import { describe, expect, it } from "vitest";
import { schemaOrgProblems } from "./schema-org-vocabulary";

const page = (extra: Record<string, unknown>) => ({ "@context": "https://schema.org", "@type": "MedicalWebPage", name: "Facettledsinjektioner", ...extra });
const messages = (document: unknown) => schemaOrgProblems(document).map(({ path, message }) => `${path}: ${message}`);

describe("schemaOrgProblems", () => {
  it("accepts a reviewed medical web page about a therapy with its risks and the conditions it treats", () => {
    expect(
      messages(
        page({
          url: "https://granskad.se/artiklar/facettledsinjektioner",
          lastReviewed: "2026-01-09",
          datePublished: "2026-01-10T09:00:00.000Z",
          reviewedBy: { "@type": "Person", name: "Anna Berg", jobTitle: "Överläkare", knowsAbout: "Smärtlindring" },
          about: {
            "@type": "MedicalTherapy",
            name: "Facettledsinjektioner",
            adverseOutcome: [{ "@type": "MedicalEntity", name: "sömnlöshet" }],
            seriousAdverseOutcome: [{ "@type": "MedicalEntity", name: "stroke" }],
            contraindication: [{ "@type": "MedicalContraindication", name: "ökat tryck i hjärnan" }],
            "@reverse": { possibleTreatment: [{ "@type": "MedicalCondition", name: "artros" }] },
          },
          mainEntity: { "@type": "ItemList", itemListElement: [{ "@type": "ListItem", position: 1, name: "sömnlöshet" }] },
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    ["an unknown property (indication left schema.org in release 7.0)", { about: { "@type": "MedicalTherapy", name: "x", indication: [{ "@type": "MedicalIndication", name: "artros" }] } }, '"indication" is not a schema.org property'],
    ["an unknown type", { about: { "@type": "MedicalInjection", name: "x" } }, '@type "MedicalInjection" is not a schema.org class'],
    ["a property outside its domain", { about: { "@type": "MedicalProcedure", name: "x", adverseOutcome: { "@type": "MedicalEntity", name: "stroke" } } }, '"adverseOutcome" is not a property of MedicalProcedure'],
    ["a DateTime where a Date is expected", { lastReviewed: "2026-01-09T12:00:00.000Z" }, '"lastReviewed" expects Date, not the literal'],
    ["an impossible date", { lastReviewed: "2026-02-30" }, '"lastReviewed" expects Date'],
    ["a string where only a node is expected", { reviewedBy: "Anna Berg" }, '"reviewedBy" expects Organization or Person, not the literal "Anna Berg"'],
    ["a node of the wrong class", { reviewedBy: { "@type": "MedicalEntity", name: "Anna Berg" } }, '"reviewedBy" expects Organization or Person, not MedicalEntity'],
    ["a number where text is expected", { name: 42 }, '"name" expects Text, not the literal 42'],
    ["a relative URL", { url: "/artiklar/facettledsinjektioner" }, '"url" expects URL'],
    ["a superseded property", { about: { "@type": "Person", name: "x", siblings: { "@type": "Person", name: "y" } } }, '"siblings" is superseded by schema:sibling'],
    [
      "a reversed property whose subject is outside its domain",
      { about: { "@type": "MedicalTherapy", name: "x", "@reverse": { possibleTreatment: { "@type": "Person", name: "y" } } } },
      '"possibleTreatment" is not a property of Person',
    ],
    [
      "a reversed property whose object is outside its range",
      { about: { "@type": "MedicalProcedure", name: "x", "@reverse": { possibleTreatment: { "@type": "MedicalCondition", name: "y" } } } },
      'MedicalProcedure is not in the range of "possibleTreatment"',
    ],
  ])("reports %s", (_, extra, expected) => {
    expect(messages(page(extra)).join("\n")).toContain(expected);
  });

  it("requires the schema.org context", () => {
    expect(messages({ ...page({}), "@context": "http://example.org" })).toEqual(['$.@context: @context must be "https://schema.org"']);
  });

  it("says where a problem is", () => {
    expect(schemaOrgProblems(page({ about: [{ "@type": "MedicalTherapy", name: "x" }, { "@type": "MedicalTherapy", name: "y", indication: "z" }] }))).toEqual([
      { path: "$.about[1].indication", message: '"indication" is not a schema.org property' },
    ]);
  });
});
