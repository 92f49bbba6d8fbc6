"use server";

import { cookies, headers } from "next/headers";
import type { CommentFormState, FeedbackFormState } from "@/lib/actions/reader-form-state";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { submitCommentSchema } from "@/lib/comments/comment-schemas";
import { submitComment } from "@/lib/comments/submit-comment";
import { getDb } from "@/lib/db/client";
import { feedbackVoteSchema } from "@/lib/feedback/feedback-schema";
import { recordFeedback } from "@/lib/feedback/record-feedback";
import { newReaderId, readerIdCookie, validReaderId } from "@/lib/feedback/voter-key";
import { publicAction } from "@/lib/actions/action-wrapper";

const oneYearSeconds = 365 * 24 * 60 * 60;

/** The key of the voter hash; the session secret, which every instance shares. */
function voterSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: feedback votes cannot be keyed");
  return secret;
}

/** The browser's reader id, issued here (httpOnly, SameSite=Lax) the first time the browser votes. */
async function readerId(): Promise<string> {
  const jar = await cookies();
  const existing = validReaderId(jar.get(readerIdCookie)?.value);
  if (existing) return existing;
  const issued = newReaderId();
  jar.set(readerIdCookie, issued, {
    httpOnly: true,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    path: "/",
    maxAge: oneYearSeconds,
  });
  return issued;
}

const voteFeedback = publicAction("feedback.vote", feedbackVoteSchema, async (input) =>
  recordFeedback(getDb(), input, { readerId: await readerId(), clientAddress: clientAddressFrom(await headers()) }, voterSecret()),
);

const postComment = publicAction("comment.submit", submitCommentSchema, async (input) => submitComment(getDb(), input, clientAddressFrom(await headers())));

/** A form's fields; a crafted action call may send anything else, which then has no fields. */
function fieldsOf(formData: unknown): Record<string, unknown> {
  return formData instanceof FormData ? Object.fromEntries(formData) : {};
}

/** Form action of "Var det här till hjälp?" (with or without JavaScript: useActionState). */
export async function voteFeedbackAction(_previous: FeedbackFormState, formData: unknown): Promise<FeedbackFormState> {
  const result = await voteFeedback(fieldsOf(formData));
  return result.ok ? { status: "recorded", helpful: result.value.helpful } : { status: "failed", message: result.error.message };
}

/** Form action of "Lämna en kommentar" (with or without JavaScript: useActionState). */
export async function submitCommentAction(_previous: CommentFormState, formData: unknown): Promise<CommentFormState> {
  const fields = fieldsOf(formData);
  const result = await postComment(fields);
  if (result.ok) return { status: "held" };
  const text = (field: string) => {
    const value = fields[field];
    return typeof value === "string" ? value : "";
  };
  return {
    status: "invalid",
    message: result.error.kind === "invalid" && result.error.fieldErrors ? "Kommentaren skickades inte. Rätta det som är markerat nedan." : result.error.message,
    fieldErrors: result.error.kind === "invalid" ? (result.error.fieldErrors ?? {}) : {},
    values: { name: text("name"), email: text("email"), body: text("body") },
  };
}
