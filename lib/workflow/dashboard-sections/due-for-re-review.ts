import { accountControllers } from "@/lib/auth/account-provenance";
import { formatCalendarDate } from "@/lib/labels/sv";
import { checkTransition } from "../version-workflow";
import { authorshipOf, dashboardSectionLimit, rowInclude, startOfUtcDay, toRow, type DashboardSectionDefinition } from "./section";

/** How far ahead a published version's next review date puts it on the reviewers' list. */
export const reReviewWindowDays = 30;

/**
 * Reviewer: published versions whose next review date has passed or falls within 30 days, that this
 * reviewer may re-attest (not their own), soonest due first.
 */
export const dueForReReview: DashboardSectionDefinition = {
  id: "dags-for-omgranskning",
  audience: "reviewer",
  title: "Dags att granska om",
  empty: `Inget publicerat innehåll ska granskas om inom ${reReviewWindowDays} dagar.`,
  sinceHeading: "Granskas senast",
  nextStep: "Granska om",
  rows: async (db, user, now) => {
    const [due, controllers] = await Promise.all([
      db.contentVersion.findMany({
        where: { status: "PUBLISHED", nextReviewDue: { lte: new Date(startOfUtcDay(now).getTime() + reReviewWindowDays * 86_400_000) } },
        include: { ...rowInclude, authors: { select: { userId: true } } },
        orderBy: { nextReviewDue: "asc" },
        take: dashboardSectionLimit,
      }),
      accountControllers(db, user.id),
    ]);
    return due
      .filter((version) => checkTransition("reattest", version, user, authorshipOf(version, user.id, controllers)).allowed)
      .map((version) => toRow(version, version.nextReviewDue, { detail: `granskas senast ${formatCalendarDate(version.nextReviewDue!)}` }));
  },
};
