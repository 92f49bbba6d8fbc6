import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { recordAuditEvent, type AuditAction } from "@/lib/audit/record-audit-event";
import { fail, fieldErrorsOf, ok, type DomainResult } from "@/lib/errors/domain-result";
import { getJobQueue, inTransaction, jobQueueNames, type JobQueue, type JobQueueName } from "@/lib/jobs/job-queue";
import { publishVersion, unpublishVersion } from "./publish-versions";
import { auditEntityOf, itemOfVersion } from "@/lib/items/item";
import { lockVersionFor, type WorkflowActor } from "./versioned-item";
import type { VersionAction } from "./version-workflow";

export const scheduleVersionSchema = z.object({
  versionId: z.uuid(),
  at: z.coerce
    .date({ error: "Ange datum och tid" })
    .refine((at) => at.getTime() > Date.now(), { message: "Tidpunkten måste ligga i framtiden" }),
});
export const cancelScheduleSchema = z.object({ versionId: z.uuid() });

/** What a scheduled job carries: the version, the moment it was scheduled for, and the admin who chose it. */
export const scheduledJobSchema = z.object({
  versionId: z.uuid(),
  at: z.iso.datetime(),
  scheduledById: z.uuid().nullable(),
});
export type ScheduledJob = z.infer<typeof scheduledJobSchema>;

/** Publish and unpublish differ only in these: the workflow action, the column and the audit actions. */
const schedules = {
  publish: {
    scheduleAction: "schedulePublish",
    column: "scheduledPublishAt",
    queue: jobQueueNames.publishVersion,
    scheduledAudit: "version.publish_scheduled",
    cancelledAudit: "version.publish_schedule_cancelled",
    nothingScheduled: "Versionen har ingen schemalagd publicering",
  },
  unpublish: {
    scheduleAction: "scheduleUnpublish",
    column: "scheduledUnpublishAt",
    queue: jobQueueNames.unpublishVersion,
    scheduledAudit: "item.unpublish_scheduled",
    cancelledAudit: "item.unpublish_schedule_cancelled",
    nothingScheduled: "Versionen har ingen schemalagd avpublicering",
  },
} as const satisfies Record<
  string,
  { scheduleAction: VersionAction; column: "scheduledPublishAt" | "scheduledUnpublishAt"; queue: JobQueueName; scheduledAudit: AuditAction; cancelledAudit: AuditAction; nothingScheduled: string }
>;
type ScheduleKind = keyof typeof schedules;

function invalid(error: z.ZodError) {
  return fail({ kind: "invalid", message: "Ogiltiga uppgifter", fieldErrors: fieldErrorsOf(error) });
}

/**
 * Saves the schedule and queues its job in one transaction: the job exists if and only if the schedule
 * does. Scheduling again replaces the time; the earlier job then finds a different time and does nothing.
 */
async function schedule(kind: ScheduleKind, db: Db, actor: WorkflowActor, input: unknown, queue?: JobQueue): Promise<DomainResult<ContentVersion>> {
  const parsed = scheduleVersionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { versionId, at } = parsed.data;
  const rules = schedules[kind];
  const jobs = queue ?? (await getJobQueue());
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, rules.scheduleAction, actor);
    if (!locked.ok) return locked;
    const updated = await tx.contentVersion.update({ where: { id: versionId }, data: { [rules.column]: at } });
    const job: ScheduledJob = { versionId, at: at.toISOString(), scheduledById: actor.id };
    const jobId = await jobs.send(rules.queue, job, { startAfter: at, singletonKey: versionId, retryLimit: 5, retryDelay: 30, db: inTransaction(tx) });
    if (!jobId) throw new Error(`The ${rules.queue} queue refused the job for version ${versionId}`);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: rules.scheduledAudit,
      ...auditEntityOf(itemOfVersion(locked.value)),
      data: { versionId, number: updated.number, at: job.at, replaces: locked.value[rules.column]?.toISOString() ?? null, jobId },
    });
    return ok(updated);
  });
}

async function cancel(kind: ScheduleKind, db: Db, actor: WorkflowActor, input: unknown): Promise<DomainResult<ContentVersion>> {
  const parsed = cancelScheduleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { versionId } = parsed.data;
  const rules = schedules[kind];
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, versionId, rules.scheduleAction, actor);
    if (!locked.ok) return locked;
    const was = locked.value[rules.column];
    if (!was) return fail({ kind: "conflict", message: rules.nothingScheduled });
    const updated = await tx.contentVersion.update({ where: { id: versionId }, data: { [rules.column]: null } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: rules.cancelledAudit,
      ...auditEntityOf(itemOfVersion(locked.value)),
      data: { versionId, number: updated.number, at: was.toISOString() },
    });
    return ok(updated);
  });
}

/**
 * An admin schedules an approved version to be published at `at` (ADMIN; `at` in the future). `queue`
 * defaults to the app's job queue; tests pass their own.
 */
export function schedulePublish(db: Db, actor: WorkflowActor, input: unknown, queue?: JobQueue) {
  return schedule("publish", db, actor, input, queue);
}
export function cancelScheduledPublish(db: Db, actor: WorkflowActor, input: unknown) {
  return cancel("publish", db, actor, input);
}
/** An admin schedules the published version to be withdrawn at `at`. */
export function scheduleUnpublish(db: Db, actor: WorkflowActor, input: unknown, queue?: JobQueue) {
  return schedule("unpublish", db, actor, input, queue);
}
export function cancelScheduledUnpublish(db: Db, actor: WorkflowActor, input: unknown) {
  return cancel("unpublish", db, actor, input);
}

/** The scheduler acts on an admin's earlier decision; the audit event names that admin. */
export const schedulerActor: WorkflowActor = { id: null, roles: ["ADMIN"] };

export type ScheduledRunOutcome = { done: true; version: ContentVersion } | { done: false; reason: string };

/**
 * What a due job does. It changes something only if the version is still scheduled for the job's time
 * and the workflow allows the step; a cancelled, re-scheduled or repeated job (another instance got
 * there first) changes nothing. Failures that retrying cannot fix are outcomes, not exceptions.
 */
export async function runScheduledJob(kind: ScheduleKind, db: Db, data: unknown): Promise<ScheduledRunOutcome> {
  const parsed = scheduledJobSchema.safeParse(data);
  if (!parsed.success) return { done: false, reason: "malformed job data" };
  const { versionId, at, scheduledById } = parsed.data;
  const run = kind === "publish" ? publishVersion : unpublishVersion;
  const result = await run(db, schedulerActor, { versionId }, { at: new Date(at), scheduledById });
  return result.ok ? { done: true, version: result.value } : { done: false, reason: result.failure.message };
}
