import { affectedArticles } from "./affected-articles";
import { approvedWaiting } from "./approved-waiting";
import { changesRequestedOfMe } from "./changes-requested-of-me";
import { dueForReReview } from "./due-for-re-review";
import { lateSchedules } from "./late-schedules";
import { mineInReview } from "./mine-in-review";
import { myDrafts } from "./my-drafts";
import { myRecentlyPublished } from "./my-recently-published";
import { overdueForReview } from "./overdue-for-review";
import { recentlyDecidedByMe } from "./recently-decided-by-me";
import { recentlyPublished } from "./recently-published";
import { scheduled } from "./scheduled";
import type { DashboardAudience, DashboardSectionDefinition } from "./section";
import { waitingForMyReview } from "./waiting-for-my-review";
import { withoutOwner } from "./without-owner";

/**
 * The dashboard's sections, one list per audience, in the order the page shows them. A new section is
 * a file in this folder and one line at the end of its audience's list (see README, "The dashboard").
 */
export const dashboardSections: Record<DashboardAudience, DashboardSectionDefinition[]> = {
  editor: [
    myDrafts,
    changesRequestedOfMe,
    mineInReview,
    myRecentlyPublished,
  ],
  reviewer: [
    waitingForMyReview,
    dueForReReview,
    recentlyDecidedByMe,
    affectedArticles,
  ],
  admin: [
    approvedWaiting,
    scheduled,
    lateSchedules,
    overdueForReview,
    recentlyPublished,
    withoutOwner,
  ],
};
