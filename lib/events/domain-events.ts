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
  | (AboutVersion & { type: "review.comment_added"; commentId: string; blockKey: string | null })
  | (Occurrence & { type: "comment.moderated"; commentId: string; articleId: string; decision: "APPROVED" | "REJECTED" })
  | (Occurrence & { type: "comment.deleted"; commentId: string; articleId: string });

export type DomainEventType = DomainEvent["type"];
export type DomainEventOf<Type extends DomainEventType> = Extract<DomainEvent, { type: Type }>;
