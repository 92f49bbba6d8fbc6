import { z } from "zod";
import type { DbTx } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { itemOfVersion, type Item } from "@/lib/items/item";

/**
 * Locks version rows for the rest of the transaction (SELECT … FOR UPDATE), so that two operations on the
 * same version run one after the other and each sees the other's result. Several rows are locked in one
 * statement in id order, so two transactions locking overlapping sets cannot deadlock. Returns the locked
 * rows by id; an id that is not a version (or not a UUID at all) is simply absent.
 */
export async function lockVersions(tx: DbTx, versionIds: readonly string[]): Promise<Map<string, ContentVersion>> {
  const ids = [...new Set(versionIds)].filter((id) => z.uuid().safeParse(id).success).sort();
  if (ids.length === 0) return new Map();
  await tx.$queryRaw`SELECT "id" FROM "ContentVersion" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
  const versions = await tx.contentVersion.findMany({ where: { id: { in: ids } } });
  return new Map(versions.map((version) => [version.id, version]));
}

/** The item a version belongs to (which never changes), read without a lock; null if there is no such version. */
export async function itemOfVersionId(tx: DbTx, versionId: string): Promise<Item | null> {
  if (!z.uuid().safeParse(versionId).success) return null;
  const columns = await tx.contentVersion.findUnique({ where: { id: versionId }, select: { articleId: true, riskListId: true } });
  return columns && itemOfVersion(columns);
}

export async function isAuthorOf(tx: DbTx, versionId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  return (await tx.versionAuthor.count({ where: { versionId, userId } })) > 0;
}
