import type { ArticleKind } from "@/lib/db/generated/enums";
import type { ItemKind } from "@/lib/items/item";

/**
 * Granskad's Swedish words for its own concepts: every label the admin, the public pages and the feed show
 * for a status, a role, an action or a kind is written once, here.
 */

/** What the editorial staff call an item in lists: "artikel", "procedur", "risklista". */
export const itemTypeNames: Record<ItemKind, string> & { procedure: string } = {
  article: "artikel",
  procedure: "procedur",
  riskList: "risklista",
};

export function itemTypeName(type: { item: { kind: ItemKind }; articleKind: ArticleKind | null }): string {
  return type.articleKind === "PROCEDURE" ? itemTypeNames.procedure : itemTypeNames[type.item.kind];
}
