import { z } from "zod";
import { articleContentSchema, glossaryTermContentSchema, riskListContentSchema } from "@/lib/content/content-schemas";
import { itemSchema } from "@/lib/items/item";
import { versionIdSchema } from "./version-id-schema";

/*
 * The inputs of the draft operations (lib/workflow/draft-versions.ts), shared by the editor's forms and
 * the server actions. Schema-only, so that the browser bundles of those forms stay free of database code.
 */

/** Which item to edit, and optionally which of its versions the new draft starts from (restore, revise). */
export const startDraftSchema = z.object({ item: itemSchema, fromVersionId: z.uuid().optional() });
export type StartDraftInput = z.output<typeof startDraftSchema>;

/**
 * One autosave: the whole content and the revision it was based on. `kind` (the item's kind) picks the
 * content schema, so a field error comes back under its own path ("content.blocks.2.text") rather than
 * as a vague union error; the operation checks that the kind is the version's.
 */
export const saveDraftSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("article"), versionId: versionIdSchema, baseRevision: z.number().int().min(0), content: articleContentSchema }),
  z.object({ kind: z.literal("riskList"), versionId: versionIdSchema, baseRevision: z.number().int().min(0), content: riskListContentSchema }),
  z.object({ kind: z.literal("glossaryTerm"), versionId: versionIdSchema, baseRevision: z.number().int().min(0), content: glossaryTermContentSchema }),
]);
export type SaveDraftFormInput = z.input<typeof saveDraftSchema>;
export type SaveDraftInput = z.output<typeof saveDraftSchema>;
