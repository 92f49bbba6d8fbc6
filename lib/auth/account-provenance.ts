import type { DbTx } from "@/lib/db/client";

/**
 * Who had a hand in an account, for four-eyes across accounts: the admin who created it (and so set its
 * first password), the admin who last granted it the reviewer role, and whoever created each of those, up
 * the chain (an admin who creates an admin account can act through it). Null links (the operator's
 * `npm run user:create`, the seed) end a chain. The database's own check
 * (granskad_account_controllers, prisma/migrations/20261202030200_account_provenance) is the same query.
 */
export async function accountControllers(tx: DbTx, userId: string): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM granskad_account_controllers(${userId}::uuid)`;
  return new Set(rows.map(({ id }) => id));
}

/** What an account's record says about its reviewer role when `roles` are given to it by `actorId` (null: the operator). */
export function reviewerGrant(
  before: readonly string[],
  after: readonly string[],
  actorId: string | null,
  at: Date,
): { reviewerGrantedById: string | null; reviewerGrantedAt: Date } | Record<string, never> {
  return after.includes("REVIEWER") && !before.includes("REVIEWER") ? { reviewerGrantedById: actorId, reviewerGrantedAt: at } : {};
}
