import type { ChangeKind } from "@/lib/db/generated/enums";
import type { ArticleBlock, ArticleContent, GlossaryTermContent, ProcedureFacts, RiskListContent } from "./content-schemas";

/**
 * Clinical or editorial change, by construction (issue 11.4): a version is compared with the item's
 * published version, and any difference in what a clinician answers for makes it clinical, whatever
 * the editor says. The editor may add the mark to an otherwise editorial change, never take it away.
 * Pure, so the submit form shows the same answer as the server stores.
 */

/** Why a change is clinical; the Swedish names are `clinicalReasonLabels` in lib/labels. */
export type ClinicalReason =
  /** Nothing is published: everything in it is new to readers. */
  | "firstVersion"
  /** Medication, imaging, indications, relief duration or precautions of the procedure facts. */
  | "procedureFacts"
  | "contraindications"
  /** A risk added, removed, reworded, moved to another group, or with another severity, frequency or temporary flag. */
  | "riskItems"
  /** Which risk list an article shows. */
  | "riskListReference"
  /** Which procedure an overview shows (and so whose facts and risks). */
  | "procedureReference"
  /** A glossary term's term or explanation (its other forms only help the editor's hint list: editorial). */
  | "glossaryExplanation"
  | "markedByEditor";

export const clinicalReasons: readonly ClinicalReason[] = [
  "firstVersion",
  "procedureFacts",
  "contraindications",
  "riskItems",
  "riskListReference",
  "procedureReference",
  "glossaryExplanation",
  "markedByEditor",
];

export type ChangeClassification = { kind: ChangeKind; reasons: ClinicalReason[] };

type Content = ArticleContent | RiskListContent | GlossaryTermContent;

function isArticle(content: Content): content is ArticleContent {
  return "blocks" in content;
}

/** A list's entries as a multiset: the same entries in another order are the same facts. */
function sameEntries(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = [...(a ?? [])].sort();
  const right = [...(b ?? [])].sort();
  return left.length === right.length && left.every((entry, index) => entry === right[index]);
}

function factsOf(content: ArticleContent): ProcedureFacts | null {
  const block = content.blocks.find((candidate) => candidate.type === "PROCEDURE_FACTS");
  return block?.type === "PROCEDURE_FACTS" ? block.facts : null;
}

const factFields = ["medications", "medicationNote", "imaging", "imagingNote", "indications", "reliefDuration", "precautions"] as const satisfies readonly Exclude<keyof ProcedureFacts, "contraindications">[];

function sameFact(a: ProcedureFacts[(typeof factFields)[number]] | undefined, b: ProcedureFacts[(typeof factFields)[number]] | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return sameEntries(a as string[] | undefined, b as string[] | undefined);
  return (a ?? "") === (b ?? "");
}

/** The ids an article's blocks of one type point at, as a sorted list. */
function referencesOf(content: ArticleContent, type: "RISK_LIST" | "PROCEDURE"): string[] {
  return content.blocks
    .filter((block): block is Extract<ArticleBlock, { type: typeof type }> => block.type === type)
    .map((block) => ("riskListId" in block ? block.riskListId : block.procedureArticleId))
    .sort();
}

function articleReasons(before: ArticleContent, after: ArticleContent): ClinicalReason[] {
  const reasons: ClinicalReason[] = [];
  const [old, next] = [factsOf(before), factsOf(after)];
  if ((old === null) !== (next === null) || factFields.some((field) => !sameFact(old?.[field], next?.[field]))) reasons.push("procedureFacts");
  if (!sameEntries(old?.contraindications, next?.contraindications)) reasons.push("contraindications");
  if (!sameEntries(referencesOf(before, "RISK_LIST"), referencesOf(after, "RISK_LIST"))) reasons.push("riskListReference");
  if (!sameEntries(referencesOf(before, "PROCEDURE"), referencesOf(after, "PROCEDURE"))) reasons.push("procedureReference");
  return reasons;
}

/** Each risk by its stable key: its words, severity, frequency, temporary flag and group. */
function risksOf(content: RiskListContent): Map<string, string> {
  return new Map(
    content.groups.flatMap((group) =>
      group.items.map((item) => [item.key, JSON.stringify([item.text, item.severity, item.frequency, item.temporary, group.key])] as const),
    ),
  );
}

function riskListReasons(before: RiskListContent, after: RiskListContent): ClinicalReason[] {
  const [old, next] = [risksOf(before), risksOf(after)];
  const changed = old.size !== next.size || [...next].some(([key, risk]) => old.get(key) !== risk);
  return changed ? ["riskItems"] : [];
}

/**
 * Classifies `after` against the published `before` (null: nothing is published). Headings, paragraphs,
 * callouts, key takeaways, references, titles, summaries, group headings and the order of blocks, risks
 * and list entries are editorial; see `ClinicalReason` for what is clinical.
 */
function isGlossaryTerm(content: Content): content is GlossaryTermContent {
  return "explanation" in content;
}

function glossaryReasons(before: GlossaryTermContent, after: GlossaryTermContent): ClinicalReason[] {
  return before.title !== after.title || before.explanation !== after.explanation ? ["glossaryExplanation"] : [];
}

export function classifyChange(before: Content | null, after: Content, markedClinical = false): ChangeClassification {
  const reasons: ClinicalReason[] =
    before === null
      ? ["firstVersion"]
      : isGlossaryTerm(after) || isGlossaryTerm(before)
        ? isGlossaryTerm(after) && isGlossaryTerm(before)
          ? glossaryReasons(before, after)
          : ["firstVersion"]
        : isArticle(after)
        ? isArticle(before)
          ? articleReasons(before, after)
          : ["firstVersion"]
        : isArticle(before)
          ? ["firstVersion"]
          : riskListReasons(before, after);
  if (markedClinical) reasons.push("markedByEditor");
  return { kind: reasons.length > 0 ? "CLINICAL" : "EDITORIAL", reasons };
}

/** How the feed, the read API and webhook bodies name a change kind (`changeKind: "clinical" | "editorial"`). */
export const externalChangeKinds = { CLINICAL: "clinical", EDITORIAL: "editorial" } as const satisfies Record<ChangeKind, string>;
export const externalChangeKindValues = ["clinical", "editorial"] as const;
export type ExternalChangeKind = (typeof externalChangeKindValues)[number];
/** The sentence the OpenAPI document and the JSON schemas give the field. */
export const changeKindDescription =
  "Whether this version changed clinical content (procedure facts, contraindications, risks, which risk list or procedure is shown; a first version) or only editorial content. Computed when the version was submitted, against the version then published.";
