import type { ReviewDecisionKind } from "@/lib/db/generated/enums";
import type { ArticleBlock } from "@/lib/content/content-schemas";
import { itemKinds, type Item } from "@/lib/items/item";
import type { ItemSummary } from "@/lib/workflow/version-queries";
import { articleKindLabels, blockTypeLabels } from "@/components/editor/editor-labels";
import { versionStatusLabels } from "@/components/dashboard/admin-labels";

/** How the review and history pages name items, versions, decisions and blocks. */

export const decisionLabels: Record<ReviewDecisionKind, string> = {
  APPROVE: "Godkänd",
  REQUEST_CHANGES: "Ändringar begärda",
  REATTEST: "Granskning bekräftad",
};

export function itemKindLabel(item: ItemSummary): string {
  return item.kind === "article" ? `Artikel (${articleKindLabels[item.articleKind].toLowerCase()})` : "Risklista";
}

export function itemPath(item: Item): string {
  return `/admin/${itemKinds[item.kind].adminSegment}/${item.id}`;
}

export function versionLabel(version: { number: number; status: keyof typeof versionStatusLabels }): string {
  return `Version ${version.number} (${versionStatusLabels[version.status]})`;
}

/** "3. Stycke: Injektionen ges med hjälp av …", for choosing the block a comment is about. */
export function blockLabel(block: ArticleBlock, position: number): string {
  const text =
    block.type === "HEADING" || block.type === "PARAGRAPH" || block.type === "CALLOUT"
      ? block.text
      : block.type === "BULLET_LIST"
        ? (block.intro ?? block.items[0] ?? "")
        : block.type === "KEY_TAKEAWAYS" || block.type === "REFERENCES"
          ? (block.title ?? "")
          : "";
  const excerpt = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return `${position}. ${blockTypeLabels[block.type]}${excerpt ? `: ${excerpt}` : ""}`;
}
