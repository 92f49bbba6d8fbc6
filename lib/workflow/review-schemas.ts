import { z } from "zod";
import { versionIdSchema } from "./version-id-schema";

/*
 * The inputs of the review workflow (lib/workflow/review-versions.ts), one schema per operation, shared by
 * the editor's and the reviewer's forms and by the server actions, which parse with them once. They live
 * apart from the operations so that the browser bundles of those forms do not pull in the database code
 * and Node's crypto.
 */

export const submitForReviewSchema = z.object({
  versionId: versionIdSchema,
  /** The draft's revision the editor last saw (and saved): a submit based on an older one is refused, like a stale save. */
  baseRevision: z.number().int().min(0),
  changeNote: z.string().trim().min(1, "Beskriv ändringen för granskaren").max(2000),
  readerNote: z.string().trim().min(1, "Skriv vad som har ändrats för läsaren").max(500),
  /** The editor marks an otherwise editorial change as clinical; a clinical change stays clinical whatever this says. */
  markedClinical: z.boolean().optional(),
});

/**
 * The latest next-review date a reviewer may set. Patient information is re-reviewed within years, not
 * centuries, and the feed's dates are RFC 3339 (four-digit years): a year like 200000 broke it.
 */
const maxReviewIntervalYears = 5;

function latestNextReviewDue(from: Date): Date {
  return new Date(Date.UTC(from.getUTCFullYear() + maxReviewIntervalYears, from.getUTCMonth(), from.getUTCDate()));
}

const reviewDateSchema = z.coerce
  .date()
  .refine((date) => date.getTime() > Date.now(), "Nästa granskning måste ligga i framtiden")
  .refine((date) => date.getTime() <= latestNextReviewDue(new Date()).getTime(), `Nästa granskning kan ligga högst ${maxReviewIntervalYears} år fram`)
  .optional();

/** The review intervals a reviewer can choose, in months. */
export const reviewIntervalsMonths = [6, 12, 24, 36] as const;
export type ReviewIntervalMonths = (typeof reviewIntervalsMonths)[number];

const reviewIntervalSchema = z.coerce
  .number("Välj hur ofta sidan ska granskas")
  .refine((months): months is ReviewIntervalMonths => (reviewIntervalsMonths as readonly number[]).includes(months), "Välj 6, 12, 24 eller 36 månader")
  .transform((months) => months as ReviewIntervalMonths)
  .optional();

/**
 * The whole-page checklist of an approval and a re-attestation (the NHS pattern: the review date is
 * never moved after a partial check). Each item must be confirmed; the confirmed list is stored with the
 * decision.
 */
export const reviewChecklistItems = ["sourcesChecked", "risksCurrent", "linksChecked", "feedbackReviewed"] as const;
const confirmed = (message: string) => z.literal(true, message);
export const reviewChecklistSchema = z.object(
  {
    sourcesChecked: confirmed("Bekräfta att det kliniska innehållet är kontrollerat mot källorna"),
    risksCurrent: confirmed("Bekräfta att risker och kontraindikationer är aktuella"),
    linksChecked: confirmed("Bekräfta att länkar och referenser är kontrollerade"),
    feedbackReviewed: confirmed("Bekräfta att du har gått igenom läsarnas återkoppling sedan förra granskningen"),
  },
  "Bekräfta checklistan",
);
export type ReviewChecklist = z.output<typeof reviewChecklistSchema>;

export const approveVersionSchema = z.object({
  versionId: versionIdSchema,
  /** The hash of the text the reviewer was shown: an approval is bound to exactly that content. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  checklist: reviewChecklistSchema,
  /** The item's review cycle from now on; the default next review date follows from it. */
  reviewIntervalMonths: reviewIntervalSchema,
  nextReviewDue: reviewDateSchema,
});
/** Sending a version back always says why. */
export const requestChangesSchema = z.object({
  versionId: versionIdSchema,
  comment: z.string().trim().min(1, "Skriv vad som behöver ändras").max(5000),
});
export const reattestVersionSchema = z.object({
  versionId: versionIdSchema,
  checklist: reviewChecklistSchema,
  reviewIntervalMonths: reviewIntervalSchema,
  nextReviewDue: reviewDateSchema,
});
export const reviewCommentSchema = z.object({
  versionId: versionIdSchema,
  blockKey: z.uuid().optional(),
  body: z.string().trim().min(1, "Skriv en kommentar").max(5000),
});
