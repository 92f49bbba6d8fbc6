import type { Prisma } from "@/lib/db/generated/client";
import type { ArticleKind } from "@/lib/db/generated/enums";
import type { DbTx } from "@/lib/db/client";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { cachedPublicRead } from "@/lib/content/public-cache";
import { isReviewOverdue } from "@/lib/content/review-due";
import { externalChangeKinds } from "@/lib/content/change-kind";
import { itemKinds } from "@/lib/items/item";
import { searchPublished } from "@/lib/search/search-query";
import { maxSearchOffset } from "@/lib/search/search-schemas";
import { getPublishedArticle, publicArticlePath, publicGlossaryTermPath, publicItemPath, reviewMetadataSelect, toReviewMetadata, type PublicBlock, type PublishedRiskList, type ReviewMetadata } from "@/lib/content/public-content";
import { readArticleContent, readRiskListContent } from "@/lib/content/version-content";
import { articleLix, readabilityData } from "@/lib/readability/article-readability";
import { lixTarget } from "@/lib/readability/readability-target";
import {
  encodeCursor,
  type ApiArticle,
  type ApiArticleBlock,
  type ApiArticleSummary,
  type ApiProcedure,
  type ApiProcedureBodyBlock,
  type ApiReview,
  type ApiRiskList,
  type ApiRiskListSummary,
  type ApiSearchPage,
  type SearchQuery,
  type ApiVersionSummary,
  type ListQuery,
} from "./api-schemas";
import type { PublicJsonBody } from "./public-json-route";

/**
 * The read API's resources, built from PUBLISHED versions only (each query below names the status), in
 * the shapes of lib/api/api-schemas.ts. Reads go through the public content cache; whatever depends on
 * the clock (whether a review is overdue) is computed after it.
 */

type Page<Item> = { data: Item[]; next_cursor: string | null };

const locale = "sv";

const publishedVersionSelect = {
  ...reviewMetadataSelect,
  contentHash: true,
  supersedesId: true,
  changeKind: true,
  title: true,
  summary: true,
} satisfies Prisma.ContentVersionSelect;

type PublishedVersionRow = Prisma.ContentVersionGetPayload<{ select: typeof publishedVersionSelect }>;

function calendarDate(date: Date | null): string | null {
  return date && date.toISOString().slice(0, 10);
}

/** When the version was published or last re-reviewed, whichever is later. */
function updatedAtOf(version: { publishedAt: Date | null; lastReviewedAt: Date | null }): Date {
  const moments = [version.publishedAt, version.lastReviewedAt].filter((moment): moment is Date => moment !== null);
  return new Date(Math.max(...moments.map((moment) => moment.getTime())));
}

/** A version's review as the API shows it (the reviewer is the one the public pages name). */
function reviewOf(review: ReviewMetadata, now: Date): ApiReview {
  return {
    lastReviewed: review.lastReviewedAt?.toISOString() ?? null,
    nextReview: calendarDate(review.nextReviewDue),
    overdue: isReviewOverdue(review.nextReviewDue, now),
    reviewer: review.reviewer,
  };
}

function versionRefOf(version: PublishedVersionRow) {
  return { id: version.id, number: version.number, contentHash: version.contentHash ?? "", supersedes: version.supersedesId, changeKind: externalChangeKinds[version.changeKind] };
}

/** The newest change on a page, for Last-Modified. */
function lastModifiedOf(items: { updatedAt: string }[]): Date | null {
  if (items.length === 0) return null;
  return new Date(Math.max(...items.map((item) => Date.parse(item.updatedAt))));
}

function pageOf<Item>(items: Item[], limit: number, sortKey: (item: Item) => string): Page<Item> {
  const data = items.slice(0, limit);
  const last = data.at(-1);
  return { data, next_cursor: items.length > limit && last ? encodeCursor(sortKey(last)) : null };
}

function updatedSinceWhere(updatedSince: string | undefined): Prisma.ContentVersionWhereInput {
  if (!updatedSince) return {};
  const since = new Date(updatedSince);
  return { OR: [{ publishedAt: { gte: since } }, { lastReviewedAt: { gte: since } }] };
}

// ---- Articles and procedures -------------------------------------------------------------------------

/** One page (limit + 1 rows, to know whether another follows) of published article versions by slug. */
const readArticleVersionPage = cachedPublicRead(
  "api.readArticleVersionPage",
  async (db: DbTx, kind: ArticleKind | undefined, limit: number, after: string | undefined, updatedSince: string | undefined) =>
    db.contentVersion.findMany({
      where: {
        status: "PUBLISHED",
        article: { locale, archivedAt: null, ...(kind ? { kind } : {}), ...(after ? { slug: { gt: after } } : {}) },
        ...updatedSinceWhere(updatedSince),
      },
      orderBy: { article: { slug: "asc" } },
      take: limit + 1,
      select: { ...publishedVersionSelect, article: { select: { slug: true, kind: true, locale: true } } },
    }),
);

type ArticleVersionRow = Awaited<ReturnType<typeof readArticleVersionPage>>[number];

function articleSummaryOf(version: ArticleVersionRow, baseUrl: string, now: Date): ApiArticleSummary {
  const article = version.article!;
  return {
    slug: article.slug,
    kind: article.kind,
    locale: article.locale,
    url: `${baseUrl}${publicArticlePath(article.slug)}`,
    title: version.title,
    summary: version.summary,
    version: versionRefOf(version),
    review: reviewOf(toReviewMetadata(version), now),
    publishedAt: version.publishedAt!.toISOString(),
    updatedAt: updatedAtOf(version).toISOString(),
  };
}

export async function listArticles(db: DbTx, query: ListQuery, baseUrl: string, now = new Date()): Promise<DomainResult<PublicJsonBody<Page<ApiArticleSummary>>>> {
  const versions = await readArticleVersionPage(db, undefined, query.limit, query.cursor, query.updated_since?.toISOString());
  const page = pageOf(versions, query.limit, (version) => version.article!.slug);
  const data = page.data.map((version) => articleSummaryOf(version, baseUrl, now));
  return ok({ body: { data, next_cursor: page.next_cursor }, lastModified: lastModifiedOf(data) });
}

/** The procedure facts of published procedure versions, by version id (versions are immutable). */
const readProcedureFacts = cachedPublicRead("api.readProcedureFacts", async (db: DbTx, versionId: string) => {
  const content = await readArticleContent(db, versionId);
  const factsBlock = content.blocks.find((block) => block.type === "PROCEDURE_FACTS");
  return factsBlock?.type === "PROCEDURE_FACTS" ? factsBlock.facts : null;
});

export async function listProcedures(db: DbTx, query: ListQuery, baseUrl: string, now = new Date()): Promise<DomainResult<PublicJsonBody<Page<ApiProcedure>>>> {
  const versions = await readArticleVersionPage(db, "PROCEDURE", query.limit, query.cursor, query.updated_since?.toISOString());
  const page = pageOf(versions, query.limit, (version) => version.article!.slug);
  const data = await Promise.all(
    page.data.map(async (version) => ({ ...articleSummaryOf(version, baseUrl, now), facts: await readProcedureFacts(db, version.id) })),
  );
  return ok({ body: { data, next_cursor: page.next_cursor }, lastModified: lastModifiedOf(data) });
}

/** Provenance and review of one published version, read by id so it always matches the content read. */
/**
 * The details of a version the article read just found published. Read by id among the versions that
 * were ever published, not only the current one: a publish that commits between the two reads would
 * otherwise make the article a 404 for that request. A published version never changes, so this is the
 * same version as the article read's, whatever has committed since.
 */
const readPublishedVersion = cachedPublicRead("api.readPublishedVersion", async (db: DbTx, versionId: string) =>
  db.contentVersion.findFirst({ where: { id: versionId, publishedAt: { not: null }, status: { in: ["PUBLISHED", "SUPERSEDED", "UNPUBLISHED"] } }, select: publishedVersionSelect }),
);

function embeddedRiskListOf(riskList: PublishedRiskList) {
  return {
    slug: riskList.slug,
    title: riskList.title,
    summary: riskList.summary ?? null,
    version: { id: riskList.versionId, number: riskList.versionNumber, changeKind: externalChangeKinds[riskList.changeKind] },
    groups: riskList.groups,
  };
}

function procedureBodyBlockOf(block: Exclude<PublicBlock, { type: "PROCEDURE" }>): ApiProcedureBodyBlock {
  return block.type === "RISK_LIST" ? { key: block.key, type: "RISK_LIST", riskList: embeddedRiskListOf(block.riskList) } : block;
}

function articleBlockOf(block: PublicBlock, baseUrl: string, now: Date): ApiArticleBlock {
  if (block.type !== "PROCEDURE") return procedureBodyBlockOf(block);
  const { procedure } = block;
  return {
    key: block.key,
    type: "PROCEDURE",
    procedure: {
      slug: procedure.slug,
      url: `${baseUrl}${publicArticlePath(procedure.slug)}`,
      title: procedure.title,
      summary: procedure.summary ?? null,
      version: { id: procedure.review.versionId, number: procedure.review.versionNumber, changeKind: externalChangeKinds[procedure.review.changeKind] },
      review: reviewOf(procedure.review, now),
      blocks: procedure.blocks.map(procedureBodyBlockOf),
    },
  };
}

export async function getArticle(db: DbTx, slug: string, baseUrl: string, now = new Date()): Promise<DomainResult<PublicJsonBody<ApiArticle>>> {
  const article = await getPublishedArticle(db, slug, locale);
  const version = article && (await readPublishedVersion(db, article.review.versionId));
  if (!article || !version) return fail({ kind: "not_found", message: `No published article with slug "${slug}".` });
  const updatedAt = updatedAtOf(version);
  return ok({
    body: {
      slug: article.slug,
      kind: article.kind,
      locale: article.locale,
      url: `${baseUrl}${publicArticlePath(article.slug)}`,
      title: article.title,
      summary: article.summary ?? null,
      version: versionRefOf(version),
      review: reviewOf(toReviewMetadata(version), now),
      readerNote: version.readerNote,
      readability: readabilityData(articleLix(article), lixTarget()),
      glossary: article.glossary.map((entry) => ({
        id: entry.id,
        slug: entry.slug,
        term: entry.title,
        explanation: entry.explanation,
        forms: entry.forms,
        url: `${baseUrl}${publicGlossaryTermPath(entry.slug)}`,
        version: { id: entry.versionId, number: entry.versionNumber },
      })),
      blocks: article.blocks.map((block) => articleBlockOf(block, baseUrl, now)),
      publishedAt: version.publishedAt!.toISOString(),
      updatedAt: updatedAt.toISOString(),
    },
    lastModified: updatedAt,
  });
}

// ---- Version history ---------------------------------------------------------------------------------

const versionStatusLabels = { PUBLISHED: "current", SUPERSEDED: "superseded", UNPUBLISHED: "withdrawn" } as const;

/** The versions of a currently published article that were ever published, newest first; null when it is not published. */
const readPublishedHistory = cachedPublicRead(
  "api.readPublishedHistory",
  async (db: DbTx, slug: string, limit: number, beforeNumber: number | undefined, updatedSince: string | undefined) => {
    const article = await db.article.findFirst({
      where: { slug, locale, archivedAt: null, versions: { some: { status: "PUBLISHED" } } },
      select: { id: true },
    });
    if (!article) return null;
    return db.contentVersion.findMany({
      where: {
        articleId: article.id,
        status: { in: ["PUBLISHED", "SUPERSEDED", "UNPUBLISHED"] },
        publishedAt: { not: null },
        ...(beforeNumber === undefined ? {} : { number: { lt: beforeNumber } }),
        ...updatedSinceWhere(updatedSince),
      },
      orderBy: { number: "desc" },
      take: limit + 1,
      select: {
        id: true,
        number: true,
        status: true,
        contentHash: true,
        supersedesId: true,
        changeKind: true,
        readerNote: true,
        lastReviewedAt: true,
        publishedAt: true,
        unpublishedAt: true,
      },
    });
  },
);

export async function listArticleVersions(db: DbTx, slug: string, query: ListQuery): Promise<DomainResult<PublicJsonBody<Page<ApiVersionSummary>>>> {
  const beforeNumber = query.cursor === undefined ? undefined : Number(query.cursor);
  // Version numbers are a 32-bit integer column; anything else is not a cursor this endpoint gave out.
  if (beforeNumber !== undefined && !(Number.isInteger(beforeNumber) && beforeNumber >= 1 && beforeNumber <= 2_147_483_647)) {
    return fail({ kind: "invalid", message: "Invalid parameter: cursor", fieldErrors: { cursor: ["Not a cursor returned by this endpoint"] } });
  }
  const versions = await readPublishedHistory(db, slug, query.limit, beforeNumber, query.updated_since?.toISOString());
  if (!versions) return fail({ kind: "not_found", message: `No published article with slug "${slug}".` });
  const page = pageOf(versions, query.limit, (version) => String(version.number));
  const data = page.data.map((version) => ({
      id: version.id,
      number: version.number,
      contentHash: version.contentHash ?? "",
      status: versionStatusLabels[version.status as keyof typeof versionStatusLabels],
      supersedes: version.supersedesId,
      changeKind: externalChangeKinds[version.changeKind],
      readerNote: version.readerNote,
      lastReviewed: version.lastReviewedAt?.toISOString() ?? null,
      publishedAt: version.publishedAt!.toISOString(),
      unpublishedAt: version.unpublishedAt?.toISOString() ?? null,
    }));
  const newest = versions[0];
  const lastModified = newest ? updatedAtOf(newest) : null;
  return ok({ body: { data, next_cursor: page.next_cursor }, lastModified });
}

// ---- Risk lists --------------------------------------------------------------------------------------

const readRiskListVersionPage = cachedPublicRead(
  "api.readRiskListVersionPage",
  async (db: DbTx, limit: number, after: string | undefined, updatedSince: string | undefined) =>
    db.contentVersion.findMany({
      where: {
        status: "PUBLISHED",
        riskList: { locale, archivedAt: null, ...(after ? { slug: { gt: after } } : {}) },
        ...updatedSinceWhere(updatedSince),
      },
      orderBy: { riskList: { slug: "asc" } },
      take: limit + 1,
      select: { ...publishedVersionSelect, riskList: { select: { slug: true, locale: true } } },
    }),
);

type RiskListVersionRow = Awaited<ReturnType<typeof readRiskListVersionPage>>[number];

function riskListSummaryOf(version: RiskListVersionRow, now: Date): ApiRiskListSummary {
  return {
    slug: version.riskList!.slug,
    locale: version.riskList!.locale,
    title: version.title,
    summary: version.summary,
    version: versionRefOf(version),
    review: reviewOf(toReviewMetadata(version), now),
    publishedAt: version.publishedAt!.toISOString(),
    updatedAt: updatedAtOf(version).toISOString(),
  };
}

export async function listRiskLists(db: DbTx, query: ListQuery, now = new Date()): Promise<DomainResult<PublicJsonBody<Page<ApiRiskListSummary>>>> {
  const versions = await readRiskListVersionPage(db, query.limit, query.cursor, query.updated_since?.toISOString());
  const page = pageOf(versions, query.limit, (version) => version.riskList!.slug);
  const data = page.data.map((version) => riskListSummaryOf(version, now));
  return ok({ body: { data, next_cursor: page.next_cursor }, lastModified: lastModifiedOf(data) });
}

/** A published risk list version with its content, read in one go so both come from the same version. */
const readPublishedRiskList = cachedPublicRead("api.readPublishedRiskList", async (db: DbTx, slug: string) => {
  const version = await db.contentVersion.findFirst({
    where: { status: "PUBLISHED", riskList: { slug, locale, archivedAt: null } },
    select: { ...publishedVersionSelect, riskList: { select: { slug: true, locale: true } } },
  });
  return version && { version, content: await readRiskListContent(db, version.id) };
});

export async function getRiskList(db: DbTx, slug: string, now = new Date()): Promise<DomainResult<PublicJsonBody<ApiRiskList>>> {
  const riskList = await readPublishedRiskList(db, slug);
  if (!riskList) return fail({ kind: "not_found", message: `No published risk list with slug "${slug}".` });
  const summary = riskListSummaryOf(riskList.version, now);
  return ok({
    body: { ...summary, title: riskList.content.title, readerNote: riskList.version.readerNote, groups: riskList.content.groups },
    lastModified: new Date(summary.updatedAt),
  });
}

// ---- Search ------------------------------------------------------------------------------------------

/** One page of a search, straight from the search documents (never cached: see lib/api/public-json-route.ts, caching). */
export async function searchContent(db: DbTx, query: SearchQuery, baseUrl: string): Promise<DomainResult<PublicJsonBody<ApiSearchPage>>> {
  const offset = query.cursor ?? 0;
  const results = await searchPublished(db, { phrase: query.q, offset, limit: query.limit });
  const nextOffset = offset + results.hits.length;
  return ok({
    body: {
      query: query.q,
      terms: results.terms,
      total: results.total,
      data: results.hits.map((hit) => ({
        type: itemKinds[hit.kind].externalType,
        kind: hit.articleKind,
        slug: hit.slug,
        url: `${baseUrl}${publicItemPath(hit.kind, hit.slug)}`,
        title: hit.title,
        summary: hit.summary,
        snippet: hit.snippet,
        publishedAt: hit.publishedAt.toISOString(),
      })),
      next_cursor: results.hits.length > 0 && nextOffset < results.total && nextOffset <= maxSearchOffset ? encodeCursor(String(nextOffset)) : null,
    },
    lastModified: null,
  });
}
