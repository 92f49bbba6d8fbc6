import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** Every state change and privileged action that goes into the append-only audit trail. */
export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_throttled",
  "auth.sign_in_failures_unrecorded",
  "user.created",
  "user.roles_changed",
  "user.profile_updated",
  "user.deactivated",
  "user.reactivated",
  "user.clinician_changed",
  "user.seeded",
  "content.seeded",
  "item.created",
  "owner.changed",
  "version.draft_started",
  "version.submitted",
  "version.changes_requested",
  "version.approved",
  "version.review_refused",
  "version.reattested",
  "version.published",
  "version.publish_scheduled",
  "version.publish_schedule_cancelled",
  "version.schedule_late",
  "version.restored",
  "item.unpublished",
  "item.unpublish_scheduled",
  "item.unpublish_schedule_cancelled",
  "comment.approved",
  "comment.rejected",
  "comment.deleted",
  "webhook.subscription_created",
  "webhook.subscription_deleted",
  "webhook.subscription_deactivated",
  "webhook.subscription_reactivated",
  "external_review.invited",
  "external_review.revoked",
  "external_review.viewed",
  "external_review.commented",
] as const;

export type AuditAction = (typeof auditActions)[number];
/** What an audit event is about; the audit trail's filter offers these. */
export const auditEntityTypes = ["user", "article", "risk_list", "glossary_term", "version", "public_comment", "webhook_subscription", "session"] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export type AuditEventInput = {
  actorId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  data?: Prisma.InputJsonObject;
};

/** Appends one audit event; pass the transaction client so the event commits with the change it records. */
export async function recordAuditEvent(tx: DbTx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      data: event.data ?? {},
    },
  });
}
