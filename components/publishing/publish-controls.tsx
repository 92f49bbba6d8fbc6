import type { ContentVersion } from "@/lib/db/generated/client";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { availableActions } from "@/lib/workflow/version-workflow";
import { versionAuthorship } from "@/lib/workflow/version-lock";
import { republishRefusal } from "@/lib/workflow/publish-versions";
import { itemKinds, itemOfVersion } from "@/lib/items/item";
import { publicItemPath } from "@/lib/content/public-content";
import { formatAdminDateTime } from "@/lib/labels/sv";
import { PublishControlsPanel, type PublishingAction } from "./publish-controls-panel";
import "./publishing.css";

const publishingActions = ["publish", "schedulePublish", "unpublish", "scheduleUnpublish"] as const satisfies PublishingAction[];

type Props = {
  version: Pick<ContentVersion, "id" | "number" | "status" | "changeKind" | "articleId" | "riskListId" | "glossaryTermId" | "publishedAt" | "unpublishedAt" | "scheduledPublishAt" | "scheduledUnpublishAt">;
};

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
 * time, cancel a schedule, and publish a withdrawn version again. Shows only what will work for the
 * signed-in user now (the workflow table, and for a withdrawn version whether it may return); the
 * server actions check again. Admins always get the panel, so its confirmation stays after the action;
 * others see only the schedule, if there is one.
 */
export async function PublishControls({ version }: Props) {
  const user = await getCurrentUser();
  if (!user) return null;
  const db = getDb();
  const allowed = availableActions(version, user, (await versionAuthorship(db, version.id, user.id)).authorship);
  const refusal = allowed.includes("publish") ? await republishRefusal(db, version) : null;
  const actions = publishingActions.filter((action) => allowed.includes(action) && !(action === "publish" && refusal));
  if (!user.roles.includes("ADMIN")) return <ScheduleNotice version={version} />;
  const item = itemOfVersion(version);
  const slug = await itemKinds[item.kind].slugOf(db, item.id);
  const publicHref = slug ? publicItemPath(item.kind, slug) : null;
  return (
    <PublishControlsPanel
      versionId={version.id}
      status={version.status}
      actions={actions}
      refusal={refusal}
      publicHref={publicHref}
      publishedAt={version.publishedAt?.toISOString() ?? null}
      unpublishedAt={version.unpublishedAt?.toISOString() ?? null}
      scheduledPublishAt={version.scheduledPublishAt?.toISOString() ?? null}
      scheduledUnpublishAt={version.scheduledUnpublishAt?.toISOString() ?? null}
    />
  );
}
