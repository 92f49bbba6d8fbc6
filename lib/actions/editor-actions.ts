"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createArticle, createGlossaryTerm, createRiskList } from "@/lib/workflow/create-item";
import { createArticleSchema, createGlossaryTermSchema, createRiskListSchema } from "@/lib/workflow/create-item-schemas";
import type { ItemContent } from "@/lib/content/item-content";
import { getDb } from "@/lib/db/client";
import { ok } from "@/lib/errors/domain-result";
import { action } from "@/lib/actions/action-wrapper";
import { saveDraft, startDraft } from "@/lib/workflow/draft-versions";
import { submitForReview } from "@/lib/workflow/review-versions";
import { submitForReviewSchema } from "@/lib/workflow/review-schemas";
import { saveDraftSchema, startDraftSchema } from "@/lib/workflow/draft-schemas";
import { adminPaths } from "@/lib/paths/admin-paths";


/**
 * Opens the item's draft (the existing one, or a new one from `fromVersionId` or the latest version)
 * and sends the editor to it. A failure comes back to the button, which shows its message.
 */
export const startEditing = action("startEditing", ["EDITOR"], startDraftSchema, async (user, input) => {
  const draft = await startDraft(getDb(), user, input);
  if (!draft.ok) return draft;
  redirect(adminPaths.editDraft(draft.value.id));
});

export const createArticleAction = action("createArticle", ["EDITOR"], createArticleSchema, async (user, input) => {
  const created = await createArticle(getDb(), user, input);
  if (!created.ok) return created;
  redirect(adminPaths.editDraft(created.value.versionId));
});

export const createRiskListAction = action("createRiskList", ["EDITOR"], createRiskListSchema, async (user, input) => {
  const created = await createRiskList(getDb(), user, input);
  if (!created.ok) return created;
  redirect(adminPaths.editDraft(created.value.versionId));
});

export const createGlossaryTermAction = action("createGlossaryTerm", ["EDITOR"], createGlossaryTermSchema, async (user, input) => {
  const created = await createGlossaryTerm(getDb(), user, input);
  if (!created.ok) return created;
  redirect(adminPaths.editDraft(created.value.versionId));
});

/** What an autosave tells the editor: the new revision, or the text someone else saved in between. */
export type SaveDraftOutcome =
  | { saved: true; revision: number; savedAt: string }
  | { saved: false; stale: { revision: number; content: ItemContent; updatedAt: string; savedBy: string | null } };

/**
 * Saves a draft if nobody saved it since `baseRevision`. A stale save is not an error here but an
 * outcome with the other text, so the editor can show both and let the editor choose.
 */
export const saveDraftAction = action("saveDraft", ["EDITOR"], saveDraftSchema, async (user, input) => {
  const result = await saveDraft(getDb(), user, input);
  if (result.ok) return ok<SaveDraftOutcome>({ saved: true, revision: result.value.revision, savedAt: result.value.updatedAt.toISOString() });
  if ("stale" in result) {
    const { revision, content, updatedAt, savedBy } = result.stale;
    return ok<SaveDraftOutcome>({ saved: false, stale: { revision, content, updatedAt: updatedAt.toISOString(), savedBy } });
  }
  return result;
});

export const submitForReviewAction = action("submitForReview", ["EDITOR"], submitForReviewSchema, async (user, input) => {
  const submitted = await submitForReview(getDb(), user, input);
  if (!submitted.ok) return submitted;
  redirect(adminPaths.version(submitted.value.id));
});

/** Whether the browser's session still signs someone in: tells an expired session from a refusal. */
export async function isSignedIn(): Promise<boolean> {
  return (await getCurrentUser()) !== null;
}
