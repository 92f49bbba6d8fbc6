import PgBoss from "pg-boss";
import type { DbTx } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/database-url";

/**
 * The background-job queues (pg-boss, in its own `pgboss` schema of the app's database). Every queue is
 * listed here so every process creates them on start.
 */
export const jobQueueNames = {
  publishVersion: "publish-version",
  unpublishVersion: "unpublish-version",
  webhookDelivery: "webhook-delivery",
  cdnPurge: "cdn-purge",
  /** The sweep of overdue schedules (lib/workflow/schedule-versions.ts), sent every minute by pg-boss's cron. */
  scheduleSweep: "schedule-sweep",
  /** One notification's e-mail (lib/notifications). */
  notificationEmail: "notification-email",
  /** The daily digest of the notifications people chose to get so (a pg-boss schedule). */
  notificationDigest: "notification-digest",
  /** The daily check for reviews due within 30 days, overdue or to escalate (a pg-boss schedule). */
  reviewDueCheck: "review-due-check",
} as const;
export type JobQueueName = (typeof jobQueueNames)[keyof typeof jobQueueNames];

/**
 * Queue-level settings, used by every job that does not set its own. A webhook delivery is tried 9
 * times: after a failure pg-boss waits retryDelay·2^(n-1) to twice that (jitter), 30 s for the first
 * retry, so the last attempt comes some 2–4 hours after the first.
 */
const queueOptions: Partial<Record<JobQueueName, Omit<PgBoss.Queue, "name">>> = {
  [jobQueueNames.webhookDelivery]: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  // Purging the CDN (lib/webhooks/cdn-purge.ts) is retried the same way.
  [jobQueueNames.cdnPurge]: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  // One sweep waiting and one running at most ("stately"); a failed sweep is not retried: the next minute's is.
  [jobQueueNames.scheduleSweep]: { policy: "stately", retryLimit: 0, expireInSeconds: 600 },
  // An e-mail is tried 6 times, the last some 30 minutes after the first (an SMTP server being restarted).
  [jobQueueNames.notificationEmail]: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  [jobQueueNames.notificationDigest]: { retryLimit: 3, retryDelay: 300, expireInSeconds: 900 },
  [jobQueueNames.reviewDueCheck]: { retryLimit: 3, retryDelay: 300, expireInSeconds: 900 },
};

export type JobQueue = PgBoss;

/**
 * A pg-boss instance for `url` with a small pool; call `startJobQueue` before use. A `sendOnly` queue (a
 * web-only instance, GRANSKAD_WORKERS=off) queues jobs but leaves pg-boss's maintenance and its cron
 * schedules to the instances that run the workers.
 */
export function createJobQueue(url: string, options: { max?: number; sendOnly?: boolean } = {}): JobQueue {
  parseDatabaseUrl(url);
  const sendOnly = options.sendOnly ? { supervise: false, schedule: false } : {};
  return new PgBoss({ connectionString: url, schema: "pgboss", max: options.max ?? 3, application_name: "granskad-jobs", ...sendOnly });
}

/** Starts the queue (creating its schema on first use, safe when several instances start at once) and its queues. */
export async function startJobQueue(queue: JobQueue): Promise<JobQueue> {
  queue.on("error", (error) => console.error("[jobs] job queue error:", error));
  await queue.start();
  for (const name of Object.values(jobQueueNames)) {
    if (!(await queue.getQueue(name))) await queue.createQueue(name, { name, ...queueOptions[name] });
  }
  return queue;
}

const globalForJobs = globalThis as unknown as { granskadJobQueue?: Promise<JobQueue> };

/** The app's job queue, built from DATABASE_URL and started once per process, on first use. */
export function getJobQueue(): Promise<JobQueue> {
  if (globalForJobs.granskadJobQueue) return globalForJobs.granskadJobQueue;
  const url = process.env.DATABASE_URL;
  if (!url) return Promise.reject(new Error("DATABASE_URL is not set: the job queue needs the app's database"));
  const started = startJobQueue(createJobQueue(url, { sendOnly: process.env.GRANSKAD_WORKERS === "off" }));
  started.catch(() => {
    // A failed start must not be cached: the next caller tries again.
    if (globalForJobs.granskadJobQueue === started) globalForJobs.granskadJobQueue = undefined;
  });
  globalForJobs.granskadJobQueue = started;
  return started;
}

/** Stops the app's job queue, letting running jobs finish for up to `timeoutMs`. */
export async function stopJobQueue(timeoutMs = 10_000): Promise<void> {
  const started = globalForJobs.granskadJobQueue;
  globalForJobs.granskadJobQueue = undefined;
  if (!started) return;
  const queue = await started.catch(() => undefined);
  await queue?.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

/**
 * Runs pg-boss's SQL inside a Prisma transaction, so a job is queued if and only if the change that
 * asks for it commits (a schedule is never saved without its job, nor a job queued for a rolled-back change).
 */
export function inTransaction(tx: DbTx): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}
