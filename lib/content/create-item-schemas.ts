import { z } from "zod";
import { ArticleKind } from "@/lib/db/generated/enums";
import { articleContentSchema, riskItemSchema, riskListContentSchema, slugSchema } from "./content-schemas";

/** The create forms' inputs, shared by the forms (zodResolver) and lib/content/create-item.ts. */

export const createArticleSchema = z.object({
  slug: slugSchema,
  kind: z.enum(ArticleKind, "Välj typ av artikel"),
  title: articleContentSchema.shape.title,
});

/** A risk list cannot be empty, so its first risk is asked for when it is created. */
export const createRiskListSchema = z.object({
  slug: slugSchema,
  title: riskListContentSchema.shape.title,
  firstRisk: riskItemSchema.omit({ key: true }),
});

