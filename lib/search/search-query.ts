import { Prisma } from "@/lib/db/generated/client";
import type { DbTx } from "@/lib/db/client";
import type { ArticleKind } from "@/lib/db/generated/enums";
import type { ItemKind } from "@/lib/items/item";
import { searchTermsOf } from "./search-schemas";

/**
 * Swedish full-text search over the search documents (lib/search/search-documents.ts), which hold the
 * published versions' text only; the query also requires the version to be PUBLISHED and the item not
 * archived, so no other text can be found even if a document were stale.
 *
 * Every word of the phrase must match, in one of two ways:
 * - by the `swedish` text-search configuration: "smärtor" finds "smärta" (both stem to "smärt"), and
 *   stop words ("och", "som") are ignored;
 * - by its stem as a part of a longer word, through the trigram index: "injektion" finds
 *   "steroidinjektioner", "kortison" finds "kortisoninjektion".
 * Ranking: ts_rank over the weighted vector (title A, summary B, body C), plus a bonus for each word found
 * in the title, so an item named after the search comes first. Ties go by title.
 */

export type SnippetPart = { text: string; match: boolean };

export type SearchHit = {
  kind: ItemKind;
  /** For articles: overview or procedure. */
  articleKind: ArticleKind | null;
  slug: string;
  title: string;
  summary: string | null;
  snippet: SnippetPart[];
  publishedAt: Date;
  rank: number;
};

export type SearchResults = {
  /** The words searched for (after stop words are dropped); empty: nothing to search for. */
  terms: string[];
  total: number;
  hits: SearchHit[];
};

type Term = { term: string; stem: string };

/** The searched words with their Swedish stems; stop words are dropped. */
async function stemsOf(db: DbTx, words: string[]): Promise<Term[]> {
  if (words.length === 0) return [];
  const rows = await db.$queryRaw<{ term: string; stem: string[] | null }[]>`
    SELECT t AS term, ts_lexize('swedish_stem', t) AS stem FROM unnest(${words}::text[]) WITH ORDINALITY AS w(t, n) ORDER BY n`;
  return rows.flatMap(({ term, stem }) => {
    if (stem === null) return [{ term, stem: term }];
    return stem.length > 0 && stem[0] ? [{ term, stem: stem[0] }] : [];
  });
}

/** Must stay exactly the expression of "SearchDocument_trigram_idx" (the migration) for the index to answer. */
const searchableText = Prisma.sql`lower(sd."title" || ' ' || coalesce(sd."summary", '') || ' ' || sd."body")`;

/** The shortest stem matched as a part of longer words (a trigram). */
const minimumPartLength = 3;

function likePattern(stem: string): string {
  // Stems are letters and digits (searchTermsOf), but escape anyway: the pattern is data, never syntax.
  return `%${stem.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

const startMark = "\u0002";
const stopMark = "\u0003";
const headlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

type Row = {
  articleId: string | null;
  riskListId: string | null;
  glossaryTermId: string | null;
  articleKind: ArticleKind | null;
  slug: string;
  title: string;
  summary: string | null;
  body: string;
  publishedAt: Date;
  rank: number;
  headline: string;
  total: bigint;
};

export async function searchPublished(db: DbTx, input: { phrase: string; offset: number; limit: number; locale?: string }): Promise<SearchResults> {
  const terms = await stemsOf(db, searchTermsOf(input.phrase));
  if (terms.length === 0) return { terms: [], total: 0, hits: [] };
  const locale = input.locale ?? "sv";
  const anyTerm = Prisma.sql`to_tsquery('swedish'::regconfig, ${terms.map(({ term }) => term).join(" | ")})`;
  // A stem of one or two characters ("1", "ny") would match inside almost any word, and trigrams cannot
  // answer it: such a word matches as a whole word only.
  const everyTermMatches = Prisma.join(
    terms.map(({ term, stem }) =>
      stem.length >= minimumPartLength
        ? Prisma.sql`(sd."searchVector" @@ plainto_tsquery('swedish'::regconfig, ${term}) OR ${searchableText} LIKE ${likePattern(stem)})`
        : Prisma.sql`sd."searchVector" @@ plainto_tsquery('swedish'::regconfig, ${term})`,
    ),
    " AND ",
  );
  const titleBonus = Prisma.join(
    terms.map(({ stem }) => Prisma.sql`(CASE WHEN lower(sd."title") LIKE ${likePattern(stem)} THEN 0.5 ELSE 0 END)`),
    " + ",
  );
  const rows = await db.$queryRaw<Row[]>`
    WITH matched AS (
      SELECT sd."articleId", sd."riskListId", sd."glossaryTermId", a."kind" AS "articleKind", coalesce(a."slug", r."slug", g."slug") AS slug,
             sd."title", sd."summary", sd."body", sd."publishedAt",
             (ts_rank(sd."searchVector", ${anyTerm}) + ${titleBonus})::float8 AS rank,
             count(*) OVER () AS total
        FROM "SearchDocument" sd
        JOIN "ContentVersion" v ON v."id" = sd."versionId" AND v."status" = 'PUBLISHED'
        LEFT JOIN "Article" a ON a."id" = sd."articleId"
        LEFT JOIN "RiskList" r ON r."id" = sd."riskListId"
        LEFT JOIN "GlossaryTerm" g ON g."id" = sd."glossaryTermId"
       WHERE ${everyTermMatches}
         AND coalesce(a."archivedAt", r."archivedAt", g."archivedAt") IS NULL
         AND coalesce(a."locale", r."locale", g."locale") = ${locale}
       ORDER BY rank DESC, sd."title" ASC, sd."versionId" ASC
       LIMIT ${input.limit} OFFSET ${input.offset}
    )
    SELECT m.*, ts_headline('swedish'::regconfig, coalesce(m."summary" || E'\n', '') || m."body", ${anyTerm}, ${headlineOptions}) AS headline
      FROM matched m
     ORDER BY m.rank DESC, m."title" ASC`;
  const stems = terms.map(({ stem }) => stem).filter((stem) => stem.length >= minimumPartLength);
  return {
    terms: terms.map(({ term }) => term),
    total: rows.length > 0 ? Number(rows[0]!.total) : await countMatches(db, everyTermMatches, locale),
    hits: rows.map((row) => ({
      kind: row.articleId ? "article" : row.glossaryTermId ? "glossaryTerm" : "riskList",
      articleKind: row.articleKind,
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      snippet: snippetOf(row.headline, [row.summary ?? "", row.body].join("\n"), stems),
      publishedAt: row.publishedAt,
      rank: row.rank,
    })),
  };
}

/** The number of matches when the page asked for lies past the last one. */
async function countMatches(db: DbTx, everyTermMatches: Prisma.Sql, locale: string): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM "SearchDocument" sd
      JOIN "ContentVersion" v ON v."id" = sd."versionId" AND v."status" = 'PUBLISHED'
      LEFT JOIN "Article" a ON a."id" = sd."articleId"
      LEFT JOIN "RiskList" r ON r."id" = sd."riskListId"
      LEFT JOIN "GlossaryTerm" g ON g."id" = sd."glossaryTermId"
     WHERE ${everyTermMatches} AND coalesce(a."archivedAt", r."archivedAt", g."archivedAt") IS NULL AND coalesce(a."locale", r."locale", g."locale") = ${locale}`;
  return Number(row?.total ?? 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The words that contain a searched stem (whole words, so "steroidinjektioner" is marked, not a part of it). */
function stemWordPattern(stems: string[]): RegExp {
  // Nothing to mark beyond ts_headline's own marks: a pattern that never matches.
  if (stems.length === 0) return /(?!)/gu;
  return new RegExp(`[\\p{L}\\p{N}]*(?:${stems.map(escapeRegExp).join("|")})[\\p{L}\\p{N}]*`, "giu");
}

function marked(text: string, pattern: RegExp): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    if (found[0] === "") continue;
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false });
    parts.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

function merged(parts: SnippetPart[]): SnippetPart[] {
  const result: SnippetPart[] = [];
  for (const part of parts) {
    const previous = result.at(-1);
    if (previous && previous.match === part.match) previous.text += part.text;
    else if (part.text !== "") result.push({ ...part });
  }
  return result;
}

const fallbackContext = 110;

/** A stretch of `text` around the first word containing a stem, cut at spaces. */
function windowAround(text: string, pattern: RegExp): string {
  const found = new RegExp(pattern.source, "iu").exec(text);
  if (!found) return text.slice(0, 2 * fallbackContext);
  let start = Math.max(0, found.index - fallbackContext);
  let end = Math.min(text.length, found.index + found[0].length + fallbackContext);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(" ", end) > found.index ? text.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "… " : ""}${text.slice(start, end)}${end < text.length ? " …" : ""}`;
}

/**
 * The snippet as text parts, matches marked: ts_headline's fragments and marks (words the Swedish
 * configuration matched), plus every word that contains a searched stem. When the fragments hold no match
 * (a match only inside a compound), a stretch around the first such word instead. Parts are plain text:
 * the page and the API escape them, so the content's text can never become markup.
 */
export function snippetOf(headline: string, text: string, stems: string[]): SnippetPart[] {
  const pattern = stemWordPattern(stems);
  const fromHeadline = headline
    .split(startMark)
    .flatMap((piece, index) => {
      if (index === 0) return [{ text: piece, match: false }];
      const [inside = "", ...after] = piece.split(stopMark);
      return [{ text: inside, match: true }, { text: after.join(""), match: false }];
    })
    .flatMap((part) => (part.match ? [part] : marked(part.text, pattern)));
  const parts = fromHeadline.some((part) => part.match) ? fromHeadline : marked(windowAround(text, pattern), pattern);
  return merged(parts.map((part) => ({ ...part, text: part.text.replace(/\s+/gu, " ") })));
}
