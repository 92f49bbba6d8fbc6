"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { submitExternalCommentAction } from "@/lib/actions/external-review-actions";
import { externalCommentSchema } from "@/lib/external-review/external-review-schemas";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";

/** The outside expert's comment form: the whole version or one block, sent with the link's token. */
export function ExpertCommentForm({ token, blocks }: { token: string; blocks: { key: string; label: string }[] }) {
  const router = useRouter();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  type Values = z.input<typeof externalCommentSchema>;
  const { register, handleSubmit, setError, reset, formState } = useForm<Values, unknown, z.output<typeof externalCommentSchema>>({
    resolver: zodResolver(externalCommentSchema),
    defaultValues: { token, blockKey: "", body: "" },
  });
  const { errors } = formState;
  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    setSaved(false);
    const result = await submitExternalCommentAction(input);
    if (!result.ok) {
      setFormErrors(applyServerFieldErrors(result.error, setError, (path) => path === "blockKey" || path === "body"));
      return;
    }
    setSaved(true);
    reset({ token, blockKey: input.blockKey ?? "", body: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form review-form" aria-labelledby="expert-comment-heading" data-testid="expert-comment-form">
      <h3 id="expert-comment-heading">Ny kommentar</h3>
      <FormErrors messages={formErrors} />
      {saved && (
        <p role="status" data-testid="expert-comment-saved">
          Kommentaren är sparad och syns för redaktionens granskare.
        </p>
      )}
      <input type="hidden" {...register("token")} />
      {blocks.length > 0 && (
        <FormField id="expert-blockKey" label="Gäller" error={errors.blockKey?.message}>
          <select {...fieldAria("expert-blockKey", errors.blockKey?.message)} {...register("blockKey")}>
            <option value="">Hela versionen</option>
            {blocks.map((block) => (
              <option key={block.key} value={block.key}>
                {block.label}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <FormField id="expert-body" label="Kommentar" error={errors.body?.message}>
        <textarea rows={5} {...fieldAria("expert-body", errors.body?.message)} {...register("body")} />
      </FormField>
      <button type="submit" disabled={formState.isSubmitting}>
        Skicka kommentar
      </button>
    </form>
  );
}
