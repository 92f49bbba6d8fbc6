import { dashboardSectionLimit, rowInclude, toRow, versionsOf, type DashboardSectionDefinition } from "./section";

/** Editor: drafts I started or edited, most recently changed first. */
export const myDrafts: DashboardSectionDefinition = {
  id: "mina-utkast",
  audience: "editor",
  title: "Mina utkast",
  empty: "Du har inga utkast.",
  sinceHeading: "Senast ändrad",
  nextStep: "Fortsätt skriva",
  rows: async (db, user) =>
    (
      await db.contentVersion.findMany({
        where: { status: "DRAFT", ...versionsOf(user.id) },
        include: rowInclude,
        orderBy: { updatedAt: "desc" },
        take: dashboardSectionLimit,
      })
    ).map((version) => toRow(version, version.updatedAt)),
};
