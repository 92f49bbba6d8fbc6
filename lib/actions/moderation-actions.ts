"use server";

import { deleteCommentSchema, moderateCommentSchema } from "@/lib/comments/comment-schemas";
import { deleteComment, moderateComment } from "@/lib/comments/moderate-comment";
import { getDb } from "@/lib/db/client";
import { action } from "@/lib/actions/action-wrapper";

// Approved comments are cached with the published content; every decision's event expires that cache.

export const moderateCommentAction = action("comments.moderate", ["ADMIN"], moderateCommentSchema, (admin, input) => moderateComment(getDb(), admin, input));

export const deleteCommentAction = action("comments.delete", ["ADMIN"], deleteCommentSchema, (admin, input) => deleteComment(getDb(), admin, input));
