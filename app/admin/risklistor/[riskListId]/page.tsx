import type { Metadata } from "next";
import { ItemHistoryPage } from "@/components/review/item-history-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Risklista" };

/** A risk list's versions and the articles that use it: history, comparison, restore and "Redigera". */
export default async function RiskListPage({ params }: { params: Promise<{ riskListId: string }> }) {
  const { riskListId } = await params;
  return <ItemHistoryPage item={{ kind: "riskList", id: riskListId }} />;
}
