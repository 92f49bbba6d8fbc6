import type { Db, DbTx } from "@/lib/db/client";
import type { ContentVersion, Prisma, ReviewDecisionKind, VersionStatus } from "@/lib/db/generated/client";
import { recordAuditEvent, type AuditAction } from "@/lib/audit/record-audit-event";
import { fail, type DomainResult } from "@/lib/errors/domain-result";
import type { VersionReference } from "@/lib/events/domain-events";
import { commitWithEvents, type Committed, type EmitEvent, type Refusal } from "@/lib/events/unit-of-work";
import { auditEntityOf, itemColumn, itemOfVersion, type Item } from "@/lib/items/item";
import { isAuthorOf, lockVersions } from "./version-lock";
import { checkTransition, versionTransitions, type VersionAction, type WorkflowActor } from "./version-workflow";

/** Which version, which action of the workflow table, and who. */
export type TransitionRequest<F extends Refusal = Refusal> = {
  action: VersionAction;
  versionId: string;
  actor: WorkflowActor;
  /**
   * Refuse unless the version is still at this revision, the one the caller's text was based on; `refuse`
   * builds the refusal from the version as it is now (inside the transaction, so it can read its text).
   */
  expectedRevision?: { revision: number; refuse: (tx: DbTx, current: ContentVersion) => Promise<F> };
};

/** Columns a transition may set on a version besides its status, which the workflow table decides. */
export type VersionChanges = Omit<Prisma.ContentVersionUncheckedUpdateInput, "status" | "id" | "articleId" | "riskListId">;

/** What an operation does inside its transition, after the runner has locked the version and asked the table. */
export type TransitionSteps = {
  tx: DbTx;
  /** The version as locked, before the transition. */
  version: ContentVersion;
  item: Item;
  /** The status the workflow table leads to. */
  to: VersionStatus;
  /**
   * Writes `to` and `changes` on the version and returns it; for an action that starts a new version
   * (startDraftFrom), creates that version from this one with status `to` instead. Once per transition.
   */
  apply: (changes?: VersionChanges) => Promise<ContentVersion>;
  /**
   * Records the reviewer's decision, bound to the version's content hash, with their name and title as
   * they are now, and (approvals, re-attestations) the checklist they confirmed and the interval they chose.
   */
  decide: (kind: ReviewDecisionKind, nextReviewDue: Date | null, attestation?: { checklist: Prisma.InputJsonObject; reviewIntervalMonths: number }) => Promise<void>;
  /** Appends the transition's audit event, about the item, by the actor. */
  audit: (action: AuditAction, data: Prisma.InputJsonObject) => Promise<void>;
  emit: EmitEvent;
};

/**
 * The one way a version changes. In one transaction (lib/events/unit-of-work.ts): locks the version,
 * asks the workflow table whether the actor may take the action now (four-eyes included), checks the
 * expected revision, then lets the operation's `steps` make the change through `apply` (the table's `to`),
 * `decide` and `audit`, and `emit` what happened. A refusal anywhere rolls everything back. Returns the
 * operation's value and the events, which subscribers have turned into their effects.
 */
export function runTransition<T, F extends Refusal = Refusal>(
  db: Db,
  request: TransitionRequest<F>,
  steps: (steps: TransitionSteps) => Promise<DomainResult<T> | F>,
): Promise<Committed<T> | Refusal | F> {
  return commitWithEvents(db, (tx, emit) => applyTransition(tx, emit, request, steps));
}

/** The same, inside a transaction an operation has already opened (one that first decides which version to act on). */
export async function applyTransition<T, F extends Refusal = Refusal>(
  tx: DbTx,
  emit: EmitEvent,
  request: TransitionRequest<F>,
  steps: (steps: TransitionSteps) => Promise<DomainResult<T> | F>,
): Promise<DomainResult<T> | Refusal | F> {
  const { action, versionId, actor } = request;
  const version = (await lockVersions(tx, [versionId])).get(versionId);
  if (!version) return fail({ kind: "not_found", message: "Versionen finns inte" });
  const check = checkTransition(action, version, actor, await isAuthorOf(tx, version.id, actor.id));
  if (!check.allowed) return fail({ kind: check.reason, message: check.message });
  if (request.expectedRevision && version.revision !== request.expectedRevision.revision) return request.expectedRevision.refuse(tx, version);

  const item = itemOfVersion(version);
  const startsNewVersion = "startsNewVersion" in versionTransitions[action];
  let applied = false;
  const result = await steps({
    tx,
    version,
    item,
    to: check.to,
    apply: async (changes = {}) => {
      if (applied) throw new Error(`${action} applied its status twice`);
      applied = true;
      if (startsNewVersion) return startNewVersion(tx, version, item, check.to, actor);
      return tx.contentVersion.update({ where: { id: version.id }, data: { ...changes, status: check.to } });
    },
    decide: async (kind, nextReviewDue, attestation) => {
      if (!actor.id) throw new Error(`${action}: a review decision needs a reviewer`);
      if (!version.contentHash) throw new Error(`${action}: version ${version.id} has no content hash to bind the decision to`);
      const reviewer = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
      await tx.reviewDecision.create({
        data: {
          versionId: version.id,
          reviewerId: actor.id,
          kind,
          contentHash: version.contentHash,
          reviewerName: reviewer.name,
          reviewerTitle: reviewer.title,
          reviewerSpecialty: reviewer.specialty,
          nextReviewDue,
          checklist: attestation?.checklist,
          reviewIntervalMonths: attestation?.reviewIntervalMonths,
        },
      });
    },
    audit: (auditAction, data) => recordAuditEvent(tx, { actorId: actor.id, action: auditAction, ...auditEntityOf(item), data }),
    emit,
  });
  // Every action whose row in the table changes the status must have applied it.
  if (result.ok && !applied && (startsNewVersion || check.to !== version.status)) {
    throw new Error(`${action} leads to ${check.to} but did not apply it`);
  }
  return result;
}

/** The new version an action such as startDraftFrom creates from `base`: the item's next number, the base's title. */
async function startNewVersion(tx: DbTx, base: ContentVersion, item: Item, status: VersionStatus, actor: WorkflowActor): Promise<ContentVersion> {
  if (!actor.id) throw new Error("a new version needs a user who creates it");
  const latest = await tx.contentVersion.aggregate({ where: itemColumn(item), _max: { number: true } });
  return tx.contentVersion.create({
    data: {
      ...itemColumn(item),
      number: (latest._max.number ?? 0) + 1,
      status,
      title: base.title,
      summary: base.summary,
      createdById: actor.id,
      basedOnId: base.id,
    },
  });
}

/** For events: the version as they name it. */
export function versionReference(version: Pick<ContentVersion, "id" | "number">): VersionReference {
  return { id: version.id, number: version.number };
}
