import type { Item } from "@/lib/items/item";

/**
 * What happened, as the operations that did it report it: every operation with effects beyond its own
 * rows emits these (lib/events/unit-of-work.ts), and subscribers wired at start-up turn them into those
 * effects (lib/startup/domain-event-wiring.ts). An event is a fact about a committed change; it carries ids
 * and what a subscriber needs to decide, never a reader's personal data.
 */

/** A version as events name it. */
export type VersionReference = { id: string; number: number };

/** Publishing and unpublishing, which can also be scheduled. */
export type Release = "publish" | "unpublish";

/** What applied a schedule: its own queued job, or the periodic sweep of overdue schedules. */
export type ScheduledRunner = "job" | "sweep";

/** Who did it (null: the scheduler, acting on an admin's earlier decision) and when. */
type Occurrence = { actorId: string | null; occurredAt: Date };
type AboutVersion = Occurrence & { item: Item; version: VersionReference };

export type DomainEvent =
  | (AboutVersion & { type: "item.created" })
  | (AboutVersion & { type: "draft.started"; basedOn: VersionReference; restored: boolean })
  | (AboutVersion & { type: "version.submitted"; contentHash: string })
  | (AboutVersion & { type: "version.changes_requested" })
  | (AboutVersion & { type: "version.approved"; contentHash: string; nextReviewDue: Date })
  | (AboutVersion & { type: "version.reattested"; nextReviewDue: Date })
  | (AboutVersion & { type: "version.published"; contentHash: string; supersedes: VersionReference | null })
  | (AboutVersion & { type: "version.unpublished"; contentHash: string })
  | (AboutVersion & { type: "version.release_scheduled"; release: Release; at: Date })
  | (AboutVersion & { type: "version.release_schedule_cancelled"; release: Release; at: Date })
  /**
   * A scheduled publish or unpublish happened late: more than a minute after `dueAt` (the workers or the
   * database were down, or the job was lost and the sweep of overdue schedules applied it). Emitted in
   * the same transaction as the `version.published` / `version.unpublished` it follows, so exactly once
   * per schedule. `occurredAt` is when it was applied, `lateBySeconds` how long after `dueAt`;
   * `scheduledById` is the admin who scheduled it (null: unknown, or the operator); `appliedBy` says
   * whether the schedule's own job or the sweep applied it; `actorId` is null (the scheduler).
   * For notifying admins that the site showed (or withdrew) something later than they decided.
   */
  | (AboutVersion & {
      type: "schedule.late";
      release: Release;
      dueAt: Date;
      lateBySeconds: number;
      scheduledById: string | null;
      appliedBy: ScheduledRunner;
    })
  /** `externalExpert`: the comment came from an invited outside expert (lib/external-review), who is no user (`actorId` null). */
  | (AboutVersion & { type: "review.comment_added"; commentId: string; blockKey: string | null; externalExpert?: { name: string; title: string } })
  /**
   * A reviewer or admin invited an outside expert to a version in review. `link` is the expert's
   * absolute URL with its token: it exists only in this event, in memory, for the after-commit e-mail
   * (the database has only the token's hash); no subscriber may store or log it.
   */
  | (AboutVersion & { type: "external_review.invited"; invitationId: string; link: string })
  | (Occurrence & { type: "comment.moderated"; commentId: string; articleId: string; decision: "APPROVED" | "REJECTED" })
  | (Occurrence & { type: "comment.deleted"; commentId: string; articleId: string });

export type DomainEventType = DomainEvent["type"];
export type DomainEventOf<Type extends DomainEventType> = Extract<DomainEvent, { type: Type }>;
