import type { DbTx } from "@/lib/db/client";
import type { CommentStatus } from "@/lib/db/generated/enums";

/** A comment as the moderators see it: everything but the reader's e-mail, which no page shows. */
export type CommentForModeration = {
  id: string;
  name: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  moderatedAt: Date | null;
  moderatorName: string | null;
  article: { id: string; slug: string; title: string };
};

export type CommentCounts = Record<CommentStatus, number>;

/** The comments in one moderation state, newest first, and how many there are in each state. */
export async function listCommentsForModeration(db: DbTx, status: CommentStatus, take = 200): Promise<{ comments: CommentForModeration[]; counts: CommentCounts }> {
  const [rows, groups] = await Promise.all([
    db.publicComment.findMany({
      where: { status },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        name: true,
        body: true,
        status: true,
        createdAt: true,
        moderatedAt: true,
        moderatedBy: { select: { name: true } },
        article: { select: { id: true, slug: true, versions: { orderBy: { number: "desc" }, take: 1, select: { title: true } } } },
      },
    }),
    db.publicComment.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts: CommentCounts = { PENDING: 0, APPROVED: 0, REJECTED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return {
    counts,
    comments: rows.map(({ moderatedBy, article, ...comment }) => ({
      ...comment,
      moderatorName: moderatedBy?.name ?? null,
      article: { id: article.id, slug: article.slug, title: article.versions[0]?.title ?? article.slug },
    })),
  };
}
