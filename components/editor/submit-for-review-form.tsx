"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { submitForReviewSchema } from "@/lib/workflow/review-schemas";
import { submitForReviewAction } from "@/lib/actions/editor-actions";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import type { ArticleContent, GlossaryTermContent, RiskListContent } from "@/lib/content/content-schemas";
import { ChangeKindPreview } from "./change-kind-preview";

type Values = z.input<typeof submitForReviewSchema>;
const fields = new Set(["changeNote", "readerNote"]);

/**
 * Freezes the draft for review with its two notes. Pending edits are saved first, so what is submitted
 * is exactly what the editor sees; the submit carries the revision that save left (the hidden field), and
 * the server refuses it if anyone saved since.
 */
export function SubmitForReviewForm({
  versionId,
  saveDraft,
  revision,
  published,
}: {
  versionId: string;
  saveDraft: () => Promise<boolean>;
  revision: () => number;
  /** The item's published content, which the change is classified against (null: nothing is published). */
  published: ArticleContent | RiskListContent | GlossaryTermContent | null;
}) {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const { register, handleSubmit, setError, setValue, formState, control } = useForm<Values, unknown, z.output<typeof submitForReviewSchema>>({
    resolver: zodResolver(submitForReviewSchema),
    defaultValues: { versionId, baseRevision: revision(), changeNote: "", readerNote: "", markedClinical: false },
  });
  const { errors } = formState;
  const markedClinical = useWatch({ control, name: "markedClinical" }) ?? false;

  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    if (!(await saveDraft())) {
      setFormErrors(["Utkastet kunde inte sparas; rätta det som står ovan och försök igen."]);
      return;
    }
    // The save may have moved the revision on: submit exactly the text it stored.
    const baseRevision = revision();
    setValue("baseRevision", baseRevision);
    // On success the action redirects to the version page.
    const result = await submitForReviewAction({ ...input, baseRevision });
    if (!result.ok) setFormErrors(applyServerFieldErrors(result.error, setError, (path) => fields.has(path)));
  });

  return (
    <section className="editor-submit" aria-labelledby="skicka-rubrik">
      <h2 id="skicka-rubrik">Skicka till granskning</h2>
      <p>Versionen låses när den skickas: granskaren godkänner exakt den här texten.</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors messages={formErrors} />
        <input type="hidden" {...register("baseRevision", { valueAsNumber: true })} />
        <FormField id="changeNote" label="Ändringsnotering till granskaren (intern)" error={errors.changeNote?.message}>
          <textarea rows={3} {...fieldAria("changeNote", errors.changeNote?.message)} {...register("changeNote")} />
        </FormField>
        <FormField id="readerNote" label="Vad har ändrats (visas för läsaren)" error={errors.readerNote?.message}>
          <textarea rows={2} {...fieldAria("readerNote", errors.readerNote?.message)} {...register("readerNote")} />
        </FormField>
        <ChangeKindPreview published={published} markedClinical={markedClinical} />
        <div className="form-field">
          <label>
            <input type="checkbox" data-testid="mark-clinical" {...register("markedClinical")} /> Markera som klinisk ändring (kräver klinisk granskare även om inga
            kliniska uppgifter ändras)
          </label>
        </div>
        <button type="submit" disabled={formState.isSubmitting}>
          Skicka till granskning
        </button>
      </form>
    </section>
  );
}
