import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { subscribeAfterCommit } from "@/lib/events/domain-event-subscribers";
import type { DomainEventOf } from "@/lib/events/domain-events";
import { createJobQueue, jobQueueNames, startJobQueue, type JobQueue } from "@/lib/queue/job-queue";
import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { waitFor } from "@/test/integration/wait-for";
import { dashboardSection, loadDashboard } from "./dashboard";
import { startPublishingWorkers } from "./publishing-workers";
import { schedulePublish, scheduleUnpublish, sweepOverdueSchedules } from "./schedule-versions";
import { adminPaths } from "@/lib/paths/admin-paths";

/*
 * Issue 8.8: a scheduled publish or unpublish is never silently lost. The workers are "down" (no process
 * runs them) across the scheduled time; when they start, the sweep applies what is overdue, exactly once
 * together with any job that survived, records that it was late and announces it (`schedule.late`).
 */

let kit: TestKit;
let db: Db;
const running: JobQueue[] = [];
/** Lateness in these tests: a run more than a second after its time (the app's is a minute). */
const lateAfterMs = 1000;

/** An app instance starting up: its own job queue on the same database, running the publishing workers. */
async function startInstance(): Promise<JobQueue> {
  const queue = await startJobQueue(createJobQueue(kit.url, { max: 2 }));
  running.push(queue);
  await startPublishingWorkers(queue, db, { pollingIntervalSeconds: 0.5, lateAfterMs });
  return queue;
}

/** Every instance stops: from now on no worker runs. */
async function stopInstances(): Promise<void> {
  for (const queue of running.splice(0)) await queue.stop({ graceful: false, wait: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const audited = (action: string, versionId: string) => db.auditEvent.findMany({ where: { action, data: { path: ["versionId"], equals: versionId } } });
const jobsOf = (versionId: string) => db.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE data->>'versionId' = ${versionId}`;

beforeAll(async () => {
  kit = await openTestKit({ name: "schedule-sweep" });
  db = kit.db;
});

afterAll(async () => {
  await stopInstances();
  await kit?.close();
});

describe("the sweep of overdue schedules", () => {
  it("schedules whose jobs were lost while the workers were down are applied once when they start, audited as late and announced", async () => {
    const { admin } = kit.users;
    const toPublish = await approvedRiskListVersion(db, kit.users, "biverkningar-av-kortison");
    const toWithdraw = await db.contentVersion.findFirstOrThrow({ where: { riskList: { slug: "nervblockader-biverkningar" }, status: "PUBLISHED" } });
    const at = new Date(Date.now() + 1000);
    expect((await schedulePublish(db, admin, { versionId: toPublish.id, at })).ok).toBe(true);
    expect((await scheduleUnpublish(db, admin, { versionId: toWithdraw.id, at })).ok).toBe(true);

    // No worker runs across the scheduled time; then the jobs are gone, as after their retries ran out.
    await sleep(at.getTime() - Date.now() + 1500);
    await db.$executeRaw`UPDATE pgboss.job SET state = 'failed', completed_on = now() WHERE data->>'versionId' IN (${toPublish.id}, ${toWithdraw.id})`;
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: toWithdraw.id } })).toMatchObject({ status: "PUBLISHED" });

    // Meanwhile the dashboard shows both as late (a minute after their time), not yet applied, with the time they were due.
    const waiting = await loadDashboard(db, admin, new Date(at.getTime() + 61_000));
    expect(dashboardSection(waiting, "forsenade-schemalaggningar")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ versionId: toPublish.id, since: at, detail: expect.stringMatching(/^publicering väntar fortfarande/) }),
        expect.objectContaining({ versionId: toWithdraw.id, since: at, detail: expect.stringMatching(/^avpublicering väntar fortfarande/) }),
      ]),
    );

    const late: DomainEventOf<"schedule.late">[] = [];
    const unsubscribe = subscribeAfterCommit("schedule sweep test", (event) => void (event.type === "schedule.late" && late.push(event)));
    // Two instances start at once (each sweeps on start), and a third sweep runs by hand beside them.
    await Promise.all([startInstance(), startInstance(), sweepOverdueSchedules(db, { lateAfterMs })]);
    await waitFor(
      () => db.contentVersion.findMany({ where: { id: { in: [toPublish.id, toWithdraw.id] } }, orderBy: { number: "asc" } }),
      (rows) => rows.some((row) => row.id === toPublish.id && row.status === "PUBLISHED") && rows.some((row) => row.id === toWithdraw.id && row.status === "UNPUBLISHED"),
    );
    // Give the other sweeps time to finish: they must have found nothing to do.
    await waitFor(
      () => db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pgboss.job WHERE name = ${jobQueueNames.scheduleSweep} AND state IN ('created', 'active', 'retry')`,
      (rows) => rows[0]?.count === 0,
    );
    await sweepOverdueSchedules(db, { lateAfterMs });
    unsubscribe();

    expect(await audited("version.published", toPublish.id)).toMatchObject([{ actorId: null, data: { scheduledFor: at.toISOString(), scheduledById: admin.id, appliedBy: "sweep" } }]);
    expect(await audited("item.unpublished", toWithdraw.id)).toMatchObject([{ actorId: null, data: { scheduledFor: at.toISOString(), scheduledById: admin.id, appliedBy: "sweep" } }]);
    const lateRecords = [...(await audited("version.schedule_late", toPublish.id)), ...(await audited("version.schedule_late", toWithdraw.id))];
    expect(lateRecords).toMatchObject([
      { data: { release: "publish", dueAt: at.toISOString(), scheduledById: admin.id, appliedBy: "sweep", lateBySeconds: expect.any(Number) } },
      { data: { release: "unpublish", dueAt: at.toISOString(), scheduledById: admin.id, appliedBy: "sweep" } },
    ]);
    expect(late.map((event) => [event.version.id, event.release, event.dueAt.toISOString(), event.scheduledById, event.appliedBy]).sort()).toEqual(
      [
        [toPublish.id, "publish", at.toISOString(), admin.id, "sweep"],
        [toWithdraw.id, "unpublish", at.toISOString(), admin.id, "sweep"],
      ].sort(),
    );
    expect(late.every((event) => event.lateBySeconds >= 1 && event.item.kind === "riskList")).toBe(true);

    // Every active admin is told of each late schedule once, in Swedish, with when it was due.
    const admins = await db.user.findMany({ where: { active: true, roles: { has: "ADMIN" } }, select: { id: true } });
    const told = await db.notification.findMany({ where: { kind: "SCHEDULE_LATE", linkPath: { in: [adminPaths.version(toPublish.id), adminPaths.version(toWithdraw.id)] } } });
    expect(told.map((entry) => `${entry.userId} ${entry.linkPath}`).sort()).toEqual(
      admins.flatMap((user) => [toPublish, toWithdraw].map((version) => `${user.id} ${adminPaths.version(version.id)}`)).sort(),
    );
    expect(told.find((entry) => entry.linkPath === adminPaths.version(toWithdraw.id))!.body).toMatch(/avpubliceringen .* skulle ha skett .* men skedde först \d+ minuter senare/);

    // Afterwards the dashboard shows them applied, with when they were due and when they happened.
    const after = await loadDashboard(db, admin);
    const rows = dashboardSection(after, "forsenade-schemalaggningar")!.filter((row) => row.versionId === toPublish.id || row.versionId === toWithdraw.id);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.since).toEqual(at);
      expect(row.detail).toMatch(/publicering skedde .*, för sent/);
    }
  });

  it("a job that survived and the sweep both find the overdue schedule: it is applied exactly once", async () => {
    await stopInstances();
    const version = await approvedRiskListVersion(db, kit.users, "epidurala-injektioner-risker");
    const at = new Date(Date.now() + 1000);
    expect((await schedulePublish(db, kit.users.admin, { versionId: version.id, at })).ok).toBe(true);
    await sleep(at.getTime() - Date.now() + 1500);

    await Promise.all([startInstance(), sweepOverdueSchedules(db, { lateAfterMs })]);
    await waitFor(() => jobsOf(version.id), (rows) => rows.length === 1 && rows[0]!.state === "completed");
    await sweepOverdueSchedules(db, { lateAfterMs });

    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "PUBLISHED", scheduledPublishAt: null });
    expect(await audited("version.published", version.id)).toHaveLength(1);
    expect(await audited("version.schedule_late", version.id)).toHaveLength(1);
  });

  it("applies nothing that is not yet due; and the workers keep the sweep on pg-boss's cron", async () => {
    const version = await approvedRiskListVersion(db, kit.users, "si-ledinjektioner-biverkningar");
    expect((await schedulePublish(db, kit.users.admin, { versionId: version.id, at: new Date(Date.now() + 3_600_000) })).ok).toBe(true);
    expect((await sweepOverdueSchedules(db)).filter((outcome) => outcome.versionId === version.id)).toEqual([]);
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "APPROVED" });

    expect(await db.$queryRaw`SELECT name, cron FROM pgboss.schedule`).toEqual([{ name: jobQueueNames.scheduleSweep, cron: "* * * * *" }]);
  });
});
