import type { Metadata } from "next";
import { ItemHistoryPage } from "@/components/review/item-history-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Artikel" };

/** An article's versions: history, comparison, restore and "Redigera". */
export default async function ArticlePage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  return <ItemHistoryPage item={{ kind: "article", id: articleId }} />;
}
