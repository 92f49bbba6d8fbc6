import type { ContentVersion } from "@/lib/db/generated/client";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { availableActions } from "@/lib/workflow/version-workflow";
import { isAuthorOf } from "@/lib/workflow/versioned-item";
import { PublishControlsPanel, type PublishingAction } from "./publish-controls-panel";
import "./publishing.css";

const publishingActions = ["publish", "schedulePublish", "unpublish", "scheduleUnpublish"] as const satisfies PublishingAction[];

type Props = { version: Pick<ContentVersion, "id" | "status" | "scheduledPublishAt" | "scheduledUnpublishAt"> };

/**
 * The admin's publishing controls for one version: publish now or at a time, unpublish now or at a
 * time, and cancel a schedule. Shows only what the workflow table allows the signed-in user now, and
 * nothing at all when that is nothing (the server actions check again).
 */
export async function PublishControls({ version }: Props) {
  const user = await getCurrentUser();
  if (!user) return null;
  const allowed = availableActions(version, user, await isAuthorOf(getDb(), version.id, user.id));
  const actions = publishingActions.filter((action) => allowed.includes(action));
  if (actions.length === 0) return null;
  return (
    <PublishControlsPanel
      versionId={version.id}
      actions={actions}
      scheduledPublishAt={version.scheduledPublishAt?.toISOString() ?? null}
      scheduledUnpublishAt={version.scheduledUnpublishAt?.toISOString() ?? null}
    />
  );
}
