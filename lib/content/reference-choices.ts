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

/** A glossary term as the editor offers it for marking, with the words that count as its use (the hint list). */
export type GlossaryTermChoice = ReferenceChoice & { forms: string[]; published: boolean };

/**
 * Glossary terms an article may mark, by their latest version's term and forms. `published`: readers
 * are shown its explanation; an article that marks a term without a reviewed version cannot be published.
 */
export async function glossaryTermChoices(db: DbTx, locale: string): Promise<GlossaryTermChoice[]> {
  const terms = await db.glossaryTerm.findMany({
    where: { locale, archivedAt: null },
    select: {
      id: true,
      slug: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { title: true, glossaryEntry: { select: { forms: true } } } },
    },
  });
  const published = new Set(
    (await db.contentVersion.findMany({ where: { status: "PUBLISHED", glossaryTermId: { in: terms.map((term) => term.id) } }, select: { glossaryTermId: true } })).map(
      (version) => version.glossaryTermId,
    ),
  );
  return terms
    .map((term) => ({
      id: term.id,
      title: term.versions[0]?.title ?? term.slug,
      forms: term.versions[0]?.glossaryEntry?.forms ?? [],
      published: published.has(term.id),
    }))
    .sort((a, b) => a.title.localeCompare(b.title, "sv"));
}
