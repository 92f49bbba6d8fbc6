"use server";

import { revalidatePath } from "next/cache";
import type { ContentVersion } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { invalidatePublicContent } from "@/lib/content/public-cache";
import { ok, type DomainResult } from "@/lib/errors/domain-result";
import { action } from "@/lib/http/action-result";
import { publishVersion, unpublishVersion } from "@/lib/workflow/publish-versions";
import { cancelScheduledPublish, cancelScheduledUnpublish, schedulePublish, scheduleUnpublish } from "@/lib/workflow/schedule-versions";
import { scheduleFormSchema, versionActionSchema } from "@/components/publishing/publishing-schemas";

/** What the publish controls need back: the version's new state (the page re-renders with the rest). */
type PublishingState = Pick<ContentVersion, "id" | "status" | "scheduledPublishAt" | "scheduledUnpublishAt">;

function settled(result: DomainResult<ContentVersion>, options: { publicContentChanged: boolean }): DomainResult<PublishingState> {
  if (!result.ok) return result;
  if (options.publicContentChanged) invalidatePublicContent();
  revalidatePath(`/admin/versioner/${result.value.id}`);
  const { id, status, scheduledPublishAt, scheduledUnpublishAt } = result.value;
  return ok({ id, status, scheduledPublishAt, scheduledUnpublishAt });
}

export const publishNowAction = action("publishNow", ["ADMIN"], versionActionSchema, async (user, input) =>
  settled(await publishVersion(getDb(), user, input), { publicContentChanged: true }),
);

export const unpublishNowAction = action("unpublishNow", ["ADMIN"], versionActionSchema, async (user, input) =>
  settled(await unpublishVersion(getDb(), user, input), { publicContentChanged: true }),
);

export const schedulePublishAction = action("schedulePublish", ["ADMIN"], scheduleFormSchema, async (user, input) =>
  settled(await schedulePublish(getDb(), user, input), { publicContentChanged: false }),
);

export const cancelScheduledPublishAction = action("cancelScheduledPublish", ["ADMIN"], versionActionSchema, async (user, input) =>
  settled(await cancelScheduledPublish(getDb(), user, input), { publicContentChanged: false }),
);

export const scheduleUnpublishAction = action("scheduleUnpublish", ["ADMIN"], scheduleFormSchema, async (user, input) =>
  settled(await scheduleUnpublish(getDb(), user, input), { publicContentChanged: false }),
);

export const cancelScheduledUnpublishAction = action("cancelScheduledUnpublish", ["ADMIN"], versionActionSchema, async (user, input) =>
  settled(await cancelScheduledUnpublish(getDb(), user, input), { publicContentChanged: false }),
);
