import { z } from "zod";
import { requestChangesSchema } from "@/lib/workflow/review-schemas";

/** Sending a version back always says why: the comment the workflow allows is required here. */
export const requestChangesFormSchema = requestChangesSchema.extend({
  comment: z.string().trim().min(1, "Skriv vad som behöver ändras").max(5000),
});
