"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createGlossaryTermSchema } from "@/lib/workflow/create-item-schemas";
import { createGlossaryTermAction } from "@/lib/actions/editor-actions";
import { glossaryFieldLabels, ownerLabels } from "@/lib/labels/sv";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import { OwnerSelect } from "@/components/forms/owner-select";
import type { PossibleOwner } from "@/lib/auth/item-owners";
import { useSuggestedSlug } from "./use-suggested-slug";

type Values = z.input<typeof createGlossaryTermSchema>;
const fields = new Set(["ownerId", "slug", "title", "explanation"]);

/** `creatorId`: the signed-in editor, the default owner; `possibleOwners`: whom else they may name. */
export function CreateGlossaryTermForm({ creatorId, possibleOwners }: { creatorId: string; possibleOwners: PossibleOwner[] }) {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const form = useForm<Values, unknown, z.output<typeof createGlossaryTermSchema>>({
    resolver: zodResolver(createGlossaryTermSchema),
    defaultValues: { slug: "", title: "", explanation: "", ownerId: creatorId },
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors } = formState;
  const suggested = useSuggestedSlug(form);

  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    const result = await createGlossaryTermAction(input);
    if (!result.ok) setFormErrors(applyServerFieldErrors(result.error, setError, (path) => fields.has(path)));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrors messages={formErrors} />
      <FormField id="title" label={glossaryFieldLabels.title} error={errors.title?.message}>
        <input type="text" {...fieldAria("title", errors.title?.message)} {...suggested.title} />
      </FormField>
      <FormField id="slug" label="Adress (slug)" hint="Föreslås från termen och kan ändras; endast a–z, 0–9 och bindestreck." error={errors.slug?.message}>
        <input type="text" {...fieldAria("slug", errors.slug?.message, true)} {...suggested.slug} />
      </FormField>
      <FormField id="explanation" label={glossaryFieldLabels.explanation} error={errors.explanation?.message}>
        <textarea rows={4} {...fieldAria("explanation", errors.explanation?.message)} {...register("explanation")} />
      </FormField>
      <OwnerSelect label={ownerLabels.owner} hint={ownerLabels.ownerHint} field={register("ownerId")} error={errors.ownerId?.message} possibleOwners={possibleOwners} />
      <button type="submit" disabled={formState.isSubmitting}>
        Skapa ordlisteterm
      </button>
    </form>
  );
}
