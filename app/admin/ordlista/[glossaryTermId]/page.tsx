import type { Metadata } from "next";
import { ItemHistoryPage } from "@/components/review/item-history-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ordlisteterm" };

/** A glossary term's versions: history, comparison, restore and "Redigera". */
export default async function GlossaryTermPage({ params }: { params: Promise<{ glossaryTermId: string }> }) {
  const { glossaryTermId } = await params;
  return <ItemHistoryPage item={{ kind: "glossaryTerm", id: glossaryTermId }} />;
}
