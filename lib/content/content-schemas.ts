import { z } from "zod";
import { ImagingGuidance, Medication, RiskFrequency, RiskSeverity } from "@/lib/db/generated/enums";

/**
 * The editable content of articles and risk lists. One schema per shape, shared by the editor forms
 * (zodResolver), the server actions that save drafts, the seed, and the content hash. Stored relationally
 * (ArticleBlock, ProcedureFacts, RiskGroup, RiskItem); lib/content/version-content.ts maps both ways.
 */

const text = (max: number) => z.string().trim().min(1, "Fältet får inte vara tomt").max(max, `Högst ${max} tecken`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken`)
    .transform((value) => (value === "" ? undefined : value))
    .optional();
const textList = (maxItems: number, maxLength = 500) => z.array(text(maxLength)).max(maxItems, `Högst ${maxItems} punkter`);

/** A web address a reader can follow: sources, and links in paragraph and callout text. */
export const webUrlSchema = z.url({ protocol: /^https?$/, error: "Ange en webbadress som börjar med https:// eller http://" });

/** A link target as an editor types it in the link dialog; "www.1177.se" means https://www.1177.se. */
export const linkTargetSchema = z
  .string()
  .trim()
  .min(1, "Ange en webbadress")
  .transform((typed) => (/^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`))
  .pipe(webUrlSchema);

/** Stable identity of a block, group or item across versions, so diffs can tell moved from removed. */
export const contentKeySchema = z.uuid();

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Endast a–z, 0–9 och bindestreck");

export const procedureFactsSchema = z.object({
  medications: z.array(z.enum(Medication)).max(4),
  medicationNote: optionalText(300),
  imaging: z.array(z.enum(ImagingGuidance)).max(4),
  imagingNote: optionalText(300),
  indications: textList(40),
  reliefDuration: optionalText(200),
  precautions: textList(20),
  contraindications: textList(20),
});

const blockBase = { key: contentKeySchema };

/** Paragraph and callout text allow inline *emphasis*, **strong** and [links](https://…) (Markdown subset). */
export const headingBlockSchema = z.object({ ...blockBase, type: z.literal("HEADING"), text: text(200), level: z.union([z.literal(2), z.literal(3)]) });
export const paragraphBlockSchema = z.object({ ...blockBase, type: z.literal("PARAGRAPH"), text: text(5000) });
export const bulletListBlockSchema = z.object({
  ...blockBase,
  type: z.literal("BULLET_LIST"),
  intro: optionalText(500),
  items: textList(50).min(1, "Minst en punkt"),
});
export const calloutBlockSchema = z.object({
  ...blockBase,
  type: z.literal("CALLOUT"),
  tone: z.enum(["info", "warning"]),
  title: optionalText(200),
  text: text(2000),
});
export const procedureFactsBlockSchema = z.object({ ...blockBase, type: z.literal("PROCEDURE_FACTS"), facts: procedureFactsSchema });
export const riskListBlockSchema = z.object({ ...blockBase, type: z.literal("RISK_LIST"), riskListId: z.uuid("Välj en risklista") });
export const procedureBlockSchema = z.object({ ...blockBase, type: z.literal("PROCEDURE"), procedureArticleId: z.uuid("Välj en procedur") });
export const keyTakeawaysBlockSchema = z.object({
  ...blockBase,
  type: z.literal("KEY_TAKEAWAYS"),
  title: optionalText(200),
  items: textList(20).min(1, "Minst en punkt"),
});
export const referencesBlockSchema = z.object({
  ...blockBase,
  type: z.literal("REFERENCES"),
  title: optionalText(200),
  items: z
    .array(z.object({ title: text(300), url: webUrlSchema.optional() }))
    .max(50),
});

export const articleBlockSchema = z.discriminatedUnion("type", [
  headingBlockSchema,
  paragraphBlockSchema,
  bulletListBlockSchema,
  calloutBlockSchema,
  procedureFactsBlockSchema,
  riskListBlockSchema,
  procedureBlockSchema,
  keyTakeawaysBlockSchema,
  referencesBlockSchema,
]);

function uniqueKeys(items: { key: string }[]): boolean {
  return new Set(items.map((item) => item.key)).size === items.length;
}

export const articleContentSchema = z.object({
  title: text(200),
  summary: optionalText(500),
  blocks: z
    .array(articleBlockSchema)
    .max(200, "Högst 200 block")
    .refine(uniqueKeys, "Två block har samma nyckel")
    .refine((blocks) => blocks.filter((block) => block.type === "PROCEDURE_FACTS").length <= 1, "Högst ett faktablock per artikel"),
});

export const riskItemSchema = z.object({
  key: contentKeySchema,
  text: text(500),
  severity: z.enum(RiskSeverity),
  frequency: z.enum(RiskFrequency),
  temporary: z.boolean(),
});

export const riskGroupSchema = z.object({
  key: contentKeySchema,
  title: optionalText(300),
  items: z.array(riskItemSchema).min(1, "Minst en risk per grupp").max(100).refine(uniqueKeys, "Två risker har samma nyckel"),
});

export const riskListContentSchema = z.object({
  title: text(200),
  summary: optionalText(500),
  groups: z.array(riskGroupSchema).min(1, "Minst en grupp").max(20).refine(uniqueKeys, "Två grupper har samma nyckel"),
});

/**
 * A glossary term (README, "Glossary"): the term as the glossary heads it, the inflected forms and
 * synonyms that also count as the term when the editor looks for unexplained terms ("epiduralrummet",
 * "epidurala"), and the explanation in plain Swedish. Stored as the version's title and its GlossaryEntry.
 */
export const glossaryTermContentSchema = z.object({
  title: text(100),
  forms: z
    .array(text(100))
    .max(30, "Högst 30 former")
    .refine((forms) => new Set(forms.map((form) => form.toLocaleLowerCase("sv"))).size === forms.length, "Två former är lika"),
  explanation: text(1000),
});

export type ProcedureFacts = z.infer<typeof procedureFactsSchema>;
export type ArticleBlock = z.infer<typeof articleBlockSchema>;
export type ArticleContent = z.infer<typeof articleContentSchema>;
export type RiskItem = z.infer<typeof riskItemSchema>;
export type RiskGroup = z.infer<typeof riskGroupSchema>;
export type RiskListContent = z.infer<typeof riskListContentSchema>;
export type GlossaryTermContent = z.infer<typeof glossaryTermContentSchema>;
