import type { Db } from "@/lib/db/client";
import { startDraft } from "@/lib/workflow/draft-versions";
import { approveVersion, submitForReview } from "@/lib/workflow/review-versions";
import type { TestUser } from "./test-kit";

/** Every item of the whole-page review checklist, confirmed (what approving and re-attesting require). */
export const fullReviewChecklist = { sourcesChecked: true, risksCurrent: true, linksChecked: true, feedbackReviewed: true } as const;

/** A new approved version of a seeded risk list (unchanged content, re-reviewed), ready to publish. */
export async function approvedRiskListVersion(db: Db, users: Record<"editor" | "reviewer", TestUser>, slug: string) {
  const list = await db.riskList.findFirstOrThrow({ where: { slug } });
  const draft = await startDraft(db, users.editor, { item: { kind: "riskList", id: list.id } });
  if (!draft.ok) throw new Error(draft.failure.message);
  const submitted = await submitForReview(db, users.editor, { versionId: draft.value.id, baseRevision: draft.value.revision, changeNote: "Kontroll", readerNote: "Genomläst" });
  if (!submitted.ok) throw new Error(submitted.failure.message);
  const approved = await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: submitted.value.id, contentHash: submitted.value.contentHash! });
  if (!approved.ok) throw new Error(approved.failure.message);
  return approved.value;
}
