import type { DbTx } from "@/lib/db/client";
import type { VersionStatus } from "@/lib/db/generated/enums";

export type HelpfulCounts = { yes: number; no: number };

export type VersionFeedback = HelpfulCounts & { versionId: string; number: number; status: VersionStatus };

export type ArticleFeedback = HelpfulCounts & { articleId: string; slug: string; title: string; versions: VersionFeedback[] };

/**
 * "Var det här till hjälp?" answers per article and per version, for the editorial office: articles with
 * the most answers first, their versions newest first. Only counts leave here; voter keys never do.
 */
export async function listFeedbackCounts(db: DbTx): Promise<ArticleFeedback[]> {
  const groups = await db.feedback.groupBy({ by: ["versionId", "helpful"], _count: { _all: true } });
  const versionIds = [...new Set(groups.map((group) => group.versionId))];
  const versions = await db.contentVersion.findMany({
    where: { id: { in: versionIds } },
    select: { id: true, number: true, status: true, title: true, article: { select: { id: true, slug: true } } },
  });
  const countsByVersion = new Map<string, HelpfulCounts>();
  for (const group of groups) {
    const counts = countsByVersion.get(group.versionId) ?? { yes: 0, no: 0 };
    counts[group.helpful ? "yes" : "no"] += group._count._all;
    countsByVersion.set(group.versionId, counts);
  }

  const articles = new Map<string, ArticleFeedback>();
  const latestNumbers = new Map<string, number>();
  for (const version of versions) {
    if (!version.article) continue;
    const counts = countsByVersion.get(version.id) ?? { yes: 0, no: 0 };
    const article = articles.get(version.article.id) ?? { articleId: version.article.id, slug: version.article.slug, title: version.title, yes: 0, no: 0, versions: [] };
    // The article is named by the newest version that has answers.
    if (version.number > (latestNumbers.get(article.articleId) ?? 0)) {
      article.title = version.title;
      latestNumbers.set(article.articleId, version.number);
    }
    article.yes += counts.yes;
    article.no += counts.no;
    article.versions.push({ versionId: version.id, number: version.number, status: version.status, ...counts });
    articles.set(version.article.id, article);
  }
  return [...articles.values()]
    .map((article) => ({ ...article, versions: article.versions.sort((a, b) => b.number - a.number) }))
    .sort((a, b) => b.yes + b.no - (a.yes + a.no) || a.title.localeCompare(b.title, "sv"));
}
