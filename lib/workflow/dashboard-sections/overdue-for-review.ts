import { formatCalendarDate } from "@/lib/labels/sv";
import { dashboardSectionLimit, rowInclude, startOfUtcDay, toRow, type DashboardSectionDefinition } from "./section";

/** Admin: published versions whose next review date has passed, most overdue first. */
export const overdueForReview: DashboardSectionDefinition = {
  id: "forsenad-granskning",
  audience: "admin",
  title: "Försenad granskning",
  empty: "Inget publicerat innehåll har passerat sitt granskningsdatum.",
  sinceHeading: "Skulle granskats",
  nextStep: "Se versionen",
  rows: async (db, _user, now) =>
    (
      await db.contentVersion.findMany({
        where: { status: "PUBLISHED", nextReviewDue: { lt: startOfUtcDay(now) } },
        include: rowInclude,
        orderBy: { nextReviewDue: "asc" },
        take: dashboardSectionLimit,
      })
    ).map((version) => toRow(version, version.nextReviewDue, { detail: `granskas senast ${formatCalendarDate(version.nextReviewDue!)}` })),
};
