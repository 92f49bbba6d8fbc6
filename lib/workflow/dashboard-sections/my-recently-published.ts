import { recentCount, rowInclude, toRow, versionsOf, type DashboardSectionDefinition } from "./section";

/** Editor: what I wrote that readers see now, latest first. */
export const myRecentlyPublished: DashboardSectionDefinition = {
  id: "mina-publicerade",
  audience: "editor",
  title: "Mitt senast publicerade",
  empty: "Inget du skrivit är publicerat.",
  sinceHeading: "Publicerad",
  nextStep: "Se versionen",
  rows: async (db, user) =>
    (
      await db.contentVersion.findMany({
        where: { status: "PUBLISHED", ...versionsOf(user.id) },
        include: rowInclude,
        orderBy: { publishedAt: "desc" },
        take: recentCount,
      })
    ).map((version) => toRow(version, version.publishedAt)),
};
