import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { jobQueueNames } from "@/lib/queue/job-queue";
import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { publishVersion, unpublishVersion } from "./publish-versions";
import {
  cancelScheduledPublish,
  cancelScheduledUnpublish,
  runScheduledJob,
  schedulePublish,
  scheduleUnpublish,
  schedulerActor,
} from "./schedule-versions";
import { dateToStockholmLocal } from "./stockholm-time";

const { schedulePublishAction } = await import("@/lib/actions/publishing-actions");

let kit: TestKit;
let db: Db;
let actors: Record<"editor" | "reviewer" | "admin", TestUser>;

beforeAll(async () => {
  kit = await openTestKit({ name: "schedule-versions", startJobQueue: true });
  db = kit.db;
  actors = kit.users;
});

afterAll(async () => {
  await kit?.close();
});

const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000);

async function queuedJobs(name: string, versionId: string) {
  return db.$queryRaw<{ data: { at: string; scheduledById: string | null }; start_after: Date; state: string }[]>`
    SELECT data, start_after, state::text FROM pgboss.job WHERE name = ${name} AND singleton_key = ${versionId} ORDER BY created_on`;
}

async function auditActions(versionId: string) {
  const events = await db.auditEvent.findMany({ where: { data: { path: ["versionId"], equals: versionId } }, orderBy: { at: "asc" } });
  return events.map((event) => event.action);
}

describe("scheduled publishing", () => {
  it("schedules an approved version: the time is saved, a job queued for it, and the step audited, together", async () => {
    const version = await approvedRiskListVersion(db, actors, "biverkningar-av-kortison");
    const at = inAnHour();
    const scheduled = await schedulePublish(db, actors.admin, { versionId: version.id, at });
    expect(scheduled).toMatchObject({ ok: true, value: { status: "APPROVED", scheduledPublishAt: at } });
    const [job, ...others] = await queuedJobs(jobQueueNames.publishVersion, version.id);
    expect(others).toEqual([]);
    expect(job).toMatchObject({ data: { at: at.toISOString(), scheduledById: actors.admin.id }, start_after: at, state: "created" });
    expect(await auditActions(version.id)).toContain("version.publish_scheduled");

    // Not due yet: a job that runs early (a clock far off) publishes nothing.
    expect(await runScheduledJob("publish", db, { versionId: version.id, at: at.toISOString(), scheduledById: actors.admin.id })).toMatchObject({ done: false });
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "APPROVED" });
  });

  it("refuses non-admins, past times, bad input and versions that are not approved, changing nothing", async () => {
    const version = await approvedRiskListVersion(db, actors, "epidurala-injektioner-risker");
    expect(await schedulePublish(db, actors.editor, { versionId: version.id, at: inAnHour() })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    // Bad input is refused where it is parsed, at the server action (the schedule form's Swedish wall-clock time).
    await kit.signIn(actors.admin);
    expect(await schedulePublishAction({ versionId: version.id, at: dateToStockholmLocal(new Date(Date.now() - 120_000)) })).toMatchObject({
      ok: false,
      error: { kind: "invalid", fieldErrors: { at: ["Tidpunkten måste ligga i framtiden"] } },
    });
    expect(await schedulePublishAction({ versionId: version.id, at: "inte ett datum" })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await schedulePublishAction({ versionId: "nope", at: dateToStockholmLocal(inAnHour()) })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    const published = await db.contentVersion.findFirstOrThrow({ where: { riskListId: version.riskListId, status: "PUBLISHED" } });
    expect(await schedulePublish(db, actors.admin, { versionId: published.id, at: inAnHour() })).toMatchObject({ ok: false, failure: { kind: "conflict" } });
    expect(await cancelScheduledPublish(db, actors.admin, { versionId: version.id })).toMatchObject({ ok: false, failure: { kind: "conflict" } });

    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ scheduledPublishAt: null });
    expect(await queuedJobs(jobQueueNames.publishVersion, version.id)).toEqual([]);
    expect(await auditActions(version.id)).not.toContain("version.publish_scheduled");
  });

  it("a cancelled or re-scheduled job does nothing when it comes due; the current schedule publishes", async () => {
    const version = await approvedRiskListVersion(db, actors, "si-ledinjektioner-biverkningar");
    const first = inAnHour();
    expect((await schedulePublish(db, actors.admin, { versionId: version.id, at: first })).ok).toBe(true);
    expect(await cancelScheduledPublish(db, actors.admin, { versionId: version.id })).toMatchObject({ ok: true, value: { scheduledPublishAt: null } });
    const cancelledJob = { versionId: version.id, at: first.toISOString(), scheduledById: actors.admin.id };

    const second = new Date(Date.now() + 1500);
    expect((await schedulePublish(db, actors.admin, { versionId: version.id, at: second })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1600));

    expect(await runScheduledJob("publish", db, cancelledJob)).toEqual({ done: false, reason: "Schemaläggningen har ändrats eller avbrutits" });
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "APPROVED" });

    const due = await runScheduledJob("publish", db, { versionId: version.id, at: second.toISOString(), scheduledById: actors.admin.id });
    expect(due).toMatchObject({ done: true, version: { status: "PUBLISHED", scheduledPublishAt: null } });
    // The same job again (a retry, or another instance): already published, nothing changes.
    expect(await runScheduledJob("publish", db, { versionId: version.id, at: second.toISOString(), scheduledById: actors.admin.id })).toMatchObject({ done: false });

    const published = await db.auditEvent.findMany({ where: { action: "version.published", data: { path: ["versionId"], equals: version.id } } });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ actorId: null, data: { scheduledFor: second.toISOString(), scheduledById: actors.admin.id } });
    expect(await auditActions(version.id)).toEqual(
      expect.arrayContaining(["version.publish_scheduled", "version.publish_schedule_cancelled", "version.published"]),
    );
  });

  it("schedules, cancels and runs an unpublish of the published version", async () => {
    const version = await approvedRiskListVersion(db, actors, "nervblockader-biverkningar");
    const published = await publishVersion(db, actors.admin, { versionId: version.id });
    if (!published.ok) throw new Error(published.failure.message);

    expect(await scheduleUnpublish(db, actors.reviewer, { versionId: version.id, at: inAnHour() })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    const later = inAnHour();
    expect(await scheduleUnpublish(db, actors.admin, { versionId: version.id, at: later })).toMatchObject({ ok: true, value: { scheduledUnpublishAt: later } });
    expect(await queuedJobs(jobQueueNames.unpublishVersion, version.id)).toHaveLength(1);
    expect(await cancelScheduledUnpublish(db, actors.admin, { versionId: version.id })).toMatchObject({ ok: true, value: { scheduledUnpublishAt: null } });

    const soon = new Date(Date.now() + 1000);
    expect((await scheduleUnpublish(db, actors.admin, { versionId: version.id, at: soon })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await runScheduledJob("unpublish", db, { versionId: version.id, at: later.toISOString(), scheduledById: actors.admin.id })).toMatchObject({ done: false });
    expect(await runScheduledJob("unpublish", db, { versionId: version.id, at: soon.toISOString(), scheduledById: actors.admin.id })).toMatchObject({
      done: true,
      version: { status: "UNPUBLISHED", scheduledUnpublishAt: null },
    });
    expect(await auditActions(version.id)).toEqual(
      expect.arrayContaining(["item.unpublish_scheduled", "item.unpublish_schedule_cancelled", "item.unpublished"]),
    );
    // Nobody but the scheduler's own run may use the scheduled path, and the plain path still checks roles.
    expect(await unpublishVersion(db, { ...schedulerActor, roles: ["EDITOR"] }, { versionId: version.id })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
  });

  it("a scheduled unpublish lapses, audited, when a newer version replaces the published one", async () => {
    const first = await approvedRiskListVersion(db, actors, "radiofrekvensablation-biverkningar");
    if (!(await publishVersion(db, actors.admin, { versionId: first.id })).ok) throw new Error("publish failed");
    const at = inAnHour();
    expect((await scheduleUnpublish(db, actors.admin, { versionId: first.id, at })).ok).toBe(true);
    const second = await approvedRiskListVersion(db, actors, "radiofrekvensablation-biverkningar");
    expect((await publishVersion(db, actors.admin, { versionId: second.id })).ok).toBe(true);

    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "SUPERSEDED", scheduledUnpublishAt: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "version.published", data: { path: ["versionId"], equals: second.id } } });
    expect(event.data).toMatchObject({ lapsedScheduledUnpublish: at.toISOString() });
  });

  it("ignores a job whose data is malformed", async () => {
    expect(await runScheduledJob("publish", db, { versionId: "x" })).toEqual({ done: false, reason: "malformed job data" });
  });
});
