import type { AuditEntityType } from "@/lib/audit/record-audit-event";
import type { VersionStatus } from "@/lib/db/generated/enums";
import { itemKinds, type Item } from "@/lib/items/item";

/**
 * Every address of the admin (the routes under app/admin) and of sign-in, built in one place, as public
 * addresses are in lib/content/public-content.ts. Pages, components, server actions and the dashboard's
 * rows link through these; lib/paths/admin-paths.test.ts checks each one names a route that exists.
 */

const query = (parameters: Record<string, string | undefined>) => {
  const defined = Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "");
  return defined.length ? `?${new URLSearchParams(defined)}` : "";
};

/** `against: "published"` compares a revision with the published version rather than the version sent back. */
const versionPath = (versionId: string, options: { onlyChanges?: boolean; against?: "published" } = {}) =>
  `/admin/versioner/${versionId}${query({ jamfor: options.against === "published" ? "publicerad" : undefined, visa: options.onlyChanges ? "andringar" : undefined })}`;
const itemPath = (item: Item) => `/admin/${itemKinds[item.kind].adminSegment}/${item.id}`;
const editDraftPath = (versionId: string) => `/admin/versioner/${versionId}/redigera`;

export const adminPaths = {
  dashboard: "/admin",
  /** Every article and risk list. */
  content: "/admin/innehall",
  newArticle: "/admin/artiklar/ny",
  newRiskList: "/admin/risklistor/ny",
  feedback: "/admin/aterkoppling",
  users: "/admin/anvandare",
  newUser: "/admin/anvandare/ny",
  webhooks: "/admin/webhooks",
  compare: "/admin/jamfor",
  auditLog: "/admin/logg",
  /** The signed-in user's notifications and e-mail preferences. */
  notifications: "/admin/aviseringar",
  /** E-mails written to the local outbox folder when no SMTP server is configured. */
  outbox: "/admin/utkorg",

  /** An item's page: its history, comparison and "Redigera". */
  item: itemPath,
  /** The item page's owner field, where an admin (or the owner) hands the item over. */
  itemOwner: (item: Item) => `${itemPath(item)}#ansvarig`,
  /** A version for review; `onlyChanges` shows only what changed, `against: "published"` compares with the published version. */
  version: versionPath,
  editDraft: editDraftPath,
  preview: (versionId: string) => `/admin/versioner/${versionId}/forhandsvisning`,
  /** Where one acts on a version: a draft in the editor, any other status on its page. */
  versionToActOn: (version: { id: string; status: VersionStatus }) => (version.status === "DRAFT" ? editDraftPath(version.id) : versionPath(version.id)),
  comparison: (fromVersionId: string, toVersionId: string, options: { onlyChanges?: boolean } = {}) =>
    `/admin/jamfor${query({ fran: fromVersionId, till: toVersionId, visa: options.onlyChanges ? "andringar" : undefined })}`,
  user: (userId: string, options: { justCreated?: boolean } = {}) => `/admin/anvandare/${userId}${query({ skapad: options.justCreated ? "1" : undefined })}`,
  webhook: (subscriptionId: string) => `/admin/webhooks/${subscriptionId}`,
  comments: (status?: string) => `/admin/kommentarer${query({ status })}`,
  /** The audit trail, filtered (empty values are left out). */
  auditLogFiltered: (filter: Record<string, string | undefined>) => `/admin/logg${query(filter)}`,
  /** Sign-in, coming back to `callbackUrl` afterwards. */
  signIn: (callbackUrl?: string) => `/logga-in${query({ callbackUrl })}`,
};

/** The admin page of what an audit event is about, if it has one. */
export function auditEntityPath(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  const pages: Partial<Record<AuditEntityType, string>> = {
    user: adminPaths.user(entityId),
    article: adminPaths.item({ kind: "article", id: entityId }),
    risk_list: adminPaths.item({ kind: "riskList", id: entityId }),
    version: adminPaths.version(entityId),
    webhook_subscription: adminPaths.webhook(entityId),
    public_comment: adminPaths.comments(),
  };
  return pages[entityType as AuditEntityType] ?? null;
}
