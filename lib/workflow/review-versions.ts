import { z } from "zod";
import type { Db, DbTx } from "@/lib/db/client";
import type { ContentVersion, ReviewDecisionKind } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { contentHash } from "@/lib/content/content-hash";
import { fail, fieldErrorsOf, ok, type DomainResult } from "@/lib/errors/domain-result";
import { approveVersionSchema, reattestVersionSchema, requestChangesSchema, reviewCommentSchema, submitForReviewSchema } from "./review-schemas";
import { readVersionContent } from "@/lib/content/item-content";
import { auditEntityOf, itemOfVersion } from "@/lib/items/item";
import { lockVersionFor, type WorkflowActor } from "./versioned-item";

/** Next review is due this long after an approval unless the reviewer picks another date. */
export const defaultReviewIntervalMonths = 12;

export function defaultNextReviewDue(from: Date): Date {
  return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + defaultReviewIntervalMonths, from.getUTCDate()));
}

type Parsed<T extends z.ZodType> = DomainResult<z.infer<T>>;
function parse<T extends z.ZodType>(schema: T, input: unknown): Parsed<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail({ kind: "invalid", message: "Ogiltiga uppgifter", fieldErrors: fieldErrorsOf(parsed.error) });
}

/** Freezes a draft for review: its content hash is computed now and never changes again. */
export async function submitForReview(db: Db, actor: WorkflowActor & { id: string }, input: unknown): Promise<DomainResult<ContentVersion>> {
  const parsed = parse(submitForReviewSchema, input);
  if (!parsed.ok) return parsed;
  const { versionId, changeNote, readerNote } = parsed.value;
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, "submit", actor);
    if (!locked.ok) return locked;
    const hash = contentHash(await readVersionContent(tx, locked.value));
    const submitted = await tx.contentVersion.update({
      where: { id: versionId },
      data: { status: "IN_REVIEW", contentHash: hash, submittedAt: new Date(), changeNote, readerNote },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "version.submitted",
      ...auditEntityOf(itemOfVersion(submitted)),
      data: { versionId, number: submitted.number, contentHash: hash },
    });
    return ok(submitted);
  });
}

async function recordDecision(tx: DbTx, version: ContentVersion, reviewerId: string, kind: ReviewDecisionKind, nextReviewDue: Date | null) {
  const reviewer = await tx.user.findUniqueOrThrow({ where: { id: reviewerId } });
  await tx.reviewDecision.create({
    data: {
      versionId: version.id,
      reviewerId,
      kind,
      contentHash: version.contentHash!,
      reviewerName: reviewer.name,
      reviewerTitle: reviewer.title,
      reviewerSpecialty: reviewer.specialty,
      nextReviewDue,
    },
  });
}

/**
 * Approves a version in review. Four-eyes is checked by the workflow table (authors are barred) and
 * again by the database. The approval binds to the hash the reviewer saw; if the stored content hashes
 * differently (someone saw another text), nothing is approved.
 */
export async function approveVersion(db: Db, actor: WorkflowActor & { id: string }, input: unknown): Promise<DomainResult<ContentVersion>> {
  const parsed = parse(approveVersionSchema, input);
  if (!parsed.ok) return parsed;
  const { versionId, nextReviewDue } = parsed.value;
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, "approve", actor);
    if (!locked.ok) return locked;
    const version = locked.value;
    const storedHash = contentHash(await readVersionContent(tx, version));
    if (parsed.value.contentHash !== version.contentHash || storedHash !== version.contentHash) {
      return fail({ kind: "conflict", message: "Innehållet skiljer sig från det du granskade; ladda om och granska igen" });
    }
    const now = new Date();
    const due = nextReviewDue ?? defaultNextReviewDue(now);
    const approved = await tx.contentVersion.update({
      where: { id: versionId },
      data: {
        status: "APPROVED",
        reviewerId: actor.id,
        decision: "APPROVE",
        decidedAt: now,
        approvedContentHash: version.contentHash,
        lastReviewedAt: now,
        nextReviewDue: due,
      },
    });
    await recordDecision(tx, approved, actor.id, "APPROVE", due);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "version.approved",
      ...auditEntityOf(itemOfVersion(approved)),
      data: { versionId, number: approved.number, contentHash: approved.contentHash, nextReviewDue: due.toISOString().slice(0, 10) },
    });
    return ok(approved);
  });
}

/** Sends a version back; the editor revises in a new draft based on it. */
export async function requestChanges(db: Db, actor: WorkflowActor & { id: string }, input: unknown): Promise<DomainResult<ContentVersion>> {
  const parsed = parse(requestChangesSchema, input);
  if (!parsed.ok) return parsed;
  const { versionId, comment } = parsed.value;
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, "requestChanges", actor);
    if (!locked.ok) return locked;
    if (comment) await tx.reviewComment.create({ data: { versionId, authorId: actor.id, body: comment } });
    const returned = await tx.contentVersion.update({
      where: { id: versionId },
      data: { status: "CHANGES_REQUESTED", reviewerId: actor.id, decision: "REQUEST_CHANGES", decidedAt: new Date() },
    });
    await recordDecision(tx, returned, actor.id, "REQUEST_CHANGES", null);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "version.changes_requested",
      ...auditEntityOf(itemOfVersion(returned)),
      data: { versionId, number: returned.number },
    });
    return ok(returned);
  });
}

/** A comment on a version in review, on the whole version or anchored to one block. */
export async function addReviewComment(db: Db, actor: WorkflowActor & { id: string }, input: unknown): Promise<DomainResult<{ id: string }>> {
  const parsed = parse(reviewCommentSchema, input);
  if (!parsed.ok) return parsed;
  const { versionId, blockKey, body } = parsed.value;
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, "comment", actor);
    if (!locked.ok) return locked;
    if (blockKey && !(await tx.articleBlock.count({ where: { versionId, key: blockKey } }))) {
      return fail({ kind: "invalid", message: "Blocket finns inte i versionen", fieldErrors: { blockKey: ["Blocket finns inte i versionen"] } });
    }
    const comment = await tx.reviewComment.create({ data: { versionId, authorId: actor.id, blockKey, body } });
    return ok({ id: comment.id });
  });
}

/** Confirms unchanged published content is still correct: new review dates, same version, audited. */
export async function reattestVersion(db: Db, actor: WorkflowActor & { id: string }, input: unknown): Promise<DomainResult<ContentVersion>> {
  const parsed = parse(reattestVersionSchema, input);
  if (!parsed.ok) return parsed;
  const { versionId, nextReviewDue } = parsed.value;
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, "reattest", actor);
    if (!locked.ok) return locked;
    const now = new Date();
    const due = nextReviewDue ?? defaultNextReviewDue(now);
    const reattested = await tx.contentVersion.update({
      where: { id: versionId },
      data: { reviewerId: actor.id, decision: "REATTEST", decidedAt: now, lastReviewedAt: now, nextReviewDue: due },
    });
    await recordDecision(tx, reattested, actor.id, "REATTEST", due);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "version.reattested",
      ...auditEntityOf(itemOfVersion(reattested)),
      data: { versionId, number: reattested.number, nextReviewDue: due.toISOString().slice(0, 10) },
    });
    return ok(reattested);
  });
}
