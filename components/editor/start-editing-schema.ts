import { z } from "zod";

/** Which item to edit, and optionally which of its versions the new draft starts from (restore). */
export const startEditingSchema = z.union([
  z.object({ articleId: z.uuid(), fromVersionId: z.uuid().optional() }),
  z.object({ riskListId: z.uuid(), fromVersionId: z.uuid().optional() }),
]);

export type StartEditingInput = z.infer<typeof startEditingSchema>;
