import type { Db } from "@/lib/db/client";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { readerRateLimits, tooManyAttemptsMessage } from "@/lib/security/reader-rate-limits";
import { addressThrottleKey, consumePoint, createRateLimiter } from "@/lib/security/rate-limiter";
import type { SubmitCommentInput } from "./comment-schemas";

/**
 * A reader's comment, held for moderation: it is stored PENDING and shown only once an admin approves it.
 * Submissions are throttled per client address (a counter key, not stored with the comment). A filled-in
 * honeypot gets the same answer as a real comment, so a bot learns nothing, but nothing is stored.
 */
export async function submitComment(db: Db, input: SubmitCommentInput, clientAddress: string): Promise<DomainResult<{ held: true }>> {
  const secondsToWait = await consumePoint(createRateLimiter(db, readerRateLimits.comment), addressThrottleKey(clientAddress));
  if (secondsToWait !== undefined) return fail({ kind: "invalid", message: tooManyAttemptsMessage(secondsToWait) });
  if (input.webbplats) return ok({ held: true });

  const version = await db.contentVersion.findFirst({
    where: { status: "PUBLISHED", article: { id: input.articleId, archivedAt: null } },
    select: { id: true },
  });
  if (!version) return fail({ kind: "not_found", message: "Artikeln finns inte längre." });

  await db.publicComment.create({
    data: { articleId: input.articleId, versionId: version.id, name: input.name, email: input.email, body: input.body },
  });
  return ok({ held: true });
}
