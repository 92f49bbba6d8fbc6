import { z } from "zod";
import {
  bulletListBlockSchema,
  calloutBlockSchema,
  contentKeySchema,
  headingBlockSchema,
  keyTakeawaysBlockSchema,
  paragraphBlockSchema,
  procedureFactsBlockSchema,
  procedureFactsSchema,
  referencesBlockSchema,
  riskGroupSchema,
  slugSchema,
} from "@/lib/content/content-schemas";
import { ArticleKind } from "@/lib/db/generated/enums";
import { changeKindDescription, externalChangeKindValues } from "@/lib/content/change-kind";
import { lixBands } from "@/lib/readability/lix";
import { maxSearchOffset, searchPageSize, searchPhraseMaxLength, searchPhraseSchema } from "@/lib/search/search-schemas";

/**
 * The shapes of the public read API (/api/v1) and its query parameters. Every response body is parsed
 * through its schema before it is sent, so only the fields named here can leave the server; the OpenAPI
 * document (lib/api/openapi-document.ts) is generated from these same schemas.
 */

// ---- Query parameters -------------------------------------------------------------------------------

/** An opaque pagination position: base64url of `{"after": <sort key>}`. */
export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), "utf8").toString("base64url");
}

// Sort keys are slugs and ISO instants with ids: printable ASCII, so a forged cursor cannot carry text the
// database refuses (U+0000) into a query.
const decodedCursorSchema = z.object({ after: z.string().regex(/^[\x20-\x7e]{1,200}$/) });

/** The instants PostgreSQL and Date both hold: years 1–9999 in UTC, whatever the offset said. */
const firstInstant = Date.parse("0001-01-01T00:00:00.000Z");
const lastInstant = Date.parse("9999-12-31T23:59:59.999Z");

export const cursorSchema = z
  .string()
  .max(400)
  .transform((cursor, context) => {
    try {
      const decoded = decodedCursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
      if (decoded.success) return decoded.data.after;
    } catch {
      // Not base64url JSON: reported below like any other malformed cursor.
    }
    context.addIssue({ code: "custom", message: "Not a cursor returned by this API (use next_cursor as given)" });
    return z.NEVER;
  });

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Items per page, 1–100 (default 20)."),
  cursor: cursorSchema.optional().describe("The next_cursor of the previous page."),
  updated_since: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() >= firstInstant && date.getTime() <= lastInstant, "Must fall within the years 1–9999 (UTC)")
    .optional()
    .describe("Only items published or re-reviewed at or after this instant (ISO 8601 / RFC 3339, with a time zone)."),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/** A search's position in its ranked results: the number of results before the page, as an opaque cursor. */
const searchCursorSchema = cursorSchema.pipe(
  z
    .string()
    .regex(/^\d{1,7}$/, "Not a cursor returned by this API (use next_cursor as given)")
    .transform(Number)
    .pipe(z.number().int().max(maxSearchOffset, "Past the last page a search serves")),
);

export const searchQuerySchema = z.object({
  q: searchPhraseSchema.describe(`What to search for: 1–${searchPhraseMaxLength} characters of Swedish text.`),
  limit: z.coerce.number().int().min(1).max(50).default(searchPageSize).describe(`Results per page, 1–50 (default ${searchPageSize}).`),
  cursor: searchCursorSchema.optional().describe("The next_cursor of the previous page."),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** Endpoints that take no query parameters. */
export const noQuerySchema = z.object({});

export const slugParamsSchema = z.object({ slug: slugSchema });

// ---- Responses ---------------------------------------------------------------------------------------

const instant = z.iso.datetime({ offset: true });
const absoluteUrl = z.url({ protocol: /^https?$/ });

export const reviewerSchema = z.object({ name: z.string(), title: z.string(), specialty: z.string().nullable() });

export const reviewSchema = z.object({
  lastReviewed: instant.nullable(),
  /** A calendar date. */
  nextReview: z.iso.date().nullable(),
  overdue: z.boolean().describe("True when the next review date has passed."),
  reviewer: reviewerSchema.nullable(),
});

export const versionRefSchema = z.object({
  id: z.uuid(),
  number: z.number().int().min(1),
  contentHash: z.string(),
  supersedes: z.uuid().nullable().describe("The id of the published version this one replaced."),
  changeKind: z.enum(externalChangeKindValues).describe(changeKindDescription),
});

export const embeddedRiskListSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  version: z.object({ id: z.uuid(), number: z.number().int().min(1), changeKind: z.enum(externalChangeKindValues).describe(changeKindDescription) }),
  groups: z.array(riskGroupSchema),
});

export const riskListBlockResponseSchema = z.object({ key: contentKeySchema, type: z.literal("RISK_LIST"), riskList: embeddedRiskListSchema });

const textBlockSchemas = [
  headingBlockSchema,
  paragraphBlockSchema,
  bulletListBlockSchema,
  calloutBlockSchema,
  procedureFactsBlockSchema,
  keyTakeawaysBlockSchema,
  referencesBlockSchema,
] as const;

export const procedureBodyBlockSchema = z.discriminatedUnion("type", [...textBlockSchemas, riskListBlockResponseSchema]);

export const embeddedProcedureSchema = z.object({
  slug: z.string(),
  url: absoluteUrl,
  title: z.string(),
  summary: z.string().nullable(),
  version: z.object({ id: z.uuid(), number: z.number().int().min(1), changeKind: z.enum(externalChangeKindValues).describe(changeKindDescription) }),
  review: reviewSchema,
  blocks: z.array(procedureBodyBlockSchema),
});

export const articleBlockResponseSchema = z.discriminatedUnion("type", [
  ...textBlockSchemas,
  riskListBlockResponseSchema,
  z.object({ key: contentKeySchema, type: z.literal("PROCEDURE"), procedure: embeddedProcedureSchema }),
]);

export const articleSummarySchema = z.object({
  slug: z.string(),
  kind: z.enum(ArticleKind),
  locale: z.string(),
  url: absoluteUrl,
  title: z.string(),
  summary: z.string().nullable(),
  version: versionRefSchema,
  review: reviewSchema,
  publishedAt: instant,
  updatedAt: instant.describe("When the current version was published or last re-reviewed."),
});

/** The LIX readability of the article's own text (lib/readability), as data. */
export const readabilitySchema = z
  .object({
    lix: z.number().int().min(0).nullable().describe("LIX (Björnsson), rounded; null when the article has no measured text."),
    band: z.enum(lixBands).nullable().describe("very_easy under 30, easy 30–40, medium to 50, hard to 60, very_hard over 60."),
    words: z.number().int().min(0),
    sentences: z.number().int().min(0),
    longWords: z.number().int().min(0).describe("Words of more than six letters."),
    target: z.number().int().describe("The publisher's LIX target for patient text (40 unless configured)."),
    withinTarget: z.boolean().nullable(),
  })
  .describe("Measured over the summary, paragraphs, callouts, lists, key takeaways and procedure facts; headings, sources and referenced items are not.");

/** A glossary term the article marks, with its published explanation (README, "Glossary"). */
export const glossaryEntrySchema = z
  .object({
    id: z.uuid().describe("The term's id, as the article's text marks it: [epiduralrummet](term:<id>)."),
    slug: z.string(),
    term: z.string(),
    explanation: z.string().describe("Plain Swedish, reviewed like the article."),
    forms: z.array(z.string()).describe("Inflected forms and synonyms that also count as the term."),
    url: absoluteUrl.describe("The term's entry on the public glossary page."),
    version: z.object({ id: z.uuid(), number: z.number().int().min(1) }),
  })
  .describe("Paragraph and callout text marks a term as a Markdown link with the term: scheme; only terms with a published version are listed.");

export const articleSchema = articleSummarySchema.extend({
  readerNote: z.string().nullable().describe('The reader-facing "Vad har ändrats" note of this version.'),
  readability: readabilitySchema,
  glossary: z.array(glossaryEntrySchema).describe("The published glossary terms the article's text (and its embedded procedures') marks, in order of first use."),
  blocks: z.array(articleBlockResponseSchema),
});

export const procedureSchema = articleSummarySchema.extend({ facts: procedureFactsSchema.nullable() });

export const riskListSummarySchema = z.object({
  slug: z.string(),
  locale: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  version: versionRefSchema,
  review: reviewSchema,
  publishedAt: instant,
  updatedAt: instant,
});

export const riskListSchema = riskListSummarySchema.extend({
  readerNote: z.string().nullable(),
  groups: z.array(riskGroupSchema),
});

export const versionSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int().min(1),
  contentHash: z.string(),
  status: z.enum(["current", "superseded", "withdrawn"]),
  supersedes: z.uuid().nullable(),
  changeKind: z.enum(externalChangeKindValues).describe(changeKindDescription),
  readerNote: z.string().nullable(),
  lastReviewed: instant.nullable(),
  publishedAt: instant,
  unpublishedAt: instant.nullable(),
});

function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  });
}

export const articlePageSchema = pageOf(articleSummarySchema);
export const procedurePageSchema = pageOf(procedureSchema);
export const riskListPageSchema = pageOf(riskListSummarySchema);
export const versionPageSchema = pageOf(versionSummarySchema);

export const searchHitSchema = z.object({
  type: z.enum(["article", "risk_list", "glossary_term"]).describe("glossary_term: a medical term explained in plain Swedish (url: its entry on the glossary page)."),
  kind: z.enum(ArticleKind).nullable().describe("For articles: OVERVIEW or PROCEDURE."),
  slug: z.string(),
  url: absoluteUrl.describe("The public page."),
  title: z.string(),
  summary: z.string().nullable(),
  snippet: z
    .array(z.object({ text: z.string(), match: z.boolean() }))
    .describe("Text around the matches, in parts; `match` marks the words the search matched. Plain text: escape it before showing it as HTML."),
  publishedAt: instant,
});

export const searchPageSchema = z.object({
  query: z.string().describe("The phrase searched for, trimmed."),
  terms: z.array(z.string()).describe("The words searched for, stop words left out; empty: nothing to search for."),
  total: z.number().int().min(0),
  data: z.array(searchHitSchema).describe("Most relevant first: words in the title count most, then the summary, then the text."),
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
});

/** RFC 9457 problem details, with the parameters that were rejected. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  invalid_params: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
});

export type ApiArticleSummary = z.input<typeof articleSummarySchema>;
export type ApiArticle = z.input<typeof articleSchema>;
export type ApiArticleBlock = z.input<typeof articleBlockResponseSchema>;
export type ApiProcedureBodyBlock = z.input<typeof procedureBodyBlockSchema>;
export type ApiProcedure = z.input<typeof procedureSchema>;
export type ApiRiskListSummary = z.input<typeof riskListSummarySchema>;
export type ApiRiskList = z.input<typeof riskListSchema>;
export type ApiVersionSummary = z.input<typeof versionSummarySchema>;
export type ApiReview = z.input<typeof reviewSchema>;
export type ApiReadability = z.input<typeof readabilitySchema>;
export type ApiSearchPage = z.input<typeof searchPageSchema>;
export type Problem = z.input<typeof problemSchema>;
export type ApiGlossaryEntry = z.input<typeof glossaryEntrySchema>;
