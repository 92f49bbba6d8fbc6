import { cache } from "react";
import type { DbTx } from "@/lib/db/client";
import { cachedPublicRead } from "@/lib/content/public-cache";

/** What a reader sees of a comment. The type has no e-mail, and the query below never selects it. */
export type ApprovedComment = { id: string; name: string; body: string; createdAt: Date };

/**
 * The approved comments of an article, oldest first, for its public page. Cached with the published
 * content (lib/content/public-cache.ts), so every moderation decision invalidates that cache.
 */
export const listApprovedComments = cache(
  cachedPublicRead("listApprovedComments", async (db: DbTx, articleId: string): Promise<ApprovedComment[]> =>
    db.publicComment.findMany({
      where: { articleId, status: "APPROVED" },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, body: true, createdAt: true },
    }),
  ),
);
