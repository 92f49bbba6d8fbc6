"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { inviteExternalReviewerAction, revokeExternalReviewAction } from "@/lib/actions/external-review-actions";
import { inviteExternalReviewerSchema } from "@/lib/external-review/external-review-schemas";
import { FormErrors, TextField } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";

/** One invitation as the review screen lists it (dates already formatted on the server). */
export type InvitationRow = {
  id: string;
  expert: string;
  email: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  state: string;
  /** Not yet revoked or expired (a closed review's link still shows its text until it expires). */
  revocable: boolean;
  emailSent: boolean;
  lastViewedAt: string | null;
  commentCount: number;
};

/**
 * External review on a version's review screen: the invitations with their state and a revoke button
 * for each that still works, and (while the version is in review, for reviewers and admins) the form
 * that invites an outside expert. The link is shown once, here, right after the invitation: only its
 * hash is stored.
 */
export function ExternalReviewPanel({ versionId, invitations, canInvite, canRevoke, days }: { versionId: string; invitations: InvitationRow[]; canInvite: boolean; canRevoke: boolean; days: number }) {
  const router = useRouter();
  const [issued, setIssued] = useState<{ link: string; expert: string; expiresAt: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revokeErrors, setRevokeErrors] = useState<string[]>([]);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  type Values = z.input<typeof inviteExternalReviewerSchema>;
  const { register, handleSubmit, setError, reset, formState } = useForm<Values, unknown, z.output<typeof inviteExternalReviewerSchema>>({
    resolver: zodResolver(inviteExternalReviewerSchema),
    defaultValues: { versionId, expertName: "", expertTitle: "", expertEmail: "" },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    setCopied(false);
    const result = await inviteExternalReviewerAction(input);
    if (!result.ok) {
      setFormErrors(applyServerFieldErrors(result.error, setError, (path) => ["expertName", "expertTitle", "expertEmail"].includes(path)));
      return;
    }
    setIssued({ link: result.value.link, expert: `${input.expertName}, ${input.expertTitle}`, expiresAt: new Date(result.value.expiresAt).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" }) });
    reset({ versionId, expertName: "", expertTitle: "", expertEmail: "" });
    router.refresh();
  });

  async function revoke(invitationId: string) {
    setRevokeErrors([]);
    const result = await revokeExternalReviewAction({ invitationId });
    if (!result.ok) setRevokeErrors([result.error.message]);
    router.refresh();
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section className="review-section" aria-labelledby="external-review-heading" data-testid="external-review">
      <h2 id="external-review-heading">Extern granskning</h2>
      <p className="review-hint">
        En extern faktagranskare får en länk till just den här versionen, utan konto. Hen kan läsa texten och ändringarna mot den publicerade versionen och
        kommentera, men aldrig godkänna, publicera eller se något annat. Länken gäller i {days} dagar och kan återkallas.
      </p>
      {invitations.length === 0 ? (
        <p>Inga externa granskare inbjudna.</p>
      ) : (
        <ul className="review-comment-list" data-testid="external-invitations">
          {invitations.map((invitation) => (
            <li key={invitation.id} data-testid="external-invitation">
              <p>
                <strong>{invitation.expert}</strong> ({invitation.email}) · <span data-testid="external-invitation-state">{invitation.state}</span>
              </p>
              <p className="review-hint">
                Inbjuden av {invitation.invitedBy} {invitation.createdAt}, gäller till {invitation.expiresAt}. {invitation.emailSent ? "E-post skickad." : "E-post inte skickad: ge granskaren länken på annat sätt."}{" "}
                {invitation.lastViewedAt ? `Senast öppnad ${invitation.lastViewedAt}.` : "Inte öppnad ännu."} Kommentarer: {invitation.commentCount}.
              </p>
              {canRevoke && invitation.revocable && (
                <button type="button" onClick={() => revoke(invitation.id)}>
                  Återkalla länken för {invitation.expert}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormErrors messages={revokeErrors} />
      {issued && (
        <div className="review-notice" role="status" data-testid="external-link-issued">
          <p>
            Länken till {issued.expert} (gäller till {issued.expiresAt}) har skickats med e-post. Den visas bara nu: kopiera den om du vill ge den på annat sätt.
          </p>
          <label htmlFor="external-review-link">Länk för extern granskning</label>
          <input id="external-review-link" type="text" readOnly value={issued.link} data-testid="external-review-link" onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={() => copy(issued.link)}>
            Kopiera länken
          </button>
          {copied && <span> Kopierad.</span>}
        </div>
      )}
      {canInvite && (
        <form onSubmit={onSubmit} noValidate className="form review-form" aria-labelledby="external-invite-heading">
          <h3 id="external-invite-heading">Bjud in en extern granskare</h3>
          <FormErrors messages={formErrors} />
          <TextField id="external-expertName" label="Namn" autoComplete="off" field={register("expertName")} error={errors.expertName?.message} />
          <TextField id="external-expertTitle" label="Titel" hint="Visas med granskarens kommentarer, t.ex. ”Överläkare, specialist i anestesi”" field={register("expertTitle")} error={errors.expertTitle?.message} />
          <TextField id="external-expertEmail" label="E-post" type="email" autoComplete="off" field={register("expertEmail")} error={errors.expertEmail?.message} />
          <button type="submit" disabled={formState.isSubmitting}>
            Bjud in och skicka länken
          </button>
        </form>
      )}
    </section>
  );
}
