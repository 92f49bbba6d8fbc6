import { z } from "zod";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ArticleKind, VersionStatus } from "@/lib/db/generated/enums";
import type { ArticleContent, RiskListContent } from "@/lib/content/content-schemas";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { readVersionContent } from "@/lib/content/item-content";
import { readRiskListContent } from "@/lib/content/version-content";
import { itemColumn, itemOfVersion, slugOfItem, type Item } from "@/lib/items/item";

/**
 * Reads for the review, history and comparison pages. Nothing here decides a rule: who may act on a
 * version is asked of lib/workflow/version-workflow.ts with the author ids returned here.
 */

/** An item as the review and history pages name it: the item, its address and, for an article, its kind. */
export type ItemSummary = (Item & { kind: "article"; slug: string; articleKind: ArticleKind }) | (Item & { kind: "riskList"; slug: string });

type VersionContent = ArticleContent | RiskListContent;

const userName = { select: { id: true, name: true } } as const;
/** A review comment's author: a user, or an invited outside expert (lib/external-review), never both. */
const commentAuthor = { author: userName, externalInvitation: { select: { id: true, expertName: true, expertTitle: true } } } as const;

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

/** What a version is compared with on its review page. */
export type ReviewComparison = "sentBack" | "published";

/** Statuses of a version on its way to readers: its review page may compare it with the version sent back. */
const beforePublication: VersionStatus[] = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED"];
/** Statuses that end the search for a sent-back version: content a reviewer approved since. */
const approvedStatuses: VersionStatus[] = ["APPROVED", "PUBLISHED", "SUPERSEDED", "UNPUBLISHED"];
/** How far back the search follows the versions a draft was started from. */
const basedOnSearchDepth = 50;

/**
 * The version a reviewer last sent back, if `version` is (a revision of) it: the nearest version up the
 * chain of drafts started from earlier versions (`basedOnId`) whose changes were requested, unless an
 * approved version comes first (then the last review's comments are settled).
 */
async function findSentBackAncestor(db: DbTx, version: { basedOnId: string | null; status: VersionStatus }) {
  if (!beforePublication.includes(version.status)) return null;
  let nextId = version.basedOnId;
  for (let step = 0; nextId && step < basedOnSearchDepth; step++) {
    const ancestor = await db.contentVersion.findUnique({
      where: { id: nextId },
      include: { comments: { include: commentAuthor, orderBy: { createdAt: "asc" } } },
    });
    if (!ancestor || approvedStatuses.includes(ancestor.status)) return null;
    if (ancestor.status === "CHANGES_REQUESTED") return ancestor;
    nextId = ancestor.basedOnId;
  }
  return null;
}

/**
 * One version as the reviewer sees it: item, people, comments, decisions, content, and the versions to
 * compare it with. When it revises a version whose changes were requested, the default comparison is with
 * that sent-back version (`sentBack`, with its review comments); `against: "published"` compares with the
 * item's published version instead (or, when this version is the published one, the version it
 * superseded). `null` when the id names no version.
 */
export async function findVersionForReview(db: DbTx, versionId: string, options: { against?: ReviewComparison } = {}) {
  if (!isUuid(versionId)) return null;
  const version = await db.contentVersion.findUnique({
    where: { id: versionId },
    include: {
      ...versionWithPeople,
      comments: { include: commentAuthor, orderBy: { createdAt: "asc" } },
      decisions: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!version) return null;
  const item = itemOfVersion(version);
  const [published, sentBackVersion, firstVersion] = await Promise.all([
    db.contentVersion.findFirst({ where: { ...itemColumn(item), status: "PUBLISHED" } }),
    findSentBackAncestor(db, version),
    db.contentVersion.findFirst({ where: itemColumn(item), orderBy: { number: "asc" }, select: { id: true, number: true } }),
  ]);
  const publishedBaselineId = published && published.id !== version.id ? published.id : version.supersedesId;
  const publishedBaseline = publishedBaselineId ? await db.contentVersion.findUniqueOrThrow({ where: { id: publishedBaselineId } }) : null;
  const comparison: ReviewComparison | null = sentBackVersion && options.against !== "published" ? "sentBack" : publishedBaseline ? "published" : null;
  const baseline = comparison === "sentBack" ? sentBackVersion : comparison === "published" ? publishedBaseline : null;
  const [content, baselineContent, sentBackContent] = await Promise.all([
    readVersionContent(db, version),
    baseline ? readVersionContent(db, baseline) : Promise.resolve(null),
    sentBackVersion ? (baseline?.id === sentBackVersion.id ? null : readVersionContent(db, sentBackVersion)) : Promise.resolve(null),
  ]);
  return {
    version,
    item: itemSummaryOf(version),
    content,
    comparison,
    baseline: baseline && baselineContent ? { version: baseline, content: baselineContent } : null,
    /** The published version (or the one this published version superseded), when there is one to compare with. */
    publishedBaseline,
    /** The version sent back that this one revises, with the comments of that review. */
    sentBack: sentBackVersion ? { version: sentBackVersion, content: (sentBackContent ?? baselineContent)!, comments: sentBackVersion.comments } : null,
    /** The item's first version, for the comparison across its whole history. */
    firstVersion: firstVersion && firstVersion.id !== version.id ? firstVersion : null,
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

type UsedVersion = { id: string; number: number; status: VersionStatus };

/** One article that shows a risk list: directly, and/or through procedures it embeds. */
export type RiskListUse = {
  articleId: string;
  title: string;
  /** Its published and open versions that show the list, either way. */
  versions: UsedVersion[];
  /** Versions that reference the list themselves (empty when it is shown only through procedures). */
  direct: UsedVersion[];
  /** The embedded procedures that show the list, with the article versions that embed them. */
  via: { procedureArticleId: string; procedureTitle: string; versions: UsedVersion[] }[];
};

const usedVersionSelect = { id: true, number: true, status: true, title: true, articleId: true } as const;

/**
 * Every article whose published or open version shows the risk list: those that reference it, and
 * overviews that embed a procedure that does (a public page shows an embedded procedure's risk lists),
 * each saying how. Titles are those of the published version when there is one.
 */
export async function findRiskListUsage(db: DbTx, riskListId: string): Promise<RiskListUse[]> {
  if (!isUuid(riskListId)) return [];
  const currentVersion = { status: { in: currentStatuses }, articleId: { not: null } } satisfies Prisma.ContentVersionWhereInput;
  const directBlocks = await db.articleBlock.findMany({
    where: { riskListId, version: currentVersion },
    select: { version: { select: usedVersionSelect } },
    orderBy: { version: { number: "asc" } },
  });
  const procedureIds = [...new Set(directBlocks.map((block) => block.version.articleId!))];
  const embeddingBlocks = procedureIds.length
    ? await db.articleBlock.findMany({
        // Only an overview shows its procedures' risk lists (a procedure embeds no further procedures).
        where: { procedureArticleId: { in: procedureIds }, version: { ...currentVersion, article: { kind: "OVERVIEW" } } },
        select: { procedureArticleId: true, version: { select: usedVersionSelect } },
        orderBy: { version: { number: "asc" } },
      })
    : [];

  const byArticle = new Map<string, RiskListUse>();
  const entryOf = (version: { articleId: string | null; title: string; status: VersionStatus }) => {
    const entry = byArticle.get(version.articleId!) ?? { articleId: version.articleId!, title: version.title, versions: [], direct: [], via: [] };
    if (version.status === "PUBLISHED") entry.title = version.title;
    byArticle.set(version.articleId!, entry);
    return entry;
  };
  const add = (list: UsedVersion[], version: UsedVersion) => {
    if (!list.some((known) => known.id === version.id)) list.push({ id: version.id, number: version.number, status: version.status });
  };
  for (const { version } of directBlocks) {
    const entry = entryOf(version);
    add(entry.direct, version);
    add(entry.versions, version);
  }
  for (const { procedureArticleId, version } of embeddingBlocks) {
    const entry = entryOf(version);
    const procedure = byArticle.get(procedureArticleId!)!;
    let via = entry.via.find((known) => known.procedureArticleId === procedureArticleId);
    if (!via) entry.via.push((via = { procedureArticleId: procedureArticleId!, procedureTitle: procedure.title, versions: [] }));
    add(via.versions, version);
    add(entry.versions, version);
  }
  for (const entry of byArticle.values()) {
    entry.versions.sort((a, b) => a.number - b.number);
    for (const via of entry.via) via.procedureTitle = byArticle.get(via.procedureArticleId)!.title;
    entry.via.sort((a, b) => a.procedureTitle.localeCompare(b.procedureTitle, "sv"));
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

/**
 * What readers see from each embedded risk list: the content of its current published version (null when
 * it has none, or is archived), for the diff to show the items rather than only the name.
 */
export async function findPublishedRiskListContents(db: DbTx, riskListIds: string[]): Promise<Record<string, RiskListContent | null>> {
  const ids = [...new Set(riskListIds)].filter(isUuid);
  const published = await db.contentVersion.findMany({
    where: { riskListId: { in: ids }, status: "PUBLISHED", riskList: { archivedAt: null } },
    select: { id: true, riskListId: true },
  });
  const contents = await Promise.all(published.map(async (version) => [version.riskListId!, await readRiskListContent(db, version.id)] as const));
  return { ...Object.fromEntries(ids.map((id) => [id, null])), ...Object.fromEntries(contents) };
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
