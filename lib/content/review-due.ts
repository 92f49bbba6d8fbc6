/**
 * Whether a published version is past its next review date. The date is a calendar date (midnight
 * UTC), and a version is due *on* that day, so it is overdue from the day after: the public pages, the
 * feed and the read API all ask this one function.
 */
export function isReviewOverdue(nextReviewDue: Date | null, now: Date): boolean {
  if (nextReviewDue === null) return false;
  const startOfTodayUtc = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return nextReviewDue.getTime() < startOfTodayUtc;
}
