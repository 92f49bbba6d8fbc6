import type { Db, DbTx } from "@/lib/db/client";
import { readArticleContent, readGlossaryTermContent, readRiskListContent } from "@/lib/content/version-content";
import type { DomainEvent } from "@/lib/events/domain-events";
import { itemColumn, itemOfVersion, type Item, type ItemKind } from "@/lib/items/item";
import { articleSearchText, glossaryTermSearchText, riskListSearchText, type SearchText } from "./search-text";

/**
 * The search documents: one row per item, holding the text of its published version. Publish writes
 * the item's row and unpublish removes it, both inside the operation's own transaction (an in-transaction
 * subscriber of their events, wired in lib/startup/domain-event-wiring.ts), so the search and the public
 * pages switch together: a search cannot find a draft, and finds nothing of an unpublished item from the
 * next request on.
 */

const readSearchText: Record<ItemKind, (tx: DbTx, versionId: string) => Promise<SearchText>> = {
  article: async (tx, versionId) => articleSearchText(await readArticleContent(tx, versionId)),
  riskList: async (tx, versionId) => riskListSearchText(await readRiskListContent(tx, versionId)),
  glossaryTerm: async (tx, versionId) => glossaryTermSearchText(await readGlossaryTermContent(tx, versionId)),
};

/** The item's document becomes that of `versionId` (its newly published version). */
export async function writeSearchDocument(tx: DbTx, item: Item, version: { id: string; publishedAt: Date }): Promise<void> {
  const text = await readSearchText[item.kind](tx, version.id);
  await tx.searchDocument.deleteMany({ where: itemColumn(item) });
  await tx.searchDocument.create({ data: { versionId: version.id, ...itemColumn(item), ...text, publishedAt: version.publishedAt } });
}

export async function removeSearchDocument(tx: DbTx, item: Item): Promise<void> {
  await tx.searchDocument.deleteMany({ where: itemColumn(item) });
}

/** The in-transaction subscriber: publish writes, unpublish removes. */
export async function searchDocumentsSubscriber(event: DomainEvent, tx: DbTx): Promise<void> {
  if (event.type === "version.published") {
    await writeSearchDocument(tx, event.item, { id: event.version.id, publishedAt: event.occurredAt });
  } else if (event.type === "version.unpublished") {
    await removeSearchDocument(tx, event.item);
  }
}

/** Postgres unique violation (SQLSTATE 23505), however Prisma's adapter wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${"code" in error ? String(error.code) : ""}` : "";
  return /P2002|23505|Unique constraint/i.test(text);
}

/**
 * Brings the documents in line with what is published, for content that was published without the
 * operations: the seed, the benchmark's corpus, and a database published before this table existed.
 * Every published version without its document gets one, and a document of a version that is no longer
 * published goes. Idempotent and safe to run on several instances at once (a concurrent insert of the
 * same document is skipped). Returns how many documents it wrote and removed.
 */
export async function syncSearchDocuments(db: Db): Promise<{ written: number; removed: number }> {
  const removed = await db.searchDocument.deleteMany({ where: { version: { status: { not: "PUBLISHED" } } } });
  const missing = await db.contentVersion.findMany({
    where: { status: "PUBLISHED", searchDocument: null },
    select: { id: true, publishedAt: true, createdAt: true, articleId: true, riskListId: true, glossaryTermId: true },
  });
  let written = 0;
  for (const version of missing) {
    const item = itemOfVersion(version);
    try {
      await db.$transaction((tx) => writeSearchDocument(tx, item, { id: version.id, publishedAt: version.publishedAt ?? version.createdAt }));
      written += 1;
    } catch (error) {
      // Another instance wrote it first (unique item), or the item was republished meanwhile: the publish wrote it.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { written, removed: removed.count };
}
