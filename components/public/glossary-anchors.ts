/** The anchors of a page's glossary entries: a marked term links to its entry, and is described by its explanation. */
export function glossaryEntryId(slug: string): string {
  return `ordlista-${slug}`;
}

export function glossaryExplanationId(slug: string): string {
  return `ordlista-${slug}-forklaring`;
}
