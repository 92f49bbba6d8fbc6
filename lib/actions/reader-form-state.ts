import type { SubmitCommentInput } from "@/lib/comments/comment-schemas";

/** What the feedback form shows after an answer: the answer given, or why it was not recorded. */
export type FeedbackFormState = { status: "idle" } | { status: "recorded"; helpful: boolean } | { status: "failed"; message: string };

export type CommentFormValues = Pick<SubmitCommentInput, "name" | "email" | "body">;

/**
 * What the comment form shows after a submission. `values` gives the reader back what they typed when the
 * comment was not accepted (without JavaScript the page is rebuilt from this state).
 */
export type CommentFormState =
  | { status: "idle" }
  | { status: "held" }
  | { status: "invalid"; message: string; fieldErrors: Record<string, string[]>; values: CommentFormValues };

export const idleFeedback: FeedbackFormState = { status: "idle" };
export const idleComment: CommentFormState = { status: "idle" };
