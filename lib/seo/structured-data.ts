import type { PublicBlock, PublishedArticle, PublishedRiskListPage, ReviewMetadata } from "@/lib/content/public-content";
import { isReviewOverdue } from "@/lib/content/review-due";

/**
 * schema.org JSON-LD for the public pages: every content page is a MedicalWebPage that says when it was
 * last reviewed and by whom; a procedure article is also about a MedicalProcedure with its indications,
 * contraindications and risks (adverseOutcome). A page past its next review date says so in
 * `creativeWorkStatus` instead of claiming to be current.
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

function reviewProperties(review: ReviewMetadata, now: Date): JsonLd {
  const reviewer = reviewedBy(review);
  return {
    ...(review.lastReviewedAt ? { lastReviewed: review.lastReviewedAt.toISOString() } : {}),
    ...(reviewer ? { reviewedBy: reviewer } : {}),
    ...(review.publishedAt ? { datePublished: review.publishedAt.toISOString() } : {}),
    version: String(review.versionNumber),
    creativeWorkStatus: isReviewOverdue(review.nextReviewDue, now) ? "Overdue for review" : "Published",
  };
}

function medicalProcedure(title: string, url: string, blocks: PublicBlock[]): JsonLd {
  const facts = blocks.flatMap((block) => (block.type === "PROCEDURE_FACTS" ? [block.facts] : []));
  const risks = blocks.flatMap((block) => (block.type === "RISK_LIST" ? block.riskList.groups.flatMap((group) => group.items) : []));
  const indications = facts.flatMap((fact) => fact.indications);
  const contraindications = facts.flatMap((fact) => fact.contraindications);
  return {
    "@type": "MedicalProcedure",
    name: title,
    url,
    ...(indications.length ? { indication: indications.map((name) => ({ "@type": "MedicalIndication", name })) } : {}),
    ...(contraindications.length ? { contraindication: contraindications.map((name) => ({ "@type": "MedicalContraindication", name })) } : {}),
    ...(risks.length ? { adverseOutcome: risks.map((risk) => ({ "@type": "MedicalEntity", name: risk.text })) } : {}),
  };
}

/** An article's page: a MedicalWebPage, about the procedure(s) it describes. */
export function articleJsonLd(article: PublishedArticle, url: string, procedureUrl: (slug: string) => string, now: Date): JsonLd {
  const procedures =
    article.kind === "PROCEDURE"
      ? [medicalProcedure(article.title, url, article.blocks)]
      : article.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [medicalProcedure(block.procedure.title, procedureUrl(block.procedure.slug), block.procedure.blocks)] : []));
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
