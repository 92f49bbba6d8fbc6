import type { Db } from "@/lib/db/client";
import { itemColumn, itemOfVersion, sameItem } from "@/lib/items/item";
import { dashboardSectionLimit, rowInclude, toRow, type DashboardSectionDefinition, type VersionWithItem } from "./section";

/** Versions sent back to this user as an author that nobody has yet followed with a newer version. */
async function changesRequestedOf(db: Db, userId: string): Promise<VersionWithItem[]> {
  const candidates = await db.contentVersion.findMany({
    where: { status: "CHANGES_REQUESTED", authors: { some: { userId } } },
    include: rowInclude,
    orderBy: { decidedAt: "asc" },
    take: dashboardSectionLimit,
  });
  if (candidates.length === 0) return [];
  const newer = await db.contentVersion.findMany({
    where: { OR: candidates.map((version) => ({ ...itemColumn(itemOfVersion(version)), number: { gt: version.number } })) },
    select: { articleId: true, riskListId: true, glossaryTermId: true, number: true },
  });
  return candidates.filter((version) => !newer.some((later) => sameItem(itemOfVersion(later), itemOfVersion(version)) && later.number > version.number));
}

/** Editor: a reviewer sent back something I wrote and it waits for my revision. */
export const changesRequestedOfMe: DashboardSectionDefinition = {
  id: "andringar-begarda",
  audience: "editor",
  title: "Granskaren vill att du ändrar",
  empty: "Ingen granskare har skickat tillbaka något du skrivit.",
  sinceHeading: "Skickad tillbaka",
  nextStep: "Läs kommentarerna och revidera",
  rows: async (db, user) => (await changesRequestedOf(db, user.id)).map((version) => toRow(version, version.decidedAt)),
};
