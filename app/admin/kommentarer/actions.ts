"use server";

import { deleteCommentSchema, moderateCommentSchema } from "@/lib/comments/comment-schemas";
import { deleteComment, moderateComment } from "@/lib/comments/moderate-comment";
import { invalidatePublicContent } from "@/lib/content/public-cache";
import { getDb } from "@/lib/db/client";
import { action } from "@/lib/http/action-result";

// Approved comments are cached with the published content, so every decision expires that cache.

export const moderateCommentAction = action("comments.moderate", ["ADMIN"], moderateCommentSchema, async (admin, input) => {
  const result = await moderateComment(getDb(), admin, input);
  if (result.ok) invalidatePublicContent();
  return result;
});

export const deleteCommentAction = action("comments.delete", ["ADMIN"], deleteCommentSchema, async (admin, input) => {
  const result = await deleteComment(getDb(), admin, input);
  if (result.ok) invalidatePublicContent();
  return result;
});
