import { affectedArticleDetail } from "@/lib/labels/sv";
import { dashboardSectionLimit, rowInclude, toRow, type DashboardSectionDefinition } from "./section";

/**
 * Reviewer: published articles that show a risk list (their own, or an embedded procedure's) whose clinical change (lib/content/change-kind.ts)
 * was published after the article was last reviewed, so that its reviewers look at the article in its
 * new context. "Last reviewed" is the later of the article version's last review (approval or
 * re-attestation) and its publication: an article published after the list changed went out with the list
 * as it was then. Re-attesting the article, or publishing a newly approved version of it, takes it off the
 * list. Longest affected first.
 */
export const affectedArticles: DashboardSectionDefinition = {
  id: "paverkade-artiklar",
  audience: "reviewer",
  title: "Påverkade artiklar",
  empty: "Ingen publicerad artikel visar en risklista som har ändrats kliniskt sedan artikeln granskades.",
  sinceHeading: "Risklistan ändrades",
  nextStep: "Granska om",
  rows: async (db) => {
    const published = await db.contentVersion.findMany({
      where: { status: "PUBLISHED", articleId: { not: null } },
      include: { ...rowInclude, blocks: { where: { type: { in: ["RISK_LIST", "PROCEDURE"] } }, select: { riskListId: true, procedureArticleId: true } } },
    });
    // The lists each article shows: its own, and those of the procedures an overview embeds.
    const ownLists = new Map(published.map((version) => [version.articleId!, version.blocks.flatMap((block) => (block.riskListId ? [block.riskListId] : []))]));
    const shownLists = (version: (typeof published)[number]) =>
      new Set([...(ownLists.get(version.articleId!) ?? []), ...version.blocks.flatMap((block) => (block.procedureArticleId ? (ownLists.get(block.procedureArticleId) ?? []) : []))]);
    const riskListIds = [...new Set([...ownLists.values()].flat())];
    const clinicalChanges = await db.contentVersion.findMany({
      where: { riskListId: { in: riskListIds }, changeKind: "CLINICAL", publishedAt: { not: null } },
      select: { riskListId: true, number: true, title: true, publishedAt: true },
      orderBy: { publishedAt: "desc" },
    });
    const rows = published.flatMap((article) => {
      const reviewed = Math.max(article.lastReviewedAt?.getTime() ?? 0, article.publishedAt?.getTime() ?? 0);
      const shown = shownLists(article);
      // The newest clinical change of any list the article shows, if it came after the article's review.
      const change = clinicalChanges.find((candidate) => shown.has(candidate.riskListId!) && candidate.publishedAt!.getTime() > reviewed);
      return change ? [toRow(article, change.publishedAt, { detail: affectedArticleDetail(change) })] : [];
    });
    return rows.sort((a, b) => a.since!.getTime() - b.since!.getTime()).slice(0, dashboardSectionLimit);
  },
};
