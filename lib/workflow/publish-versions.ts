import type { z } from "zod";
import type { Db, DbTx } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import type { AuditAction } from "@/lib/audit/record-audit-event";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import type { Release, ScheduledRunner } from "@/lib/events/domain-events";
import { itemColumn, itemOfVersion, type Item } from "@/lib/items/item";
import { unreviewedGlossaryTerms } from "@/lib/content/content-references";
import { readArticleContent } from "@/lib/content/version-content";
import { editorialNoLongerHoldsRefusal, unreviewedGlossaryTermsRefusal } from "@/lib/labels/sv";
import { runTransition, versionReference } from "./transition-runner";
import { editorialStillHolds } from "./version-change-kind";
import type { versionTargetSchema } from "./version-id-schema";
import type { VersionAction, WorkflowActor } from "./version-workflow";

/**
 * A run of an admin's earlier schedule, by its job or by the sweep of overdue schedules: it acts only if
 * the version is still scheduled for exactly `at` (a cancelled or re-scheduled job, or a second run of the
 * same schedule, changes nothing), and the audit event names the admin. A run more than `lateAfterMs`
 * after `at` is late: audited as such and announced (`schedule.late`).
 */
export type ScheduledRun = { at: Date; scheduledById: string | null; by: ScheduledRunner; lateAfterMs?: number };

/** A schedule applied more than this after its time is late (the job worker polls every 2 s). */
export const lateScheduleAfterMs = 60_000;

/** The queue releases a job by the database's clock; this allows for that clock running a little ahead. */
const scheduleClockSkewMs = 60_000;

function scheduleStillHolds(scheduledAt: Date | null, run: ScheduledRun | undefined): DomainResult<true> {
  if (!run) return ok(true);
  if (scheduledAt?.getTime() !== run.at.getTime() || run.at.getTime() > Date.now() + scheduleClockSkewMs) {
    return fail({ kind: "conflict", message: "Schemaläggningen har ändrats eller avbrutits" });
  }
  return ok(true);
}

/**
 * Publishing and unpublishing differ only in these: the workflow action, the columns they stamp, what
 * they are audited as, and that a publish replaces the item's published version.
 */
export const releases = {
  publish: {
    action: "publish",
    scheduleColumn: "scheduledPublishAt",
    timeColumn: "publishedAt",
    replacesPublished: true,
    audit: "version.published",
    event: "version.published",
  },
  unpublish: {
    action: "unpublish",
    scheduleColumn: "scheduledUnpublishAt",
    timeColumn: "unpublishedAt",
    replacesPublished: false,
    audit: "item.unpublished",
    event: "version.unpublished",
  },
} as const satisfies Record<
  Release,
  {
    action: VersionAction;
    scheduleColumn: "scheduledPublishAt" | "scheduledUnpublishAt";
    timeColumn: "publishedAt" | "unpublishedAt";
    replacesPublished: boolean;
    audit: AuditAction;
    event: "version.published" | "version.unpublished";
  }
>;

/**
 * Why a withdrawn version cannot be published again, or null when it can: only while its item shows
 * nothing else and no newer version of it has been published since (that would bring back older text).
 */
export async function republishRefusal(
  db: DbTx,
  version: Pick<ContentVersion, "id" | "number" | "status" | "articleId" | "riskListId" | "glossaryTermId">,
): Promise<string | null> {
  if (version.status !== "UNPUBLISHED") return null;
  const item = itemOfVersion(version);
  const [published, newer] = await Promise.all([
    db.contentVersion.findFirst({ where: { ...itemColumn(item), status: "PUBLISHED" }, select: { number: true } }),
    db.contentVersion.findFirst({ where: { ...itemColumn(item), number: { gt: version.number }, publishedAt: { not: null } }, select: { number: true } }),
  ]);
  if (published) return `Version ${published.number} är publicerad nu. Avpublicera den först om den här versionen ska visas i stället.`;
  if (newer) return `Version ${newer.number} har publicerats efter den här. Publicera en ny version i stället för att ta tillbaka äldre text.`;
  return null;
}


/** The item's published version, which a publish supersedes: the transition runner locks it with the version published. */
async function publishedVersionIds(tx: DbTx, item: Item): Promise<string[]> {
  const published = await tx.contentVersion.findMany({ where: { ...itemColumn(item), status: "PUBLISHED" }, select: { id: true } });
  return published.map(({ id }) => id);
}

/**
 * The item's published version becomes superseded; a scheduled unpublish of it lapses with it (and is
 * audited). It is locked (`publishedVersionIds`), so a concurrent unpublish of it has either committed
 * (it is no longer published, nothing is superseded) or waits and then finds it superseded.
 */
async function supersedePublished(tx: DbTx, item: Item): Promise<ContentVersion | null> {
  const previous = await tx.contentVersion.findFirst({ where: { ...itemColumn(item), status: "PUBLISHED" } });
  if (previous) await tx.contentVersion.update({ where: { id: previous.id }, data: { status: "SUPERSEDED", scheduledUnpublishAt: null } });
  return previous;
}

/**
 * Publishes or withdraws a version in one transaction: the version's new status, the version it
 * replaces, the audit event, and the event that subscribers turn into webhook deliveries (in the
 * transaction) and cache invalidation (after it). If any part fails, nothing changes. Doing it again
 * (a repeated scheduled job) is refused by the workflow table as a conflict and changes nothing.
 */
function release(kind: Release, db: Db, actor: WorkflowActor, input: z.output<typeof versionTargetSchema>, scheduled?: ScheduledRun) {
  const rules = releases[kind];
  const { versionId } = input;
  const locksAlso = rules.replacesPublished ? publishedVersionIds : undefined;
  return runTransition<ContentVersion>(db, { action: rules.action, versionId, actor, locksAlso }, async ({ tx, version, item, apply, audit, emit }) => {
    const holds = scheduleStillHolds(version[rules.scheduleColumn], scheduled);
    if (!holds.ok) return holds;
    if (rules.replacesPublished) {
      const refusal = await republishRefusal(tx, version);
      if (refusal) return fail({ kind: "conflict", message: refusal });
      if (!(await editorialStillHolds(tx, version))) return fail({ kind: "conflict", message: editorialNoLongerHoldsRefusal });
      if (item.kind === "article") {
        const unreviewed = await unreviewedGlossaryTerms(tx, await readArticleContent(tx, version.id));
        if (unreviewed.length > 0) return fail({ kind: "conflict", message: unreviewedGlossaryTermsRefusal(unreviewed) });
      }
    }
    const now = new Date();
    const previous = rules.replacesPublished ? await supersedePublished(tx, item) : null;
    const changed = await apply({
      [rules.timeColumn]: now,
      [rules.scheduleColumn]: null,
      ...(rules.replacesPublished && { supersedesId: previous?.id ?? null }),
    });
    await audit(rules.audit, {
      versionId,
      number: changed.number,
      ...(rules.replacesPublished && {
        contentHash: changed.contentHash,
        supersedes: previous?.number ?? null,
        ...(previous?.scheduledUnpublishAt && { lapsedScheduledUnpublish: previous.scheduledUnpublishAt.toISOString() }),
      }),
      ...(scheduled && { scheduledFor: scheduled.at.toISOString(), scheduledById: scheduled.scheduledById, appliedBy: scheduled.by }),
    });
    const about = { item, version: versionReference(changed), contentHash: changed.contentHash!, actorId: actor.id, occurredAt: now };
    emit(rules.event === "version.published" ? { type: rules.event, ...about, supersedes: previous && versionReference(previous) } : { type: rules.event, ...about });
    const lateByMs = scheduled ? now.getTime() - scheduled.at.getTime() : 0;
    if (scheduled && lateByMs > (scheduled.lateAfterMs ?? lateScheduleAfterMs)) {
      const lateBySeconds = Math.round(lateByMs / 1000);
      await audit("version.schedule_late", {
        versionId,
        number: changed.number,
        release: kind,
        dueAt: scheduled.at.toISOString(),
        appliedAt: now.toISOString(),
        lateBySeconds,
        scheduledById: scheduled.scheduledById,
        appliedBy: scheduled.by,
      });
      emit({ type: "schedule.late", item, version: versionReference(changed), release: kind, dueAt: scheduled.at, lateBySeconds, scheduledById: scheduled.scheduledById, appliedBy: scheduled.by, actorId: actor.id, occurredAt: now });
    }
    return ok(changed);
  });
}

/** Publishes an approved version (now, or as the scheduler's run of an admin's schedule). */
export function publishVersion(db: Db, actor: WorkflowActor, input: z.output<typeof versionTargetSchema>, scheduled?: ScheduledRun) {
  return release("publish", db, actor, input, scheduled);
}

/** Withdraws an item from the public site: its published version becomes unpublished. */
export function unpublishVersion(db: Db, actor: WorkflowActor, input: z.output<typeof versionTargetSchema>, scheduled?: ScheduledRun) {
  return release("unpublish", db, actor, input, scheduled);
}
