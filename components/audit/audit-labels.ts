import type { AuditAction, AuditEntityType } from "@/lib/audit/record-audit-event";

/** Audit actions in Swedish; an action without a label here is shown as its code. */
export const auditActionLabels: Partial<Record<AuditAction, string>> = {
  "auth.sign_in": "inloggning",
  "auth.sign_in_failed": "misslyckad inloggning",
  "auth.sign_in_throttled": "inloggning spärrad (för många försök)",
  "user.created": "användare skapad",
  "user.roles_changed": "roller ändrade",
  "user.profile_updated": "användaruppgifter ändrade",
  "user.deactivated": "användare inaktiverad",
  "user.reactivated": "användare återaktiverad",
  "user.seeded": "demoanvändare skapad",
  "content.seeded": "grundinnehåll importerat",
  "version.draft_started": "utkast påbörjat",
  "version.submitted": "inskickad för granskning",
  "version.changes_requested": "ändringar begärda",
  "version.approved": "godkänd",
  "version.reattested": "granskning förnyad",
  "version.published": "publicerad",
  "version.publish_scheduled": "publicering schemalagd",
  "version.restored": "återställd som nytt utkast",
  "item.unpublished": "avpublicerad",
  "item.unpublish_scheduled": "avpublicering schemalagd",
  "comment.approved": "läsarkommentar godkänd",
  "comment.rejected": "läsarkommentar avvisad",
  "comment.deleted": "läsarkommentar raderad",
  "webhook.subscription_created": "webhook tillagd",
  "webhook.subscription_deleted": "webhook borttagen",
};

export function auditActionLabel(action: string): string {
  return auditActionLabels[action as AuditAction] ?? action;
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
    case "public_comment":
      return "/admin/kommentarer";
    default:
      return null;
  }
}
