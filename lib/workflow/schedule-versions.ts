import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import type { AuditAction } from "@/lib/audit/record-audit-event";
import { fail, ok } from "@/lib/errors/domain-result";
import type { Release } from "@/lib/events/domain-events";
import { getJobQueue, inTransaction, jobQueueNames, type JobQueueName } from "@/lib/queue/job-queue";
import { publishVersion, releases, unpublishVersion, type ScheduledRun } from "./publish-versions";
import type { ScheduleReleaseInput } from "./publishing-schemas";
import { runTransition, versionReference } from "./transition-runner";
import { versionIdSchema, type versionTargetSchema } from "./version-id-schema";
import type { VersionAction, WorkflowActor } from "./version-workflow";

/** What a scheduled job carries: the version, the moment it was scheduled for, and the admin who chose it. */
export const scheduledJobSchema = z.object({
  versionId: versionIdSchema,
  at: z.iso.datetime(),
  scheduledById: z.uuid().nullable(),
});
export type ScheduledJob = z.infer<typeof scheduledJobSchema>;

/** Scheduling a publish and an unpublish differ only in these (and in `releases`' columns). */
const schedules = {
  publish: {
    scheduleAction: "schedulePublish",
    queue: jobQueueNames.publishVersion,
    scheduledAudit: "version.publish_scheduled",
    cancelledAudit: "version.publish_schedule_cancelled",
    nothingScheduled: "Versionen har ingen schemalagd publicering",
  },
  unpublish: {
    scheduleAction: "scheduleUnpublish",
    queue: jobQueueNames.unpublishVersion,
    scheduledAudit: "item.unpublish_scheduled",
    cancelledAudit: "item.unpublish_schedule_cancelled",
    nothingScheduled: "Versionen har ingen schemalagd avpublicering",
  },
} as const satisfies Record<Release, { scheduleAction: VersionAction; queue: JobQueueName; scheduledAudit: AuditAction; cancelledAudit: AuditAction; nothingScheduled: string }>;

/**
 * Saves the schedule and queues its job in one transaction: the job exists if and only if the schedule
 * does. Scheduling again replaces the time; the earlier job then finds a different time and does nothing.
 */
async function schedule(kind: Release, db: Db, actor: WorkflowActor, input: ScheduleReleaseInput) {
  const rules = schedules[kind];
  const column = releases[kind].scheduleColumn;
  const { versionId, at } = input;
  const jobs = await getJobQueue();
  return runTransition<ContentVersion>(db, { action: rules.scheduleAction, versionId, actor }, async ({ tx, version, item, apply, audit, emit }) => {
    const updated = await apply({ [column]: at });
    const job: ScheduledJob = { versionId, at: at.toISOString(), scheduledById: actor.id };
    const jobId = await jobs.send(rules.queue, job, { startAfter: at, singletonKey: versionId, retryLimit: 5, retryDelay: 30, db: inTransaction(tx) });
    if (!jobId) throw new Error(`The ${rules.queue} queue refused the job for version ${versionId}`);
    await audit(rules.scheduledAudit, { versionId, number: updated.number, at: job.at, replaces: version[column]?.toISOString() ?? null, jobId });
    emit({ type: "version.release_scheduled", item, version: versionReference(updated), release: kind, at, actorId: actor.id, occurredAt: new Date() });
    return ok(updated);
  });
}

function cancel(kind: Release, db: Db, actor: WorkflowActor, input: z.output<typeof versionTargetSchema>) {
  const rules = schedules[kind];
  const column = releases[kind].scheduleColumn;
  const { versionId } = input;
  return runTransition<ContentVersion>(db, { action: rules.scheduleAction, versionId, actor }, async ({ version, item, apply, audit, emit }) => {
    const was = version[column];
    if (!was) return fail({ kind: "conflict", message: rules.nothingScheduled });
    const updated = await apply({ [column]: null });
    await audit(rules.cancelledAudit, { versionId, number: updated.number, at: was.toISOString() });
    emit({ type: "version.release_schedule_cancelled", item, version: versionReference(updated), release: kind, at: was, actorId: actor.id, occurredAt: new Date() });
    return ok(updated);
  });
}

/** An admin schedules an approved version to be published at `at` (in the future: the schema checks). */
export function schedulePublish(db: Db, actor: WorkflowActor, input: ScheduleReleaseInput) {
  return schedule("publish", db, actor, input);
}
export function cancelScheduledPublish(db: Db, actor: WorkflowActor, input: z.output<typeof versionTargetSchema>) {
  return cancel("publish", db, actor, input);
}
/** An admin schedules the published version to be withdrawn at `at`. */
export function scheduleUnpublish(db: Db, actor: WorkflowActor, input: ScheduleReleaseInput) {
  return schedule("unpublish", db, actor, input);
}
export function cancelScheduledUnpublish(db: Db, actor: WorkflowActor, input: z.output<typeof versionTargetSchema>) {
  return cancel("unpublish", db, actor, input);
}

/** The scheduler acts on an admin's earlier decision; the audit event names that admin. */
export const schedulerActor: WorkflowActor = { id: null, roles: ["ADMIN"], clinician: false };

export type ScheduledRunOutcome = { done: true; version: ContentVersion } | { done: false; reason: string };

/** How the scheduler's runs judge lateness: more than `lateAfterMs` after the schedule's time (default a minute). */
export type SchedulerOptions = { lateAfterMs?: number };

/**
 * What a due job does. It changes something only if the version is still scheduled for the job's time
 * and the workflow allows the step; a cancelled, re-scheduled or repeated job (another instance, or the
 * sweep, got there first) changes nothing. Failures that retrying cannot fix are outcomes, not exceptions.
 */
export async function runScheduledJob(kind: Release, db: Db, data: unknown, options: SchedulerOptions = {}): Promise<ScheduledRunOutcome> {
  const parsed = scheduledJobSchema.safeParse(data);
  if (!parsed.success) return { done: false, reason: "malformed job data" };
  const { versionId, at, scheduledById } = parsed.data;
  return runSchedule(kind, db, versionId, { at: new Date(at), scheduledById, by: "job", lateAfterMs: options.lateAfterMs });
}

async function runSchedule(kind: Release, db: Db, versionId: string, run: ScheduledRun): Promise<ScheduledRunOutcome> {
  const release = kind === "publish" ? publishVersion : unpublishVersion;
  const result = await release(db, schedulerActor, { versionId }, run);
  return result.ok ? { done: true, version: result.value } : { done: false, reason: result.failure.message };
}

export type SweepOutcome = ScheduledRunOutcome & { kind: Release; versionId: string; at: Date };

/** The admin who scheduled `versionId` for `at`, as the audit trail recorded it when they did (null: not on record). */
async function whoScheduled(db: Db, kind: Release, versionId: string, at: Date): Promise<string | null> {
  const scheduled = await db.auditEvent.findFirst({
    where: { action: schedules[kind].scheduledAudit, AND: [{ data: { path: ["versionId"], equals: versionId } }, { data: { path: ["at"], equals: at.toISOString() } }] },
    orderBy: { id: "desc" },
    select: { actorId: true },
  });
  return scheduled?.actorId ?? null;
}

/** How many overdue schedules one sweep applies at most; the next sweep takes the rest. */
const sweepBatchSize = 100;

/**
 * The backstop for schedules whose job did not run: every schedule whose time has passed and whose
 * version is still in the state it applies to is applied now, exactly as its job would (the same
 * operation, with the same schedule time, so whichever of the job and the sweep comes second changes
 * nothing). A schedule applied more than a minute late is audited (`version.schedule_late`) and emits
 * `schedule.late`. Run every minute by the job workers (lib/workflow/publishing-workers.ts) and when they start.
 */
export async function sweepOverdueSchedules(db: Db, options: SchedulerOptions & { now?: Date } = {}): Promise<SweepOutcome[]> {
  const now = options.now ?? new Date();
  const overdue = await db.contentVersion.findMany({
    where: {
      OR: [
        { status: "APPROVED", scheduledPublishAt: { lte: now } },
        { status: "PUBLISHED", scheduledUnpublishAt: { lte: now } },
      ],
    },
    select: { id: true, status: true, scheduledPublishAt: true, scheduledUnpublishAt: true },
    orderBy: { id: "asc" },
    take: sweepBatchSize,
  });
  const outcomes: SweepOutcome[] = [];
  for (const version of overdue) {
    const kind: Release = version.status === "APPROVED" ? "publish" : "unpublish";
    const at = (kind === "publish" ? version.scheduledPublishAt : version.scheduledUnpublishAt)!;
    const scheduledById = await whoScheduled(db, kind, version.id, at);
    const outcome = await runSchedule(kind, db, version.id, { at, scheduledById, by: "sweep", lateAfterMs: options.lateAfterMs });
    outcomes.push({ ...outcome, kind, versionId: version.id, at });
  }
  return outcomes;
}
