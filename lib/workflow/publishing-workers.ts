import type { Db } from "@/lib/db/client";
import { inBackgroundWork } from "@/lib/events/background-work";
import { jobQueueNames, type JobQueue } from "@/lib/queue/job-queue";
import { runScheduledJob } from "./schedule-versions";

export type PublishingWorkerOptions = {
  /** How often an idle worker asks for due jobs: a scheduled publish happens within this of its time. */
  pollingIntervalSeconds?: number;
};

const queueKinds = [
  [jobQueueNames.publishVersion, "publish"],
  [jobQueueNames.unpublishVersion, "unpublish"],
] as const;

/**
 * Subscribes this process to the scheduled publish and unpublish queues. Any number of processes may:
 * pg-boss hands each job to one of them, and a job that runs twice (a retry after a crash) finds the
 * version already changed and does nothing. An exception (say, the database is down) fails the job and
 * pg-boss retries it later. A job runs the same operation as "Publicera nu", so it has the same effects
 * (webhooks, cache invalidation), as background work.
 */
export async function startPublishingWorkers(queue: JobQueue, db: Db, options: PublishingWorkerOptions = {}): Promise<void> {
  for (const [name, kind] of queueKinds) {
    await queue.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        const outcome = await inBackgroundWork(() => runScheduledJob(kind, db, job.data));
        if (outcome.done) console.info(`[jobs] ${name} ${job.id}: version ${outcome.version.id} is now ${outcome.version.status}`);
        else console.info(`[jobs] ${name} ${job.id}: nothing to do (${outcome.reason})`);
      }
    });
  }
}
