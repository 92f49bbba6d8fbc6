"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createWebhookSubscriptionAction } from "@/lib/actions/webhook-actions";
import { FormErrors, TextField } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import { WebhookEvent } from "@/lib/db/generated/enums";
import { createWebhookSubscriptionSchema, type CreateWebhookSubscriptionFormInput } from "@/lib/webhooks/webhook-subscription-schemas";
import type { CreatedWebhookSubscription } from "@/lib/webhooks/webhook-subscriptions";
import { webhookEventLabels } from "@/lib/labels/sv";
import "./webhooks.css";

const fields: readonly string[] = ["url", "events"];

/**
 * An admin registers a subscriber. The signing secret comes back from the server this once and lives
 * only in this component's state: it is gone when the page is left, and no page shows it again.
 */
export function CreateWebhookForm() {
  const router = useRouter();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedWebhookSubscription | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<CreateWebhookSubscriptionFormInput>({
    resolver: zodResolver(createWebhookSubscriptionSchema),
    defaultValues: { url: "", events: ["PUBLISHED", "UNPUBLISHED"] },
  });

  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    setCreated(null);
    const result = await createWebhookSubscriptionAction(input);
    if (!result.ok) {
      setFormErrors(applyServerFieldErrors(result.error, setError, (path) => fields.includes(path)));
      return;
    }
    setCreated(result.value);
    reset();
    router.refresh();
  });

  const errors = formState.errors;
  const eventsError = errors.events?.message ?? errors.events?.root?.message;
  return (
    <section aria-labelledby="ny-webhook-rubrik" className="webhooks-create">
      <h2 id="ny-webhook-rubrik">Ny webhook</h2>
      {created && (
        <div role="status" className="webhooks-secret" data-testid="webhook-secret">
          <p>
            Webhooken till <strong>{created.url}</strong> är skapad. Kopiera signeringsnyckeln nu: den visas bara den här gången.
          </p>
          <p>
            <code>{created.secret}</code>
          </p>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="form" data-testid="create-webhook-form">
        <FormErrors messages={formErrors} />
        <TextField id="webhook-url" label="Mottagarens adress" hint="http:// eller https://. Mottagaren får ett POST-anrop med JSON." field={register("url")} error={errors.url?.message} />
        <fieldset className="webhooks-events" aria-describedby={eventsError ? "webhook-events-error" : undefined} aria-invalid={!!eventsError}>
          <legend>Händelser</legend>
          {Object.values(WebhookEvent).map((event) => (
            <label key={event} htmlFor={`webhook-event-${event}`}>
              <input id={`webhook-event-${event}`} type="checkbox" value={event} {...register("events")} /> {webhookEventLabels[event]}
            </label>
          ))}
          {eventsError && (
            <p id="webhook-events-error" className="field-error">
              {eventsError}
            </p>
          )}
        </fieldset>
        <button type="submit" disabled={formState.isSubmitting}>
          Lägg till webhook
        </button>
      </form>
    </section>
  );
}
