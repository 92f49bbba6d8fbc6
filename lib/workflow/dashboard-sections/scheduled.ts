import { formatAdminDateTime } from "@/lib/labels/sv";
import { dashboardSectionLimit, rowInclude, toRow, type DashboardRow, type DashboardSectionDefinition } from "./section";

function nextScheduledAt(row: DashboardRow): number {
  return Math.min(row.scheduledPublishAt?.getTime() ?? Infinity, row.scheduledUnpublishAt?.getTime() ?? Infinity);
}

/** Admin: versions scheduled to be published or withdrawn, soonest first, with the time. */
export const scheduled: DashboardSectionDefinition = {
  id: "schemalagt",
  audience: "admin",
  title: "Schemalagt",
  empty: "Inget är schemalagt för publicering eller avpublicering.",
  sinceHeading: "Sker",
  nextStep: "Ändra eller avbryt",
  rows: async (db) => {
    const versions = await db.contentVersion.findMany({
      where: { OR: [{ scheduledPublishAt: { not: null } }, { scheduledUnpublishAt: { not: null } }] },
      include: rowInclude,
      take: dashboardSectionLimit,
    });
    return versions
      .map((version) => {
        const when = [
          version.scheduledPublishAt && `publiceras ${formatAdminDateTime(version.scheduledPublishAt)}`,
          version.scheduledUnpublishAt && `avpubliceras ${formatAdminDateTime(version.scheduledUnpublishAt)}`,
        ].filter(Boolean);
        const at = [version.scheduledPublishAt, version.scheduledUnpublishAt].filter((moment): moment is Date => moment !== null);
        return toRow(version, new Date(Math.min(...at.map((moment) => moment.getTime()))), { detail: `${when.join(", ")} (svensk tid)` });
      })
      .sort((a, b) => nextScheduledAt(a) - nextScheduledAt(b));
  },
};
