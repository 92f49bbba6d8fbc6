import type { DbTx } from "@/lib/db/client";
import type { ArticleBlock, ArticleContent } from "./content-schemas";
import { markedGlossaryTermIds } from "./inline-markdown-document";

/** The glossary terms each paragraph and callout marks, by block position. */
function markedTermsByBlock(blocks: readonly ArticleBlock[]): { position: number; termIds: string[] }[] {
  return blocks.flatMap((block, position) =>
    block.type === "PARAGRAPH" || block.type === "CALLOUT" ? [{ position, termIds: markedGlossaryTermIds(block.text) }] : [],
  );
}

/**
 * Field errors for the article's RISK_LIST and PROCEDURE blocks whose risk list or article does not
 * exist, and for paragraphs and callouts that mark a glossary term that does not exist, keyed like zod's
 * ("blocks.3.riskListId", "blocks.5.text"). Checked before writing, so a reference to nothing is a
 * field error rather than a foreign-key failure (or a dangling term) in the middle of a save.
 */
export async function unknownReferenceErrors(tx: DbTx, content: ArticleContent): Promise<Record<string, string[]>> {
  const riskListIds = content.blocks.flatMap((block) => (block.type === "RISK_LIST" ? [block.riskListId] : []));
  const articleIds = content.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [block.procedureArticleId] : []));
  const marked = markedTermsByBlock(content.blocks);
  const termIds = [...new Set(marked.flatMap((block) => block.termIds))];
  const [riskLists, articles, terms] = await Promise.all([
    riskListIds.length ? tx.riskList.findMany({ where: { id: { in: riskListIds } }, select: { id: true } }) : [],
    articleIds.length ? tx.article.findMany({ where: { id: { in: articleIds } }, select: { id: true } }) : [],
    termIds.length ? tx.glossaryTerm.findMany({ where: { id: { in: termIds } }, select: { id: true } }) : [],
  ]);
  const knownRiskLists = new Set(riskLists.map(({ id }) => id));
  const knownArticles = new Set(articles.map(({ id }) => id));
  const knownTerms = new Set(terms.map(({ id }) => id));
  const fieldErrors: Record<string, string[]> = {};
  content.blocks.forEach((block, position) => {
    if (block.type === "RISK_LIST" && !knownRiskLists.has(block.riskListId)) fieldErrors[`blocks.${position}.riskListId`] = ["Risklistan finns inte"];
    if (block.type === "PROCEDURE" && !knownArticles.has(block.procedureArticleId)) fieldErrors[`blocks.${position}.procedureArticleId`] = ["Proceduren finns inte"];
  });
  for (const { position, termIds: ids } of marked) {
    if (ids.some((id) => !knownTerms.has(id))) fieldErrors[`blocks.${position}.text`] = ["Texten markerar ett ord som inte finns i ordlistan"];
  }
  return fieldErrors;
}

/**
 * The terms (their newest titles) that the article version marks but that readers could not be shown an
 * explanation of: no published or approved version, or archived. Publishing the article is refused while
 * there are any (README, "Glossary"): a reader would see a term the glossary has not reviewed.
 */
export async function unreviewedGlossaryTerms(tx: DbTx, content: ArticleContent): Promise<string[]> {
  const termIds = [...new Set(markedTermsByBlock(content.blocks).flatMap((block) => block.termIds))];
  if (termIds.length === 0) return [];
  const reviewed = await tx.contentVersion.findMany({
    where: { glossaryTermId: { in: termIds }, status: { in: ["PUBLISHED", "APPROVED"] }, glossaryTerm: { archivedAt: null } },
    select: { glossaryTermId: true },
  });
  const ok = new Set(reviewed.map((version) => version.glossaryTermId));
  const missing = termIds.filter((id) => !ok.has(id));
  if (missing.length === 0) return [];
  const titles = await tx.contentVersion.findMany({
    where: { glossaryTermId: { in: missing } },
    distinct: ["glossaryTermId"],
    orderBy: [{ glossaryTermId: "asc" }, { number: "desc" }],
    select: { title: true },
  });
  return titles.map((version) => version.title).sort((a, b) => a.localeCompare(b, "sv"));
}
