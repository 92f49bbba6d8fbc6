import { dashboardSectionLimit, rowInclude, toRow, type DashboardSectionDefinition } from "./section";

/** Admin: approved versions that nobody has published or scheduled yet, longest waiting first. */
export const approvedWaiting: DashboardSectionDefinition = {
  id: "godkant-vantar-publicering",
  audience: "admin",
  title: "Godkänt, väntar på publicering",
  empty: "Inget godkänt innehåll väntar på att publiceras.",
  sinceHeading: "Godkänd",
  nextStep: "Publicera",
  rows: async (db) =>
    (
      await db.contentVersion.findMany({
        where: { status: "APPROVED", scheduledPublishAt: null },
        include: rowInclude,
        orderBy: { decidedAt: "asc" },
        take: dashboardSectionLimit,
      })
    ).map((version) => toRow(version, version.decidedAt)),
};
