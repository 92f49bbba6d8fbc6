import { z } from "zod";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ArticleKind, VersionStatus } from "@/lib/db/generated/enums";
import type { ArticleContent, RiskListContent } from "@/lib/content/content-schemas";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { readVersionContent } from "@/lib/content/item-content";
import { itemColumn, itemOfVersion, slugOfItem, type Item } from "@/lib/items/item";

/**
 * Reads for the review, history and comparison pages. Nothing here decides a rule: who may act on a
 * version is asked of lib/workflow/version-workflow.ts with the author ids returned here.
 */

/** An item as the review and history pages name it: the item, its address and, for an article, its kind. */
export type ItemSummary = (Item & { kind: "article"; slug: string; articleKind: ArticleKind }) | (Item & { kind: "riskList"; slug: string });

type VersionContent = ArticleContent | RiskListContent;

const userName = { select: { id: true, name: true } } as const;

const versionWithPeople = {
  article: { select: { id: true, slug: true, kind: true } },
  riskList: { select: { id: true, slug: true } },
  createdBy: userName,
  reviewer: { select: { id: true, name: true, title: true, specialty: true } },
  authors: { include: { user: userName }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ContentVersionInclude;

/** A version with its item and the people on it, as the history and comparison pages list it. */
export type VersionWithPeople = Prisma.ContentVersionGetPayload<{ include: typeof versionWithPeople }>;

function itemSummaryOf(version: {
  article: { id: string; slug: string; kind: ArticleKind } | null;
  riskList: { id: string; slug: string } | null;
}): ItemSummary {
  return version.article
    ? { kind: "article", id: version.article.id, slug: version.article.slug, articleKind: version.article.kind }
    : { kind: "riskList", id: version.riskList!.id, slug: version.riskList!.slug };
}

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * One version as the reviewer sees it: item, people, comments, decisions, content, and the version to
 * compare it with: the item's published version, or, when this version is the published one, the
 * version it superseded. `null` when the id names no version.
 */
export async function findVersionForReview(db: DbTx, versionId: string) {
  if (!isUuid(versionId)) return null;
  const version = await db.contentVersion.findUnique({
    where: { id: versionId },
    include: {
      ...versionWithPeople,
      comments: { include: { author: userName }, orderBy: { createdAt: "asc" } },
      decisions: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!version) return null;
  const published = await db.contentVersion.findFirst({ where: { ...itemColumn(itemOfVersion(version)), status: "PUBLISHED" } });
  const baselineId = published && published.id !== version.id ? published.id : version.supersedesId;
  const baseline = baselineId ? await db.contentVersion.findUniqueOrThrow({ where: { id: baselineId } }) : null;
  const [content, baselineContent] = await Promise.all([
    readVersionContent(db, version),
    baseline ? readVersionContent(db, baseline) : Promise.resolve(null),
  ]);
  return {
    version,
    item: itemSummaryOf(version),
    content,
    baseline: baseline && baselineContent ? { version: baseline, content: baselineContent } : null,
    authorIds: version.authors.map((author) => author.userId),
  };
}

export type VersionForReview = NonNullable<Awaited<ReturnType<typeof findVersionForReview>>>;

/** An article or risk list with every version, newest first, for the history page. */
export async function findItemHistory(db: DbTx, item: Item) {
  if (!isUuid(item.id) || (await slugOfItem(db, item)) === null) return null;
  const versions = await db.contentVersion.findMany({
    where: itemColumn(item),
    include: versionWithPeople,
    orderBy: { number: "desc" },
  });
  return { item: itemSummaryOf(versions[0]!), title: versions[0]!.title, versions };
}

export type ItemHistory = NonNullable<Awaited<ReturnType<typeof findItemHistory>>>;

/** Statuses whose articles "use" a risk list: what readers see now and what is on its way to them. */
const currentStatuses: VersionStatus[] = ["PUBLISHED", "DRAFT", "IN_REVIEW", "APPROVED"];

/** Every article whose published or open version references the risk list, with those versions. */
export async function findRiskListUsage(db: DbTx, riskListId: string) {
  if (!isUuid(riskListId)) return [];
  const blocks = await db.articleBlock.findMany({
    where: { riskListId, version: { status: { in: currentStatuses }, articleId: { not: null } } },
    select: { version: { select: { id: true, number: true, status: true, title: true, articleId: true } } },
    orderBy: { version: { number: "asc" } },
  });
  const byArticle = new Map<string, { articleId: string; title: string; versions: { id: string; number: number; status: VersionStatus }[] }>();
  for (const { version } of blocks) {
    const entry = byArticle.get(version.articleId!) ?? { articleId: version.articleId!, title: version.title, versions: [] };
    if (!entry.versions.some((known) => known.id === version.id)) entry.versions.push({ id: version.id, number: version.number, status: version.status });
    if (version.status === "PUBLISHED") entry.title = version.title;
    byArticle.set(version.articleId!, entry);
  }
  return [...byArticle.values()].sort((a, b) => a.title.localeCompare(b.title, "sv"));
}

/** Titles (of each item's newest version) for the risk lists and articles a diff refers to by id. */
export async function findItemTitles(db: DbTx, ids: { riskListIds: string[]; articleIds: string[] }): Promise<Record<string, string>> {
  const [riskLists, articles] = await Promise.all([
    db.contentVersion.findMany({
      where: { riskListId: { in: ids.riskListIds } },
      distinct: ["riskListId"],
      orderBy: [{ riskListId: "asc" }, { number: "desc" }],
      select: { riskListId: true, title: true },
    }),
    db.contentVersion.findMany({
      where: { articleId: { in: ids.articleIds } },
      distinct: ["articleId"],
      orderBy: [{ articleId: "asc" }, { number: "desc" }],
      select: { articleId: true, title: true },
    }),
  ]);
  return Object.fromEntries([
    ...riskLists.map((version) => [version.riskListId!, version.title]),
    ...articles.map((version) => [version.articleId!, version.title]),
  ]);
}

export const compareVersionsQuerySchema = z.object({
  fran: z.uuid("Välj en version att jämföra från"),
  till: z.uuid("Välj en version att jämföra med"),
});

/** Two versions of the same item with their content, for /admin/jamfor. */
export async function findVersionPair(
  db: DbTx,
  query: unknown,
): Promise<DomainResult<{ item: ItemSummary; from: { version: VersionWithPeople; content: VersionContent }; to: { version: VersionWithPeople; content: VersionContent } }>> {
  const parsed = compareVersionsQuerySchema.safeParse(query);
  if (!parsed.success) return fail({ kind: "invalid", message: "Välj två versioner att jämföra" });
  const [from, to] = await Promise.all(
    [parsed.data.fran, parsed.data.till].map((id) => db.contentVersion.findUnique({ where: { id }, include: versionWithPeople })),
  );
  if (!from || !to) return fail({ kind: "not_found", message: "Versionen finns inte" });
  if (from.articleId !== to.articleId || from.riskListId !== to.riskListId) {
    return fail({ kind: "invalid", message: "Versionerna tillhör olika artiklar eller risklistor och kan inte jämföras" });
  }
  const [fromContent, toContent] = await Promise.all([readVersionContent(db, from), readVersionContent(db, to)]);
  return ok({ item: itemSummaryOf(from), from: { version: from, content: fromContent }, to: { version: to, content: toContent } });
}


/** How often an item is re-reviewed, in months (its review cycle, set with each approval). */
export async function findReviewCycle(db: DbTx, item: Item): Promise<number> {
  const where = { where: { id: item.id }, select: { reviewIntervalMonths: true } };
  const row = item.kind === "article" ? await db.article.findUnique(where) : await db.riskList.findUnique(where);
  return row?.reviewIntervalMonths ?? 12;
}
