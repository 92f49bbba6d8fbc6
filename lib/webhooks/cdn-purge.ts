import { changesPublicContent } from "@/lib/content/public-content-changes";
import type { InTransactionSubscriber } from "@/lib/events/domain-event-subscribers";
import type { DomainEventType } from "@/lib/events/domain-events";
import { publicContentCacheTag } from "@/lib/http/cache-tags";
import { inTransaction, jobQueueNames, type JobQueue } from "@/lib/queue/job-queue";

/**
 * The optional CDN purge hook. When `GRANSKAD_CDN_PURGE_URL` is set, every change a reader could see
 * queues one job, in the committing transaction (so a rolled-back change purges nothing and a committed
 * one is never forgotten), that asks the CDN to drop every response tagged `granskad-public`
 * (lib/http/cache-tags.ts). The job is retried like a webhook delivery (lib/queue/job-queue.ts: 9 tries
 * with exponential backoff). Formats (`GRANSKAD_CDN_PURGE_FORMAT`):
 *
 * - `fastly`: `POST <url>` with `Surrogate-Key: granskad-public` and `Fastly-Key: <token>`
 *   (url: `https://api.fastly.com/service/<service id>/purge`);
 * - `cloudflare`: `POST <url>` with `{"tags":["granskad-public"]}` and `Authorization: Bearer <token>`
 *   (url: `https://api.cloudflare.com/client/v4/zones/<zone id>/purge_cache`);
 * - `varnish`: `PURGE <url>` with `xkey-purge: granskad-public` (varnish-modules' xkey; the VCL checks
 *   the client's address or the `Authorization: Bearer <token>` header);
 * - `json` (default): `POST <url>` with `{"tags":["granskad-public"],"event":"version.published"}` and,
 *   with a token, `Authorization: Bearer <token>`, for a purge service of your own.
 */
export const cdnPurgeFormats = ["json", "fastly", "cloudflare", "varnish"] as const;
export type CdnPurgeFormat = (typeof cdnPurgeFormats)[number];

export type CdnPurgeConfig = { url: URL; format: CdnPurgeFormat; token: string | undefined };

export type CdnPurgeEnvironment = Record<string, string | undefined>;

/** The configured hook, or undefined when none is; a malformed setting is an error at start-up. */
export function cdnPurgeConfigFrom(environment: CdnPurgeEnvironment): CdnPurgeConfig | undefined {
  const configured = environment.GRANSKAD_CDN_PURGE_URL;
  if (!configured) return undefined;
  if (!URL.canParse(configured) || !/^https?:$/.test(new URL(configured).protocol)) throw new Error("GRANSKAD_CDN_PURGE_URL must be an http(s) URL");
  const format = (environment.GRANSKAD_CDN_PURGE_FORMAT || "json") as CdnPurgeFormat;
  if (!cdnPurgeFormats.includes(format)) throw new Error(`GRANSKAD_CDN_PURGE_FORMAT must be one of ${cdnPurgeFormats.join(", ")}`);
  return { url: new URL(configured), format, token: environment.GRANSKAD_CDN_PURGE_TOKEN || undefined };
}

/** What a purge job carries: the event that caused it (for the log and the json format). */
export type CdnPurgeJob = { event: DomainEventType };

/** The request a purge makes, by format. */
export function cdnPurgeRequest(config: CdnPurgeConfig, job: CdnPurgeJob): { method: string; headers: Record<string, string>; body?: string } {
  const bearer: Record<string, string> = config.token ? { Authorization: `Bearer ${config.token}` } : {};
  switch (config.format) {
    case "fastly":
      return { method: "POST", headers: { "Surrogate-Key": publicContentCacheTag, ...(config.token ? { "Fastly-Key": config.token } : {}) } };
    case "cloudflare":
      return { method: "POST", headers: { "Content-Type": "application/json", ...bearer }, body: JSON.stringify({ tags: [publicContentCacheTag] }) };
    case "varnish":
      return { method: "PURGE", headers: { "xkey-purge": publicContentCacheTag, ...bearer } };
    case "json":
      return { method: "POST", headers: { "Content-Type": "application/json", ...bearer }, body: JSON.stringify({ tags: [publicContentCacheTag], event: job.event }) };
  }
}

/** Queues a purge job in the committing transaction of every public change, when a hook is configured. */
export function cdnPurgeSubscriber(jobQueue: () => Promise<JobQueue>, environment: CdnPurgeEnvironment = process.env): InTransactionSubscriber {
  return async (event, tx) => {
    if (!changesPublicContent(event) || !cdnPurgeConfigFrom(environment)) return;
    const queue = await jobQueue();
    const job: CdnPurgeJob = { event: event.type };
    const jobId = await queue.send(jobQueueNames.cdnPurge, job, { db: inTransaction(tx) });
    if (!jobId) throw new Error(`The ${jobQueueNames.cdnPurge} queue refused the purge job`);
  };
}

/** Performs one purge; throws on anything but a 2xx, so pg-boss retries the job. */
export async function purgeCdn(config: CdnPurgeConfig, job: CdnPurgeJob, timeoutMs = 10_000): Promise<number> {
  const request = cdnPurgeRequest(config, job);
  const response = await fetch(config.url, { ...request, signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`CDN purge (${config.format}) answered ${response.status}`);
  return response.status;
}

/** Subscribes this process to the purge queue (only when a hook is configured). */
export async function startCdnPurgeWorkers(queue: JobQueue, options: { pollingIntervalSeconds?: number; environment?: CdnPurgeEnvironment } = {}): Promise<boolean> {
  const config = cdnPurgeConfigFrom(options.environment ?? process.env);
  if (!config) return false;
  await queue.work<CdnPurgeJob>(jobQueueNames.cdnPurge, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await purgeCdn(config, job.data);
  });
  return true;
}
