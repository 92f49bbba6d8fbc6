import { z } from "zod";
import { itemSchema } from "@/lib/items/item";

/*
 * The inputs of the draft operations (lib/workflow/draft-versions.ts), shared by the editor's forms and
 * the server actions. Schema-only, so that the browser bundles of those forms stay free of database code.
 */

/** Which item to edit, and optionally which of its versions the new draft starts from (restore, revise). */
export const startDraftSchema = z.object({ item: itemSchema, fromVersionId: z.uuid().optional() });
export type StartDraftInput = z.output<typeof startDraftSchema>;
