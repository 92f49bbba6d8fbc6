import type { ArticleKind, RiskFrequency, RiskSeverity, VersionStatus } from "@/lib/db/generated/enums";
import type { ArticleBlock } from "@/lib/content/content-schemas";

/** How the editor names the content model's choices (the public wording is in components/public/swedish-labels.ts). */

export const articleKindLabels: Record<ArticleKind, string> = {
  OVERVIEW: "Översikt",
  PROCEDURE: "Procedur (behandling)",
};

export const severityLabels: Record<RiskSeverity, string> = {
  MILD: "Lindrig",
  MODERATE: "Måttlig",
  SERIOUS: "Allvarlig",
};

export const frequencyLabels: Record<RiskFrequency, string> = {
  COMMON: "Vanlig",
  UNCOMMON: "Mindre vanlig",
  RARE: "Sällsynt",
  UNKNOWN: "Okänd",
};

export const blockTypeLabels: Record<ArticleBlock["type"], string> = {
  HEADING: "Rubrik",
  PARAGRAPH: "Stycke",
  BULLET_LIST: "Punktlista",
  CALLOUT: "Faktaruta / varning",
  PROCEDURE_FACTS: "Procedurfakta",
  RISK_LIST: "Risklista",
  PROCEDURE: "Procedur",
  KEY_TAKEAWAYS: "Viktiga punkter",
  REFERENCES: "Källor",
};

export const versionStatusLabels: Record<VersionStatus, string> = {
  DRAFT: "utkast",
  IN_REVIEW: "under granskning",
  CHANGES_REQUESTED: "ändringar begärda",
  APPROVED: "godkänd",
  PUBLISHED: "publicerad",
  SUPERSEDED: "ersatt",
  UNPUBLISHED: "avpublicerad",
};
