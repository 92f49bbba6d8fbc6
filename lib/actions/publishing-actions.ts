"use server";

import { revalidatePath } from "next/cache";
import type { ContentVersion } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { ok, type DomainResult } from "@/lib/errors/domain-result";
import { action } from "@/lib/actions/action-wrapper";
import { publishVersion, unpublishVersion } from "@/lib/workflow/publish-versions";
import { scheduleReleaseSchema } from "@/lib/workflow/publishing-schemas";
import { cancelScheduledPublish, cancelScheduledUnpublish, schedulePublish, scheduleUnpublish } from "@/lib/workflow/schedule-versions";
import { versionTargetSchema } from "@/lib/workflow/version-id-schema";
import { adminPaths } from "@/lib/paths/admin-paths";

/** What the publish controls need back: the version's new state (the page re-renders with the rest). */
type PublishingState = Pick<ContentVersion, "id" | "status" | "scheduledPublishAt" | "scheduledUnpublishAt">;

/** The public site's caches are the operations' business (their events); the admin's page is the action's. */
function settled(result: DomainResult<ContentVersion>): DomainResult<PublishingState> {
  if (!result.ok) return result;
  revalidatePath(adminPaths.version(result.value.id));
  const { id, status, scheduledPublishAt, scheduledUnpublishAt } = result.value;
  return ok({ id, status, scheduledPublishAt, scheduledUnpublishAt });
}

export const publishNowAction = action("publishNow", ["ADMIN"], versionTargetSchema, async (user, input) => settled(await publishVersion(getDb(), user, input)));

export const unpublishNowAction = action("unpublishNow", ["ADMIN"], versionTargetSchema, async (user, input) => settled(await unpublishVersion(getDb(), user, input)));

export const schedulePublishAction = action("schedulePublish", ["ADMIN"], scheduleReleaseSchema, async (user, input) => settled(await schedulePublish(getDb(), user, input)));

export const cancelScheduledPublishAction = action("cancelScheduledPublish", ["ADMIN"], versionTargetSchema, async (user, input) =>
  settled(await cancelScheduledPublish(getDb(), user, input)),
);

export const scheduleUnpublishAction = action("scheduleUnpublish", ["ADMIN"], scheduleReleaseSchema, async (user, input) => settled(await scheduleUnpublish(getDb(), user, input)));

export const cancelScheduledUnpublishAction = action("cancelScheduledUnpublish", ["ADMIN"], versionTargetSchema, async (user, input) =>
  settled(await cancelScheduledUnpublish(getDb(), user, input)),
);
