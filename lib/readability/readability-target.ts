import { z } from "zod";

/**
 * The LIX an audience's text should not exceed. Granskad writes for one audience today, patients, whose
 * target is 40 ("lätt") unless the operator sets LIX_TARGET_PATIENT (a whole number 20–80). The editor
 * and the review screen show it as a hint, the feed and the API serve it with each article's LIX; it
 * never blocks a save, a submission or a publish.
 */
export const readabilityAudiences = ["patient"] as const;
export type ReadabilityAudience = (typeof readabilityAudiences)[number];

export const defaultLixTargets: Record<ReadabilityAudience, number> = { patient: 40 };

const targetSchema = z.coerce.number().int().min(20).max(80);

const environmentNames: Record<ReadabilityAudience, string> = { patient: "LIX_TARGET_PATIENT" };

/** The configured target (server side: pass it to client components as a prop). A bad value is refused at start-up, not silently ignored. */
export function lixTarget(audience: ReadabilityAudience = "patient", environment: Record<string, string | undefined> = process.env): number {
  const name = environmentNames[audience];
  const raw = environment[name];
  if (raw === undefined || raw.trim() === "") return defaultLixTargets[audience];
  const parsed = targetSchema.safeParse(raw.trim());
  if (!parsed.success) throw new Error(`${name} must be a whole number from 20 to 80 (got "${raw}")`);
  return parsed.data;
}
