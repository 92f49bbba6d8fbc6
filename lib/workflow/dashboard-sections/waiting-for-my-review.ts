import { accountControllers } from "@/lib/auth/account-provenance";
import { changeKindLabels } from "@/lib/labels/sv";
import { checkTransition } from "../version-workflow";
import { authorshipOf, dashboardSectionLimit, rowInclude, toRow, type DashboardSectionDefinition } from "./section";

/**
 * Reviewer: versions in review that this reviewer may decide, longest waiting first. Whether they may is
 * asked of the workflow table, so four-eyes (also across accounts an author created or promoted) and
 * clinical review (a clinical change only for a clinician) are the same here as when they press the
 * button. A clinical change says so on its row.
 */
export const waitingForMyReview: DashboardSectionDefinition = {
  id: "vantar-pa-granskning",
  audience: "reviewer",
  title: "Väntar på din granskning",
  empty: "Inget väntar på din granskning.",
  sinceHeading: "Inskickad",
  nextStep: "Granska",
  rows: async (db, user) => {
    const [inReview, controllers] = await Promise.all([
      db.contentVersion.findMany({
        where: { status: "IN_REVIEW" },
        include: { ...rowInclude, authors: { select: { userId: true } } },
        orderBy: { submittedAt: "asc" },
        take: dashboardSectionLimit,
      }),
      accountControllers(db, user.id),
    ]);
    return inReview
      .filter((version) => checkTransition("approve", version, user, authorshipOf(version, user.id, controllers)).allowed)
      .map((version) => toRow(version, version.submittedAt, version.changeKind === "CLINICAL" ? { detail: changeKindLabels.CLINICAL.toLowerCase() } : {}));
  },
};
