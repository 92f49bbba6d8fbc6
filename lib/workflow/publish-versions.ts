import { z } from "zod";
import type { Db, DbTx } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { getJobQueue, type JobQueue } from "@/lib/jobs/job-queue";
import { queueWebhookDeliveries } from "@/lib/webhooks/queue-webhook-deliveries";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { fail, fieldErrorsOf, ok, type DomainResult } from "@/lib/errors/domain-result";
import { auditEntityOf, itemColumn, itemKinds, itemOfVersion, slugOfItem, type Item } from "@/lib/items/item";
import { lockVersionFor, type WorkflowActor } from "./versioned-item";

export const publishVersionSchema = z.object({ versionId: z.uuid() });
export const unpublishItemSchema = z.object({ versionId: z.uuid() });

/**
 * A run of an admin's earlier schedule by the job worker: it acts only if the version is still scheduled
 * for exactly `at` (a cancelled or re-scheduled job changes nothing), and the audit event names the admin.
 */
export type ScheduledRun = { at: Date; scheduledById: string | null };

/** The queue releases a job by the database's clock; this allows for that clock running a little ahead. */
const scheduleClockSkewMs = 60_000;

function scheduleStillHolds(scheduledAt: Date | null, run: ScheduledRun | undefined): DomainResult<true> {
  if (!run) return ok(true);
  if (scheduledAt?.getTime() !== run.at.getTime() || run.at.getTime() > Date.now() + scheduleClockSkewMs) {
    return fail({ kind: "conflict", message: "Schemaläggningen har ändrats eller avbrutits" });
  }
  return ok(true);
}

async function webhookItem(tx: DbTx, item: Item) {
  const slug = await slugOfItem(tx, item);
  if (slug === null) throw new Error(`${item.kind} ${item.id} has versions but does not exist`);
  return { type: itemKinds[item.kind].externalType, id: item.id, slug };
}

/**
 * Publishes an approved version: one transaction in which the previous published version becomes
 * superseded, this one published, the audit event written and webhook deliveries and their jobs queued.
 * If any part fails, nothing changes (`jobs` defaults to the app's job queue; tests pass their own).
 * Publishing a version that is already published (a repeated scheduled job) is refused as a conflict
 * and changes nothing.
 */
export async function publishVersion(db: Db, actor: WorkflowActor, input: unknown, scheduled?: ScheduledRun, jobs?: JobQueue): Promise<DomainResult<ContentVersion>> {
  const parsed = publishVersionSchema.safeParse(input);
  if (!parsed.success) return fail({ kind: "invalid", message: "Ogiltiga uppgifter", fieldErrors: fieldErrorsOf(parsed.error) });
  const { versionId } = parsed.data;
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, "publish", actor);
    if (!locked.ok) return locked;
    const holds = scheduleStillHolds(locked.value.scheduledPublishAt, scheduled);
    if (!holds.ok) return holds;
    const item = itemOfVersion(locked.value);
    const now = new Date();
    const previous = await tx.contentVersion.findFirst({ where: { ...itemColumn(item), status: "PUBLISHED" } });
    // A scheduled unpublish belonged to the version being replaced; it lapses with it (and is audited).
    if (previous) await tx.contentVersion.update({ where: { id: previous.id }, data: { status: "SUPERSEDED", scheduledUnpublishAt: null } });
    const published = await tx.contentVersion.update({
      where: { id: versionId },
      data: { status: "PUBLISHED", publishedAt: now, supersedesId: previous?.id ?? null, scheduledPublishAt: null },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "version.published",
      ...auditEntityOf(item),
      data: {
        versionId,
        number: published.number,
        contentHash: published.contentHash,
        supersedes: previous?.number ?? null,
        ...(previous?.scheduledUnpublishAt && { lapsedScheduledUnpublish: previous.scheduledUnpublishAt.toISOString() }),
        ...(scheduled && { scheduledFor: scheduled.at.toISOString(), scheduledById: scheduled.scheduledById }),
      },
    });
    await queueWebhookDeliveries(
      tx,
      {
        event: "PUBLISHED",
        item: await webhookItem(tx, item),
        version: { id: published.id, number: published.number, contentHash: published.contentHash! },
        supersedes: previous ? { id: previous.id, number: previous.number } : null,
        occurredAt: now.toISOString(),
      },
      jobs ?? getJobQueue,
    );
    return ok(published);
  });
}

/** Withdraws an item from the public site: its published version becomes unpublished, in one transaction. */
export async function unpublishVersion(db: Db, actor: WorkflowActor, input: unknown, scheduled?: ScheduledRun, jobs?: JobQueue): Promise<DomainResult<ContentVersion>> {
  const parsed = unpublishItemSchema.safeParse(input);
  if (!parsed.success) return fail({ kind: "invalid", message: "Ogiltiga uppgifter", fieldErrors: fieldErrorsOf(parsed.error) });
  const { versionId } = parsed.data;
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, "unpublish", actor);
    if (!locked.ok) return locked;
    const holds = scheduleStillHolds(locked.value.scheduledUnpublishAt, scheduled);
    if (!holds.ok) return holds;
    const item = itemOfVersion(locked.value);
    const now = new Date();
    const withdrawn = await tx.contentVersion.update({
      where: { id: versionId },
      data: { status: "UNPUBLISHED", unpublishedAt: now, scheduledUnpublishAt: null },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "item.unpublished",
      ...auditEntityOf(item),
      data: {
        versionId,
        number: withdrawn.number,
        ...(scheduled && { scheduledFor: scheduled.at.toISOString(), scheduledById: scheduled.scheduledById }),
      },
    });
    await queueWebhookDeliveries(
      tx,
      {
        event: "UNPUBLISHED",
        item: await webhookItem(tx, item),
        version: { id: withdrawn.id, number: withdrawn.number, contentHash: withdrawn.contentHash! },
        supersedes: null,
        occurredAt: now.toISOString(),
      },
      jobs ?? getJobQueue,
    );
    return ok(withdrawn);
  });
}
