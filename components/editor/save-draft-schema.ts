import { z } from "zod";
import { articleContentSchema, riskListContentSchema } from "@/lib/content/content-schemas";

/**
 * One autosave: the whole content and the revision it was based on. `kind` picks the content schema,
 * so a field error comes back under its own path ("content.blocks.2.text") rather than as a vague union
 * error; saveDraft checks again that the kind matches the version.
 */
export const saveDraftInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("article"), versionId: z.uuid(), baseRevision: z.number().int().min(0), content: articleContentSchema }),
  z.object({ kind: z.literal("riskList"), versionId: z.uuid(), baseRevision: z.number().int().min(0), content: riskListContentSchema }),
]);

export type SaveDraftInput = z.input<typeof saveDraftInputSchema>;
