import { z } from "zod";
import { versionIdSchema } from "@/lib/workflow/version-id-schema";

/*
 * The inputs of external review (lib/external-review), one schema per operation, shared by the forms
 * (the reviewer's invitation form, the expert's comment form) and the server actions, which parse once.
 * Schema-only: the forms' browser bundles must not pull in the database or Node's crypto.
 */

/** A link's token: 32 random bytes in base64url, 43 characters. */
export const externalReviewTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Länken är ogiltig");

export const inviteExternalReviewerSchema = z.object({
  versionId: versionIdSchema,
  expertName: z.string().trim().min(1, "Skriv granskarens namn").max(200, "Högst 200 tecken"),
  expertTitle: z.string().trim().min(1, "Skriv granskarens titel, t.ex. Överläkare, specialist i anestesi").max(200, "Högst 200 tecken"),
  expertEmail: z.string().trim().toLowerCase().max(254, "Högst 254 tecken").pipe(z.email("Skriv en giltig e-postadress")),
});

export const revokeExternalReviewSchema = z.object({
  invitationId: z.uuid(),
});

export const externalCommentSchema = z.object({
  token: externalReviewTokenSchema,
  /** A block of the version; absent (or empty, from the form's "hela versionen"): the whole version. */
  blockKey: z.preprocess((value) => (value === "" ? undefined : value), z.uuid().optional()),
  body: z.string().trim().min(1, "Skriv en kommentar").max(5000, "Högst 5 000 tecken"),
});

export type InviteExternalReviewerInput = z.output<typeof inviteExternalReviewerSchema>;
export type ExternalCommentInput = z.output<typeof externalCommentSchema>;
