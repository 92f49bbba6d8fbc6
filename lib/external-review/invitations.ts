import type { Db, DbTx } from "@/lib/db/client";
import type { ExternalReviewInvitation, VersionStatus } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { commitWithEvents } from "@/lib/events/unit-of-work";
import { externalReviewPath } from "@/lib/http/external-review-path";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { auditEntityOf, itemOfVersion } from "@/lib/items/item";
import { externalReviewLabels } from "@/lib/labels/sv";
import { runTransition, versionReference } from "@/lib/workflow/transition-runner";
import { versionTransitions, type WorkflowActor } from "@/lib/workflow/version-workflow";
import { externalReviewDays } from "./external-review-config";
import type { z } from "zod";
import type { InviteExternalReviewerInput, revokeExternalReviewSchema } from "./external-review-schemas";
import { newExternalReviewToken } from "./external-review-token";

type SignedInActor = WorkflowActor & { id: string };

/** What the inviter gets back, once: the link itself is never stored and cannot be shown again. */
export type IssuedInvitation = { invitationId: string; link: string; expiresAt: Date };

/**
 * Invites an outside expert to one version in review (the workflow table's `inviteExternalReviewer`: a
 * reviewer or an admin, while the version is in review). The link is pinned to the version and its
 * content hash and expires after `externalReviewDays()`; its token is 256 random bits, of which only the
 * SHA-256 is stored. The invitation is audited; its e-mail is sent after the commit
 * (`external_review.invited`, lib/external-review/invitation-email.ts).
 */
export function inviteExternalReviewer(db: Db, actor: SignedInActor, input: InviteExternalReviewerInput, now = new Date()) {
  const days = externalReviewDays();
  return runTransition<IssuedInvitation>(db, { action: "inviteExternalReviewer", versionId: input.versionId, actor }, async ({ tx, version, item, audit, emit }) => {
    if (!version.contentHash) throw new Error(`version ${version.id} is in review without a content hash`);
    const { token, tokenHash } = newExternalReviewToken();
    const expiresAt = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
    const invitation = await tx.externalReviewInvitation.create({
      data: {
        versionId: version.id,
        contentHash: version.contentHash,
        tokenHash,
        expertName: input.expertName,
        expertTitle: input.expertTitle,
        expertEmail: input.expertEmail,
        invitedById: actor.id,
        createdAt: now,
        expiresAt,
      },
    });
    await audit("external_review.invited", {
      versionId: version.id,
      number: version.number,
      invitationId: invitation.id,
      contentHash: version.contentHash,
      expertName: input.expertName,
      expertTitle: input.expertTitle,
      expertEmail: input.expertEmail,
      expiresAt: expiresAt.toISOString(),
    });
    const link = `${publicBaseUrl()}${externalReviewPath(token)}`;
    emit({ type: "external_review.invited", item, version: versionReference(version), invitationId: invitation.id, link, actorId: actor.id, occurredAt: now });
    return ok({ invitationId: invitation.id, link, expiresAt });
  });
}

/**
 * Revokes an invitation at once: its link opens nothing from now on (410) and takes no comments (also
 * refused by the database). Any reviewer or admin may revoke, whoever invited; a revoked one stays so.
 */
export async function revokeExternalReview(db: Db, actor: SignedInActor, input: z.output<typeof revokeExternalReviewSchema>, now = new Date()): Promise<DomainResult<{ revokedAt: Date }>> {
  return commitWithEvents(db, async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ExternalReviewInvitation" WHERE "id" = ${input.invitationId}::uuid FOR UPDATE`;
    if (rows.length === 0) return fail({ kind: "not_found", message: "Inbjudan finns inte" });
    const invitation = await tx.externalReviewInvitation.findUniqueOrThrow({ where: { id: input.invitationId }, include: { version: { select: { articleId: true, riskListId: true, number: true } } } });
    if (invitation.revokedAt) return fail({ kind: "conflict", message: "Inbjudan är redan återkallad" });
    const revoked = await tx.externalReviewInvitation.update({ where: { id: invitation.id }, data: { revokedAt: now, revokedById: actor.id } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "external_review.revoked",
      ...auditEntityOf(itemOfVersion(invitation.version)),
      data: { versionId: invitation.versionId, number: invitation.version.number, invitationId: invitation.id, expertName: invitation.expertName, expertTitle: invitation.expertTitle },
    });
    return ok({ revokedAt: revoked.revokedAt! });
  });
}

export type InvitationState = keyof typeof externalReviewLabels.invitationStatus;

/** Where an invitation stands: revoked, expired, its version no longer the one in review, or active. */
export function invitationState(
  invitation: Pick<ExternalReviewInvitation, "revokedAt" | "expiresAt" | "contentHash">,
  version: { status: VersionStatus; contentHash: string | null },
  now = new Date(),
): InvitationState {
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  if (!commentableStatus(version.status) || version.contentHash !== invitation.contentHash) return "closed";
  return "active";
}

/** An expert comments while the version is where the workflow table lets reviewers comment. */
export function commentableStatus(status: VersionStatus): boolean {
  return (versionTransitions.comment.from as readonly string[]).includes(status);
}

/** A version's invitations for its review screen, newest first, with who invited and who revoked. */
export async function findInvitationsOfVersion(db: Db | DbTx, versionId: string) {
  return db.externalReviewInvitation.findMany({
    where: { versionId },
    orderBy: { createdAt: "desc" },
    include: { invitedBy: { select: { name: true } }, revokedBy: { select: { name: true } }, _count: { select: { comments: true } } },
  });
}
