import { checkTransition } from "../version-workflow";
import { dashboardSectionLimit, rowInclude, toRow, type DashboardSectionDefinition } from "./section";

/**
 * Reviewer: versions in review that this reviewer may decide, longest waiting first. Whether they may is
 * asked of the workflow table, so four-eyes is the same here as when they press the button.
 */
export const waitingForMyReview: DashboardSectionDefinition = {
  id: "vantar-pa-granskning",
  audience: "reviewer",
  title: "Väntar på din granskning",
  empty: "Inget väntar på din granskning.",
  sinceHeading: "Inskickad",
  nextStep: "Granska",
  rows: async (db, user) => {
    const inReview = await db.contentVersion.findMany({
      where: { status: "IN_REVIEW" },
      include: { ...rowInclude, authors: { where: { userId: user.id }, select: { userId: true } } },
      orderBy: { submittedAt: "asc" },
      take: dashboardSectionLimit,
    });
    return inReview.filter((version) => checkTransition("approve", version, user, version.authors.length > 0).allowed).map((version) => toRow(version, version.submittedAt));
  },
};
