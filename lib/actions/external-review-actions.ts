"use server";

import { headers } from "next/headers";
import { action, publicAction } from "@/lib/actions/action-wrapper";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { getDb } from "@/lib/db/client";
import { ok } from "@/lib/errors/domain-result";
import { addExternalComment } from "@/lib/external-review/expert-comment";
import { externalCommentSchema, inviteExternalReviewerSchema, revokeExternalReviewSchema } from "@/lib/external-review/external-review-schemas";
import { inviteExternalReviewer, revokeExternalReview } from "@/lib/external-review/invitations";

/*
 * External review (lib/external-review). The reviewer's and admin's actions on a version's review screen,
 * and the one action an outside expert can take: a comment through their link's token, with no sign-in.
 * The token opens nothing else: every other action requires a signed-in user with a role.
 */

/** Returns the link once; it is never stored and cannot be shown again. */
export const inviteExternalReviewerAction = action("inviteExternalReviewer", ["REVIEWER", "ADMIN"], inviteExternalReviewerSchema, async (user, input) => {
  const issued = await inviteExternalReviewer(getDb(), user, input);
  return issued.ok ? ok({ invitationId: issued.value.invitationId, link: issued.value.link, expiresAt: issued.value.expiresAt.toISOString() }) : issued;
});

export const revokeExternalReviewAction = action("revokeExternalReview", ["REVIEWER", "ADMIN"], revokeExternalReviewSchema, (user, input) =>
  revokeExternalReview(getDb(), user, input),
);

export const submitExternalCommentAction = publicAction("externalReview.comment", externalCommentSchema, async (input) => {
  const added = await addExternalComment(getDb(), input, clientAddressFrom(await headers()));
  return added.ok ? ok({ commentId: added.value.id }) : added;
});
