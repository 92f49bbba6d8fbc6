import { recentCount, rowInclude, toRow, type DashboardSectionDefinition } from "./section";

/** Admin: the latest publications, newest first, each with its live page while it is still published. */
export const recentlyPublished: DashboardSectionDefinition = {
  id: "senast-publicerat",
  audience: "admin",
  title: "Senast publicerat",
  empty: "Inget har publicerats ännu.",
  sinceHeading: "Publicerad",
  nextStep: "Se versionen",
  rows: async (db) =>
    (await db.contentVersion.findMany({ where: { publishedAt: { not: null } }, include: rowInclude, orderBy: { publishedAt: "desc" }, take: recentCount })).map(
      (version) => toRow(version, version.publishedAt),
    ),
};
