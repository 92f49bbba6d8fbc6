import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { schedulePublish } from "@/lib/workflow/schedule-versions";
import { createJobQueue, inTransaction, jobQueueNames, startJobQueue, type JobQueue } from "./job-queue";
import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { startPublishingWorkers } from "./publishing-workers";

let kit: TestKit;
let db: Db;
let actors: Record<"editor" | "reviewer" | "admin", TestUser>;
const running: JobQueue[] = [];

async function startInstance(options: { withWorkers: boolean; changed?: ContentVersion[] }): Promise<JobQueue> {
  const queue = await startJobQueue(createJobQueue(kit.url, { max: 2 }));
  running.push(queue);
  if (options.withWorkers) {
    await startPublishingWorkers(queue, db, { pollingIntervalSeconds: 0.5, afterChange: (version) => void options.changed?.push(version) });
  }
  return queue;
}

async function stopInstance(queue: JobQueue) {
  await queue.stop({ graceful: true, wait: true, timeout: 5_000 });
  running.splice(running.indexOf(queue), 1);
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const jobStates = (versionId: string) =>
  db.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE name = ${jobQueueNames.publishVersion} AND data->>'versionId' = ${versionId}`;

beforeAll(async () => {
  kit = await openTestKit({ name: "publishing-workers" });
  db = kit.db;
  actors = kit.users;
});

afterAll(async () => {
  for (const queue of [...running]) await queue.stop({ graceful: false, wait: true });
  await kit?.close();
});

describe("publishing workers", () => {
  it("two app instances and a due job (queued twice): the version is published exactly once", async () => {
    const version = await approvedRiskListVersion(db, actors, "biverkningar-av-kortison");
    const changedOnA: ContentVersion[] = [];
    const changedOnB: ContentVersion[] = [];
    const a = await startInstance({ withWorkers: true, changed: changedOnA });
    await startInstance({ withWorkers: true, changed: changedOnB });

    const at = new Date(Date.now() + 1500);
    expect((await schedulePublish(db, actors.admin, { versionId: version.id, at }, a)).ok).toBe(true);
    // A duplicate of the same job, as if the queue delivered it again: it must change nothing.
    await db.$transaction((tx) =>
      a.send(jobQueueNames.publishVersion, { versionId: version.id, at: at.toISOString(), scheduledById: actors.admin.id }, { startAfter: at, db: inTransaction(tx) }),
    );

    const states = await waitFor(() => jobStates(version.id), (rows) => rows.length === 2 && rows.every((row) => row.state === "completed"));
    expect(states).toEqual([{ state: "completed" }, { state: "completed" }]);

    expect(await db.contentVersion.findMany({ where: { riskListId: version.riskListId, status: "PUBLISHED" } })).toMatchObject([{ id: version.id }]);
    expect(await db.auditEvent.count({ where: { action: "version.published", data: { path: ["versionId"], equals: version.id } } })).toBe(1);
    expect([...changedOnA, ...changedOnB].map((changed) => changed.id)).toEqual([version.id]);
  });

  it("a scheduled job survives a restart: queued by one instance that stops, run by the next", async () => {
    const version = await approvedRiskListVersion(db, actors, "epidurala-injektioner-risker");
    const before = await startInstance({ withWorkers: false });
    expect((await schedulePublish(db, actors.admin, { versionId: version.id, at: new Date(Date.now() + 1000) }, before)).ok).toBe(true);
    await stopInstance(before);

    await startInstance({ withWorkers: true });
    const published = await waitFor(
      () => db.contentVersion.findUniqueOrThrow({ where: { id: version.id } }),
      (row) => row.status === "PUBLISHED",
    );
    expect(published).toMatchObject({ status: "PUBLISHED", scheduledPublishAt: null });
    expect(await db.auditEvent.count({ where: { action: "version.published", data: { path: ["versionId"], equals: version.id } } })).toBe(1);
  });
});
