import type { DbTx } from "@/lib/db/client";

export type EditorChoice = { id: string; title: string };

const latestTitle = { versions: { orderBy: { number: "desc" as const }, take: 1, select: { title: true } } };

/** Risk lists an article may reference, by the title of their latest version. */
export async function riskListChoices(db: DbTx, locale: string): Promise<EditorChoice[]> {
  const lists = await db.riskList.findMany({ where: { locale, archivedAt: null }, select: { id: true, slug: true, ...latestTitle } });
  return lists.map((list) => ({ id: list.id, title: list.versions[0]?.title ?? list.slug })).sort((a, b) => a.title.localeCompare(b.title, "sv"));
}

/** Procedure articles an overview may embed (never the article itself), by the title of their latest version. */
export async function procedureChoices(db: DbTx, locale: string, exceptArticleId: string): Promise<EditorChoice[]> {
  const articles = await db.article.findMany({
    where: { locale, kind: "PROCEDURE", archivedAt: null, id: { not: exceptArticleId } },
    select: { id: true, slug: true, ...latestTitle },
  });
  return articles.map((article) => ({ id: article.id, title: article.versions[0]?.title ?? article.slug })).sort((a, b) => a.title.localeCompare(b.title, "sv"));
}
