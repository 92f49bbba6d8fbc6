import type { Db } from "@/lib/db/client";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { readerRateLimits, tooManyAttemptsMessage } from "@/lib/security/reader-rate-limits";
import { addressThrottleKey, consumePoint, createRateLimiter } from "@/lib/security/rate-limiter";
import type { FeedbackVoteInput } from "./feedback-schema";
import { voterKeyOf } from "./voter-key";

/** Who is voting, as far as the rules need to know: the browser's cookie id and the address to throttle. */
export type Voter = { readerId: string; clientAddress: string };

export type RecordedVote = { helpful: boolean; changed: boolean };

/**
 * Records a reader's "Var det här till hjälp?" answer for the article's current published version.
 *
 * One vote per browser per article: the vote is keyed by `voterKeyOf(secret, readerId, articleId)`, unique
 * per article. A reader who changes their mind switches their vote (the row is updated, never added), and
 * the vote moves to the version they answered about last. Votes are throttled per client address before
 * anything is read; the address is a counter key only and is not stored with the vote.
 */
export async function recordFeedback(db: Db, input: FeedbackVoteInput, voter: Voter, secret: string): Promise<DomainResult<RecordedVote>> {
  const secondsToWait = await consumePoint(createRateLimiter(db, readerRateLimits.feedback), addressThrottleKey(voter.clientAddress));
  if (secondsToWait !== undefined) return fail({ kind: "invalid", message: tooManyAttemptsMessage(secondsToWait) });

  const version = await db.contentVersion.findFirst({
    where: { status: "PUBLISHED", article: { id: input.articleId, archivedAt: null } },
    select: { id: true },
  });
  if (!version) return fail({ kind: "not_found", message: "Artikeln finns inte längre." });

  const helpful = input.helpful === "ja";
  const voterKey = voterKeyOf(secret, voter.readerId, input.articleId);
  const articleVoter = { articleId_voterKey: { articleId: input.articleId, voterKey } };
  const previous = await db.feedback.findUnique({ where: articleVoter, select: { helpful: true } });
  await db.feedback.upsert({
    where: articleVoter,
    create: { articleId: input.articleId, versionId: version.id, helpful, voterKey },
    update: { versionId: version.id, helpful },
  });
  return ok({ helpful, changed: previous !== null && previous.helpful !== helpful });
}
