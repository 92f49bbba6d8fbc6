"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ArticleKind } from "@/lib/db/generated/enums";
import { createArticleSchema } from "@/lib/workflow/create-item-schemas";
import { createArticleAction } from "@/lib/actions/editor-actions";
import { articleKindLabels } from "@/lib/labels/sv";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";

type Values = z.input<typeof createArticleSchema>;
const fields = new Set(["slug", "kind", "title"]);

export function CreateArticleForm() {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof createArticleSchema>>({
    resolver: zodResolver(createArticleSchema),
    defaultValues: { slug: "", title: "", kind: "PROCEDURE" },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    // On success the action redirects to the new draft's editor.
    const result = await createArticleAction(input);
    if (!result.ok) setFormErrors(applyServerFieldErrors(result.error, setError, (path) => fields.has(path)));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrors messages={formErrors} />
      <FormField id="title" label="Rubrik / Title" error={errors.title?.message}>
        <input type="text" {...fieldAria("title", errors.title?.message)} {...register("title")} />
      </FormField>
      <FormField id="slug" label="Adress (slug)" hint="Sidans adress: /artiklar/<slug>. Endast a–z, 0–9 och bindestreck." error={errors.slug?.message}>
        <input type="text" {...fieldAria("slug", errors.slug?.message, true)} {...register("slug")} />
      </FormField>
      <FormField id="kind" label="Typ / Kind" error={errors.kind?.message}>
        <select {...fieldAria("kind", errors.kind?.message)} {...register("kind")}>
          {Object.values(ArticleKind).map((kind) => (
            <option key={kind} value={kind}>
              {articleKindLabels[kind]}
            </option>
          ))}
        </select>
      </FormField>
      <button type="submit" disabled={formState.isSubmitting}>
        Skapa artikel
      </button>
    </form>
  );
}
