import type { Db } from "@/lib/db/client";
import { inBackgroundWork } from "@/lib/events/background-work";
import { jobQueueNames, type JobQueue } from "@/lib/queue/job-queue";
import { runScheduledJob, sweepOverdueSchedules, type SchedulerOptions } from "./schedule-versions";

export type PublishingWorkerOptions = SchedulerOptions & {
  /** How often an idle worker asks for due jobs: a scheduled publish happens within this of its time. */
  pollingIntervalSeconds?: number;
};

const queueKinds = [
  [jobQueueNames.publishVersion, "publish"],
  [jobQueueNames.unpublishVersion, "unpublish"],
] as const;

/** pg-boss's cron sends the sweep every minute (one job per minute across all instances). */
const sweepCron = "* * * * *";
const sweepPollingIntervalSeconds = 30;

/**
 * Subscribes this process to the scheduled publish and unpublish queues. Any number of processes may:
 * pg-boss hands each job to one of them, and a job that runs twice (a retry after a crash) finds the
 * version already changed and does nothing. An exception (say, the database is down) fails the job and
 * pg-boss retries it later. A job runs the same operation as "Publicera nu", so it has the same effects
 * (webhooks, cache invalidation), as background work.
 *
 * A schedule whose job never ran (retries used up while the database was down, or the job lost) is not
 * lost: the sweep of overdue schedules runs when the workers start and every minute after (pg-boss's
 * cron), applies it, and records that it was late.
 */
export async function startPublishingWorkers(queue: JobQueue, db: Db, options: PublishingWorkerOptions = {}): Promise<void> {
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const scheduler = { lateAfterMs: options.lateAfterMs };
  for (const [name, kind] of queueKinds) {
    await queue.work(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        const outcome = await inBackgroundWork(() => runScheduledJob(kind, db, job.data, scheduler));
        if (outcome.done) console.info(`[jobs] ${name} ${job.id}: version ${outcome.version.id} is now ${outcome.version.status}`);
        else console.info(`[jobs] ${name} ${job.id}: nothing to do (${outcome.reason})`);
      }
    });
  }
  // A sweep now, for what fell due while no worker ran: queued before the worker below starts, so its
  // first fetch takes it at once (the cron's first comes within a minute).
  await queue.send(jobQueueNames.scheduleSweep, {});
  // The sweep is a backstop: asking for its job twice a minute is enough, and keeps the database quiet.
  await queue.work(jobQueueNames.scheduleSweep, { pollingIntervalSeconds: sweepPollingIntervalSeconds, batchSize: 1 }, async () => {
    const outcomes = await inBackgroundWork(() => sweepOverdueSchedules(db, scheduler));
    for (const outcome of outcomes) {
      if (outcome.done) console.warn(`[jobs] ${jobQueueNames.scheduleSweep}: overdue ${outcome.kind} of version ${outcome.versionId} (due ${outcome.at.toISOString()}) applied`);
      else console.info(`[jobs] ${jobQueueNames.scheduleSweep}: overdue ${outcome.kind} of version ${outcome.versionId}: nothing to do (${outcome.reason})`);
    }
  });
  await queue.schedule(jobQueueNames.scheduleSweep, sweepCron);
}
