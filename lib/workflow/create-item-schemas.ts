import { z } from "zod";
import { ArticleKind } from "@/lib/db/generated/enums";
import { articleContentSchema, riskItemSchema, riskListContentSchema, slugSchema } from "@/lib/content/content-schemas";
import { ownerIdSchema } from "./item-owner-schemas";

/** The create forms' inputs, shared by the forms (zodResolver), the server actions and lib/workflow/create-item.ts. */

/** The item's address; empty gets the same message as every other required field. */
const newSlugSchema = z.string().trim().min(1, "Fältet får inte vara tomt").pipe(slugSchema);

export const createArticleSchema = z.object({
  slug: newSlugSchema,
  kind: z.enum(ArticleKind, "Välj typ av artikel"),
  title: articleContentSchema.shape.title,
  /** The responsible owner; left out: the creator. */
  ownerId: ownerIdSchema.optional(),
});

/** A risk list cannot be empty, so its first risk is asked for when it is created. */
export const createRiskListSchema = z.object({
  slug: newSlugSchema,
  title: riskListContentSchema.shape.title,
  firstRisk: riskItemSchema.omit({ key: true }),
  ownerId: ownerIdSchema.optional(),
});

export type CreateArticleInput = z.output<typeof createArticleSchema>;
export type CreateRiskListInput = z.output<typeof createRiskListSchema>;
