import type { Db, DbTx } from "@/lib/db/client";
import type { ContentVersion, Prisma, ReviewDecisionKind, VersionStatus } from "@/lib/db/generated/client";
import { recordAuditEvent, type AuditAction } from "@/lib/audit/record-audit-event";
import { fail, type DomainResult } from "@/lib/errors/domain-result";
import type { VersionReference } from "@/lib/events/domain-events";
import { commitWithEvents, type Committed, type EmitEvent, type Refusal } from "@/lib/events/unit-of-work";
import { auditEntityOf, itemColumn, itemOfVersion, type Item } from "@/lib/items/item";
import { itemOfVersionId, lockVersions, versionAuthorship } from "./version-lock";
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
  /**
   * Other versions of the same item the transition changes too (a publish supersedes the published one):
   * they are locked with the version, in one statement, so that a concurrent operation on one of them
   * (an unpublish) runs wholly before or wholly after this one and neither overwrites the other.
   */
  locksAlso?: (tx: DbTx, item: Item) => Promise<string[]>;
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
export async function runTransition<T, F extends Refusal = Refusal>(
  db: Db,
  request: TransitionRequest<F>,
  steps: (steps: TransitionSteps) => Promise<DomainResult<T> | F>,
): Promise<Committed<T> | Refusal | F> {
  const result = await commitWithEvents<T, Refusal | F>(db, (tx, emit) => applyTransition(tx, emit, request, steps));
  // A review refused by four-eyes is on record, although the refused transaction left nothing behind.
  if (!result.ok && isFourEyesRefusal(result)) await db.$transaction((tx) => recordFourEyesRefusal(tx, request, result.fourEyes));
  return result;
}

/** What a four-eyes refusal tells the audit trail: which version, what was tried, and why it was refused. */
type FourEyesRefusal = Refusal & { fourEyes: { authorship: "author" | "authorsAccount"; via: string[]; item: Item; number: number } };

function isFourEyesRefusal(refusal: Refusal): refusal is FourEyesRefusal {
  return "fourEyes" in refusal;
}

async function recordFourEyesRefusal(tx: DbTx, request: TransitionRequest<Refusal>, refusal: FourEyesRefusal["fourEyes"]): Promise<void> {
  await recordAuditEvent(tx, {
    actorId: request.actor.id,
    action: "version.review_refused",
    ...auditEntityOf(refusal.item),
    data: {
      versionId: request.versionId,
      number: refusal.number,
      action: request.action,
      reason: refusal.authorship === "author" ? "actor_is_author" : "account_from_author",
      ...(refusal.via.length > 0 && { accountFrom: refusal.via }),
    },
  });
}

/** The same, inside a transaction an operation has already opened (one that first decides which version to act on). */
export async function applyTransition<T, F extends Refusal = Refusal>(
  tx: DbTx,
  emit: EmitEvent,
  request: TransitionRequest<F>,
  steps: (steps: TransitionSteps) => Promise<DomainResult<T> | F>,
): Promise<DomainResult<T> | Refusal | F> {
  const { action, versionId, actor } = request;
  const locked = await lockForTransition(tx, request);
  if (locked === "changed") return fail({ kind: "conflict", message: "Innehållet ändrades samtidigt av någon annan; försök igen" });
  const version = locked?.get(versionId);
  if (!version) return fail({ kind: "not_found", message: "Versionen finns inte" });
  const { authorship, via } = await versionAuthorship(tx, version.id, actor.id);
  // Whether the actor is a clinician as the database says now, not as their session said when it was read.
  const clinician = actor.id ? ((await tx.user.findUnique({ where: { id: actor.id }, select: { clinician: true } }))?.clinician ?? false) : false;
  const check = checkTransition(action, version, { ...actor, clinician }, authorship);
  if (!check.allowed) {
    const failure = { kind: check.reason, message: check.message };
    if (!check.fourEyes) return { ok: false, failure };
    const refusal: FourEyesRefusal = { ok: false, failure, fourEyes: { authorship: check.fourEyes, via, item: itemOfVersion(version), number: version.number } };
    return refusal;
  }
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

/**
 * Locks the version and the versions `locksAlso` names. Those are read before the lock (the item of a
 * version never changes), so they are read again once locked: if another transaction changed which
 * versions they are while this one waited, the new ones are locked too, and if that still does not
 * settle it (a third change in between), the transition is refused as a conflict rather than acting on
 * an unlocked row.
 */
async function lockForTransition(tx: DbTx, request: TransitionRequest<Refusal>): Promise<Map<string, ContentVersion> | "changed" | undefined> {
  const { versionId, locksAlso } = request;
  if (!locksAlso) return lockVersions(tx, [versionId]);
  const item = await itemOfVersionId(tx, versionId);
  if (!item) return undefined;
  const ids = [versionId];
  for (let attempt = 0; attempt < 2; attempt++) {
    ids.push(...(await locksAlso(tx, item)));
    const locked = await lockVersions(tx, ids);
    const now = await locksAlso(tx, item);
    if (now.every((id) => locked.has(id))) return locked;
    ids.push(...now);
  }
  return "changed";
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
