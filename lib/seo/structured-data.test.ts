import { describe, expect, it } from "vitest";
import type { PublishedArticle, PublishedProcedure, PublishedRiskListPage, ReviewMetadata } from "@/lib/content/public-content";
import { schemaOrgProblems } from "./schema-org-vocabulary";
import { articleJsonLd, riskListJsonLd, serializeJsonLd, websiteJsonLd } from "./structured-data";

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const review: ReviewMetadata = {
  versionId: key(1),
  versionNumber: 3,
  changeKind: "EDITORIAL",
  publishedAt: new Date("2026-01-10T09:00:00Z"),
  // 23:30 UTC is already the next day in Sweden, and the page says so.
  lastReviewedAt: new Date("2026-01-09T23:30:00Z"),
  nextReviewDue: new Date("2027-01-09T00:00:00Z"),
  reviewer: { name: "Anna Berg", title: "Överläkare", specialty: "Smärtlindring" },
  readerNote: null,
};

const kortison = {
  id: key(5),
  slug: "kortison",
  title: "Biverkningar av kortison",
  versionId: key(6),
  versionNumber: 1,
  changeKind: "CLINICAL" as const,
  groups: [
    {
      key: key(7),
      items: [
        { key: key(8), text: "sömnlöshet", severity: "MILD" as const, frequency: "COMMON" as const, temporary: true },
        { key: key(9), text: "stroke", severity: "SERIOUS" as const, frequency: "RARE" as const, temporary: false },
      ],
    },
  ],
};

const procedureBlocks: PublishedProcedure["blocks"] = [
  {
    type: "PROCEDURE_FACTS",
    key: key(3),
    facts: { medications: ["CORTICOSTEROID"], imaging: [], indications: ["ländryggssmärta"], precautions: [], contraindications: ["infektion"] },
  },
  { type: "RISK_LIST", key: key(4), riskList: kortison },
  // The same list twice still names each risk once.
  { type: "RISK_LIST", key: key(10), riskList: kortison },
];

const procedure: PublishedArticle = {
  id: key(2),
  slug: "facettledsinjektioner",
  locale: "sv",
  kind: "PROCEDURE",
  title: "Facettledsinjektioner",
  review,
  blocks: procedureBlocks,
  glossary: [],
};

const overview: PublishedArticle = {
  id: key(11),
  slug: "injektioner-mot-ryggsmarta",
  locale: "sv",
  kind: "OVERVIEW",
  title: "Injektioner kan hjälpa många typer av ryggsmärtor",
  summary: "Om injektioner mot ryggsmärta.",
  review,
  blocks: [
    { type: "PARAGRAPH", key: key(12), text: "Rygginjektioner kan ge lindring." },
    { type: "PROCEDURE", key: key(13), procedure: { slug: procedure.slug, title: procedure.title, review, blocks: procedureBlocks } },
    { type: "PROCEDURE", key: key(14), procedure: { slug: "nervblockader", title: "Nervblockader", review: { ...review, reviewer: null }, blocks: [] } },
  ],
  glossary: [],
};

const riskListPage: PublishedRiskListPage = {
  slug: kortison.slug,
  title: kortison.title,
  summary: "Biverkningar av kortison kan inkludera:",
  versionId: kortison.versionId,
  versionNumber: 1,
  changeKind: "CLINICAL",
  groups: kortison.groups,
  review,
  usedBy: [{ slug: procedure.slug, title: procedure.title }],
};

const base = "https://granskad.se";
const url = `${base}/artiklar/facettledsinjektioner`;
const articleUrl = (slug: string) => `${base}/artiklar/${slug}`;
const now = new Date("2026-06-01T00:00:00Z");

describe("the JSON-LD of every public page type", () => {
  it.each([
    ["the home page", websiteJsonLd(`${base}/`)],
    ["a procedure page", articleJsonLd(procedure, url, articleUrl, now)],
    ["an overview page", articleJsonLd(overview, articleUrl(overview.slug), articleUrl, now)],
    ["a risk-list page", riskListJsonLd(riskListPage, `${base}/risklistor/kortison`, now)],
    ["an overdue page", articleJsonLd(procedure, url, articleUrl, new Date("2027-02-01T00:00:00Z"))],
  ])("%s is valid against the schema.org 30.0 vocabulary", (_, jsonLd) => {
    expect(schemaOrgProblems(jsonLd)).toEqual([]);
  });
});

describe("articleJsonLd", () => {
  it("describes a procedure page as a reviewed MedicalWebPage about a MedicalTherapy", () => {
    expect(articleJsonLd(procedure, url, articleUrl, now)).toEqual({
      "@context": "https://schema.org",
      "@type": "MedicalWebPage",
      url,
      name: "Facettledsinjektioner",
      inLanguage: "sv",
      lastReviewed: "2026-01-10",
      reviewedBy: { "@type": "Person", name: "Anna Berg", jobTitle: "Överläkare", knowsAbout: "Smärtlindring" },
      datePublished: "2026-01-10T09:00:00.000Z",
      version: "3",
      creativeWorkStatus: "Published",
      about: [
        {
          "@type": "MedicalTherapy",
          name: "Facettledsinjektioner",
          url,
          contraindication: [{ "@type": "MedicalContraindication", name: "infektion" }],
          adverseOutcome: [{ "@type": "MedicalEntity", name: "sömnlöshet" }],
          seriousAdverseOutcome: [{ "@type": "MedicalEntity", name: "stroke" }],
          "@reverse": { possibleTreatment: [{ "@type": "MedicalCondition", name: "ländryggssmärta" }] },
        },
      ],
    });
  });

  it("makes an overview about each procedure it embeds, linked to the procedure's own page", () => {
    const about = articleJsonLd(overview, articleUrl(overview.slug), articleUrl, now).about;
    expect(about).toEqual([
      expect.objectContaining({ "@type": "MedicalTherapy", name: "Facettledsinjektioner", url }),
      { "@type": "MedicalTherapy", name: "Nervblockader", url: articleUrl("nervblockader") },
    ]);
  });

  it("says so when the next review date has passed, from the day after it", () => {
    expect(articleJsonLd(procedure, url, articleUrl, new Date("2027-01-09T23:00:00Z")).creativeWorkStatus).toBe("Published");
    expect(articleJsonLd(procedure, url, articleUrl, new Date("2027-01-10T00:00:00Z")).creativeWorkStatus).toBe("Overdue for review");
  });

  it("leaves out the reviewer when no approval names one", () => {
    expect(articleJsonLd({ ...procedure, review: { ...review, reviewer: null } }, url, articleUrl, now)).not.toHaveProperty("reviewedBy");
  });
});

describe("riskListJsonLd", () => {
  it("makes the risks the page's main entity, in order", () => {
    expect(riskListJsonLd(riskListPage, `${base}/risklistor/kortison`, now).mainEntity).toEqual({
      "@type": "ItemList",
      name: "Biverkningar av kortison",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "sömnlöshet" },
        { "@type": "ListItem", position: 2, name: "stroke" },
      ],
    });
  });
});

describe("serializeJsonLd", () => {
  it("keeps content from closing the script element while the JSON stays the same", () => {
    const hostile = { ...procedure, title: "</script><script>alert(1)</script><!-- & \u2028" };
    const jsonLd = articleJsonLd(hostile, url, articleUrl, now);
    const serialized = serializeJsonLd(jsonLd);
    expect(serialized).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(serialized)).toEqual(jsonLd);
  });
});
