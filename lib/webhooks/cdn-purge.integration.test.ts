import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createJobQueue, jobQueueNames, startJobQueue, type JobQueue } from "@/lib/queue/job-queue";
import { publishVersion, unpublishVersion } from "@/lib/workflow/publish-versions";

import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { waitFor } from "@/test/integration/wait-for";
import { startCdnPurgeWorkers } from "./cdn-purge";

/*
 * The CDN purge hook end to end: a publish and an unpublish each queue a purge job in their own
 * transaction, the worker calls a local HTTP receiver standing in for the CDN's purge endpoint, and a
 * receiver that fails first gets the same purge again (pg-boss's retry, as for webhooks).
 */
let kit: TestKit;
let db: Db;
let queue: JobQueue;
type Received = { method: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let failuresLeft = 0;
let receiver: http.Server;
let purgeUrl: string;

const purgeJobs = () => db.$queryRaw<{ state: string; data: { event: string } }[]>`SELECT state::text, data FROM pgboss.job WHERE name = ${jobQueueNames.cdnPurge} ORDER BY created_on`;

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ method: request.method ?? "", headers: request.headers, body });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return void response.writeHead(503).end("busy");
      }
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"ok"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  purgeUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/purge`;
  kit = await openTestKit({ name: "cdn-purge", startJobQueue: true });
  db = kit.db;
  queue = await startJobQueue(createJobQueue(kit.url, { max: 2 }));
  // The production backoff waits minutes; here a retry waits a second or two.
  await queue.updateQueue(jobQueueNames.cdnPurge, { name: jobQueueNames.cdnPurge, retryLimit: 3, retryDelay: 1, retryBackoff: false });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await queue?.stop({ graceful: false, wait: true });
  await kit?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe("the CDN purge hook", () => {
  it("queues nothing when no purge URL is configured", async () => {
    vi.stubEnv("GRANSKAD_CDN_PURGE_URL", "");
    const version = await approvedRiskListVersion(db, kit.users, "biverkningar-av-kortison");
    expect((await publishVersion(db, kit.users.admin, { versionId: version.id })).ok).toBe(true);
    expect(await purgeJobs()).toEqual([]);
  });

  it("purges the public tag on publish and on unpublish, and a failed purge is retried", async () => {
    const environment = { GRANSKAD_CDN_PURGE_URL: purgeUrl, GRANSKAD_CDN_PURGE_FORMAT: "json", GRANSKAD_CDN_PURGE_TOKEN: "hemligt" };
    for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
    const version = await approvedRiskListVersion(db, kit.users, "epidurala-injektioner-risker");
    expect((await publishVersion(db, kit.users.admin, { versionId: version.id })).ok).toBe(true);
    expect((await unpublishVersion(db, kit.users.admin, { versionId: version.id })).ok).toBe(true);
    expect((await purgeJobs()).map((job) => job.data.event)).toEqual(["version.published", "version.unpublished"]);

    failuresLeft = 1;
    expect(await startCdnPurgeWorkers(queue, { pollingIntervalSeconds: 0.5, environment })).toBe(true);
    try {
      const jobs = await waitFor(purgeJobs, (current) => current.length === 2 && current.every((job) => job.state === "completed"), 30_000);
      expect(jobs.map((job) => job.state)).toEqual(["completed", "completed"]);
    } finally {
      await queue.offWork(jobQueueNames.cdnPurge);
    }
    // One 503, then both purges answered: three requests for two jobs.
    expect(received).toHaveLength(3);
    for (const request of received) {
      expect(request.method).toBe("POST");
      expect(request.headers.authorization).toBe("Bearer hemligt");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(request.body)).toMatchObject({ tags: ["granskad-public"] });
    }
    expect(received.map((request) => (JSON.parse(request.body) as { event: string }).event).sort()).toEqual(["version.published", "version.published", "version.unpublished"].sort());
  });
});
