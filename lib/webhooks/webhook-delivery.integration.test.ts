import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { createJobQueue, inTransaction, jobQueueNames, startJobQueue, type JobQueue } from "@/lib/queue/job-queue";
import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { publishVersion } from "@/lib/workflow/publish-versions";
import { deliverWebhook } from "./deliver-webhook";
import { webhookAddressPolicy } from "./webhook-address-rules";
import { verifyWebhookSignature, webhookHeaders } from "./webhook-signature";
import { createWebhookSubscription } from "./webhook-subscriptions";
import { startWebhookWorkers } from "./webhook-workers";
import { waitFor } from "@/test/integration/wait-for";

let kit: TestKit;
let db: Db;
let queue: JobQueue;
let actors: Record<"editor" | "reviewer" | "admin", TestUser>;

type Received = { headers: http.IncomingHttpHeaders; body: string };

/**
 * A subscriber as the README tells one to write it: verify the signature, process each idempotency key
 * once. It answers 500 to its first `failures` requests.
 */
async function startReceiver(secret: () => string, failures: number) {
  const received: Received[] = [];
  const processed: unknown[] = [];
  const seenKeys = new Set<string>();
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      if (received.length <= failures) return void response.writeHead(500).end("temporarily down");
      const signed = verifyWebhookSignature({
        secret: secret(),
        timestamp: request.headers[webhookHeaders.timestamp.toLowerCase()] as string,
        signature: request.headers[webhookHeaders.signature.toLowerCase()] as string,
        body,
      });
      if (!signed) return void response.writeHead(401).end();
      const key = request.headers[webhookHeaders.idempotencyKey.toLowerCase()] as string;
      if (!seenKeys.has(key)) {
        seenKeys.add(key);
        processed.push(JSON.parse(body));
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { received, processed, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const deliveryJobs = () => db.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE name = ${jobQueueNames.webhookDelivery}`;

beforeAll(async () => {
  kit = await openTestKit({ name: "webhook-delivery", startJobQueue: true });
  db = kit.db;
  actors = kit.users;
  queue = await startJobQueue(createJobQueue(kit.url, { max: 2 }));
  // The production backoff waits minutes; here each retry waits 1–2 s, then 2–4 s.
  await queue.updateQueue(jobQueueNames.webhookDelivery, { name: jobQueueNames.webhookDelivery, retryLimit: 3, retryDelay: 1, retryBackoff: true });
});

afterAll(async () => {
  await queue?.stop({ graceful: false, wait: true });
  await kit?.close();
});

describe("webhook delivery", () => {
  it("a receiver that fails twice gets the same signed event three times with one idempotency key, and processes it once", async () => {
    let secret = "";
    const receiver = await startReceiver(() => secret, 2);
    try {
      const created = await createWebhookSubscription(db, actors.admin, { url: `http://127.0.0.1:${receiver.port}/hooks/granskad`, events: ["PUBLISHED"] });
      if (!created.ok) throw new Error(created.failure.message);
      secret = created.value.secret;
      // Delivery checks the address under production rules, with only the receiver's host allowed.
      const policy = webhookAddressPolicy({ NODE_ENV: "production", GRANSKAD_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
      await startWebhookWorkers(queue, db, { pollingIntervalSeconds: 0.5, policy, publicBaseUrl: "https://granskad.example" });

      const version = await approvedRiskListVersion(db, actors, "biverkningar-av-kortison");
      const published = await publishVersion(db, actors.admin, { versionId: version.id });
      if (!published.ok) throw new Error(published.failure.message);
      const superseded = await db.contentVersion.findUniqueOrThrow({ where: { id: published.value.supersedesId ?? "" } });

      const delivery = await waitFor(
        () => db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: created.value.id } }),
        (row) => row.status !== "PENDING",
        30_000,
      );
      expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 204, lastError: null, event: "PUBLISHED" });
      expect(delivery.deliveredAt).toBeInstanceOf(Date);

      expect(receiver.received).toHaveLength(3);
      const keys = receiver.received.map((request) => request.headers["idempotency-key"]);
      expect(keys).toEqual([delivery.idempotencyKey, delivery.idempotencyKey, delivery.idempotencyKey]);
      for (const request of receiver.received) {
        expect(request.headers["granskad-event"]).toBe("content.published");
        expect(request.headers["content-type"]).toBe("application/json");
        const timestamp = request.headers["granskad-timestamp"] as string;
        const signature = request.headers["granskad-signature"] as string;
        expect(verifyWebhookSignature({ secret, timestamp, signature, body: request.body })).toBe(true);
        expect(verifyWebhookSignature({ secret: "whsec_wrong", timestamp, signature, body: request.body })).toBe(false);
      }
      expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
      expect(receiver.processed).toEqual([
        {
          id: delivery.idempotencyKey,
          event: "content.published",
          occurredAt: published.value.publishedAt?.toISOString(),
          item: {
            type: "risk_list",
            id: version.riskListId,
            slug: "biverkningar-av-kortison",
            urls: { page: null, api: "https://granskad.example/api/v1/risk-lists/biverkningar-av-kortison" },
          },
          // The list re-reviewed unchanged: an editorial change.
          version: { id: version.id, number: version.number, contentHash: version.contentHash, changeKind: "editorial" },
          supersedes: { id: superseded.id, number: superseded.number },
        },
      ]);

      // A job that comes again for a delivered event (a retry after a crash, a duplicate) sends nothing.
      await db.$transaction((tx) => queue.send(jobQueueNames.webhookDelivery, { deliveryId: delivery.id }, { db: inTransaction(tx) }));
      await waitFor(deliveryJobs, (jobs) => jobs.every((job) => job.state === "completed"), 30_000);
      expect(receiver.received).toHaveLength(3);
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 3 });
    } finally {
      await queue.offWork(jobQueueNames.webhookDelivery);
      await receiver.close();
      await db.webhookSubscription.deleteMany();
    }
  });

  it("nothing is queued when the publish transaction fails: no delivery rows, no jobs, the version unchanged", async () => {
    for (const path of ["a", "b"]) {
      const created = await createWebhookSubscription(db, actors.admin, { url: `https://mottagare.example/${path}`, events: ["PUBLISHED", "UNPUBLISHED"] });
      expect(created.ok).toBe(true);
    }
    const version = await approvedRiskListVersion(db, actors, "nervblockader-biverkningar");
    const jobsBefore = (await deliveryJobs()).length;
    // The app's queue accepts the first subscriber's job, then fails: the transaction must take the first back too.
    const appQueue = await kit.jobQueue();
    const send = appQueue.send.bind(appQueue) as (...args: unknown[]) => Promise<string | null>;
    let sent = 0;
    const failingSend = vi.spyOn(appQueue, "send").mockImplementation(((...args: unknown[]) => {
      sent += 1;
      if (sent === 2) throw new Error("queue unavailable");
      return send(...args);
    }) as JobQueue["send"]);
    try {
      await expect(publishVersion(db, actors.admin, { versionId: version.id })).rejects.toThrow("queue unavailable");
    } finally {
      failingSend.mockRestore();
    }

    expect(sent).toBe(2);
    expect(await db.webhookDelivery.count()).toBe(0);
    expect(await deliveryJobs()).toHaveLength(jobsBefore);
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "APPROVED", publishedAt: null });
    expect(await db.auditEvent.count({ where: { action: "version.published", data: { path: ["versionId"], equals: version.id } } })).toBe(0);
    await db.webhookSubscription.deleteMany();
  });

  it("at delivery time a private address is refused before anything is sent, and a last failed attempt leaves the delivery FAILED", async () => {
    const receiver = await startReceiver(() => "", 0);
    try {
      const created = await createWebhookSubscription(db, actors.admin, { url: `http://localhost:${receiver.port}/hook`, events: ["PUBLISHED"] });
      if (!created.ok) throw new Error(created.failure.message);
      const version = await approvedRiskListVersion(db, actors, "biverkningar-av-kortison");
      expect((await publishVersion(db, actors.admin, { versionId: version.id })).ok).toBe(true);
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: created.value.id } });

      const production = { policy: webhookAddressPolicy({ NODE_ENV: "production" }), publicBaseUrl: "https://granskad.example" };
      expect(await deliverWebhook(db, delivery.id, { isLastAttempt: false }, production)).toMatchObject({ kind: "retry", error: expect.stringMatching(/127\.0\.0\.1|::1/) });
      expect(await deliverWebhook(db, delivery.id, { isLastAttempt: true }, production)).toMatchObject({ kind: "failed" });
      expect(receiver.received).toHaveLength(0);
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", attempts: 2, lastStatusCode: null, lastError: expect.stringMatching(/inte publik/) });
      expect(await deliverWebhook(db, delivery.id, { isLastAttempt: true }, production)).toMatchObject({ kind: "skipped" });
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
      await db.webhookSubscription.deleteMany();
    }
  });

  it("connects to the address that was checked, never resolving the name a second time", async () => {
    const receiver = await startReceiver(() => "", 0);
    try {
      // A name the system resolver does not know: it can only be reached through the checked answer.
      const created = await createWebhookSubscription(db, actors.admin, { url: `http://mottagare.granskad.invalid:${receiver.port}/hook`, events: ["PUBLISHED"] });
      if (!created.ok) throw new Error(created.failure.message);
      const version = await approvedRiskListVersion(db, actors, "si-ledinjektioner-biverkningar");
      expect((await publishVersion(db, actors.admin, { versionId: version.id })).ok).toBe(true);
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: created.value.id } });
      const resolved: string[] = [];
      const outcome = await deliverWebhook(db, delivery.id, { isLastAttempt: false }, {
        policy: webhookAddressPolicy({ NODE_ENV: "production", GRANSKAD_WEBHOOK_ALLOWED_HOSTS: "mottagare.granskad.invalid" }),
        publicBaseUrl: "https://granskad.example",
        resolve: async (hostname) => {
          resolved.push(hostname);
          return [{ address: "127.0.0.1", family: 4 }];
        },
      });
      // The receiver cannot verify (it has no secret) and answers 401: the request did reach it.
      expect(outcome).toMatchObject({ kind: "retry", error: "HTTP 401" });
      expect(resolved).toEqual(["mottagare.granskad.invalid"]);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.headers.host).toBe(`mottagare.granskad.invalid:${receiver.port}`);
    } finally {
      await receiver.close();
      await db.webhookSubscription.deleteMany();
    }
  });
});
