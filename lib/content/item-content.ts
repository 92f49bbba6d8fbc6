import type { z } from "zod";
import type { DbTx } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { itemOfVersion, type ItemKind } from "@/lib/items/item";
import { articleContentSchema, glossaryTermContentSchema, riskListContentSchema } from "./content-schemas";
import { readArticleContent, readGlossaryTermContent, readRiskListContent } from "./version-content";

/**
 * Each item kind's content module: the schema its content must pass and how a version's content is read
 * from its rows (writing is lib/content/version-content.ts's `writeDraftContent`). A new item kind adds
 * its row here.
 */
export const itemContent = {
  article: { schema: articleContentSchema, read: readArticleContent },
  riskList: { schema: riskListContentSchema, read: readRiskListContent },
  glossaryTerm: { schema: glossaryTermContentSchema, read: readGlossaryTermContent },
} as const satisfies Record<ItemKind, { schema: z.ZodType; read: (tx: DbTx, versionId: string) => Promise<unknown> }>;

/** The content of any item's version. */
export type ItemContent = z.output<(typeof itemContent)[ItemKind]["schema"]>;

/** A version's content, read with its item kind's module. */
export function readVersionContent(tx: DbTx, version: Pick<ContentVersion, "id" | "articleId" | "riskListId" | "glossaryTermId">): Promise<ItemContent> {
  return itemContent[itemOfVersion(version).kind].read(tx, version.id);
}
