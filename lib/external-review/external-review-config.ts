import { z } from "zod";

/** How long an expert's link works unless the operator sets GRANSKAD_EXTERNAL_REVIEW_DAYS. */
export const defaultExternalReviewDays = 14;

const daysSchema = z.coerce.number().int().min(1).max(90);

/**
 * Days from the invitation until the link stops working: GRANSKAD_EXTERNAL_REVIEW_DAYS (a whole number
 * 1–90), else 14. A bad value is refused at start-up (instrumentation.ts), not silently ignored.
 */
export function externalReviewDays(environment: Record<string, string | undefined> = process.env): number {
  const raw = environment.GRANSKAD_EXTERNAL_REVIEW_DAYS;
  if (raw === undefined || raw.trim() === "") return defaultExternalReviewDays;
  const parsed = daysSchema.safeParse(raw.trim());
  if (!parsed.success) throw new Error(`GRANSKAD_EXTERNAL_REVIEW_DAYS must be a whole number from 1 to 90 (got "${raw}")`);
  return parsed.data;
}
