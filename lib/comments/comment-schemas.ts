import { z } from "zod";

export const commentLimits = { name: 80, email: 254, body: 2000 } as const;

/**
 * "Lämna en kommentar": the one schema of the public form and its server action. `webbplats` is the
 * honeypot, a field people never see or fill in; a submission with text in it is accepted and dropped.
 */
export const submitCommentSchema = z.object({
  articleId: z.uuid("Okänd artikel"),
  name: z.string("Skriv ditt namn").trim().min(1, "Skriv ditt namn").max(commentLimits.name, `Namnet får vara högst ${commentLimits.name} tecken`),
  email: z
    .string("Skriv din e-postadress")
    .trim()
    .min(1, "Skriv din e-postadress")
    .max(commentLimits.email, `E-postadressen får vara högst ${commentLimits.email} tecken`)
    .pipe(z.email("Skriv en giltig e-postadress, till exempel namn@exempel.se")),
  body: z
    .string("Skriv din kommentar")
    .trim()
    .min(1, "Skriv din kommentar")
    .max(commentLimits.body, `Kommentaren får vara högst ${commentLimits.body} tecken`),
  webbplats: z.string().max(2000).optional(),
});

export type SubmitCommentInput = z.infer<typeof submitCommentSchema>;

/** An admin's decision on a comment: approving shows it on the article page, rejecting hides it. */
export const moderateCommentSchema = z.object({
  commentId: z.uuid("Okänd kommentar"),
  decision: z.enum(["APPROVED", "REJECTED"], "Välj godkänn eller avvisa"),
});

export type ModerateCommentInput = z.infer<typeof moderateCommentSchema>;

export const deleteCommentSchema = z.object({ commentId: z.uuid("Okänd kommentar") });

export type DeleteCommentInput = z.infer<typeof deleteCommentSchema>;
