import { revalidateTag } from "next/cache";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { publicContentTag } from "@/lib/content/public-cache";
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
 * webhook delivery is queued in its transaction, and the public-content cache is expired after it commits.
 * The cache is Next.js's; outside a Next.js server the test stands in for what a server gives it: the
 * request's `revalidateTag` (recorded by the integration setup) and the incremental cache that background
 * work expires directly.
 */
const { publishNowAction } = await import("@/lib/actions/publishing-actions");

let kit: TestKit;
let subscriptionId: string;
const incrementalCache = { revalidateTag: vi.fn(async () => undefined) };

beforeAll(async () => {
  kit = await openTestKit({ name: "event-wiring", startJobQueue: true });
  const subscription = await createWebhookSubscription(kit.db, kit.users.admin, { url: "https://mottagare.example/krok", events: ["PUBLISHED"] });
  if (!subscription.ok) throw new Error(subscription.failure.message);
  subscriptionId = subscription.value.id;
});

afterAll(async () => {
  await kit?.close();
});

beforeEach(() => {
  vi.stubEnv("NEXT_RUNTIME", "nodejs");
  vi.stubGlobal("__incrementalCache", incrementalCache);
  vi.mocked(revalidateTag).mockClear();
  incrementalCache.revalidateTag.mockClear();
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

/** The delivery row for the publish of `versionId`, and whether its job is in the queue. */
async function queuedDelivery(versionId: string) {
  const delivery = await kit.db.webhookDelivery.findFirst({ where: { subscriptionId, idempotencyKey: `published:${versionId}:${subscriptionId}` } });
  const [job] = delivery
    ? await kit.db.$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE name = ${jobQueueNames.webhookDelivery} AND data->>'deliveryId' = ${delivery.id}`
    : [];
  return { delivery, job };
}

describe("one publish, three paths, the same effects", () => {
  it("the admin's server action: delivery queued, the cache expired in the request", async () => {
    const version = await approvedRiskListVersion(kit.db, kit.users, "biverkningar-av-kortison");
    await kit.signIn(kit.users.admin);
    expect(await publishNowAction({ versionId: version.id })).toMatchObject({ ok: true, value: { status: "PUBLISHED" } });

    expect(await queuedDelivery(version.id)).toMatchObject({ delivery: { status: "PENDING", event: "PUBLISHED" }, job: { id: expect.any(String) } });
    expect(revalidateTag).toHaveBeenCalledWith(publicContentTag, { expire: 0 });
    expect(incrementalCache.revalidateTag).not.toHaveBeenCalled();
  });

  it("the scheduled job, run by the publishing worker: delivery queued, the cache expired as background work", async () => {
    const version = await approvedRiskListVersion(kit.db, kit.users, "epidurala-injektioner-risker");
    expect((await schedulePublish(kit.db, kit.users.admin, { versionId: version.id, at: new Date(Date.now() + 1000) })).ok).toBe(true);
    await startPublishingWorkers(await kit.jobQueue(), kit.db, { pollingIntervalSeconds: 0.5 });
    try {
      const published = await waitFor(() => kit.db.contentVersion.findUniqueOrThrow({ where: { id: version.id } }), (row) => row.status === "PUBLISHED");
      expect(published.status).toBe("PUBLISHED");
      await waitFor(async () => incrementalCache.revalidateTag.mock.calls.length, (calls) => calls > 0);
    } finally {
      await (await kit.jobQueue()).offWork(jobQueueNames.publishVersion);
    }

    expect(await queuedDelivery(version.id)).toMatchObject({ delivery: { status: "PENDING", event: "PUBLISHED" }, job: { id: expect.any(String) } });
    expect(incrementalCache.revalidateTag).toHaveBeenCalledWith([publicContentTag], { expire: 0 });
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("the operation called directly: delivery queued, the cache expired", async () => {
    const version = await approvedRiskListVersion(kit.db, kit.users, "nervblockader-biverkningar");
    const published = await publishVersion(kit.db, kit.users.admin, { versionId: version.id });
    expect(published).toMatchObject({ ok: true, events: [{ type: "version.published", version: { id: version.id } }] });

    expect(await queuedDelivery(version.id)).toMatchObject({ delivery: { status: "PENDING", event: "PUBLISHED" }, job: { id: expect.any(String) } });
    expect(revalidateTag).toHaveBeenCalledWith(publicContentTag, { expire: 0 });
  });
});
