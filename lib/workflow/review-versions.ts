import { z } from "zod";
import type { Db, DbTx } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { contentHash } from "@/lib/content/content-hash";
import { readVersionContent } from "@/lib/content/item-content";
import { fail, ok } from "@/lib/errors/domain-result";
import type { Refusal } from "@/lib/events/unit-of-work";
import { itemKinds, type Item } from "@/lib/items/item";
import type { approveVersionSchema, reattestVersionSchema, requestChangesSchema, reviewCommentSchema, submitForReviewSchema } from "./review-schemas";
import { editorialNoLongerHoldsRefusal } from "@/lib/labels/sv";
import { runTransition, versionReference } from "./transition-runner";
import { classifyAgainstPublished, editorialStillHolds } from "./version-change-kind";
import type { WorkflowActor } from "./version-workflow";

/** Next review is due this long after an approval unless the reviewer picks another interval or date. */
export const defaultReviewIntervalMonths = 12;

export function defaultNextReviewDue(from: Date, months: number = defaultReviewIntervalMonths): Date {
  return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, from.getUTCDate()));
}

/**
 * The item's review cycle after this decision (the reviewer's choice, else what it was) and its next due
 * date (the reviewer's date, else one cycle from now); the item keeps the cycle for its next review.
 */
async function reviewCycle(tx: DbTx, item: Item, chosen: number | undefined, nextReviewDue: Date | undefined, now: Date) {
  const current = await itemKinds[item.kind].reviewIntervalOf(tx, item.id);
  if (current === null) throw new Error(`${item.kind} ${item.id} does not exist`);
  const months = chosen ?? current;
  if (months !== current) await itemKinds[item.kind].setReviewInterval(tx, item.id, months);
  return { months, due: nextReviewDue ?? defaultNextReviewDue(now, months) };
}

type SignedInActor = WorkflowActor & { id: string };

/**
 * Freezes a draft for review: its content hash is computed now and never changes again, and so is its
 * change kind, by construction against the item's published version (lib/content/change-kind.ts); the
 * editor's mark can make an editorial change clinical, never the reverse. Only the text the
 * editor saw is submitted: if anyone saved the draft since `baseRevision`, the submit is refused and
 * nothing is frozen, so nobody sends text for review that they have not read.
 */
export function submitForReview(db: Db, actor: SignedInActor, input: z.output<typeof submitForReviewSchema>) {
  const { versionId, baseRevision, changeNote, readerNote } = input;
  const markedClinical = input.markedClinical ?? false;
  const expectedRevision = {
    revision: baseRevision,
    refuse: async (tx: DbTx, current: ContentVersion): Promise<Refusal> => {
      const savedBy = current.savedById ? (await tx.user.findUnique({ where: { id: current.savedById }, select: { name: true } }))?.name : undefined;
      return { ok: false, failure: { kind: "conflict", message: staleSubmitMessage(savedBy ?? null) } };
    },
  };
  return runTransition<ContentVersion>(db, { action: "submit", versionId, actor, expectedRevision }, async ({ tx, version, item, apply, audit, emit }) => {
    const hash = contentHash(await readVersionContent(tx, version));
    const { classification, baseId } = await classifyAgainstPublished(tx, version, markedClinical);
    const submitted = await apply({
      contentHash: hash,
      submittedAt: new Date(),
      changeNote,
      readerNote,
      changeKind: classification.kind,
      clinicalMarkedByEditor: markedClinical,
      changeKindBaseId: baseId,
    });
    await audit("version.submitted", { versionId, number: submitted.number, contentHash: hash, changeKind: classification.kind, clinicalReasons: classification.reasons });
    emit({ type: "version.submitted", item, version: versionReference(submitted), contentHash: hash, actorId: actor.id, occurredAt: submitted.submittedAt! });
    return ok(submitted);
  });
}

function staleSubmitMessage(savedBy: string | null): string {
  const who = savedBy ? `${savedBy} har` : "Någon annan har";
  return `${who} sparat utkastet sedan du öppnade det; ladda om sidan och läs den sparade texten innan du skickar den till granskning`;
}

/**
 * Approves a version in review. Four-eyes is checked by the workflow table (authors are barred) and
 * again by the database. The approval binds to the hash the reviewer saw; if the stored content hashes
 * differently (someone saw another text), nothing is approved.
 */
export function approveVersion(db: Db, actor: SignedInActor, input: z.output<typeof approveVersionSchema>) {
  const { versionId, nextReviewDue, checklist } = input;
  return runTransition<ContentVersion>(db, { action: "approve", versionId, actor }, async ({ tx, version, item, apply, decide, audit, emit }) => {
    const storedHash = contentHash(await readVersionContent(tx, version));
    if (input.contentHash !== version.contentHash || storedHash !== version.contentHash) {
      return fail({ kind: "conflict", message: "Innehållet skiljer sig från det du granskade; ladda om och granska igen" });
    }
    if (!(await editorialStillHolds(tx, version))) return fail({ kind: "conflict", message: editorialNoLongerHoldsRefusal });
    const now = new Date();
    const { months, due } = await reviewCycle(tx, item, input.reviewIntervalMonths, nextReviewDue, now);
    const approved = await apply({
      reviewerId: actor.id,
      decision: "APPROVE",
      decidedAt: now,
      approvedContentHash: version.contentHash,
      lastReviewedAt: now,
      nextReviewDue: due,
    });
    await decide("APPROVE", due, { checklist, reviewIntervalMonths: months });
    await audit("version.approved", { versionId, number: approved.number, contentHash: approved.contentHash, nextReviewDue: due.toISOString().slice(0, 10), reviewIntervalMonths: months, checklist });
    emit({ type: "version.approved", item, version: versionReference(approved), contentHash: storedHash, nextReviewDue: due, actorId: actor.id, occurredAt: now });
    return ok(approved);
  });
}

/** Sends a version back with the reviewer's reason; the editor revises in a new draft based on it. */
export function requestChanges(db: Db, actor: SignedInActor, input: z.output<typeof requestChangesSchema>) {
  const { versionId, comment } = input;
  return runTransition<ContentVersion>(db, { action: "requestChanges", versionId, actor }, async ({ tx, item, apply, decide, audit, emit }) => {
    await tx.reviewComment.create({ data: { versionId, authorId: actor.id, body: comment } });
    const now = new Date();
    const returned = await apply({ reviewerId: actor.id, decision: "REQUEST_CHANGES", decidedAt: now });
    await decide("REQUEST_CHANGES", null);
    await audit("version.changes_requested", { versionId, number: returned.number });
    emit({ type: "version.changes_requested", item, version: versionReference(returned), actorId: actor.id, occurredAt: now });
    return ok(returned);
  });
}

/** A comment on a version in review, on the whole version or anchored to one block. */
export function addReviewComment(db: Db, actor: SignedInActor, input: z.output<typeof reviewCommentSchema>) {
  const { versionId, blockKey, body } = input;
  return runTransition<{ id: string }>(db, { action: "comment", versionId, actor }, async ({ tx, version, item, emit }) => {
    if (blockKey && !(await tx.articleBlock.count({ where: { versionId, key: blockKey } }))) {
      return fail({ kind: "invalid", message: "Blocket finns inte i versionen", fieldErrors: { blockKey: ["Blocket finns inte i versionen"] } });
    }
    const comment = await tx.reviewComment.create({ data: { versionId, authorId: actor.id, blockKey, body } });
    emit({ type: "review.comment_added", item, version: versionReference(version), commentId: comment.id, blockKey: blockKey ?? null, actorId: actor.id, occurredAt: comment.createdAt });
    return ok({ id: comment.id });
  });
}

/** Confirms unchanged published content is still correct: new review dates, same version, audited. */
export function reattestVersion(db: Db, actor: SignedInActor, input: z.output<typeof reattestVersionSchema>) {
  const { versionId, nextReviewDue, checklist } = input;
  return runTransition<ContentVersion>(db, { action: "reattest", versionId, actor }, async ({ tx, item, apply, decide, audit, emit }) => {
    const now = new Date();
    const { months, due } = await reviewCycle(tx, item, input.reviewIntervalMonths, nextReviewDue, now);
    const reattested = await apply({ reviewerId: actor.id, decision: "REATTEST", decidedAt: now, lastReviewedAt: now, nextReviewDue: due });
    await decide("REATTEST", due, { checklist, reviewIntervalMonths: months });
    await audit("version.reattested", { versionId, number: reattested.number, nextReviewDue: due.toISOString().slice(0, 10), reviewIntervalMonths: months, checklist });
    emit({ type: "version.reattested", item, version: versionReference(reattested), nextReviewDue: due, actorId: actor.id, occurredAt: now });
    return ok(reattested);
  });
}
