"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import type { VersionStatus } from "@/lib/db/generated/enums";
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
  status: VersionStatus;
  actions: PublishingAction[];
  /** Why a withdrawn version cannot be published again (a Swedish sentence), if it cannot. */
  refusal: string | null;
  /** The item's public address: its live page when published, its 404 otherwise. */
  publicHref: string | null;
  publishedAt: string | null;
  unpublishedAt: string | null;
  scheduledPublishAt: string | null;
  scheduledUnpublishAt: string | null;
};

/** What the last action did, kept until the admin leaves the page. */
type Confirmation = { message: string; link: "live" | "gone" | null };

function ScheduledAt({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatAdminDateTime(new Date(iso))}</time>;
}

/** Where the version stands now, with the public address it concerns. */
function CurrentState({ status, publicHref, publishedAt, unpublishedAt }: Pick<Props, "status" | "publicHref" | "publishedAt" | "unpublishedAt">) {
  if (status === "PUBLISHED" && publishedAt) {
    return (
      <p data-testid="publishing-state">
        Publicerad sedan <ScheduledAt iso={publishedAt} />.{" "}
        {publicHref && (
          <Link href={publicHref} data-testid="live-page-link">
            Visa den publicerade sidan ({publicHref})
          </Link>
        )}
      </p>
    );
  }
  if (status === "UNPUBLISHED" && unpublishedAt) {
    return (
      <p data-testid="publishing-state">
        Avpublicerad <ScheduledAt iso={unpublishedAt} />. Läsarna ser inte versionen.
      </p>
    );
  }
  if (status === "APPROVED") return <p data-testid="publishing-state">Godkänd och redo att publiceras.</p>;
  return null;
}

export function PublishControlsPanel({ versionId, status: versionStatus, actions, refusal, publicHref, publishedAt, unpublishedAt, scheduledPublishAt, scheduledUnpublishAt }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<Confirmation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingUnpublish, setConfirmingUnpublish] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirmingUnpublish) confirmButton.current?.focus();
  }, [confirmingUnpublish]);

  const done = (message: string, link: Confirmation["link"] = null) => {
    setFailure(null);
    setStatus({ message, link });
    router.refresh();
  };

  const run = (call: () => Promise<ActionResult<unknown>>, message: string, link: Confirmation["link"] = null) => {
    setStatus(null);
    setFailure(null);
    startTransition(async () => {
      const result = await call();
      if (result.ok) done(message, link);
      else setFailure(result.error.message);
    });
  };

  return (
    <section className="panel publishing" aria-labelledby="publishing-heading" data-testid="publish-controls">
      <h2 id="publishing-heading">Publicering</h2>
      <div aria-live="polite" data-testid="publishing-confirmation">
        {status && (
          <p className="notice notice-success">
            {status.message}{" "}
            {publicHref && status.link === "live" && <Link href={publicHref}>Öppna den publicerade sidan</Link>}
            {publicHref && status.link === "gone" && (
              <>
                Sidan <Link href={publicHref}>{publicHref}</Link> svarar nu att den inte finns (404).
              </>
            )}
          </p>
        )}
      </div>
      <CurrentState status={versionStatus} publicHref={publicHref} publishedAt={publishedAt} unpublishedAt={unpublishedAt} />
      {refusal && (
        <p className="publishing-scheduled" data-testid="republish-refusal">
          {refusal}
        </p>
      )}
      {actions.length === 0 && !refusal && !status && (
        <p className="field-hint">Versionen kan inte publiceras eller avpubliceras i sin nuvarande status.</p>
      )}
      {failure && (
        <p role="alert" className="notice notice-error">
          {failure}
        </p>
      )}

      {actions.includes("publish") && (
        <div className="publishing-row">
          <button
            type="button"
            className="button button-primary"
            disabled={pending}
            onClick={() => run(() => publishNowAction({ versionId }), versionStatus === "UNPUBLISHED" ? "Versionen är publicerad igen." : "Versionen är publicerad.", "live")}
          >
            {versionStatus === "UNPUBLISHED" ? "Publicera igen" : "Publicera nu"}
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
            onScheduled={() => done("Publiceringen är schemalagd. Den syns under Schemalagt på översikten.")}
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
                className="button button-danger"
                disabled={pending}
                onClick={() => {
                  setConfirmingUnpublish(false);
                  run(() => unpublishNowAction({ versionId }), "Versionen är avpublicerad.", "gone");
                }}
              >
                Ja, avpublicera
              </button>{" "}
              <button type="button" onClick={() => setConfirmingUnpublish(false)}>
                Nej, behåll publicerad
              </button>
            </div>
          ) : (
            <button type="button" className="button button-danger" disabled={pending} onClick={() => setConfirmingUnpublish(true)}>
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
            onScheduled={() => done("Avpubliceringen är schemalagd. Den syns under Schemalagt på översikten.")}
          />
        </div>
      )}
    </section>
  );
}
