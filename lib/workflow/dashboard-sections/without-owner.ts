import { mayNotOwnWhere } from "@/lib/auth/item-owners";
import { itemOfVersion } from "@/lib/items/item";
import { formerOwnerPhrase } from "@/lib/labels/sv";
import { adminPaths } from "@/lib/paths/admin-paths";
import { dashboardSectionLimit, rowInclude, toRow, type DashboardRow, type DashboardSectionDefinition } from "./section";

const ownerless = { archivedAt: null, owner: mayNotOwnWhere } as const;
const withOwnerAndLatest = {
  owner: { select: { id: true, name: true, active: true } },
  versions: { orderBy: { number: "desc" }, take: 1, include: rowInclude },
} as const;

/**
 * Admin: articles and risk lists (not archived) whose owner can no longer answer for them: deactivated,
 * or without the editor and reviewer roles (the seed's import account owns the seeded items). Each stays
 * here until someone is made responsible; its link opens the item page's owner field. "Since" is when the
 * owner was deactivated (from the audit trail); the longest-orphaned come first, those without a date last.
 */
export const withoutOwner: DashboardSectionDefinition = {
  id: "utan-ansvarig",
  audience: "admin",
  title: "Utan ansvarig",
  empty: "Allt innehåll har en aktiv ansvarig.",
  sinceHeading: "Utan ansvarig sedan",
  nextStep: "Välj ansvarig",
  rows: async (db) => {
    const [articles, riskLists] = await Promise.all([
      db.article.findMany({ where: ownerless, include: withOwnerAndLatest, orderBy: { createdAt: "asc" }, take: dashboardSectionLimit }),
      db.riskList.findMany({ where: ownerless, include: withOwnerAndLatest, orderBy: { createdAt: "asc" }, take: dashboardSectionLimit }),
    ]);
    const items = [...articles, ...riskLists];
    const deactivations = await db.auditEvent.findMany({
      where: { action: "user.deactivated", entityType: "user", entityId: { in: [...new Set(items.map((item) => item.owner.id))] } },
      orderBy: { at: "asc" },
      select: { entityId: true, at: true },
    });
    // The latest deactivation of each owner (a reactivated and again deactivated account: the last one).
    const deactivatedAt = new Map(deactivations.map((event) => [event.entityId, event.at]));
    const rows = items.flatMap((item): DashboardRow[] =>
      item.versions.map((latest) => ({
        ...toRow(latest, item.owner.active ? null : (deactivatedAt.get(item.owner.id) ?? null), { detail: formerOwnerPhrase(item.owner) }),
        href: adminPaths.itemOwner(itemOfVersion(latest)),
      })),
    );
    // Longest orphaned by a deactivation first; items whose owner never could answer for them (no date) last.
    const sinceMs = (row: DashboardRow) => row.since?.getTime() ?? Number.POSITIVE_INFINITY;
    return rows.sort((a, b) => sinceMs(a) - sinceMs(b)).slice(0, dashboardSectionLimit);
  },
};
