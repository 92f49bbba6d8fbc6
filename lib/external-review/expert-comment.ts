import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { fail, ok } from "@/lib/errors/domain-result";
import { commitWithEvents } from "@/lib/events/unit-of-work";
import { auditEntityOf, itemOfVersion } from "@/lib/items/item";
import { externalReviewLabels } from "@/lib/labels/sv";
import { externalReviewRateLimits } from "@/lib/security/external-review-rate-limits";
import { addressThrottleKey, consumePoint, createRateLimiter } from "@/lib/security/rate-limiter";
import { versionReference } from "@/lib/workflow/transition-runner";
import { lockVersions } from "@/lib/workflow/version-lock";
import type { ExternalCommentInput } from "./external-review-schemas";
import { hashExternalReviewToken } from "./external-review-token";
import { invitationState } from "./invitations";

/**
 * An invited expert's comment, on the whole version or on one of its blocks. Counted against the client
 * address's limit first; then, in one transaction with the version locked (as every review comment is):
 * the token must name an invitation that is neither revoked nor expired, whose version is still in review
 * with the content hash the link was issued for. The comment is the expert's (the invitation's name and
 * title), audited, and announced as a review comment (`review.comment_added`, so the authors are told).
 * Every refusal leaves nothing behind; the database refuses the same comments itself.
 */
export async function addExternalComment(db: Db, input: ExternalCommentInput, clientAddress: string, now = new Date()) {
  const secondsToWait = await consumePoint(createRateLimiter(db, externalReviewRateLimits.comment), addressThrottleKey(clientAddress));
  if (secondsToWait !== undefined) return fail<{ id: string }>({ kind: "forbidden", message: externalReviewLabels.rateLimited(Math.max(1, Math.ceil(secondsToWait / 60))) });
  return commitWithEvents<{ id: string }>(db, async (tx, emit) => {
    const found = await tx.externalReviewInvitation.findUnique({ where: { tokenHash: hashExternalReviewToken(input.token) } });
    if (!found) return fail({ kind: "not_found", message: externalReviewLabels.unknown });
    const version = (await lockVersions(tx, [found.versionId])).get(found.versionId)!;
    // Read again under the version's lock: a revocation committed meanwhile counts.
    const invitation = await tx.externalReviewInvitation.findUniqueOrThrow({ where: { id: found.id } });
    const state = invitationState(invitation, version, now);
    if (state === "revoked") return fail({ kind: "forbidden", message: externalReviewLabels.revoked });
    if (state === "expired") return fail({ kind: "forbidden", message: externalReviewLabels.expired });
    if (state === "closed") return fail({ kind: "conflict", message: externalReviewLabels.commentRefused });
    if (input.blockKey && !(await tx.articleBlock.count({ where: { versionId: version.id, key: input.blockKey } }))) {
      return fail({ kind: "invalid", message: "Stycket finns inte i versionen", fieldErrors: { blockKey: ["Stycket finns inte i versionen"] } });
    }
    const item = itemOfVersion(version);
    const comment = await tx.reviewComment.create({ data: { versionId: version.id, externalInvitationId: invitation.id, blockKey: input.blockKey, body: input.body } });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "external_review.commented",
      ...auditEntityOf(item),
      data: { versionId: version.id, number: version.number, invitationId: invitation.id, commentId: comment.id, blockKey: input.blockKey ?? null, expertName: invitation.expertName, expertTitle: invitation.expertTitle },
    });
    emit({
      type: "review.comment_added",
      item,
      version: versionReference(version),
      commentId: comment.id,
      blockKey: input.blockKey ?? null,
      externalExpert: { name: invitation.expertName, title: invitation.expertTitle },
      actorId: null,
      occurredAt: comment.createdAt,
    });
    return ok({ id: comment.id });
  });
}
