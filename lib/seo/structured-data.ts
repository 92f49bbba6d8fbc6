import type { PublicBlock, PublishedArticle, PublishedRiskListPage, ReviewMetadata } from "@/lib/content/public-content";
import { isReviewOverdue } from "@/lib/content/review-due";
import { siteDescription, siteName } from "./page-metadata";

/**
 * schema.org JSON-LD for the public pages, valid against the schema.org vocabulary (release 30.0;
 * lib/seo/structured-data.test.ts and e2e/conformance.spec.ts check it). Every content page is a
 * MedicalWebPage that says when it was last reviewed and by whom. A procedure article is about a
 * MedicalTherapy (a TherapeuticProcedure; the narrowest type that has both `contraindication` and
 * `seriousAdverseOutcome`): its serious risks are `seriousAdverseOutcome`, the others `adverseOutcome`, and
 * the conditions it can help are MedicalConditions whose `possibleTreatment` it is (schema.org has no
 * property from a therapy to its indications since `indication` was withdrawn). A page past its next
 * review date says so in `creativeWorkStatus` instead of claiming to be current.
 */

type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | JsonLd | JsonLdValue[];

function reviewedBy(review: ReviewMetadata): JsonLd | null {
  if (!review.reviewer) return null;
  const { name, title, specialty } = review.reviewer;
  return {
    "@type": "Person",
    name,
    jobTitle: title,
    ...(specialty ? { knowsAbout: specialty } : {}),
  };
}

const swedishCalendarDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

function reviewProperties(review: ReviewMetadata, now: Date): JsonLd {
  const reviewer = reviewedBy(review);
  return {
    // lastReviewed is a Date: the day in Sweden, as the page shows it ("Senast granskad 9 januari 2026").
    ...(review.lastReviewedAt ? { lastReviewed: swedishCalendarDay.format(review.lastReviewedAt) } : {}),
    ...(reviewer ? { reviewedBy: reviewer } : {}),
    ...(review.publishedAt ? { datePublished: review.publishedAt.toISOString() } : {}),
    version: String(review.versionNumber),
    creativeWorkStatus: isReviewOverdue(review.nextReviewDue, now) ? "Overdue for review" : "Published",
  };
}

const named = (type: string) => (name: string) => ({ "@type": type, name });

function medicalTherapy(title: string, url: string, blocks: PublicBlock[]): JsonLd {
  const facts = blocks.flatMap((block) => (block.type === "PROCEDURE_FACTS" ? [block.facts] : []));
  const risks = blocks.flatMap((block) => (block.type === "RISK_LIST" ? block.riskList.groups.flatMap((group) => group.items) : []));
  // A risk shown by two of the procedure's lists is one outcome.
  const riskNames = (serious: boolean) => [...new Set(risks.filter((risk) => (risk.severity === "SERIOUS") === serious).map((risk) => risk.text))];
  const indications = facts.flatMap((fact) => fact.indications);
  const contraindications = facts.flatMap((fact) => fact.contraindications);
  const [adverse, serious] = [riskNames(false), riskNames(true)];
  return {
    "@type": "MedicalTherapy",
    name: title,
    url,
    ...(contraindications.length ? { contraindication: contraindications.map(named("MedicalContraindication")) } : {}),
    ...(adverse.length ? { adverseOutcome: adverse.map(named("MedicalEntity")) } : {}),
    ...(serious.length ? { seriousAdverseOutcome: serious.map(named("MedicalEntity")) } : {}),
    ...(indications.length ? { "@reverse": { possibleTreatment: indications.map(named("MedicalCondition")) } } : {}),
  };
}

/** The home page: the site itself. */
export function websiteJsonLd(url: string): JsonLd {
  return { "@context": "https://schema.org", "@type": "WebSite", url, name: siteName, description: siteDescription, inLanguage: "sv" };
}

/** An article's page: a MedicalWebPage, about the procedure(s) it describes. */
export function articleJsonLd(article: PublishedArticle, url: string, procedureUrl: (slug: string) => string, now: Date): JsonLd {
  const procedures =
    article.kind === "PROCEDURE"
      ? [medicalTherapy(article.title, url, article.blocks)]
      : article.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [medicalTherapy(block.procedure.title, procedureUrl(block.procedure.slug), block.procedure.blocks)] : []));
  return {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    url,
    name: article.title,
    ...(article.summary ? { description: article.summary } : {}),
    inLanguage: article.locale,
    ...reviewProperties(article.review, now),
    ...(procedures.length ? { about: procedures } : {}),
  };
}

/** A risk list's page: a MedicalWebPage whose main content is the list of risks. */
export function riskListJsonLd(riskList: PublishedRiskListPage, url: string, now: Date): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    url,
    name: riskList.title,
    ...(riskList.summary ? { description: riskList.summary } : {}),
    inLanguage: "sv",
    ...reviewProperties(riskList.review, now),
    mainEntity: {
      "@type": "ItemList",
      name: riskList.title,
      itemListElement: riskList.groups.flatMap((group) => group.items).map((item, index) => ({ "@type": "ListItem", position: index + 1, name: item.text })),
    },
  };
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` are written as \u escapes
 * (still the same JSON), so no text in the content can close the script element or open a comment;
 * U+2028/U+2029 are escaped for older JavaScript parsers.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
