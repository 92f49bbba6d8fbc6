import type { VersionStatus } from "@/lib/db/generated/enums";

/** How the admin names a version's status, in Swedish. */
export const versionStatusLabels: Record<VersionStatus, string> = {
  DRAFT: "utkast",
  IN_REVIEW: "under granskning",
  CHANGES_REQUESTED: "ändringar begärda",
  APPROVED: "godkänd",
  PUBLISHED: "publicerad",
  SUPERSEDED: "ersatt",
  UNPUBLISHED: "avpublicerad",
};

const adminDateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });
const adminDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeZone: "Europe/Stockholm" });
// Review-due dates are calendar dates held as UTC midnight, so they are read in UTC.
const adminCalendarDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeZone: "UTC" });

/** A moment in Swedish time, e.g. "2026-11-24 17:05". */
export function formatAdminDateTime(moment: Date): string {
  return adminDateTime.format(moment);
}

/** A moment's day in Sweden, e.g. "2026-11-24". */
export function formatAdminDate(moment: Date): string {
  return adminDate.format(moment);
}

/** A calendar date such as a next-review date, e.g. "2027-11-24". */
export function formatCalendarDate(date: Date): string {
  return adminCalendarDate.format(date);
}
