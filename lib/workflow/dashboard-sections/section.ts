import type { Db } from "@/lib/db/client";
import type { ArticleKind, Prisma, Role, VersionStatus } from "@/lib/db/generated/client";
import { itemOfVersion, type Item } from "@/lib/items/item";
import { publicArticlePath, publicRiskListPath } from "@/lib/content/public-content";
import { adminPaths } from "@/lib/paths/admin-paths";
import { authorshipThroughAccount } from "../version-lock";
import type { Authorship } from "../version-workflow";

/**
 * A dashboard section is data: which role it is for, its Swedish heading, what the "since" column
 * means, the next step its rows lead to, and one query (`rows`). Each section lives in its own file
 * in this folder and is listed once in `index.ts`; the page renders whatever the list holds, in order.
 * See README, "The dashboard".
 */

/** An item and, for an article, whether it is an overview or a procedure: what the staff call its type. */
export type ItemType = { item: Item; articleKind: ArticleKind | null };

/** Whose work a section is: the dashboard groups sections by it and shows a group to users with the role. */
export type DashboardAudience = "editor" | "reviewer" | "admin";

export const audienceRoles: Record<DashboardAudience, Role> = { editor: "EDITOR", reviewer: "REVIEWER", admin: "ADMIN" };

/** One version on the dashboard, with the link to the one screen where its next step is taken. */
export type DashboardRow = ItemType & {
  versionId: string;
  /** The screen of the next step: the editor for a draft, the version page (review, publishing) otherwise. */
  href: string;
  itemTitle: string;
  number: number;
  status: VersionStatus;
  /** Since when the row has waited (or, for a schedule, when it will happen). */
  since: Date | null;
  /** A further fact in words (a scheduled time, a due date), if the section has one. */
  detail?: string;
  /** The live page, for a published row. */
  publicHref?: string;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  publishedAt: Date | null;
  nextReviewDue: Date | null;
  scheduledPublishAt: Date | null;
  scheduledUnpublishAt: Date | null;
};

export type DashboardUser = { id: string; roles: readonly Role[]; clinician: boolean };

export type DashboardSectionDefinition = {
  /** The section's address on the page (`#id`) and its test id. */
  id: string;
  audience: DashboardAudience;
  title: string;
  /** The sentence shown when the section has no rows. */
  empty: string;
  /** The heading of the "since" column: "Väntar sedan", "Publicerad", "Schemalagd till". */
  sinceHeading: string;
  /** What the row's link does: "Granska", "Publicera", "Fortsätt skriva". */
  nextStep: string;
  rows: (db: Db, user: DashboardUser, now: Date) => Promise<DashboardRow[]>;
};

/** Longest list a section shows; the content page (/admin/innehall) lists everything. */
export const dashboardSectionLimit = 50;
export const recentCount = 10;

export const rowInclude = {
  article: { select: { kind: true, slug: true } },
  riskList: { select: { slug: true } },
} as const satisfies Prisma.ContentVersionInclude;
export type VersionWithItem = Prisma.ContentVersionGetPayload<{ include: typeof rowInclude }>;

/** Versions the user created or edited. */
export function versionsOf(userId: string) {
  return { OR: [{ createdById: userId }, { authors: { some: { userId } } }] } satisfies Prisma.ContentVersionWhereInput;
}

/** What a "my versions" section differs in: its words, the status it lists, and which time is its "since" column. */
export type MyVersionsSection = Pick<DashboardSectionDefinition, "id" | "title" | "empty" | "sinceHeading" | "nextStep"> & {
  status: VersionStatus;
  /** The row's "since" and the order: the time the version was last changed, submitted or published. */
  since: "updatedAt" | "submittedAt" | "publishedAt";
  /** Oldest first (what has waited longest) or newest first. */
  order: "asc" | "desc";
  /** How many rows at most: `dashboardSectionLimit`, or `recentCount` for a "recently" list. */
  take: number;
};

/**
 * An editor's section of the versions they created or edited in one status: the shape "Mina utkast",
 * "Mitt under granskning" and "Mitt senast publicerade" share, each one call of this.
 */
export function myVersionsSection(section: MyVersionsSection): DashboardSectionDefinition {
  const { status, since, order, take, ...words } = section;
  return {
    ...words,
    audience: "editor",
    rows: async (db, user) =>
      (
        await db.contentVersion.findMany({
          where: { status, ...versionsOf(user.id) },
          include: rowInclude,
          orderBy: { [since]: order },
          take,
        })
      ).map((version) => toRow(version, version[since])),
  };
}

/** The live page of a published version. */
function publicHrefOf(version: VersionWithItem): { publicHref?: string } {
  if (version.status !== "PUBLISHED") return {};
  if (version.article) return { publicHref: publicArticlePath(version.article.slug) };
  if (version.riskList) return { publicHref: publicRiskListPath(version.riskList.slug) };
  return {};
}

export function toRow(version: VersionWithItem, since: Date | null, extra: { detail?: string } = {}): DashboardRow {
  const item = itemOfVersion(version);
  return {
    versionId: version.id,
    href: adminPaths.versionToActOn(version),
    itemTitle: version.title,
    item,
    articleKind: version.article?.kind ?? null,
    number: version.number,
    status: version.status,
    since,
    ...extra,
    ...publicHrefOf(version),
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
 * Four-eyes for one version, from its authors and the user's account controllers (who created or
 * promoted the user's account, read once per section with `accountControllers`), as the workflow table
 * asks it when the user acts.
 */
export function authorshipOf(version: { createdById: string; authors: { userId: string }[] }, userId: string, controllers: ReadonlySet<string>): Authorship {
  const authors = new Set([version.createdById, ...version.authors.map((author) => author.userId)]);
  return authors.has(userId) ? "author" : authorshipThroughAccount(authors, controllers).authorship;
}
