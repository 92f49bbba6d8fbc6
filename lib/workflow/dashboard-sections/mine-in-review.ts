import { dashboardSectionLimit, rowInclude, toRow, versionsOf, type DashboardSectionDefinition } from "./section";

/** Editor: what I wrote that waits for a reviewer, longest waiting first. */
export const mineInReview: DashboardSectionDefinition = {
  id: "mina-under-granskning",
  audience: "editor",
  title: "Mitt under granskning",
  empty: "Inget du skrivit väntar på granskning.",
  sinceHeading: "Inskickad",
  nextStep: "Se versionen",
  rows: async (db, user) =>
    (
      await db.contentVersion.findMany({
        where: { status: "IN_REVIEW", ...versionsOf(user.id) },
        include: rowInclude,
        orderBy: { submittedAt: "asc" },
        take: dashboardSectionLimit,
      })
    ).map((version) => toRow(version, version.submittedAt)),
};
