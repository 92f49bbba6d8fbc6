import type { Db } from "@/lib/db/client";
import { mayOwn } from "@/lib/auth/item-owners";
import { isReviewOverdue } from "@/lib/content/review-due";
import type { NotificationKind, Role } from "@/lib/db/generated/enums";
import { isoCalendarDate } from "@/lib/labels/sv";
import { adminPaths } from "@/lib/paths/admin-paths";
import type { JobQueue } from "@/lib/queue/job-queue";
import { notify } from "./notify";

const dayMs = 24 * 60 * 60 * 1000;
/** Reviews due within this many days are announced. */
export const reviewDueNoticeDays = 30;
const defaultGraceDays = 14;

/** GRANSKAD_REVIEW_ESCALATION_GRACE_DAYS: days past due after which every admin is told too (default 14). */
export function escalationGraceDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.GRANSKAD_REVIEW_ESCALATION_GRACE_DAYS;
  if (raw === undefined || raw === "") return defaultGraceDays;
  if (!/^\d{1,4}$/.test(raw)) throw new Error(`GRANSKAD_REVIEW_ESCALATION_GRACE_DAYS must be a whole number of days, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

const ownerFields = { id: true, active: true, roles: true } as const;

/** The item's owner, if they may still own it; an owner deactivated or without an editorial role is told nothing (the item is "Utan ansvarig"). */
function ownerWhoMayOwn(owner: { id: string; active: boolean; roles: Role[] } | undefined): string | null {
  return owner && mayOwn(owner) ? owner.id : null;
}

export type ReviewDueOutcome = { dueSoon: number; overdue: number; escalated: number };

/**
 * The daily review-due check (a pg-boss schedule, lib/notifications/notification-workers.ts): for every
 * published version whose next review is due within 30 days, tells its item's owner first (when they may
 * still own it) and the reviewer who last approved or re-attested it; once it is overdue, tells them again; once it is more than the grace period
 * overdue, tells every admin as well (an escalation nobody can turn off). Each notice has a key per version
 * and due date, so running the check twice a day, or on two instances, tells nobody twice, and a
 * re-attestation (a new due date) starts the cycle afresh. Counts the notifications made.
 */
export async function checkReviewsDue(db: Db, jobQueue: () => Promise<JobQueue>, options: { now?: Date; graceDays?: number } = {}): Promise<ReviewDueOutcome> {
  const now = options.now ?? new Date();
  const graceDays = options.graceDays ?? escalationGraceDays();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const versions = await db.contentVersion.findMany({
    where: { status: "PUBLISHED", nextReviewDue: { lte: new Date(today + reviewDueNoticeDays * dayMs) } },
    select: { id: true, title: true, number: true, nextReviewDue: true, article: { select: { owner: { select: ownerFields } } }, riskList: { select: { owner: { select: ownerFields } } } },
    orderBy: { nextReviewDue: "asc" },
  });
  const outcome: ReviewDueOutcome = { dueSoon: 0, overdue: 0, escalated: 0 };
  for (const version of versions) {
    const due = version.nextReviewDue!;
    const daysOverdue = Math.floor((today - due.getTime()) / dayMs);
    const notices: [NotificationKind, keyof ReviewDueOutcome][] = isReviewOverdue(due, now)
      ? [["REVIEW_OVERDUE", "overdue"], ...(daysOverdue > graceDays ? [["REVIEW_ESCALATED", "escalated"] as [NotificationKind, keyof ReviewDueOutcome]] : [])]
      : [["REVIEW_DUE_SOON", "dueSoon"]];
    await db.$transaction(async (tx) => {
      for (const [kind, counter] of notices) {
        const made = await notify(tx, jobQueue, {
          kind,
          eventKey: `${kind.toLowerCase()}:${version.id}:${isoCalendarDate(due)}`,
          subject: { versionId: version.id, ownerId: ownerWhoMayOwn(version.article?.owner ?? version.riskList?.owner) },
          facts: { title: version.title, number: version.number, actorName: null, due, daysOverdue },
          linkPath: adminPaths.version(version.id),
          actorId: null,
        });
        outcome[counter] += made.length;
      }
    });
  }
  return outcome;
}
