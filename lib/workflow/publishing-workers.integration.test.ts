import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { subscribeAfterCommit } from "@/lib/events/domain-event-subscribers";
import type { DomainEvent } from "@/lib/events/domain-events";
import { createJobQueue, inTransaction, jobQueueNames, startJobQueue, stopJobQueue, type JobQueue } from "@/lib/queue/job-queue";
import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { startPublishingWorkers } from "./publishing-workers";
import { schedulePublish } from "./schedule-versions";
import { waitFor } from "@/test/integration/wait-for";

let kit: TestKit;
let db: Db;
let actors: Record<"editor" | "reviewer" | "admin", TestUser>;
const running: JobQueue[] = [];

/** Another app instance: a job queue of its own on the same database, running the publishing workers. */
async function startInstance(): Promise<JobQueue> {
  const queue = await startJobQueue(createJobQueue(kit.url, { max: 2 }));
  running.push(queue);
  await startPublishingWorkers(queue, db, { pollingIntervalSeconds: 0.5 });
  return queue;
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
    // What the workers' runs caused after they committed, on either instance.
    const committed: DomainEvent[] = [];
    const unsubscribe = subscribeAfterCommit("publishing workers test", (event) => void committed.push(event));
    const a = await startInstance();
    await startInstance();

    const at = new Date(Date.now() + 1500);
    expect((await schedulePublish(db, actors.admin, { versionId: version.id, at })).ok).toBe(true);
    // A duplicate of the same job, as if the queue delivered it again: it must change nothing.
    await db.$transaction((tx) =>
      a.send(jobQueueNames.publishVersion, { versionId: version.id, at: at.toISOString(), scheduledById: actors.admin.id }, { startAfter: at, db: inTransaction(tx) }),
    );

    const states = await waitFor(() => jobStates(version.id), (rows) => rows.length === 2 && rows.every((row) => row.state === "completed"));
    expect(states).toEqual([{ state: "completed" }, { state: "completed" }]);

    expect(await db.contentVersion.findMany({ where: { riskListId: version.riskListId, status: "PUBLISHED" } })).toMatchObject([{ id: version.id }]);
    expect(await db.auditEvent.count({ where: { action: "version.published", data: { path: ["versionId"], equals: version.id } } })).toBe(1);
    unsubscribe();
    expect(committed.filter((event) => event.type === "version.published").map((event) => "version" in event && event.version.id)).toEqual([version.id]);
  });

  it("a scheduled job survives a restart: queued by one instance that stops, run by the next", async () => {
    const version = await approvedRiskListVersion(db, actors, "epidurala-injektioner-risker");
    // Queued through this process's job queue, which then stops before the job is due; no worker runs here.
    expect((await schedulePublish(db, actors.admin, { versionId: version.id, at: new Date(Date.now() + 1000) })).ok).toBe(true);
    await stopJobQueue(5_000);

    // The next instance: its app queue is up before it serves (the publish's notifications and webhook
    // deliveries queue on it), and its workers find the job the stopped one left.
    await kit.jobQueue();
    await startInstance();
    const published = await waitFor(
      () => db.contentVersion.findUniqueOrThrow({ where: { id: version.id } }),
      (row) => row.status === "PUBLISHED",
    );
    expect(published).toMatchObject({ status: "PUBLISHED", scheduledPublishAt: null });
    expect(await db.auditEvent.count({ where: { action: "version.published", data: { path: ["versionId"], equals: version.id } } })).toBe(1);
  });
});
