import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ArticleKind, Prisma, Role, VersionStatus } from "@/lib/db/generated/client";
import { itemColumn, itemKindNames, itemOfVersion, sameItem, type Item } from "@/lib/items/item";
import { accountControllers } from "@/lib/auth/account-provenance";
import { authorshipThroughAccount } from "./version-lock";
import { checkTransition, type Authorship } from "./version-workflow";
import { lateScheduleAfterMs } from "./publish-versions";
import type { Release } from "@/lib/events/domain-events";
import { adminPaths } from "@/lib/paths/admin-paths";

/** An item and, for an article, whether it is an overview or a procedure: what the staff call its type. */
export type ItemType = { item: Item; articleKind: ArticleKind | null };

/** One version on the dashboard, with the link that leads to where the user acts on it. */
export type DashboardRow = ItemType & {
  versionId: string;
  href: string;
  itemTitle: string;
  number: number;
  status: VersionStatus;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  publishedAt: Date | null;
  nextReviewDue: Date | null;
  scheduledPublishAt: Date | null;
  scheduledUnpublishAt: Date | null;
};

/**
 * A schedule that did not happen on time: still waiting more than a minute after it was due (the
 * workers or the database are down), or applied late within the last week (from the audit trail).
 */
export type LateScheduleRow = ItemType & {
  versionId: string;
  href: string;
  itemTitle: string;
  number: number;
  release: Release;
  dueAt: Date;
  /** When it was applied; null: not yet. */
  appliedAt: Date | null;
};

/** How far back the dashboard lists schedules that were applied late. */
export const lateScheduleDays = 7;

/** The dashboard's sections; a section is absent when the user's roles give it no meaning. */
export type Dashboard = {
  myDrafts?: DashboardRow[];
  changesRequestedOfMe?: DashboardRow[];
  waitingForMyReview?: DashboardRow[];
  scheduled: DashboardRow[];
  lateSchedules: LateScheduleRow[];
  overdueForReview: DashboardRow[];
  recentlyPublished: DashboardRow[];
};

/** Longest list a section shows; the content page (/admin/innehall) lists everything. */
export const dashboardSectionLimit = 50;
export const recentlyPublishedCount = 10;

const rowInclude = { article: { select: { kind: true } } } as const satisfies Prisma.ContentVersionInclude;
type VersionWithItem = Prisma.ContentVersionGetPayload<{ include: typeof rowInclude }>;



function toRow(version: VersionWithItem): DashboardRow {
  return {
    versionId: version.id,
    href: adminPaths.versionToActOn(version),
    itemTitle: version.title,
    item: itemOfVersion(version),
    articleKind: version.article?.kind ?? null,
    number: version.number,
    status: version.status,
    updatedAt: version.updatedAt,
    submittedAt: version.submittedAt,
    decidedAt: version.decidedAt,
    publishedAt: version.publishedAt,
    nextReviewDue: version.nextReviewDue,
    scheduledPublishAt: version.scheduledPublishAt,
    scheduledUnpublishAt: version.scheduledUnpublishAt,
  };
}

/** Today's date as stored in `nextReviewDue` (a calendar date, held as UTC midnight). */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Everything on one user's dashboard. Which review work a user may take is asked of the workflow table
 * (`checkTransition`), so four-eyes and role rules are the same here as when they press the button.
 */
export async function loadDashboard(db: Db, user: { id: string; roles: readonly Role[] }, now: Date = new Date()): Promise<Dashboard> {
  const isEditor = user.roles.includes("EDITOR");
  const isReviewer = user.roles.includes("REVIEWER");
  const mine = { OR: [{ createdById: user.id }, { authors: { some: { userId: user.id } } }] } satisfies Prisma.ContentVersionWhereInput;

  const [lateSchedules, controllers, myDrafts, changesRequested, inReview, scheduled, overdue, recentlyPublished] = await Promise.all([
    loadLateSchedules(db, now),
    isReviewer ? accountControllers(db, user.id) : new Set<string>(),
    isEditor
      ? db.contentVersion.findMany({ where: { status: "DRAFT", ...mine }, include: rowInclude, orderBy: { updatedAt: "desc" }, take: dashboardSectionLimit })
      : null,
    isEditor ? changesRequestedOf(db, user.id) : null,
    isReviewer
      ? db.contentVersion.findMany({
          where: { status: "IN_REVIEW" },
          include: { ...rowInclude, authors: { select: { userId: true } } },
          orderBy: { submittedAt: "asc" },
          take: dashboardSectionLimit,
        })
      : null,
    db.contentVersion.findMany({
      where: { OR: [{ scheduledPublishAt: { not: null } }, { scheduledUnpublishAt: { not: null } }] },
      include: rowInclude,
      take: dashboardSectionLimit,
    }),
    db.contentVersion.findMany({
      where: { status: "PUBLISHED", nextReviewDue: { lt: startOfUtcDay(now) } },
      include: rowInclude,
      orderBy: { nextReviewDue: "asc" },
      take: dashboardSectionLimit,
    }),
    db.contentVersion.findMany({ where: { publishedAt: { not: null } }, include: rowInclude, orderBy: { publishedAt: "desc" }, take: recentlyPublishedCount }),
  ]);

  return {
    ...(myDrafts && { myDrafts: myDrafts.map(toRow) }),
    ...(changesRequested && { changesRequestedOfMe: changesRequested.map(toRow) }),
    ...(inReview && {
      waitingForMyReview: inReview.filter((version) => checkTransition("approve", version, user, authorshipOf(version, user.id, controllers)).allowed).map(toRow),
    }),
    scheduled: scheduled.map(toRow).sort((a, b) => nextScheduledAt(a) - nextScheduledAt(b)),
    lateSchedules,
    overdueForReview: overdue.map(toRow),
    recentlyPublished: recentlyPublished.map(toRow),
  };
}

/** Schedules still waiting past their time (oldest first), then those applied late in the last week (latest first). */
async function loadLateSchedules(db: Db, now: Date): Promise<LateScheduleRow[]> {
  const lateBefore = new Date(now.getTime() - lateScheduleAfterMs);
  const [waiting, applied] = await Promise.all([
    db.contentVersion.findMany({
      where: {
        OR: [
          { status: "APPROVED", scheduledPublishAt: { lt: lateBefore } },
          { status: "PUBLISHED", scheduledUnpublishAt: { lt: lateBefore } },
        ],
      },
      include: rowInclude,
      take: dashboardSectionLimit,
    }),
    db.auditEvent.findMany({
      where: { action: "version.schedule_late", at: { gte: new Date(now.getTime() - lateScheduleDays * 24 * 3600_000) } },
      orderBy: { at: "desc" },
      take: dashboardSectionLimit,
    }),
  ]);
  const appliedRecords = applied.flatMap((event) => {
    const data = lateScheduleRecordSchema.safeParse(event.data);
    return data.success ? [{ ...data.data, appliedAt: event.at }] : [];
  });
  const appliedVersions = await db.contentVersion.findMany({ where: { id: { in: appliedRecords.map((record) => record.versionId) } }, include: rowInclude });
  const byId = new Map(appliedVersions.map((version) => [version.id, version]));
  const row = (version: VersionWithItem, release: Release, dueAt: Date, appliedAt: Date | null): LateScheduleRow => {
    const { versionId, href, itemTitle, item, articleKind, number } = toRow(version);
    return { versionId, href, itemTitle, item, articleKind, number, release, dueAt, appliedAt };
  };
  return [
    ...waiting
      .map((version) =>
        version.status === "APPROVED" ? row(version, "publish", version.scheduledPublishAt!, null) : row(version, "unpublish", version.scheduledUnpublishAt!, null),
      )
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
    ...appliedRecords.flatMap((record) => {
      const version = byId.get(record.versionId);
      return version ? [row(version, record.release, new Date(record.dueAt), record.appliedAt)] : [];
    }),
  ];
}

/** What a `version.schedule_late` audit event records (lib/workflow/publish-versions.ts). */
const lateScheduleRecordSchema = z.object({ versionId: z.uuid(), release: z.enum(["publish", "unpublish"]), dueAt: z.iso.datetime() });

/** Four-eyes for one version in review, from its authors and the reviewer's account controllers (read once for all). */
function authorshipOf(version: { createdById: string; authors: { userId: string }[] }, userId: string, controllers: ReadonlySet<string>): Authorship {
  const authors = new Set([version.createdById, ...version.authors.map((author) => author.userId)]);
  return authors.has(userId) ? "author" : authorshipThroughAccount(authors, controllers).authorship;
}

function nextScheduledAt(row: DashboardRow): number {
  return Math.min(row.scheduledPublishAt?.getTime() ?? Infinity, row.scheduledUnpublishAt?.getTime() ?? Infinity);
}

/** Versions sent back to this user as an author that nobody has yet followed with a newer version. */
async function changesRequestedOf(db: Db, userId: string): Promise<VersionWithItem[]> {
  const candidates = await db.contentVersion.findMany({
    where: { status: "CHANGES_REQUESTED", authors: { some: { userId } } },
    include: rowInclude,
    orderBy: { decidedAt: "desc" },
    take: dashboardSectionLimit,
  });
  if (candidates.length === 0) return [];
  const newer = await db.contentVersion.findMany({
    where: { OR: candidates.map((version) => ({ ...itemColumn(itemOfVersion(version)), number: { gt: version.number } })) },
    select: { articleId: true, riskListId: true, number: true },
  });
  return candidates.filter((version) => !newer.some((later) => sameItem(itemOfVersion(later), itemOfVersion(version)) && later.number > version.number));
}

/** The dashboard's search box: a title fragment, from a GET query string. */
export const contentSearchSchema = z.object({
  q: z.string().trim().min(2, "Skriv minst två tecken / Type at least two characters").max(100, "Högst 100 tecken / At most 100 characters"),
});
export type ContentSearchInput = z.input<typeof contentSearchSchema>;

export type ContentSearchHit = ItemType & { href: string; title: string; latestNumber: number; latestStatus: VersionStatus };
export const contentSearchLimit = 25;

/**
 * Articles and risk lists whose current title (that of their latest version) contains `q`, ignoring
 * case. Items are found through any version's title and then kept only when the latest one matches, so
 * an item renamed since is found by its new name only.
 */
export async function searchContentByTitle(db: Db, input: { q: string }): Promise<ContentSearchHit[]> {
  const titleMatches = { versions: { some: { title: { contains: input.q, mode: "insensitive" } } } } satisfies Prisma.ArticleWhereInput;
  const latestVersion = { versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, status: true, title: true } } } as const;
  const [articles, riskLists] = await Promise.all([
    db.article.findMany({ where: titleMatches, include: latestVersion, take: contentSearchLimit * 2 }),
    db.riskList.findMany({ where: titleMatches, include: latestVersion, take: contentSearchLimit * 2 }),
  ]);
  const needle = input.q.toLocaleLowerCase("sv");
  const hits: ContentSearchHit[] = [
    ...articles.flatMap((article) =>
      article.versions.map((latest) => ({
        href: adminPaths.item({ kind: "article", id: article.id }),
        title: latest.title,
        item: { kind: "article" as const, id: article.id },
        articleKind: article.kind,
        latestNumber: latest.number,
        latestStatus: latest.status,
      })),
    ),
    ...riskLists.flatMap((list) =>
      list.versions.map((latest) => ({
        href: adminPaths.item({ kind: "riskList", id: list.id }),
        title: latest.title,
        item: { kind: "riskList" as const, id: list.id },
        articleKind: null,
        latestNumber: latest.number,
        latestStatus: latest.status,
      })),
    ),
  ];
  return hits
    .filter((hit) => hit.title.toLocaleLowerCase("sv").includes(needle))
    .sort((a, b) => a.title.localeCompare(b.title, "sv"))
    .slice(0, contentSearchLimit);
}

/** One article or risk list on the content page. */
export type ContentItemRow = ItemType & {
  href: string;
  title: string;
  latest: { number: number; status: VersionStatus; versionHref: string };
  published: { number: number; versionHref: string; nextReviewDue: Date | null; overdue: boolean } | null;
  archived: boolean;
  /** The item's review cycle in months. */
  reviewIntervalMonths: number;
};

/** Every article and risk list with its latest and published version, for /admin/innehall. */
export async function listContentItems(db: Db, now: Date = new Date()): Promise<ContentItemRow[]> {
  const versions = {
    versions: {
      orderBy: { number: "desc" },
      select: { id: true, number: true, status: true, title: true, nextReviewDue: true },
    },
  } as const satisfies Prisma.ArticleInclude;
  const [articles, riskLists] = await Promise.all([db.article.findMany({ include: versions }), db.riskList.findMany({ include: versions })]);
  const today = startOfUtcDay(now);
  const rowOf = (type: ItemType, archivedAt: Date | null, reviewIntervalMonths: number, list: (typeof articles)[number]["versions"]): ContentItemRow | null => {
    const latest = list[0];
    if (!latest) return null;
    const published = list.find((version) => version.status === "PUBLISHED");
    return {
      href: adminPaths.item(type.item),
      title: latest.title,
      ...type,
      latest: { number: latest.number, status: latest.status, versionHref: adminPaths.versionToActOn(latest) },
      published: published
        ? {
            number: published.number,
            versionHref: adminPaths.versionToActOn(published),
            nextReviewDue: published.nextReviewDue,
            overdue: published.nextReviewDue !== null && published.nextReviewDue < today,
          }
        : null,
      archived: archivedAt !== null,
      reviewIntervalMonths,
    };
  };
  const rows = [
    ...articles.map((article) => rowOf({ item: { kind: "article", id: article.id }, articleKind: article.kind }, article.archivedAt, article.reviewIntervalMonths, article.versions)),
    ...riskLists.map((list) => rowOf({ item: { kind: "riskList", id: list.id }, articleKind: null }, list.archivedAt, list.reviewIntervalMonths, list.versions)),
  ];
  return rows.filter((row): row is ContentItemRow => row !== null).sort((a, b) => compareItemTypes(a, b) || a.title.localeCompare(b.title, "sv"));
}

/** Items in the order of the item kinds' table; overviews before procedures. */
function compareItemTypes(a: ItemType, b: ItemType): number {
  const rank = (type: ItemType) => itemKindNames.indexOf(type.item.kind) * 2 + (type.articleKind === "PROCEDURE" ? 1 : 0);
  return rank(a) - rank(b);
}
