"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { NotificationDelivery, NotificationKind } from "@/lib/db/generated/enums";
import { updateNotificationPreferencesAction } from "@/lib/actions/notification-actions";
import { kindsThatCannotBeTurnedOff, notificationPreferencesSchema } from "@/lib/notifications/notification-schemas";
import { FormErrors, FormField, fieldAria } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";

type Values = z.input<typeof notificationPreferencesSchema>;

/** Per kind: e-mail at once, in the daily digest, or none (the in-app entry is always made). */
export function NotificationPreferencesForm({
  preferences,
  kindLabels,
  deliveryLabels,
}: {
  preferences: Record<NotificationKind, NotificationDelivery>;
  kindLabels: Record<NotificationKind, string>;
  deliveryLabels: Record<NotificationDelivery, string>;
}) {
  const router = useRouter();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof notificationPreferencesSchema>>({
    resolver: zodResolver(notificationPreferencesSchema),
    defaultValues: { preferences },
  });
  const kinds = Object.keys(preferences) as NotificationKind[];
  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    setSaved(false);
    const result = await updateNotificationPreferencesAction(input);
    if (result.ok) {
      setSaved(true);
      router.refresh();
      return;
    }
    setFormErrors(applyServerFieldErrors(result.error, setError as never, (path) => path.startsWith("preferences.")));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="notification-preferences-heading" data-testid="notification-preferences">
      <h2 id="notification-preferences-heading">E-post</h2>
      <p className="field-hint">Aviseringen visas alltid här. Välj för varje slag om du också vill få e-post.</p>
      <FormErrors messages={formErrors} />
      {kinds.map((kind) => {
        const id = `preference-${kind}`;
        const error = formState.errors.preferences?.[kind]?.message;
        const locked = kindsThatCannotBeTurnedOff.includes(kind);
        return (
          <FormField key={kind} id={id} label={kindLabels[kind]} error={error} hint={locked ? "Kan inte stängas av." : undefined}>
            <select {...fieldAria(id, error, locked)} {...register(`preferences.${kind}`)}>
              {(Object.keys(deliveryLabels) as NotificationDelivery[])
                .filter((delivery) => !(locked && delivery === "OFF"))
                .map((delivery) => (
                  <option key={delivery} value={delivery}>
                    {deliveryLabels[delivery]}
                  </option>
                ))}
            </select>
          </FormField>
        );
      })}
      <button type="submit" disabled={formState.isSubmitting}>
        Spara e-postval
      </button>
      {saved && <p role="status">Dina val är sparade.</p>}
    </form>
  );
}
