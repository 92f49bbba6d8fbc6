import type { ContentVersion } from "@/lib/db/generated/client";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { availableActions } from "@/lib/workflow/version-workflow";
import { versionAuthorship } from "@/lib/workflow/version-lock";
import { formatAdminDateTime } from "@/lib/labels/sv";
import { PublishControlsPanel, type PublishingAction } from "./publish-controls-panel";
import "./publishing.css";

const publishingActions = ["publish", "schedulePublish", "unpublish", "scheduleUnpublish"] as const satisfies PublishingAction[];

type Props = { version: Pick<ContentVersion, "id" | "status" | "scheduledPublishAt" | "scheduledUnpublishAt"> };

/** For those who cannot change it: when the version is due to be published or withdrawn, if ever. */
function ScheduleNotice({ version }: Props) {
  const { scheduledPublishAt, scheduledUnpublishAt } = version;
  if (!scheduledPublishAt && !scheduledUnpublishAt) return null;
  return (
    <p className="publishing-scheduled" data-testid="schedule-notice">
      {scheduledPublishAt && <>Publiceras {formatAdminDateTime(scheduledPublishAt)} (svensk tid). </>}
      {scheduledUnpublishAt && <>Avpubliceras {formatAdminDateTime(scheduledUnpublishAt)} (svensk tid).</>}
    </p>
  );
}

/**
 * The admin's publishing controls for one version: publish now or at a time, unpublish now or at a
 * time, and cancel a schedule. Shows only what the workflow table allows the signed-in user now (the
 * server actions check again); others see only the schedule, if there is one.
 */
export async function PublishControls({ version }: Props) {
  const user = await getCurrentUser();
  if (!user) return null;
  const allowed = availableActions(version, user, (await versionAuthorship(getDb(), version.id, user.id)).authorship);
  const actions = publishingActions.filter((action) => allowed.includes(action));
  if (actions.length === 0) return <ScheduleNotice version={version} />;
  return (
    <PublishControlsPanel
      versionId={version.id}
      actions={actions}
      scheduledPublishAt={version.scheduledPublishAt?.toISOString() ?? null}
      scheduledUnpublishAt={version.scheduledUnpublishAt?.toISOString() ?? null}
    />
  );
}
