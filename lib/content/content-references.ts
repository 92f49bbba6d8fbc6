import type { DbTx } from "@/lib/db/client";
import type { ArticleContent } from "./content-schemas";

/**
 * Field errors for the article's RISK_LIST and PROCEDURE blocks whose risk list or article does not
 * exist, keyed like zod's ("blocks.3.riskListId"). Checked before writing, so a reference to nothing is a
 * field error rather than a foreign-key failure in the middle of a save.
 */
export async function unknownReferenceErrors(tx: DbTx, content: ArticleContent): Promise<Record<string, string[]>> {
  const riskListIds = content.blocks.flatMap((block) => (block.type === "RISK_LIST" ? [block.riskListId] : []));
  const articleIds = content.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [block.procedureArticleId] : []));
  const [riskLists, articles] = await Promise.all([
    riskListIds.length ? tx.riskList.findMany({ where: { id: { in: riskListIds } }, select: { id: true } }) : [],
    articleIds.length ? tx.article.findMany({ where: { id: { in: articleIds } }, select: { id: true } }) : [],
  ]);
  const knownRiskLists = new Set(riskLists.map(({ id }) => id));
  const knownArticles = new Set(articles.map(({ id }) => id));
  const fieldErrors: Record<string, string[]> = {};
  content.blocks.forEach((block, position) => {
    if (block.type === "RISK_LIST" && !knownRiskLists.has(block.riskListId)) fieldErrors[`blocks.${position}.riskListId`] = ["Risklistan finns inte"];
    if (block.type === "PROCEDURE" && !knownArticles.has(block.procedureArticleId)) fieldErrors[`blocks.${position}.procedureArticleId`] = ["Proceduren finns inte"];
  });
  return fieldErrors;
}
