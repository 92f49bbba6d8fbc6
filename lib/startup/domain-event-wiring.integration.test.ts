import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicContentChannel, publicGeneration, publicGenerationInstanceId } from "@/lib/content/public-generation";
import { jobQueueNames } from "@/lib/queue/job-queue";
import { createWebhookSubscription } from "@/lib/webhooks/webhook-subscriptions";
import { publishVersion } from "@/lib/workflow/publish-versions";
import { startPublishingWorkers } from "@/lib/workflow/publishing-workers";
import { schedulePublish } from "@/lib/workflow/schedule-versions";
import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { waitFor } from "@/test/integration/wait-for";

/*
 * Whatever path a publish takes (the admin's server action, the scheduled job's worker, an operation
 * called directly as a script or an import would), it has the same effects, wired once at start-up: the
 * webhook delivery is queued in its transaction, the change is announced to every instance with NOTIFY
 * at commit, and this process's public caches start a new generation right after the commit (before the
 * operation returns). The notification is checked on PostgreSQL (CI's PostgreSQL pass): PGlite runs
 * pg_notify, but its socket server does not forward notifications, and it serves one instance anyway.
 */
const { publishNowAction } = await import("@/lib/actions/publishing-actions");

let kit: TestKit;
let subscriptionId: string;
let listener: pg.Client | undefined;
const notifications: { instance: string; event: string; change: string }[] = [];
const onPostgreSql = process.env.DATABASE_URL !== undefined;

beforeAll(async () => {
  kit = await openTestKit({ name: "event-wiring", startJobQueue: true });
  const subscription = await createWebhookSubscription(kit.db, kit.users.admin, { url: "https://mottagare.example/krok", events: ["PUBLISHED"] });
  if (!subscription.ok) throw new Error(subscription.failure.message);
  subscriptionId = subscription.value.id;
  if (onPostgreSql) {
    listener = new pg.Client({ connectionString: kit.url });
    await listener.connect();
    listener.on("notification", (message) => notifications.push(JSON.parse(message.payload ?? "{}") as { instance: string; event: string; change: string }));
    await listener.query(`LISTEN ${publicContentChannel}`);
  }
});

afterAll(async () => {
  await listener?.end();
  await kit?.close();
});

/** On PostgreSQL: the announcement of a publish by this process reached a listener. */
async function expectAnnounced(before: number) {
  if (!onPostgreSql) return;
  const received = await waitFor(async () => notifications.slice(before), (list) => list.length > 0, 5_000);
  expect(received[0]).toEqual({ instance: publicGenerationInstanceId(), event: "version.published", change: expect.stringMatching(/^[0-9a-f-]{36}$/) });
}

/** The delivery row for the publish of `versionId`, and whether its job is in the queue. */
async function queuedDelivery(versionId: string) {
  const delivery = await kit.db.webhookDelivery.findFirst({ where: { subscriptionId, idempotencyKey: `published:${versionId}:${subscriptionId}` } });
  const [job] = delivery
    ? await kit.db.$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE name = ${jobQueueNames.webhookDelivery} AND data->>'deliveryId' = ${delivery.id}`
    : [];
  return { delivery, job };
}

describe("one publish, three paths, the same effects", () => {
  it("the admin's server action: delivery queued, announced, a new generation before the action returns", async () => {
    const version = await approvedRiskListVersion(kit.db, kit.users, "biverkningar-av-kortison");
    await kit.signIn(kit.users.admin);
    const [generation, announced] = [publicGeneration(), notifications.length];
    expect(await publishNowAction({ versionId: version.id })).toMatchObject({ ok: true, value: { status: "PUBLISHED" } });
    expect(publicGeneration()).toBeGreaterThan(generation);

    expect(await queuedDelivery(version.id)).toMatchObject({ delivery: { status: "PENDING", event: "PUBLISHED" }, job: { id: expect.any(String) } });
    await expectAnnounced(announced);
  });

  it("the scheduled job, run by the publishing worker: delivery queued, announced, a new generation", async () => {
    const version = await approvedRiskListVersion(kit.db, kit.users, "epidurala-injektioner-risker");
    const [generation, announced] = [publicGeneration(), notifications.length];
    expect((await schedulePublish(kit.db, kit.users.admin, { versionId: version.id, at: new Date(Date.now() + 1000) })).ok).toBe(true);
    await startPublishingWorkers(await kit.jobQueue(), kit.db, { pollingIntervalSeconds: 0.5 });
    try {
      const published = await waitFor(() => kit.db.contentVersion.findUniqueOrThrow({ where: { id: version.id } }), (row) => row.status === "PUBLISHED");
      expect(published.status).toBe("PUBLISHED");
      expect(await waitFor(async () => publicGeneration(), (current) => current > generation)).toBeGreaterThan(generation);
    } finally {
      await (await kit.jobQueue()).offWork(jobQueueNames.publishVersion);
    }

    expect(await queuedDelivery(version.id)).toMatchObject({ delivery: { status: "PENDING", event: "PUBLISHED" }, job: { id: expect.any(String) } });
    await expectAnnounced(announced);
  });

  it("the operation called directly: delivery queued, announced, a new generation", async () => {
    const version = await approvedRiskListVersion(kit.db, kit.users, "nervblockader-biverkningar");
    const [generation, announced] = [publicGeneration(), notifications.length];
    const published = await publishVersion(kit.db, kit.users.admin, { versionId: version.id });
    expect(published).toMatchObject({ ok: true, events: [{ type: "version.published", version: { id: version.id } }] });

    expect(publicGeneration()).toBeGreaterThan(generation);
    expect(await queuedDelivery(version.id)).toMatchObject({ delivery: { status: "PENDING", event: "PUBLISHED" }, job: { id: expect.any(String) } });
    await expectAnnounced(announced);
  });

  it("a refused publish announces nothing and keeps the generation", async () => {
    const version = await approvedRiskListVersion(kit.db, kit.users, "nervblockader-biverkningar");
    const [generation, announced] = [publicGeneration(), notifications.length];
    // The editor may not publish: the transaction rolls back, and with it the NOTIFY.
    expect(await publishVersion(kit.db, kit.users.editor, { versionId: version.id })).toMatchObject({ ok: false });
    expect(publicGeneration()).toBe(generation);
    if (onPostgreSql) {
      await kit.db.$executeRaw`SELECT pg_notify(${publicContentChannel}, '{"instance":"marker","event":"marker"}')`;
      await waitFor(async () => notifications.slice(announced), (list) => list.some((entry) => entry.instance === "marker"), 5_000);
      expect(notifications.slice(announced).map((entry) => entry.instance)).toEqual(["marker"]);
    }
  });
});
