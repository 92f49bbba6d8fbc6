"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { VersionAction } from "@/lib/workflow/version-workflow";
import type { ActionResult } from "@/lib/actions/action-wrapper";
import { formatAdminDateTime } from "@/lib/labels/sv";
import {
  cancelScheduledPublishAction,
  cancelScheduledUnpublishAction,
  publishNowAction,
  schedulePublishAction,
  scheduleUnpublishAction,
  unpublishNowAction,
} from "@/lib/actions/publishing-actions";
import { ScheduleForm } from "./schedule-form";

export type PublishingAction = Extract<VersionAction, "publish" | "schedulePublish" | "unpublish" | "scheduleUnpublish">;

type Props = {
  versionId: string;
  actions: PublishingAction[];
  scheduledPublishAt: string | null;
  scheduledUnpublishAt: string | null;
};

function ScheduledAt({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatAdminDateTime(new Date(iso))}</time>;
}

export function PublishControlsPanel({ versionId, actions, scheduledPublishAt, scheduledUnpublishAt }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingUnpublish, setConfirmingUnpublish] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirmingUnpublish) confirmButton.current?.focus();
  }, [confirmingUnpublish]);

  const done = (message: string) => {
    setFailure(null);
    setStatus(message);
    router.refresh();
  };

  const run = (call: () => Promise<ActionResult<unknown>>, message: string) => {
    setStatus(null);
    setFailure(null);
    startTransition(async () => {
      const result = await call();
      if (result.ok) done(message);
      else setFailure(result.error.message);
    });
  };

  return (
    <section className="publishing" aria-labelledby="publishing-heading" data-testid="publish-controls">
      <h2 id="publishing-heading">Publicering</h2>
      <div aria-live="polite">{status && <p className="publishing-status">{status}</p>}</div>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}

      {actions.includes("publish") && (
        <div className="publishing-row">
          <button type="button" className="publishing-primary" disabled={pending} onClick={() => run(() => publishNowAction({ versionId }), "Versionen är publicerad.")}>
            Publicera nu
          </button>
        </div>
      )}

      {actions.includes("schedulePublish") && (
        <div className="publishing-row">
          {scheduledPublishAt && (
            <p className="publishing-scheduled" data-testid="scheduled-publish">
              Schemalagd publicering: <ScheduledAt iso={scheduledPublishAt} /> (svensk tid){" "}
              <button
                type="button"
                disabled={pending}
                onClick={() => run(() => cancelScheduledPublishAction({ versionId }), "Schemalagd publicering avbruten.")}
              >
                Avbryt schemaläggning
              </button>
            </p>
          )}
          <ScheduleForm
            versionId={versionId}
            idPrefix="publish"
            label={scheduledPublishAt ? "Ny tid för publicering" : "Publicera vid"}
            submitLabel="Schemalägg publicering"
            schedule={schedulePublishAction}
            onScheduled={() => done("Publiceringen är schemalagd.")}
          />
        </div>
      )}

      {actions.includes("unpublish") && (
        <div className="publishing-row">
          {confirmingUnpublish ? (
            <div role="group" aria-labelledby="publishing-unpublish-question" className="publishing-confirm">
              <p id="publishing-unpublish-question">
                Avpublicera? Sidan försvinner från webbplatsen, flödet och API:t, och prenumeranter meddelas.
              </p>
              <button
                type="button"
                ref={confirmButton}
                className="publishing-danger"
                disabled={pending}
                onClick={() => {
                  setConfirmingUnpublish(false);
                  run(() => unpublishNowAction({ versionId }), "Versionen är avpublicerad.");
                }}
              >
                Ja, avpublicera
              </button>{" "}
              <button type="button" onClick={() => setConfirmingUnpublish(false)}>
                Nej, behåll publicerad
              </button>
            </div>
          ) : (
            <button type="button" className="publishing-danger" disabled={pending} onClick={() => setConfirmingUnpublish(true)}>
              Avpublicera
            </button>
          )}
        </div>
      )}

      {actions.includes("scheduleUnpublish") && (
        <div className="publishing-row">
          {scheduledUnpublishAt && (
            <p className="publishing-scheduled" data-testid="scheduled-unpublish">
              Schemalagd avpublicering: <ScheduledAt iso={scheduledUnpublishAt} /> (svensk tid){" "}
              <button
                type="button"
                disabled={pending}
                onClick={() => run(() => cancelScheduledUnpublishAction({ versionId }), "Schemalagd avpublicering avbruten.")}
              >
                Avbryt schemalagd avpublicering
              </button>
            </p>
          )}
          <ScheduleForm
            versionId={versionId}
            idPrefix="unpublish"
            label={scheduledUnpublishAt ? "Ny tid för avpublicering" : "Avpublicera vid"}
            submitLabel="Schemalägg avpublicering"
            schedule={scheduleUnpublishAction}
            onScheduled={() => done("Avpubliceringen är schemalagd.")}
          />
        </div>
      )}
    </section>
  );
}
