import type { AuditAction, AuditEntityType } from "@/lib/audit/record-audit-event";

/** Audit actions in Swedish; the type makes a new action without a label a compile error. */
export const auditActionLabels: Record<AuditAction, string> = {
  "auth.sign_in": "inloggning",
  "auth.sign_in_failed": "misslyckad inloggning",
  "auth.sign_in_throttled": "inloggning spärrad (för många försök)",
  "auth.sign_in_failures_unrecorded": "fler misslyckade inloggningar än loggen tar emot (räknas men skrivs inte var för sig)",
  "user.created": "användare skapad",
  "user.roles_changed": "roller ändrade",
  "user.profile_updated": "användaruppgifter ändrade",
  "user.deactivated": "användare inaktiverad",
  "user.reactivated": "användare återaktiverad",
  "user.seeded": "demoanvändare skapad",
  "content.seeded": "grundinnehåll importerat",
  "item.created": "innehåll skapat",
  "version.draft_started": "utkast påbörjat",
  "version.submitted": "inskickad för granskning",
  "version.changes_requested": "ändringar begärda",
  "version.approved": "godkänd",
  "version.reattested": "granskning förnyad",
  "version.published": "publicerad",
  "version.publish_scheduled": "publicering schemalagd",
  "version.publish_schedule_cancelled": "schemalagd publicering avbruten",
  "version.restored": "återställd som nytt utkast",
  "item.unpublished": "avpublicerad",
  "item.unpublish_scheduled": "avpublicering schemalagd",
  "item.unpublish_schedule_cancelled": "schemalagd avpublicering avbruten",
  "comment.approved": "läsarkommentar godkänd",
  "comment.rejected": "läsarkommentar avvisad",
  "comment.deleted": "läsarkommentar raderad",
  "webhook.subscription_created": "webhook tillagd",
  "webhook.subscription_deleted": "webhook borttagen",
  "webhook.subscription_deactivated": "webhook inaktiverad",
  "webhook.subscription_reactivated": "webhook återaktiverad",
};

export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string | undefined>)[action] ?? action;
}

export const auditEntityLabels: Record<AuditEntityType, string> = {
  user: "användare",
  article: "artikel",
  risk_list: "risklista",
  version: "version",
  public_comment: "läsarkommentar",
  webhook_subscription: "webhook",
  session: "inloggning",
};

/** The admin page an audit event's entity has, if any. */
export function auditEntityHref(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  switch (entityType) {
    case "user":
      return `/admin/anvandare/${entityId}`;
    case "article":
      return `/admin/artiklar/${entityId}`;
    case "risk_list":
      return `/admin/risklistor/${entityId}`;
    case "version":
      return `/admin/versioner/${entityId}`;
    case "webhook_subscription":
      return `/admin/webhooks/${entityId}`;
    case "public_comment":
      return "/admin/kommentarer";
    default:
      return null;
  }
}
