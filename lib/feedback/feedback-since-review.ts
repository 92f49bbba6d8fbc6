import type { DbTx } from "@/lib/db/client";
import { itemColumn, type Item } from "@/lib/items/item";

export type FeedbackSinceReview = {
  /** When the item was last reviewed (approved or re-attested); null: never, so everything counts. */
  since: Date | null;
  /** The articles the feedback is about: the article itself, or those showing the risk list. */
  articleCount: number;
  helpful: number;
  notHelpful: number;
  commentCount: number;
  /** The newest readers' comments (approved or waiting for moderation), never their e-mail. */
  recentComments: { id: string; name: string; body: string; createdAt: Date; status: string }[];
};

/**
 * What readers said since the item's last review, for the reviewer's checklist ("reader feedback since
 * the last review looked at"): helpfulness answers and comments on the article, or, for a risk list, on
 * the articles whose published version shows it.
 */
export async function feedbackSinceLastReview(db: DbTx, item: Item, options: { recent?: number } = {}): Promise<FeedbackSinceReview> {
  const column = itemColumn(item);
  const reviewed = await db.contentVersion.findFirst({ where: { ...column, lastReviewedAt: { not: null } }, orderBy: { lastReviewedAt: "desc" }, select: { lastReviewedAt: true } });
  const since = reviewed?.lastReviewedAt ?? null;
  const articleIds =
    item.kind === "article"
      ? [item.id]
      : [
          ...new Set(
            (await db.articleBlock.findMany({ where: { riskListId: item.id, version: { status: "PUBLISHED", articleId: { not: null } } }, select: { version: { select: { articleId: true } } } })).map(
              (block) => block.version.articleId!,
            ),
          ),
        ];
  const after = since ? { createdAt: { gt: since } } : {};
  const votes = await db.feedback.groupBy({ by: ["helpful"], where: { articleId: { in: articleIds }, ...after }, _count: { _all: true } });
  const commentWhere = { articleId: { in: articleIds }, status: { not: "REJECTED" as const }, ...after };
  const commentCount = await db.publicComment.count({ where: commentWhere });
  const recentComments = await db.publicComment.findMany({
    where: commentWhere,
    orderBy: { createdAt: "desc" },
    take: options.recent ?? 5,
    select: { id: true, name: true, body: true, createdAt: true, status: true },
  });
  return {
    since,
    articleCount: articleIds.length,
    helpful: votes.find((vote) => vote.helpful)?._count._all ?? 0,
    notHelpful: votes.find((vote) => !vote.helpful)?._count._all ?? 0,
    commentCount,
    recentComments,
  };
}
