"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { RiskFrequency, RiskSeverity } from "@/lib/db/generated/enums";
import { createRiskListSchema } from "@/lib/workflow/create-item-schemas";
import { createRiskListAction } from "@/lib/actions/editor-actions";
import { contentFieldLabels, frequencyLabels, ownerLabels, severityLabels } from "@/lib/labels/sv";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import { OwnerSelect } from "@/components/forms/owner-select";
import type { PossibleOwner } from "@/lib/auth/item-owners";
import { useSuggestedSlug } from "./use-suggested-slug";

type Values = z.input<typeof createRiskListSchema>;
const fields = new Set(["ownerId", "slug", "title", "firstRisk.text", "firstRisk.severity", "firstRisk.frequency", "firstRisk.temporary"]);

/** `creatorId`: the signed-in editor, the default owner; `possibleOwners`: whom else they may name. */
export function CreateRiskListForm({ creatorId, possibleOwners }: { creatorId: string; possibleOwners: PossibleOwner[] }) {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const form = useForm<Values, unknown, z.output<typeof createRiskListSchema>>({
    resolver: zodResolver(createRiskListSchema),
    defaultValues: { slug: "", title: "", firstRisk: { text: "", severity: "MILD", frequency: "COMMON", temporary: false }, ownerId: creatorId },
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors } = formState;
  const suggested = useSuggestedSlug(form);

  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    const result = await createRiskListAction(input);
    if (!result.ok) setFormErrors(applyServerFieldErrors(result.error, setError, (path) => fields.has(path)));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormErrors messages={formErrors} />
      <FormField id="title" label={contentFieldLabels.title} error={errors.title?.message}>
        <input type="text" {...fieldAria("title", errors.title?.message)} {...suggested.title} />
      </FormField>
      <FormField id="slug" label="Adress (slug)" hint="Föreslås från rubriken och kan ändras; endast a–z, 0–9 och bindestreck." error={errors.slug?.message}>
        <input type="text" {...fieldAria("slug", errors.slug?.message, true)} {...suggested.slug} />
      </FormField>
      <fieldset className="editor-fieldset">
        <legend>Första risken (en risklista kan inte vara tom)</legend>
        <FormField id="firstRisk-text" label="Risk" error={errors.firstRisk?.text?.message}>
          <input type="text" {...fieldAria("firstRisk-text", errors.firstRisk?.text?.message)} {...register("firstRisk.text")} />
        </FormField>
        <FormField id="firstRisk-severity" label="Allvarlighet" error={errors.firstRisk?.severity?.message}>
          <select {...fieldAria("firstRisk-severity", errors.firstRisk?.severity?.message)} {...register("firstRisk.severity")}>
            {Object.values(RiskSeverity).map((severity) => (
              <option key={severity} value={severity}>
                {severityLabels[severity]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="firstRisk-frequency" label="Hur vanlig" error={errors.firstRisk?.frequency?.message}>
          <select {...fieldAria("firstRisk-frequency", errors.firstRisk?.frequency?.message)} {...register("firstRisk.frequency")}>
            {Object.values(RiskFrequency).map((frequency) => (
              <option key={frequency} value={frequency}>
                {frequencyLabels[frequency]}
              </option>
            ))}
          </select>
        </FormField>
        <div className="field editor-checkbox">
          <input type="checkbox" id="firstRisk-temporary" {...register("firstRisk.temporary")} />
          <label htmlFor="firstRisk-temporary">Övergående</label>
        </div>
      </fieldset>
      <OwnerSelect label={ownerLabels.owner} hint={ownerLabels.ownerHint} field={register("ownerId")} error={errors.ownerId?.message} possibleOwners={possibleOwners} />
      <button type="submit" disabled={formState.isSubmitting}>
        Skapa risklista
      </button>
    </form>
  );
}
