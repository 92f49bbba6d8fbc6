import type { DbTx } from "@/lib/db/client";

/** What an article's RISK_LIST and PROCEDURE blocks may point at, as the editor offers it. */
export type ReferenceChoice = { id: string; title: string };

const latestTitle = { versions: { orderBy: { number: "desc" as const }, take: 1, select: { title: true } } };

/** Risk lists an article may reference, by the title of their latest version. */
export async function riskListChoices(db: DbTx, locale: string): Promise<ReferenceChoice[]> {
  const lists = await db.riskList.findMany({ where: { locale, archivedAt: null }, select: { id: true, slug: true, ...latestTitle } });
  return lists.map((list) => ({ id: list.id, title: list.versions[0]?.title ?? list.slug })).sort((a, b) => a.title.localeCompare(b.title, "sv"));
}

/** Procedure articles an overview may embed (never the article itself), by the title of their latest version. */
export async function procedureChoices(db: DbTx, locale: string, exceptArticleId: string): Promise<ReferenceChoice[]> {
  const articles = await db.article.findMany({
    where: { locale, kind: "PROCEDURE", archivedAt: null, id: { not: exceptArticleId } },
    select: { id: true, slug: true, ...latestTitle },
  });
  return articles.map((article) => ({ id: article.id, title: article.versions[0]?.title ?? article.slug })).sort((a, b) => a.title.localeCompare(b.title, "sv"));
}
