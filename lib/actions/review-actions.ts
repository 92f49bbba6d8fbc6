"use server";

import { getDb } from "@/lib/db/client";
import { ok } from "@/lib/errors/domain-result";
import { action } from "@/lib/actions/action-wrapper";
import { approveVersionSchema, reattestVersionSchema, requestChangesSchema, reviewCommentSchema } from "@/lib/workflow/review-schemas";
import { addReviewComment, approveVersion, reattestVersion, requestChanges } from "@/lib/workflow/review-versions";

/*
 * The reviewer's actions on /admin/versioner/[versionId]. Each is a thin call into lib/workflow, which
 * asks the workflow table (four-eyes included) inside the transaction; hiding a button is only courtesy.
 */

export const approveVersionAction = action("approveVersion", ["REVIEWER"], approveVersionSchema, async (user, input) => {
  const approved = await approveVersion(getDb(), user, input);
  return approved.ok ? ok({ versionId: approved.value.id }) : approved;
});

export const requestChangesAction = action("requestChanges", ["REVIEWER"], requestChangesSchema, async (user, input) => {
  const returned = await requestChanges(getDb(), user, input);
  return returned.ok ? ok({ versionId: returned.value.id }) : returned;
});

export const addReviewCommentAction = action("addReviewComment", ["REVIEWER"], reviewCommentSchema, (user, input) =>
  addReviewComment(getDb(), user, input),
);

export const reattestVersionAction = action("reattestVersion", ["REVIEWER"], reattestVersionSchema, async (user, input) => {
  const reattested = await reattestVersion(getDb(), user, input);
  return reattested.ok ? ok({ versionId: reattested.value.id }) : reattested;
});
