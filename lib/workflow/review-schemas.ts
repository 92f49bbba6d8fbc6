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

export const approveVersionSchema = z.object({
  versionId: versionIdSchema,
  /** The hash of the text the reviewer was shown: an approval is bound to exactly that content. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  nextReviewDue: reviewDateSchema,
});
/** Sending a version back always says why. */
export const requestChangesSchema = z.object({
  versionId: versionIdSchema,
  comment: z.string().trim().min(1, "Skriv vad som behöver ändras").max(5000),
});
export const reattestVersionSchema = z.object({ versionId: versionIdSchema, nextReviewDue: reviewDateSchema });
export const reviewCommentSchema = z.object({
  versionId: versionIdSchema,
  blockKey: z.uuid().optional(),
  body: z.string().trim().min(1, "Skriv en kommentar").max(5000),
});
