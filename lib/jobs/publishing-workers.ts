import type { Db } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { runScheduledJob } from "@/lib/workflow/schedule-versions";
import { jobQueueNames, type JobQueue } from "./job-queue";

export type PublishingWorkerOptions = {
  /** How often an idle worker asks for due jobs: a scheduled publish happens within this of its time. */
  pollingIntervalSeconds?: number;
  /** Runs after a scheduled publish or unpublish has committed (the app invalidates its caches here). */
  afterChange?: (version: ContentVersion) => Promise<void> | void;
};

const queueKinds = [
  [jobQueueNames.publishVersion, "publish"],
  [jobQueueNames.unpublishVersion, "unpublish"],
] as const;

/**
 * Subscribes this process to the scheduled publish and unpublish queues. Any number of processes may:
 * pg-boss hands each job to one of them, and a job that runs twice (a retry after a crash) finds the
 * version already changed and does nothing. An exception (say, the database is down) fails the job and
 * pg-boss retries it later.
 */
export async function startPublishingWorkers(queue: JobQueue, db: Db, options: PublishingWorkerOptions = {}): Promise<void> {
  for (const [name, kind] of queueKinds) {
    await queue.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        const outcome = await runScheduledJob(kind, db, job.data);
        if (outcome.done) {
          console.info(`[jobs] ${name} ${job.id}: version ${outcome.version.id} is now ${outcome.version.status}`);
          // The change has committed; a failed follow-up must not fail (and so retry) the job.
          await Promise.resolve(options.afterChange?.(outcome.version)).catch((error: unknown) =>
            console.error(`[jobs] ${name} ${job.id}: after-change step failed:`, error),
          );
        } else {
          console.info(`[jobs] ${name} ${job.id}: nothing to do (${outcome.reason})`);
        }
      }
    });
  }
}
