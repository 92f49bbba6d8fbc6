import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma, VersionStatus } from "@/lib/db/generated/client";
import { mayOwn } from "@/lib/auth/item-owners";
import { itemKindNames } from "@/lib/items/item";
import { adminPaths } from "@/lib/paths/admin-paths";
import { dashboardSections } from "./dashboard-sections";
import {
  audienceRoles,
  startOfUtcDay,
  type DashboardAudience,
  type DashboardRow,
  type DashboardSectionDefinition,
  type DashboardUser,
  type ItemType,
} from "./dashboard-sections/section";

export type { DashboardRow, DashboardSectionDefinition, DashboardAudience, ItemType } from "./dashboard-sections/section";
export { dashboardSectionLimit, startOfUtcDay } from "./dashboard-sections/section";

/** One section as the page shows it: its definition and this user's rows. */
export type LoadedDashboardSection = { definition: DashboardSectionDefinition; rows: DashboardRow[] };

/** The sections of one audience. */
export type DashboardGroup = { audience: DashboardAudience; sections: LoadedDashboardSection[] };

/**
 * Everything on one user's dashboard: for each role they hold (editor, reviewer, admin, in that order),
 * the sections listed for it in dashboard-sections/index.ts, each with its rows.
 */
export async function loadDashboard(db: Db, user: DashboardUser, now: Date = new Date()): Promise<DashboardGroup[]> {
  const audiences = (Object.keys(dashboardSections) as DashboardAudience[]).filter((audience) => user.roles.includes(audienceRoles[audience]));
  return Promise.all(
    audiences.map(async (audience) => ({
      audience,
      sections: await Promise.all(dashboardSections[audience].map(async (definition) => ({ definition, rows: await definition.rows(db, user, now) }))),
    })),
  );
}

/** One section's rows from a loaded dashboard, by id (undefined when the user does not get the section). */
export function dashboardSection(dashboard: DashboardGroup[], id: string): DashboardRow[] | undefined {
  return dashboard.flatMap((group) => group.sections).find((section) => section.definition.id === id)?.rows;
}

/** The dashboard's search box: a title fragment, from a GET query string. */
export const contentSearchSchema = z.object({
  q: z.string().trim().min(2, "Skriv minst två tecken").max(100, "Högst 100 tecken"),
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
  /** The responsible owner, and whether they may still own it (else the item is "Utan ansvarig"). */
  owner: { name: string; mayOwn: boolean };
};

/** Every article and risk list with its latest and published version, for /admin/innehall. */
export async function listContentItems(db: Db, now: Date = new Date()): Promise<ContentItemRow[]> {
  const versions = {
    versions: {
      orderBy: { number: "desc" },
      select: { id: true, number: true, status: true, title: true, nextReviewDue: true },
    },
    owner: { select: { name: true, active: true, roles: true } },
  } as const satisfies Prisma.ArticleInclude;
  const [articles, riskLists] = await Promise.all([db.article.findMany({ include: versions }), db.riskList.findMany({ include: versions })]);
  const today = startOfUtcDay(now);
  type Listed = Pick<(typeof articles)[number], "archivedAt" | "reviewIntervalMonths" | "versions" | "owner">;
  const rowOf = (type: ItemType, { archivedAt, reviewIntervalMonths, versions: list, owner }: Listed): ContentItemRow | null => {
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
      owner: { name: owner.name, mayOwn: mayOwn(owner) },
    };
  };
  const rows = [
    ...articles.map((article) => rowOf({ item: { kind: "article", id: article.id }, articleKind: article.kind }, article)),
    ...riskLists.map((list) => rowOf({ item: { kind: "riskList", id: list.id }, articleKind: null }, list)),
  ];
  return rows.filter((row): row is ContentItemRow => row !== null).sort((a, b) => compareItemTypes(a, b) || a.title.localeCompare(b.title, "sv"));
}

/** Items in the order of the item kinds' table; overviews before procedures. */
function compareItemTypes(a: ItemType, b: ItemType): number {
  const rank = (type: ItemType) => itemKindNames.indexOf(type.item.kind) * 2 + (type.articleKind === "PROCEDURE" ? 1 : 0);
  return rank(a) - rank(b);
}
