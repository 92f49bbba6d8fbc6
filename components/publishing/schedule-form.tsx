"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/action-wrapper";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import { scheduleReleaseSchema, type ScheduleReleaseFormInput, type ScheduleReleaseInput } from "@/lib/workflow/publishing-schemas";

type Props = {
  versionId: string;
  /** Distinguishes the publish and unpublish forms' field ids on one page. */
  idPrefix: string;
  label: string;
  submitLabel: string;
  schedule: (input: ScheduleReleaseFormInput) => Promise<ActionResult<unknown>>;
  onScheduled: () => void;
};

/** A Swedish date and time for a scheduled publish or unpublish, checked by the same schema as the action. */
export function ScheduleForm({ versionId, idPrefix, label, submitLabel, schedule, onScheduled }: Props) {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const { register, handleSubmit, setError, reset, getValues, formState } = useForm<ScheduleReleaseFormInput, unknown, ScheduleReleaseInput>({
    resolver: zodResolver(scheduleReleaseSchema),
    defaultValues: { versionId, at: "" },
  });
  const error = formState.errors.at?.message;
  const fieldId = `${idPrefix}-at`;

  // The action gets the wall-clock text as entered and converts it itself, with the same schema.
  const onSubmit = handleSubmit(async () => {
    setFormErrors([]);
    const result = await schedule(getValues());
    if (!result.ok) {
      setFormErrors(applyServerFieldErrors(result.error, setError, (path) => path === "at"));
      return;
    }
    reset({ versionId, at: "" });
    onScheduled();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="publishing-schedule">
      <FormErrors messages={formErrors} />
      <input type="hidden" {...register("versionId")} />
      <FormField id={fieldId} label={label} hint="Svensk tid (Europe/Stockholm)." error={error}>
        <input type="datetime-local" {...fieldAria(fieldId, error, true)} {...register("at")} />
      </FormField>
      <button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Schemalägger…" : submitLabel}
      </button>
    </form>
  );
}
