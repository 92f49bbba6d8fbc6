import { z } from "zod";
import type { DbTx } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { accountControllers } from "@/lib/auth/account-provenance";
import { itemOfVersion, type Item } from "@/lib/items/item";
import type { Authorship } from "./version-workflow";

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
  const columns = await tx.contentVersion.findUnique({ where: { id: versionId }, select: { articleId: true, riskListId: true, glossaryTermId: true } });
  return columns && itemOfVersion(columns);
}

/** The version's authors: everyone who saved it, and whoever created it. */
export async function versionAuthorIds(tx: DbTx, versionId: string): Promise<Set<string>> {
  const [authors, version] = await Promise.all([
    tx.versionAuthor.findMany({ where: { versionId }, select: { userId: true } }),
    tx.contentVersion.findUnique({ where: { id: versionId }, select: { createdById: true } }),
  ]);
  return new Set([...authors.map(({ userId }) => userId), ...(version ? [version.createdById] : [])]);
}

/**
 * How `userId` stands to the version for four-eyes (see `Authorship`), and which of its authors had a
 * hand in their account. The scheduler (null) is independent: it takes no review action.
 */
export async function versionAuthorship(tx: DbTx, versionId: string, userId: string | null): Promise<{ authorship: Authorship; via: string[] }> {
  if (!userId) return { authorship: "independent", via: [] };
  const authors = await versionAuthorIds(tx, versionId);
  if (authors.has(userId)) return { authorship: "author", via: [] };
  return authorshipThroughAccount(authors, await accountControllers(tx, userId));
}

/** The same for many versions with one account: its controllers are read once. */
export function authorshipThroughAccount(authors: ReadonlySet<string>, controllers: ReadonlySet<string>): { authorship: Authorship; via: string[] } {
  const via = [...controllers].filter((id) => authors.has(id));
  return via.length > 0 ? { authorship: "authorsAccount", via } : { authorship: "independent", via: [] };
}
