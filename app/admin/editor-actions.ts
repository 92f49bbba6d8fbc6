"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { action } from "@/lib/http/action-result";
import { startDraft } from "@/lib/workflow/draft-versions";
import { startEditingSchema } from "@/components/editor/start-editing-schema";

/**
 * Opens the item's draft (the existing one, or a new one from `fromVersionId` or the latest version)
 * and sends the editor to it. A failure comes back to the button, which shows its message.
 */
export const startEditing = action("startEditing", ["EDITOR"], startEditingSchema, async (user, input) => {
  const item = "articleId" in input ? { articleId: input.articleId } : { riskListId: input.riskListId };
  const draft = await startDraft(getDb(), user, item, input.fromVersionId);
  if (!draft.ok) return draft;
  redirect(`/admin/versioner/${draft.value.id}/redigera`);
});
