import { z } from "zod";
import { embeddedRiskListSchema, glossaryEntrySchema, readabilitySchema, reviewerSchema, versionRefSchema } from "@/lib/api/api-schemas";
import { procedureFactsSchema } from "@/lib/content/content-schemas";
import { ArticleKind } from "@/lib/db/generated/enums";

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) twice: `jsonFeedSpecSchema` states the spec's
 * rules for any feed (what a consumer may rely on), and `granskadFeedSchema` is exactly what /feed.json
 * sends, parsed before sending so that no undeclared field leaves the server.
 */

export const jsonFeedVersion = "https://jsonfeed.org/version/1.1";

const absoluteUrl = z.url({ protocol: /^https?$/ });
/** RFC 3339: a date-time with seconds and an offset or Z. */
const rfc3339 = z.iso.datetime({ offset: true });

/** An author needs at least one of name, url and avatar. */
const specAuthorSchema = z
  .object({ name: z.string().optional(), url: absoluteUrl.optional(), avatar: absoluteUrl.optional() })
  .catchall(z.unknown())
  .refine((author) => author.name !== undefined || author.url !== undefined || author.avatar !== undefined, "An author needs name, url or avatar");

/** Keys the spec does not define must be extensions, which start with an underscore. */
function onlySpecKeysOrExtensions(specKeys: readonly string[]) {
  return (object: Record<string, unknown>, context: z.RefinementCtx) => {
    for (const key of Object.keys(object)) {
      if (!specKeys.includes(key) && !key.startsWith("_")) context.addIssue({ code: "custom", path: [key], message: "Not a JSON Feed 1.1 field nor an _extension" });
    }
  };
}

const specItemShape = {
  id: z.string().min(1),
  url: absoluteUrl.optional(),
  external_url: absoluteUrl.optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  image: absoluteUrl.optional(),
  banner_image: absoluteUrl.optional(),
  date_published: rfc3339.optional(),
  date_modified: rfc3339.optional(),
  authors: z.array(specAuthorSchema).optional(),
  tags: z.array(z.string()).optional(),
  language: z.string().optional(),
  attachments: z.array(z.object({ url: absoluteUrl, mime_type: z.string() }).catchall(z.unknown())).optional(),
};

const specItemSchema = z
  .object(specItemShape)
  .catchall(z.unknown())
  .superRefine(onlySpecKeysOrExtensions(Object.keys(specItemShape)))
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, "An item needs content_html or content_text");

const specFeedShape = {
  version: z.literal(jsonFeedVersion),
  title: z.string().min(1),
  home_page_url: absoluteUrl.optional(),
  feed_url: absoluteUrl.optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: absoluteUrl.optional(),
  icon: absoluteUrl.optional(),
  favicon: absoluteUrl.optional(),
  authors: z.array(specAuthorSchema).optional(),
  language: z.string().optional(),
  expired: z.boolean().optional(),
  hubs: z.array(z.object({ type: z.string(), url: absoluteUrl })).optional(),
  items: z.array(specItemSchema),
};

export const jsonFeedSpecSchema = z
  .object(specFeedShape)
  .catchall(z.unknown())
  .superRefine(onlySpecKeysOrExtensions(Object.keys(specFeedShape)))
  .refine((feed) => new Set(feed.items.map((item) => item.id)).size === feed.items.length, "Item ids must be unique");

// ---- What Granskad sends -------------------------------------------------------------------------------

const authorSchema = z.object({ name: z.string(), url: absoluteUrl });

/** Provenance and structure of a published item. */
export const granskadItemExtensionSchema = z.object({
  withdrawn: z.literal(false),
  kind: z.enum(ArticleKind),
  version: versionRefSchema,
  reviewer: reviewerSchema.nullable(),
  lastReviewed: rfc3339.nullable(),
  nextReview: z.iso.date().nullable(),
  overdue: z.boolean(),
  readerNote: z.string().nullable(),
  procedureFacts: procedureFactsSchema.nullable(),
  /** Every risk list the item shows (its own and its embedded procedures'), with the version served. */
  riskLists: z.array(embeddedRiskListSchema),
  /** The LIX of the item's own text, as the API's article carries it. */
  readability: readabilitySchema,
  /** The published glossary terms the item marks, with their explanations, as the API's article carries them. */
  glossary: z.array(glossaryEntrySchema),
});

/** A withdrawal notice: the item was unpublished; consumers should remove their copies. */
export const granskadWithdrawalExtensionSchema = z.object({
  withdrawn: z.literal(true),
  withdrawnAt: rfc3339,
  kind: z.enum(ArticleKind),
  version: versionRefSchema,
});

const itemBase = {
  id: z.string().min(1),
  url: absoluteUrl,
  title: z.string(),
  date_published: rfc3339,
  date_modified: rfc3339,
  authors: z.array(authorSchema),
  language: z.string(),
};

export const granskadFeedItemSchema = z.union([
  z.object({ ...itemBase, content_html: z.string(), summary: z.string().optional(), _granskad: granskadItemExtensionSchema }),
  z.object({ ...itemBase, content_text: z.string(), _granskad: granskadWithdrawalExtensionSchema }),
]);

export const granskadFeedSchema = z.object({
  version: z.literal(jsonFeedVersion),
  title: z.string(),
  description: z.string(),
  home_page_url: absoluteUrl,
  feed_url: absoluteUrl,
  next_url: absoluteUrl.optional(),
  language: z.string(),
  authors: z.array(authorSchema),
  items: z.array(granskadFeedItemSchema),
});

export type GranskadFeed = z.input<typeof granskadFeedSchema>;
export type GranskadFeedItem = z.input<typeof granskadFeedItemSchema>;
