import type { Db, DbTx } from "@/lib/db/client";
import type { Prisma, Role } from "@/lib/db/generated/client";

/**
 * Who may be the responsible owner of an article or risk list: an active user with an editorial role
 * (editor or reviewer). An admin-only account administers the system, it does not answer for content.
 * The database checks the same when an item changes hands (migration 20261203100300_item_owners).
 * README, "Owners".
 */
export const ownerRoles = ["EDITOR", "REVIEWER"] as const satisfies readonly Role[];

/** The users who may own an item, as a query. */
export const mayOwnWhere = { active: true, roles: { hasSome: [...ownerRoles] } } satisfies Prisma.UserWhereInput;

/** Users who may not (or no longer) own an item: deactivated, or without an editorial role. */
export const mayNotOwnWhere = { OR: [{ active: false }, { NOT: { roles: { hasSome: [...ownerRoles] } } }] } satisfies Prisma.UserWhereInput;

export function mayOwn(user: { active: boolean; roles: readonly Role[] }): boolean {
  return user.active && user.roles.some((role) => (ownerRoles as readonly Role[]).includes(role));
}

export type PossibleOwner = { id: string; name: string; title: string };

/** Everyone who may own an item, by name: the choices of the owner fields. */
export function listPossibleOwners(db: Db | DbTx): Promise<PossibleOwner[]> {
  return db.user.findMany({ where: mayOwnWhere, select: { id: true, name: true, title: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** How many articles and risk lists a user owns (the deactivation screen warns with it). */
export async function countOwnedItems(db: Db | DbTx, userId: string): Promise<{ articles: number; riskLists: number }> {
  const [articles, riskLists] = await Promise.all([db.article.count({ where: { ownerId: userId } }), db.riskList.count({ where: { ownerId: userId } })]);
  return { articles, riskLists };
}
