import type { Db } from "@/lib/db/client";
import type { ExternalReviewInvitation } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { contentHash } from "@/lib/content/content-hash";
import { auditEntityOf, itemOfVersion } from "@/lib/items/item";
import { externalReviewRateLimits } from "@/lib/security/external-review-rate-limits";
import { addressThrottleKey, consumePoint, createRateLimiter } from "@/lib/security/rate-limiter";
import { findItemTitles, findPublishedRiskListContents, findVersionForReview } from "@/lib/workflow/version-queries";
import { externalReviewTokenSchema } from "./external-review-schemas";
import { hashExternalReviewToken } from "./external-review-token";
import { invitationState } from "./invitations";

/** Why a link opens nothing, and the HTTP status that says so. */
export type ExternalReviewRefusal =
  | { kind: "unknown"; status: 404 }
  | { kind: "expired"; status: 410 }
  | { kind: "revoked"; status: 410 }
  | { kind: "rateLimited"; status: 429; secondsToWait: number };

/** A view is put in the audit trail at most this often per invitation (the first view always). */
const viewAuditIntervalMs = 60 * 60 * 1000;

/** The invitation a token names, if it is well-formed and exists (no rate limit: for the page render after `openExternalReview`). */
export async function findInvitationByToken(db: Db, token: string): Promise<ExternalReviewInvitation | null> {
  if (!externalReviewTokenSchema.safeParse(token).success) return null;
  return db.externalReviewInvitation.findUnique({ where: { tokenHash: hashExternalReviewToken(token) } });
}

/** Unknown (404), revoked or expired (410), or usable. */
export function refusalOf(invitation: ExternalReviewInvitation | null, now = new Date()): ExternalReviewRefusal | null {
  if (!invitation) return { kind: "unknown", status: 404 };
  if (invitation.revokedAt) return { kind: "revoked", status: 410 };
  if (invitation.expiresAt.getTime() <= now.getTime()) return { kind: "expired", status: 410 };
  return null;
}

/**
 * The lookup of a token when its page is requested (proxy.ts, before anything renders): counted against
 * the client address's limit whether the token exists or not, then refused as unknown, expired or
 * revoked, or let through; the view goes into the audit trail (the first, then at most hourly).
 */
export async function openExternalReview(db: Db, token: string, clientAddress: string, now = new Date()): Promise<{ ok: true; invitationId: string } | { ok: false; refusal: ExternalReviewRefusal }> {
  const secondsToWait = await consumePoint(createRateLimiter(db, externalReviewRateLimits.lookup), addressThrottleKey(clientAddress));
  if (secondsToWait !== undefined) return { ok: false, refusal: { kind: "rateLimited", status: 429, secondsToWait } };
  const invitation = await findInvitationByToken(db, token);
  const refusal = refusalOf(invitation, now);
  if (refusal || !invitation) return { ok: false, refusal: refusal ?? { kind: "unknown", status: 404 } };
  if (!invitation.lastViewedAt || now.getTime() - invitation.lastViewedAt.getTime() >= viewAuditIntervalMs) {
    await db.$transaction(async (tx) => {
      // Only one of two simultaneous first views records it.
      const claimed = await tx.externalReviewInvitation.updateMany({
        where: { id: invitation.id, lastViewedAt: invitation.lastViewedAt },
        data: { lastViewedAt: now },
      });
      if (claimed.count === 0) return;
      const version = await tx.contentVersion.findUniqueOrThrow({ where: { id: invitation.versionId }, select: { articleId: true, riskListId: true, number: true } });
      await recordAuditEvent(tx, {
        actorId: null,
        action: "external_review.viewed",
        ...auditEntityOf(itemOfVersion(version)),
        data: { versionId: invitation.versionId, number: version.number, invitationId: invitation.id, expertName: invitation.expertName, expertTitle: invitation.expertTitle },
      });
    });
  } else {
    await db.externalReviewInvitation.update({ where: { id: invitation.id }, data: { lastViewedAt: now } });
  }
  return { ok: true, invitationId: invitation.id };
}

/**
 * What the expert's page shows: the version the link is pinned to and its diff against the published
 * version, the expert's own comments (nobody else's), and whether it still takes comments: `open`, or
 * `decided` (no longer in review) or `changed` (its content no longer hashes to what the link was
 * issued for). Null when the link opens nothing.
 */
export async function readExternalReview(db: Db, token: string, now = new Date()) {
  const invitation = await findInvitationByToken(db, token);
  if (!invitation || refusalOf(invitation, now)) return null;
  const review = await findVersionForReview(db, invitation.versionId, { against: "published" });
  if (!review) return null;
  const { version, content, baseline } = review;
  const state = invitationState(invitation, version, now);
  const stillSame = version.contentHash === invitation.contentHash && contentHash(content) === invitation.contentHash;
  const standing = !stillSame ? ("changed" as const) : state === "active" ? ("open" as const) : ("decided" as const);
  const ownComments = version.comments.filter((comment) => comment.externalInvitationId === invitation.id);
  return {
    invitation: { id: invitation.id, expertName: invitation.expertName, expertTitle: invitation.expertTitle, expiresAt: invitation.expiresAt },
    version: { id: version.id, number: version.number, title: version.title, status: version.status },
    content,
    baseline,
    standing,
    comments: ownComments.map((comment) => ({ id: comment.id, blockKey: comment.blockKey, body: comment.body, createdAt: comment.createdAt })),
  };
}

export type ExternalReviewView = NonNullable<Awaited<ReturnType<typeof readExternalReview>>>;

/** The titles and published risk lists the diff refers to (as the review screen looks them up). */
export async function externalReviewReferences(db: Db, ids: { riskListIds: string[]; articleIds: string[] }) {
  const [titles, riskLists] = await Promise.all([findItemTitles(db, ids), findPublishedRiskListContents(db, ids.riskListIds)]);
  return { titles, riskLists };
}
