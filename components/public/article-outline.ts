import type { PublicBlock } from "@/lib/content/public-content";

/**
 * The outline of a public article page: the anchors readers link to, the table of contents of a long
 * article, and where each risk list is shown in full. Anchors are stable and readable, so a clinic can
 * send a patient a link to one procedure of an overview (`/artiklar/<översikt>#behandling-<slug>`).
 */

export const tableOfContentsId = "innehallsforteckning";
export const feedbackSectionId = "aterkoppling";
export const feedbackTitle = "Var det här till hjälp?";
export const commentsSectionId = "kommentarer";
export const commentsTitle = "Kommentarer";
export const commentFormSectionId = "kommentera";

/** The section of an embedded procedure, named by the procedure's slug. */
export function procedureSectionId(slug: string): string {
  return `behandling-${slug}`;
}

/** Where a risk list is shown in full, named by the list's slug (it is shown in full once per page). */
export function riskListSectionId(slug: string): string {
  return `risker-${slug}`;
}

/** Any other block's anchor, by its key (which stays the same across versions). */
export function blockAnchorId(key: string): string {
  return `block-${key}`;
}

/** A table of contents starts at this many sections of the body; a shorter page is read at a glance. */
export const sectionsForTableOfContents = 3;

export type OutlineEntry = { id: string; title: string };

/** The sections of an article's body, in reading order, with what the table of contents calls them. */
export function bodySections(blocks: PublicBlock[]): OutlineEntry[] {
  const repeats = repeatedRiskLists(blocks);
  return blocks.flatMap((block): OutlineEntry[] => {
    switch (block.type) {
      case "HEADING":
        return block.level === 2 ? [{ id: blockAnchorId(block.key), title: block.text }] : [];
      case "PROCEDURE":
        return [{ id: procedureSectionId(block.procedure.slug), title: block.procedure.title }];
      case "RISK_LIST":
        return repeats.has(occurrenceKey(null, block.key)) ? [] : [{ id: riskListSectionId(block.riskList.slug), title: block.riskList.title }];
      case "KEY_TAKEAWAYS":
        return [{ id: blockAnchorId(block.key), title: block.title ?? keyTakeawaysTitle }];
      case "REFERENCES":
        return block.items.length ? [{ id: blockAnchorId(block.key), title: block.title ?? referencesTitle }] : [];
      default:
        return [];
    }
  });
}

export const keyTakeawaysTitle = "Viktiga punkter";
export const referencesTitle = "Källor";

/** Where the full copy of a repeated risk list is: under which procedure (null: in the article's own body). */
export type FullRiskList = { procedureTitle: string | null };

/**
 * The risk-list blocks on a page that repeat a list shown in full earlier (in reading order, an embedded
 * procedure's blocks where the procedure stands), keyed by `occurrenceKey`, with where the full copy is.
 * The first occurrence of each list is the full one; the page collapses the others.
 */
export function repeatedRiskLists(blocks: PublicBlock[]): Map<string, FullRiskList> {
  const full = new Map<string, FullRiskList>();
  const repeats = new Map<string, FullRiskList>();
  const visit = (inner: PublicBlock[], procedure: { key: string; title: string } | null) => {
    for (const block of inner) {
      if (block.type === "PROCEDURE") visit(block.procedure.blocks, { key: block.key, title: block.procedure.title });
      if (block.type !== "RISK_LIST") continue;
      const first = full.get(block.riskList.id);
      if (first) repeats.set(occurrenceKey(procedure?.key ?? null, block.key), first);
      else full.set(block.riskList.id, { procedureTitle: procedure?.title ?? null });
    }
  };
  visit(blocks, null);
  return repeats;
}

/** One risk-list block where it stands: in the article's own body, or inside the embedded procedure block `procedureKey`. */
export function occurrenceKey(procedureKey: string | null, blockKey: string): string {
  return `${procedureKey ?? "artikel"}/${blockKey}`;
}
