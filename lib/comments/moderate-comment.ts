import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fail, ok } from "@/lib/errors/domain-result";
import { commitWithEvents } from "@/lib/events/unit-of-work";
import type { DeleteCommentInput, ModerateCommentInput } from "./comment-schemas";

const auditActionOf = { APPROVED: "comment.approved", REJECTED: "comment.rejected" } as const;

/**
 * Approves or rejects a comment (a rejected comment may later be approved and the other way round), with
 * its audit event, in one transaction. The audit event names the article and the states, never the
 * reader's name, e-mail or text: the trail is append-only, and a deleted comment must leave nothing behind.
 */
export function moderateComment(db: Db, moderator: { id: string }, input: ModerateCommentInput) {
  return commitWithEvents<{ id: string }>(db, async (tx, emit) => {
    const [locked] = await tx.$queryRaw<{ status: string; articleId: string }[]>`
      SELECT "status"::text AS "status", "articleId"::text AS "articleId" FROM "PublicComment" WHERE "id" = ${input.commentId}::uuid FOR UPDATE`;
    if (!locked) return fail({ kind: "not_found", message: "Kommentaren finns inte (den kan ha raderats)." });
    if (locked.status === input.decision) return fail({ kind: "conflict", message: "Kommentaren har redan det beslutet." });
    const moderated = await tx.publicComment.update({
      where: { id: input.commentId },
      data: { status: input.decision, moderatedById: moderator.id, moderatedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actorId: moderator.id,
      action: auditActionOf[input.decision],
      entityType: "public_comment",
      entityId: input.commentId,
      data: { articleId: locked.articleId, from: locked.status, to: input.decision },
    });
    emit({ type: "comment.moderated", commentId: input.commentId, articleId: locked.articleId, decision: input.decision, actorId: moderator.id, occurredAt: moderated.moderatedAt! });
    return ok({ id: input.commentId });
  });
}

/** Deletes a comment and with it the reader's e-mail address; the audit event keeps only ids and the state. */
export function deleteComment(db: Db, moderator: { id: string }, input: DeleteCommentInput) {
  return commitWithEvents<{ id: string }>(db, async (tx, emit) => {
    const comment = await tx.publicComment.findUnique({ where: { id: input.commentId }, select: { articleId: true, status: true } });
    // deleteMany, so that a concurrent delete of the same comment is a "not found", not an exception.
    const deleted = comment ? await tx.publicComment.deleteMany({ where: { id: input.commentId } }) : { count: 0 };
    if (!comment || deleted.count === 0) return fail({ kind: "not_found", message: "Kommentaren finns inte (den kan redan ha raderats)." });
    await recordAuditEvent(tx, {
      actorId: moderator.id,
      action: "comment.deleted",
      entityType: "public_comment",
      entityId: input.commentId,
      data: { articleId: comment.articleId, status: comment.status },
    });
    emit({ type: "comment.deleted", commentId: input.commentId, articleId: comment.articleId, actorId: moderator.id, occurredAt: new Date() });
    return ok({ id: input.commentId });
  });
}
