"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ArticleKind } from "@/lib/db/generated/enums";
import { createArticleSchema } from "@/lib/workflow/create-item-schemas";
import { createArticleAction } from "@/lib/actions/editor-actions";
import { articleKindLabels, contentFieldLabels, ownerLabels } from "@/lib/labels/sv";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import { OwnerSelect } from "@/components/forms/owner-select";
import type { PossibleOwner } from "@/lib/auth/item-owners";
import { useSuggestedSlug } from "./use-suggested-slug";

type Values = z.input<typeof createArticleSchema>;
const fields = new Set(["ownerId", "slug", "kind", "title"]);

/** `creatorId`: the signed-in editor, the default owner; `possibleOwners`: whom else they may name. */
export function CreateArticleForm({ creatorId, possibleOwners }: { creatorId: string; possibleOwners: PossibleOwner[] }) {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const form = useForm<Values, unknown, z.output<typeof createArticleSchema>>({
    resolver: zodResolver(createArticleSchema),
    defaultValues: { slug: "", title: "", kind: "PROCEDURE", ownerId: creatorId },
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors } = formState;
  const suggested = useSuggestedSlug(form);

  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    // On success the action redirects to the new draft's editor.
    const result = await createArticleAction(input);
    if (!result.ok) setFormErrors(applyServerFieldErrors(result.error, setError, (path) => fields.has(path)));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrors messages={formErrors} />
      <FormField id="title" label={contentFieldLabels.title} error={errors.title?.message}>
        <input type="text" {...fieldAria("title", errors.title?.message)} {...suggested.title} />
      </FormField>
      <FormField id="slug" label="Adress (slug)" hint="Sidans adress: /artiklar/<slug>. Föreslås från rubriken och kan ändras; endast a–z, 0–9 och bindestreck." error={errors.slug?.message}>
        <input type="text" {...fieldAria("slug", errors.slug?.message, true)} {...suggested.slug} />
      </FormField>
      <FormField id="kind" label="Typ" error={errors.kind?.message}>
        <select {...fieldAria("kind", errors.kind?.message)} {...register("kind")}>
          {Object.values(ArticleKind).map((kind) => (
            <option key={kind} value={kind}>
              {articleKindLabels[kind]}
            </option>
          ))}
        </select>
      </FormField>
      <OwnerSelect label={ownerLabels.owner} hint={ownerLabels.ownerHint} field={register("ownerId")} error={errors.ownerId?.message} possibleOwners={possibleOwners} />
      <button type="submit" disabled={formState.isSubmitting}>
        Skapa artikel
      </button>
    </form>
  );
}
