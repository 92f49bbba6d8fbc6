import type { DbTx } from "@/lib/db/client";
import type { NotificationDelivery, NotificationKind } from "@/lib/db/generated/enums";
import type { DomainEventType } from "@/lib/events/domain-events";

/**
 * Who is told what: one row per kind of notification. `recipients` names them (README, Notifications, is
 * this table in words); `from` says what causes it: a domain event (lib/notifications/notification-subscriber.ts,
 * wired in lib/startup/domain-event-wiring.ts) or the daily review-due check (./review-due-check.ts).
 * The actor is never told about what they did themselves.
 */
export type NotificationRule = {
  from: DomainEventType | "daily review-due check";
  recipients: RecipientRule;
  /** E-mail unless the person chooses otherwise. */
  defaultDelivery: NotificationDelivery;
  /** Whether the person may turn the e-mail off (an escalation reaches the admins regardless). */
  canTurnOff: boolean;
};

/** Recipient rules, each a query over the version and the users; see `recipientsOf`. */
export type RecipientRule = "reviewers" | "authors" | "admins" | "authors and approving reviewer" | "owner and last reviewer";

export const notificationRules: Record<NotificationKind, NotificationRule> = {
  REVIEW_REQUESTED: { from: "version.submitted", recipients: "reviewers", defaultDelivery: "IMMEDIATE", canTurnOff: true },
  CHANGES_REQUESTED: { from: "version.changes_requested", recipients: "authors", defaultDelivery: "IMMEDIATE", canTurnOff: true },
  APPROVED: { from: "version.approved", recipients: "admins", defaultDelivery: "IMMEDIATE", canTurnOff: true },
  PUBLISHED: { from: "version.published", recipients: "authors and approving reviewer", defaultDelivery: "IMMEDIATE", canTurnOff: true },
  UNPUBLISHED: { from: "version.unpublished", recipients: "authors and approving reviewer", defaultDelivery: "IMMEDIATE", canTurnOff: true },
  REVIEW_COMMENT: { from: "review.comment_added", recipients: "authors", defaultDelivery: "IMMEDIATE", canTurnOff: true },
  REVIEW_DUE_SOON: { from: "daily review-due check", recipients: "owner and last reviewer", defaultDelivery: "IMMEDIATE", canTurnOff: true },
  REVIEW_OVERDUE: { from: "daily review-due check", recipients: "owner and last reviewer", defaultDelivery: "IMMEDIATE", canTurnOff: true },
  REVIEW_ESCALATED: { from: "daily review-due check", recipients: "admins", defaultDelivery: "IMMEDIATE", canTurnOff: false },
  // A schedule the job or the sweep applied more than a minute late (lib/workflow/schedule-versions.ts).
  SCHEDULE_LATE: { from: "schedule.late", recipients: "admins", defaultDelivery: "IMMEDIATE", canTurnOff: true },
};

/** The kinds caused by each domain event. */
export const notificationKindsOfEvent = Object.fromEntries(
  Object.entries(notificationRules).flatMap(([kind, rule]) => (rule.from.includes(".") ? [[rule.from, kind as NotificationKind]] : [])),
) as Partial<Record<DomainEventType, NotificationKind>>;

/** How the person gets `kind` by e-mail: their choice, the default without one, never off where it cannot be. */
export function effectiveDelivery(kind: NotificationKind, chosen: NotificationDelivery | undefined): NotificationDelivery {
  const rule = notificationRules[kind];
  const delivery = chosen ?? rule.defaultDelivery;
  return delivery === "OFF" && !rule.canTurnOff ? rule.defaultDelivery : delivery;
}

/** The version a notification is about, as far as choosing its recipients goes. */
export type NotificationSubject = { versionId: string; ownerId?: string | null };

/** The users (ids, active only) a rule names for a version. */
export async function recipientsOf(tx: DbTx, rule: RecipientRule, subject: NotificationSubject): Promise<string[]> {
  switch (rule) {
    case "reviewers": {
      // The version's own authors cannot review it (four-eyes), so they are not asked to; nor is a
      // reviewer who is not a clinician asked to approve a clinical change.
      const authors = await authorIds(tx, subject.versionId);
      const { changeKind } = await tx.contentVersion.findUniqueOrThrow({ where: { id: subject.versionId }, select: { changeKind: true } });
      const reviewers = await tx.user.findMany({
        where: { active: true, roles: { has: "REVIEWER" }, id: { notIn: authors }, ...(changeKind === "CLINICAL" && { clinician: true }) },
        select: { id: true },
        orderBy: { createdAt: "asc" },
      });
      return reviewers.map((user) => user.id);
    }
    case "authors":
      return activeOnly(tx, await authorIds(tx, subject.versionId));
    case "admins": {
      const admins = await tx.user.findMany({ where: { active: true, roles: { has: "ADMIN" } }, select: { id: true }, orderBy: { createdAt: "asc" } });
      return admins.map((user) => user.id);
    }
    case "authors and approving reviewer": {
      const version = await tx.contentVersion.findUniqueOrThrow({ where: { id: subject.versionId }, select: { reviewerId: true } });
      return activeOnly(tx, [...(await authorIds(tx, subject.versionId)), ...(version.reviewerId ? [version.reviewerId] : [])]);
    }
    case "owner and last reviewer": {
      const version = await tx.contentVersion.findUniqueOrThrow({ where: { id: subject.versionId }, select: { reviewerId: true } });
      // The owner first: they answer for the item; then whoever last approved or re-attested it.
      return activeOnly(tx, [...(subject.ownerId ? [subject.ownerId] : []), ...(version.reviewerId ? [version.reviewerId] : [])]);
    }
  }
}

async function authorIds(tx: DbTx, versionId: string): Promise<string[]> {
  const authors = await tx.versionAuthor.findMany({ where: { versionId }, select: { userId: true }, orderBy: { createdAt: "asc" } });
  if (authors.length > 0) return authors.map((author) => author.userId);
  const version = await tx.contentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { createdById: true } });
  return [version.createdById];
}

/** Keeps the order, drops duplicates and deactivated users. */
async function activeOnly(tx: DbTx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const active = new Set((await tx.user.findMany({ where: { id: { in: unique }, active: true }, select: { id: true } })).map((user) => user.id));
  return unique.filter((id) => active.has(id));
}
