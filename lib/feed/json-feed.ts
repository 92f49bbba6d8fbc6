import { z } from "zod";
import { getArticle } from "@/lib/api/api-resources";
import { cursorSchema, encodeCursor, type ApiArticle, type ApiArticleBlock } from "@/lib/api/api-schemas";
import type { PublicJsonBody } from "@/lib/api/public-json-route";
import { externalChangeKinds, type ExternalChangeKind } from "@/lib/content/change-kind";
import { cachedPublicRead } from "@/lib/content/public-cache";
import { publicArticlePath } from "@/lib/content/public-content";
import type { DbTx } from "@/lib/db/client";
import type { ArticleKind } from "@/lib/db/generated/enums";
import { ok, type DomainResult } from "@/lib/errors/domain-result";
import { articleContentHtml } from "./content-html";
import { jsonFeedVersion, type GranskadFeed, type GranskadFeedItem } from "./json-feed-schema";

/**
 * /feed.json: every published article as a JSON Feed 1.1 item, newest change first, plus a withdrawal
 * notice for each article unpublished within the last `withdrawalNoticeDays` days (and not published
 * again), so that consumers can remove their copies. An item's id is the article's, so a notice
 * replaces the item it withdraws.
 */

export const withdrawalNoticeDays = 30;
const dayMs = 24 * 60 * 60 * 1000;
const locale = "sv";

/**
 * Twenty items a page, like most syndication feeds (WordPress sends ten): every item carries the whole
 * article as HTML and as data, so fifty made a page of several hundred kilobytes that a consumer polling
 * for changes mostly re-reads, and that the server spends its time writing. `next_url` and `?limit=` (up
 * to 100) serve those who want more per request.
 */
const defaultFeedPageSize = 20;

export const feedQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(defaultFeedPageSize).describe("Items per page, 1–100 (default 20)."),
  cursor: cursorSchema.optional(),
});
export type FeedQuery = z.output<typeof feedQuerySchema>;

type FeedEntry = {
  articleId: string;
  slug: string;
  kind: ArticleKind;
  title: string;
  modifiedAt: Date;
  withdrawal: null | {
    versionId: string;
    number: number;
    contentHash: string;
    supersedes: string | null;
    changeKind: ExternalChangeKind;
    publishedAt: Date;
    unpublishedAt: Date;
  };
};

function latest(...moments: (Date | null)[]): Date {
  return new Date(Math.max(...moments.filter((moment): moment is Date => moment !== null).map((moment) => moment.getTime())));
}

/** The feed's items in order, without their content; `withdrawnSince` is a day boundary so the cache key changes daily. */
const readFeedEntries = cachedPublicRead("feed.readFeedEntries", async (db: DbTx, withdrawnSince: string): Promise<FeedEntry[]> => {
  const published = await db.contentVersion.findMany({
    where: { status: "PUBLISHED", article: { locale, archivedAt: null } },
    select: { title: true, publishedAt: true, lastReviewedAt: true, article: { select: { id: true, slug: true, kind: true } } },
  });
  const publishedIds = new Set(published.map((version) => version.article!.id));
  const withdrawn = await db.contentVersion.findMany({
    where: { status: "UNPUBLISHED", unpublishedAt: { gte: new Date(withdrawnSince) }, publishedAt: { not: null }, article: { locale } },
    orderBy: { unpublishedAt: "desc" },
    select: {
      id: true,
      number: true,
      title: true,
      contentHash: true,
      supersedesId: true,
      changeKind: true,
      publishedAt: true,
      unpublishedAt: true,
      article: { select: { id: true, slug: true, kind: true } },
    },
  });
  const entries: FeedEntry[] = published.map((version) => ({
    articleId: version.article!.id,
    slug: version.article!.slug,
    kind: version.article!.kind,
    title: version.title,
    modifiedAt: latest(version.publishedAt, version.lastReviewedAt),
    withdrawal: null,
  }));
  const noticed = new Set<string>();
  for (const version of withdrawn) {
    const article = version.article!;
    // Published again since: the current item stands. Several withdrawals: the latest one is the notice.
    if (publishedIds.has(article.id) || noticed.has(article.id)) continue;
    noticed.add(article.id);
    entries.push({
      articleId: article.id,
      slug: article.slug,
      kind: article.kind,
      title: version.title,
      modifiedAt: version.unpublishedAt!,
      withdrawal: {
        versionId: version.id,
        number: version.number,
        contentHash: version.contentHash ?? "",
        supersedes: version.supersedesId,
        changeKind: externalChangeKinds[version.changeKind],
        publishedAt: version.publishedAt!,
        unpublishedAt: version.unpublishedAt!,
      },
    });
  }
  return entries.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime() || a.articleId.localeCompare(b.articleId));
});

/** An entry's place in the order, as the cursor carries it. */
function positionOf(entry: FeedEntry): string {
  return `${entry.modifiedAt.toISOString()}|${entry.articleId}`;
}

function isAfter(entry: FeedEntry, position: string): boolean {
  const [modifiedAt = "", articleId = ""] = position.split("|");
  const time = Date.parse(modifiedAt);
  return entry.modifiedAt.getTime() < time || (entry.modifiedAt.getTime() === time && entry.articleId > articleId);
}

function itemId(articleId: string): string {
  return `urn:uuid:${articleId}`;
}

function riskListsOf(blocks: ApiArticleBlock[]) {
  const riskLists = blocks.flatMap((block) => {
    if (block.type === "RISK_LIST") return [block.riskList];
    if (block.type === "PROCEDURE") return block.procedure.blocks.flatMap((inner) => (inner.type === "RISK_LIST" ? [inner.riskList] : []));
    return [];
  });
  return riskLists.filter((riskList, index) => riskLists.findIndex((other) => other.version.id === riskList.version.id) === index);
}

function publishedItem(articleId: string, article: ApiArticle, authors: GranskadFeed["authors"]): GranskadFeedItem {
  const facts = article.blocks.find((block) => block.type === "PROCEDURE_FACTS");
  return {
    id: itemId(articleId),
    url: article.url,
    title: article.title,
    content_html: articleContentHtml(article.blocks, article.glossary),
    ...(article.summary ? { summary: article.summary } : {}),
    date_published: article.publishedAt,
    date_modified: article.updatedAt,
    authors,
    language: article.locale,
    _granskad: {
      withdrawn: false,
      kind: article.kind,
      version: article.version,
      reviewer: article.review.reviewer,
      lastReviewed: article.review.lastReviewed,
      nextReview: article.review.nextReview,
      overdue: article.review.overdue,
      readerNote: article.readerNote,
      procedureFacts: facts?.type === "PROCEDURE_FACTS" ? facts.facts : null,
      riskLists: riskListsOf(article.blocks),
      readability: article.readability,
      glossary: article.glossary,
    },
  };
}

function withdrawalItem(entry: FeedEntry & { withdrawal: NonNullable<FeedEntry["withdrawal"]> }, baseUrl: string, authors: GranskadFeed["authors"]): GranskadFeedItem {
  const { withdrawal } = entry;
  return {
    id: itemId(entry.articleId),
    url: `${baseUrl}${publicArticlePath(entry.slug)}`,
    title: entry.title,
    content_text: "Den här texten har dragits tillbaka och är inte längre publicerad. Ta bort eventuella kopior. (This item has been withdrawn; remove any copies.)",
    date_published: withdrawal.publishedAt.toISOString(),
    date_modified: withdrawal.unpublishedAt.toISOString(),
    authors,
    language: locale,
    _granskad: {
      withdrawn: true,
      withdrawnAt: withdrawal.unpublishedAt.toISOString(),
      kind: entry.kind,
      version: { id: withdrawal.versionId, number: withdrawal.number, contentHash: withdrawal.contentHash, supersedes: withdrawal.supersedes, changeKind: withdrawal.changeKind },
    },
  };
}

export async function buildJsonFeed(db: DbTx, query: FeedQuery, baseUrl: string, now = new Date()): Promise<DomainResult<PublicJsonBody<GranskadFeed>>> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const cutoff = now.getTime() - withdrawalNoticeDays * dayMs;
  const entries = (await readFeedEntries(db, new Date(today - (withdrawalNoticeDays + 1) * dayMs).toISOString())).filter(
    (entry) => !entry.withdrawal || entry.withdrawal.unpublishedAt.getTime() >= cutoff,
  );
  const remaining = query.cursor === undefined ? entries : entries.filter((entry) => isAfter(entry, query.cursor!));
  const page = remaining.slice(0, query.limit);
  const authors = [{ name: "Granskad redaktion", url: `${baseUrl}/` }];

  const items = (
    await Promise.all(
      page.map(async (entry) => {
        if (entry.withdrawal) return withdrawalItem({ ...entry, withdrawal: entry.withdrawal }, baseUrl, authors);
        const article = await getArticle(db, entry.slug, baseUrl, now);
        // Unpublished between the two reads: it will be a withdrawal notice on the next request.
        return article.ok ? publishedItem(entry.articleId, article.value.body, authors) : null;
      }),
    )
  ).filter((item): item is GranskadFeedItem => item !== null);

  const last = page.at(-1);
  const nextQuery = new URLSearchParams({ ...(query.limit === defaultFeedPageSize ? {} : { limit: String(query.limit) }) });
  if (remaining.length > page.length && last) nextQuery.set("cursor", encodeCursor(positionOf(last)));
  const newest = page[0];
  return ok({
    body: {
      version: jsonFeedVersion,
      title: "Granskad",
      description: "Kliniskt granskad patientinformation om ryggsmärta och injektionsbehandlingar.",
      home_page_url: `${baseUrl}/`,
      feed_url: `${baseUrl}/feed.json`,
      ...(nextQuery.has("cursor") ? { next_url: `${baseUrl}/feed.json?${nextQuery}` } : {}),
      language: locale,
      authors,
      items,
    },
    lastModified: newest ? newest.modifiedAt : null,
  });
}
