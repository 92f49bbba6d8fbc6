"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteWebhookSubscriptionAction, setWebhookSubscriptionActiveAction } from "@/lib/actions/webhook-actions";
import "./webhooks.css";
import { adminPaths } from "@/lib/paths/admin-paths";

/** Pause or resume a subscription, or delete it with its delivery log (after a confirmation). */
export function WebhookSubscriptionControls({ subscription }: { subscription: { id: string; url: string; active: boolean } }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [pending, startTransition] = useTransition();

  const toggle = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await setWebhookSubscriptionActiveAction({ subscriptionId: subscription.id, active: !subscription.active });
      if (!result.ok) setFailure(result.error.message);
      else router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await deleteWebhookSubscriptionAction({ subscriptionId: subscription.id });
      if (!result.ok) setFailure(result.error.message);
      else router.push(adminPaths.webhooks);
    });

  return (
    <section aria-labelledby="webhook-hantera-rubrik" className="form">
      <h2 id="webhook-hantera-rubrik">Hantera</h2>
      <p data-testid="webhook-active-state">
        {subscription.active ? "Aktiv: nya händelser levereras." : "Inaktiverad: inga nya leveranser, väntande skickas inte."}
      </p>
      <div className="webhooks-buttons">
        <button type="button" onClick={toggle} disabled={pending}>
          {subscription.active ? "Inaktivera" : "Återaktivera"}
        </button>
        {confirmingDelete ? (
          <>
            <button type="button" onClick={remove} disabled={pending} className="webhooks-danger">
              Ja, ta bort webhooken och dess logg
            </button>
            <button type="button" onClick={() => setConfirmingDelete(false)} disabled={pending}>
              Avbryt
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmingDelete(true)} disabled={pending}>
            Ta bort…
          </button>
        )}
      </div>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
    </section>
  );
}
