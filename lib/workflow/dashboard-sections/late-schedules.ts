import { z } from "zod";
import { formatAdminDateTime } from "@/lib/labels/sv";
import { lateScheduleAfterMs } from "../publish-versions";
import { dashboardSectionLimit, rowInclude, toRow, type DashboardRow, type DashboardSectionDefinition, type VersionWithItem } from "./section";

/** How far back the dashboard lists schedules that were applied late. */
export const lateScheduleDays = 7;

/** What a `version.schedule_late` audit event records (lib/workflow/publish-versions.ts). */
const lateScheduleRecordSchema = z.object({ versionId: z.uuid(), release: z.enum(["publish", "unpublish"]), dueAt: z.iso.datetime() });

const releaseNames = { publish: "publicering", unpublish: "avpublicering" } as const;

/**
 * Admin: schedules that did not happen on time. First those still waiting more than a minute after
 * they were due (the workers or the database are down; the sweep applies them when they are back),
 * oldest first; then those applied late within the last week (from the audit trail), latest first.
 * "Since" is when each was due.
 */
export const lateSchedules: DashboardSectionDefinition = {
  id: "forsenade-schemalaggningar",
  audience: "admin",
  title: "Försenade schemaläggningar",
  empty: `Ingen schemaläggning har blivit försenad de senaste ${lateScheduleDays} dagarna.`,
  sinceHeading: "Skulle ha skett",
  nextStep: "Visa versionen",
  rows: async (db, _user, now) => {
    const lateBefore = new Date(now.getTime() - lateScheduleAfterMs);
    const [waiting, applied] = await Promise.all([
      db.contentVersion.findMany({
        where: {
          OR: [
            { status: "APPROVED", scheduledPublishAt: { lt: lateBefore } },
            { status: "PUBLISHED", scheduledUnpublishAt: { lt: lateBefore } },
          ],
        },
        include: rowInclude,
        take: dashboardSectionLimit,
      }),
      db.auditEvent.findMany({
        where: { action: "version.schedule_late", at: { gte: new Date(now.getTime() - lateScheduleDays * 24 * 3600_000) } },
        orderBy: { at: "desc" },
        take: dashboardSectionLimit,
      }),
    ]);
    const records = applied.flatMap((event) => {
      const data = lateScheduleRecordSchema.safeParse(event.data);
      return data.success ? [{ ...data.data, appliedAt: event.at }] : [];
    });
    const appliedVersions = await db.contentVersion.findMany({ where: { id: { in: records.map((record) => record.versionId) } }, include: rowInclude });
    const byId = new Map(appliedVersions.map((version) => [version.id, version]));
    const row = (version: VersionWithItem, release: keyof typeof releaseNames, dueAt: Date, appliedAt: Date | null): DashboardRow =>
      toRow(version, dueAt, {
        detail: appliedAt
          ? `${releaseNames[release]} skedde ${formatAdminDateTime(appliedAt)}, för sent (svensk tid)`
          : `${releaseNames[release]} väntar fortfarande: kontrollera att bakgrundsjobben körs`,
      });
    return [
      ...waiting
        .map((version) =>
          version.status === "APPROVED" ? row(version, "publish", version.scheduledPublishAt!, null) : row(version, "unpublish", version.scheduledUnpublishAt!, null),
        )
        .sort((a, b) => a.since!.getTime() - b.since!.getTime()),
      ...records.flatMap((record) => {
        const version = byId.get(record.versionId);
        return version ? [row(version, record.release, new Date(record.dueAt), record.appliedAt)] : [];
      }),
    ];
  },
};
