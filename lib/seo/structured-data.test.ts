import { describe, expect, it } from "vitest";
import type { PublishedArticle, ReviewMetadata } from "@/lib/content/public-content";
import { articleJsonLd, serializeJsonLd } from "./structured-data";

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const review: ReviewMetadata = {
  versionId: key(1),
  versionNumber: 3,
  publishedAt: new Date("2026-01-10T09:00:00Z"),
  lastReviewedAt: new Date("2026-01-09T12:00:00Z"),
  nextReviewDue: new Date("2027-01-09T00:00:00Z"),
  reviewer: { name: "Anna Berg", title: "Överläkare", specialty: "Smärtlindring" },
  readerNote: null,
};

const procedure: PublishedArticle = {
  id: key(2),
  slug: "facettledsinjektioner",
  locale: "sv",
  kind: "PROCEDURE",
  title: "Facettledsinjektioner",
  review,
  blocks: [
    {
      type: "PROCEDURE_FACTS",
      key: key(3),
      facts: { medications: [], imaging: [], indications: ["ländryggssmärta"], precautions: [], contraindications: ["infektion"] },
    },
    {
      type: "RISK_LIST",
      key: key(4),
      riskList: {
        id: key(5),
        slug: "kortison",
        title: "Biverkningar av kortison",
        versionId: key(6),
        versionNumber: 1,
        groups: [{ key: key(7), items: [{ key: key(8), text: "sömnlöshet", severity: "MILD", frequency: "COMMON", temporary: true }] }],
      },
    },
  ],
};

const url = "https://granskad.se/artiklar/facettledsinjektioner";
const procedureUrl = (slug: string) => `https://granskad.se/artiklar/${slug}`;

describe("articleJsonLd", () => {
  it("describes a procedure page as a reviewed MedicalWebPage about a MedicalProcedure", () => {
    const jsonLd = articleJsonLd(procedure, url, procedureUrl, new Date("2026-06-01T00:00:00Z"));
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "MedicalWebPage",
      url,
      lastReviewed: "2026-01-09T12:00:00.000Z",
      reviewedBy: { "@type": "Person", name: "Anna Berg", jobTitle: "Överläkare", knowsAbout: "Smärtlindring" },
      creativeWorkStatus: "Published",
      about: [
        {
          "@type": "MedicalProcedure",
          name: "Facettledsinjektioner",
          indication: [{ "@type": "MedicalIndication", name: "ländryggssmärta" }],
          contraindication: [{ "@type": "MedicalContraindication", name: "infektion" }],
          adverseOutcome: [{ "@type": "MedicalEntity", name: "sömnlöshet" }],
        },
      ],
    });
  });

  it("says so when the next review date has passed, from the day after it", () => {
    expect(articleJsonLd(procedure, url, procedureUrl, new Date("2027-01-09T23:00:00Z")).creativeWorkStatus).toBe("Published");
    expect(articleJsonLd(procedure, url, procedureUrl, new Date("2027-01-10T00:00:00Z")).creativeWorkStatus).toBe("Overdue for review");
  });

  it("leaves out the reviewer when no approval names one", () => {
    expect(articleJsonLd({ ...procedure, review: { ...review, reviewer: null } }, url, procedureUrl, new Date())).not.toHaveProperty("reviewedBy");
  });
});

describe("serializeJsonLd", () => {
  it("keeps content from closing the script element while the JSON stays the same", () => {
    const hostile = { ...procedure, title: "</script><script>alert(1)</script><!-- & \u2028" };
    const jsonLd = articleJsonLd(hostile, url, procedureUrl, new Date());
    const serialized = serializeJsonLd(jsonLd);
    expect(serialized).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(serialized)).toEqual(jsonLd);
  });
});
