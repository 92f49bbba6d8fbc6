"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { approveVersionSchema, reattestVersionSchema, requestChangesSchema, reviewChecklistItems, reviewCommentSchema, reviewIntervalsMonths } from "@/lib/workflow/review-schemas";
import { reviewChecklistLabels } from "@/lib/labels/sv";
import type { ActionResult } from "@/lib/actions/action-wrapper";
import {
  addReviewCommentAction,
  approveVersionAction,
  reattestVersionAction,
  requestChangesAction,
} from "@/lib/actions/review-actions";
import { FieldError, FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
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

type AttestationValues = z.input<typeof reattestVersionSchema>;
const attestationFields = ["nextReviewDue", "reviewIntervalMonths", ...reviewChecklistItems.map((item) => `checklist.${item}`), "checklist"];

/**
 * The whole-page checklist (each item must be ticked: the server refuses otherwise), the review cycle and
 * an optional next-review date, shared by approving and re-attesting.
 */
function AttestationFields({
  prefix,
  register,
  errors,
  intervalMonths,
}: {
  prefix: string;
  register: UseFormRegister<AttestationValues>;
  errors: FieldErrors<AttestationValues>;
  intervalMonths: number;
}) {
  const dateError = errors.nextReviewDue?.message;
  const intervalError = errors.reviewIntervalMonths?.message;
  return (
    <>
      <fieldset className="review-checklist" data-testid={`${prefix}-checklist`}>
        <legend>Checklista för hela sidan</legend>
        {errors.checklist?.message && <p className="field-error">{errors.checklist.message}</p>}
        {reviewChecklistItems.map((item) => {
          const id = `${prefix}-checklist-${item}`;
          const error = errors.checklist?.[item]?.message;
          return (
            <div key={item} className="field field-checkbox">
              <input type="checkbox" id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...register(`checklist.${item}`)} />
              <label htmlFor={id}>{reviewChecklistLabels[item]}</label>
              <FieldError id={id} message={error} />
            </div>
          );
        })}
      </fieldset>
      <FormField id={`${prefix}-reviewIntervalMonths`} label="Granskningsintervall" hint={`Nu: var ${intervalMonths}:e månad.`} error={intervalError}>
        <select {...fieldAria(`${prefix}-reviewIntervalMonths`, intervalError, true)} {...register("reviewIntervalMonths")}>
          {reviewIntervalsMonths.map((months) => (
            <option key={months} value={months}>
              Var {months}:e månad
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${prefix}-nextReviewDue`} label="Nästa granskning senast" hint="Lämna tomt för ett intervall fram från i dag." optional error={dateError}>
        <input
          type="date"
          {...fieldAria(`${prefix}-nextReviewDue`, dateError, true)}
          {...register("nextReviewDue", { setValueAs: (value: string) => (value === "" ? undefined : value) })}
        />
      </FormField>
    </>
  );
}

const uncheckedChecklist = { sourcesChecked: false, risksCurrent: false, linksChecked: false, feedbackReviewed: false } as unknown as AttestationValues["checklist"];

export function ApproveVersionForm({ versionId, contentHash, intervalMonths }: { versionId: string; contentHash: string; intervalMonths: number }) {
  type Values = z.input<typeof approveVersionSchema>;
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof approveVersionSchema>>({
    resolver: zodResolver(approveVersionSchema),
    defaultValues: { versionId, contentHash, checklist: uncheckedChecklist, reviewIntervalMonths: intervalMonths, nextReviewDue: undefined },
  });
  const { formErrors, done, submit } = useServerOutcome(attestationFields);
  const onSubmit = handleSubmit((input) => submit(() => approveVersionAction(input), setError));
  return (
    <form onSubmit={onSubmit} noValidate className="form review-form" aria-labelledby="review-approve-heading">
      <h3 id="review-approve-heading">Godkänn</h3>
      <p className="review-hint">Godkännandet gäller exakt den text du ser (innehållshash {contentHash.slice(0, 12)}).</p>
      <FormErrors messages={formErrors} />
      <AttestationFields prefix="approve" register={register as unknown as UseFormRegister<AttestationValues>} errors={formState.errors} intervalMonths={intervalMonths} />
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

export function ReattestVersionForm({ versionId, intervalMonths }: { versionId: string; intervalMonths: number }) {
  const { register, handleSubmit, setError, formState } = useForm<AttestationValues, unknown, z.output<typeof reattestVersionSchema>>({
    resolver: zodResolver(reattestVersionSchema),
    defaultValues: { versionId, checklist: uncheckedChecklist, reviewIntervalMonths: intervalMonths, nextReviewDue: undefined },
  });
  const { formErrors, done, submit } = useServerOutcome(attestationFields);
  const onSubmit = handleSubmit((input) => submit(() => reattestVersionAction(input), setError));
  return (
    <form onSubmit={onSubmit} noValidate className="form review-form" aria-labelledby="review-reattest-heading">
      <h3 id="review-reattest-heading">Bekräfta oförändrat innehåll</h3>
      <p className="review-hint">Intygar att hela den publicerade sidan fortfarande stämmer, utan ny version. Händelsen loggas.</p>
      <FormErrors messages={formErrors} />
      <AttestationFields prefix="reattest" register={register} errors={formState.errors} intervalMonths={intervalMonths} />
      <button type="submit" disabled={formState.isSubmitting || done}>
        Bekräfta granskning
      </button>
    </form>
  );
}
