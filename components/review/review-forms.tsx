"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { approveVersionSchema, reattestVersionSchema, requestChangesSchema, reviewCommentSchema } from "@/lib/workflow/review-schemas";
import type { ActionResult } from "@/lib/actions/action-wrapper";
import {
  addReviewCommentAction,
  approveVersionAction,
  reattestVersionAction,
  requestChangesAction,
} from "@/lib/actions/review-actions";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";

/** After a successful decision or comment the page is re-read from the server; failures stay on the form. */
function useServerOutcome(fields: readonly string[]) {
  const router = useRouter();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  async function submit<T, Setter>(run: () => Promise<ActionResult<T>>, setError: Setter) {
    setFormErrors([]);
    const result = await run();
    if (result.ok) {
      setDone(true);
      router.refresh();
      return true;
    }
    setFormErrors(applyServerFieldErrors(result.error, setError as never, (path) => fields.includes(path)));
    return false;
  }
  return { formErrors, done, submit };
}

export function ReviewCommentForm({ versionId, blocks }: { versionId: string; blocks: { key: string; label: string }[] }) {
  type Values = z.input<typeof reviewCommentSchema>;
  const { register, handleSubmit, setError, reset, formState } = useForm<Values, unknown, z.output<typeof reviewCommentSchema>>({
    resolver: zodResolver(reviewCommentSchema),
    defaultValues: { versionId, blockKey: undefined, body: "" },
  });
  const { formErrors, submit } = useServerOutcome(["blockKey", "body"]);
  const { errors } = formState;
  const onSubmit = handleSubmit(async (input) => {
    if (await submit(() => addReviewCommentAction(input), setError)) reset({ versionId, blockKey: input.blockKey, body: "" });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form review-form" aria-labelledby="review-comment-heading">
      <h3 id="review-comment-heading">Ny kommentar</h3>
      <FormErrors messages={formErrors} />
      {blocks.length > 0 && (
        <FormField id="comment-blockKey" label="Gäller" error={errors.blockKey?.message}>
          <select
            {...fieldAria("comment-blockKey", errors.blockKey?.message)}
            {...register("blockKey", { setValueAs: (value: string) => (value === "" ? undefined : value) })}
          >
            <option value="">Hela versionen</option>
            {blocks.map((block) => (
              <option key={block.key} value={block.key}>
                {block.label}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <FormField id="comment-body" label="Kommentar" error={errors.body?.message}>
        <textarea rows={4} {...fieldAria("comment-body", errors.body?.message)} {...register("body")} />
      </FormField>
      <button type="submit" disabled={formState.isSubmitting}>
        Lägg till kommentar
      </button>
    </form>
  );
}

export function ApproveVersionForm({ versionId, contentHash, defaultNextReviewDue }: { versionId: string; contentHash: string; defaultNextReviewDue: string }) {
  type Values = z.input<typeof approveVersionSchema>;
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof approveVersionSchema>>({
    resolver: zodResolver(approveVersionSchema),
    defaultValues: { versionId, contentHash, nextReviewDue: defaultNextReviewDue },
  });
  const { formErrors, done, submit } = useServerOutcome(["nextReviewDue"]);
  const error = formState.errors.nextReviewDue?.message;
  const onSubmit = handleSubmit((input) => submit(() => approveVersionAction(input), setError));
  return (
    <form onSubmit={onSubmit} noValidate className="form review-form" aria-labelledby="review-approve-heading">
      <h3 id="review-approve-heading">Godkänn</h3>
      <p className="review-hint">Godkännandet gäller exakt den text du ser (innehållshash {contentHash.slice(0, 12)}).</p>
      <FormErrors messages={formErrors} />
      <FormField id="approve-nextReviewDue" label="Nästa granskning senast" hint="Förvalt: om 12 månader." error={error}>
        <input type="date" {...fieldAria("approve-nextReviewDue", error, true)} {...register("nextReviewDue")} />
      </FormField>
      <button type="submit" disabled={formState.isSubmitting || done}>
        Godkänn versionen
      </button>
    </form>
  );
}

export function RequestChangesForm({ versionId }: { versionId: string }) {
  type Values = z.input<typeof requestChangesSchema>;
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof requestChangesSchema>>({
    resolver: zodResolver(requestChangesSchema),
    defaultValues: { versionId, comment: "" },
  });
  const { formErrors, done, submit } = useServerOutcome(["comment"]);
  const error = formState.errors.comment?.message;
  const onSubmit = handleSubmit((input) => submit(() => requestChangesAction(input), setError));
  return (
    <form onSubmit={onSubmit} noValidate className="form review-form" aria-labelledby="review-changes-heading">
      <h3 id="review-changes-heading">Begär ändringar</h3>
      <FormErrors messages={formErrors} />
      <FormField id="changes-comment" label="Vad behöver ändras?" error={error}>
        <textarea rows={4} {...fieldAria("changes-comment", error)} {...register("comment")} />
      </FormField>
      <button type="submit" disabled={formState.isSubmitting || done}>
        Skicka tillbaka för ändringar
      </button>
    </form>
  );
}

export function ReattestVersionForm({ versionId, defaultNextReviewDue }: { versionId: string; defaultNextReviewDue: string }) {
  type Values = z.input<typeof reattestVersionSchema>;
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof reattestVersionSchema>>({
    resolver: zodResolver(reattestVersionSchema),
    defaultValues: { versionId, nextReviewDue: defaultNextReviewDue },
  });
  const { formErrors, done, submit } = useServerOutcome(["nextReviewDue"]);
  const error = formState.errors.nextReviewDue?.message;
  const onSubmit = handleSubmit((input) => submit(() => reattestVersionAction(input), setError));
  return (
    <form onSubmit={onSubmit} noValidate className="form review-form" aria-labelledby="review-reattest-heading">
      <h3 id="review-reattest-heading">Bekräfta oförändrat innehåll</h3>
      <p className="review-hint">Intygar att den publicerade texten fortfarande stämmer, utan ny version. Händelsen loggas.</p>
      <FormErrors messages={formErrors} />
      <FormField id="reattest-nextReviewDue" label="Nästa granskning senast" hint="Förvalt: om 12 månader." error={error}>
        <input type="date" {...fieldAria("reattest-nextReviewDue", error, true)} {...register("nextReviewDue")} />
      </FormField>
      <button type="submit" disabled={formState.isSubmitting || done}>
        Bekräfta granskning
      </button>
    </form>
  );
}
