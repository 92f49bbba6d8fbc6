import type { Db } from "@/lib/db/client";
import { jobQueueNames, type JobQueue } from "@/lib/queue/job-queue";
import type { Mailer } from "./mailer";
import type { NotificationEmailJob } from "./notify";
import { checkReviewsDue } from "./review-due-check";
import { sendDailyDigests, sendNotificationEmail } from "./send-notification-email";

export type NotificationWorkerOptions = {
  mailer: Mailer;
  pollingIntervalSeconds?: number;
  /** How often the daily jobs' workers ask for work (default 60 s). */
  dailyPollingIntervalSeconds?: number;
  /** Cron lines of the two daily schedules, in Swedish time. */
  reviewDueCheckCron?: string;
  digestCron?: string;
};

/**
 * Subscribes this process to the notification queues and (idempotently: pg-boss keeps one schedule per
 * queue) puts the two daily schedules in place: the review-due check at 06:00 and the digest at 07:00,
 * Swedish time. A failed e-mail throws, so pg-boss retries it with the queue's backoff.
 */
/**
 * E-mails fetched per poll. pg-boss waits a whole polling interval after every fetch, found jobs or not,
 * so one job per fetch sent one e-mail every two seconds: a change that told forty people took well over
 * a minute to reach the last of them (and the e2e spec's outbox check waited behind earlier specs' mail).
 */
export const notificationEmailBatchSize = 20;

/**
 * Sends the e-mails of one fetched batch, every one of them even when some fail; then, if any failed,
 * throws naming them, so pg-boss retries the batch. A retry sends only what is still waiting: those
 * already sent are SENT and skipped (sendNotificationEmail), so nobody gets an e-mail twice.
 */
export async function sendNotificationEmailBatch(db: Db, jobs: readonly { data: NotificationEmailJob }[], mailer: Mailer): Promise<void> {
  const failed: string[] = [];
  for (const job of jobs) {
    try {
      const outcome = await sendNotificationEmail(db, job.data.notificationId, mailer);
      if (outcome.kind === "skipped") console.info(`[jobs] notification e-mail ${job.data.notificationId}: nothing to do (${outcome.reason})`);
    } catch (error) {
      console.warn({ notificationId: job.data.notificationId, err: error }, "[jobs] notification e-mail failed; the batch will be retried");
      failed.push(job.data.notificationId);
    }
  }
  if (failed.length > 0) throw new Error(`notification e-mails failed: ${failed.join(", ")}`);
}

export async function startNotificationWorkers(queue: JobQueue, db: Db, options: NotificationWorkerOptions): Promise<void> {
  const polling = options.pollingIntervalSeconds ?? 2;
  await queue.work<NotificationEmailJob>(jobQueueNames.notificationEmail, { pollingIntervalSeconds: polling, batchSize: notificationEmailBatchSize }, (jobs) =>
    sendNotificationEmailBatch(db, jobs, options.mailer),
  );
  // The two daily jobs need no quick pick-up: their workers ask once a minute, which keeps the database quiet.
  const daily = Math.max(polling, options.dailyPollingIntervalSeconds ?? 60);
  await queue.work(jobQueueNames.notificationDigest, { pollingIntervalSeconds: daily, batchSize: 1 }, async () => {
    const { sent } = await sendDailyDigests(db, options.mailer);
    console.info(`[jobs] notification digest: ${sent} e-mails sent`);
  });
  const jobQueue = () => Promise.resolve(queue);
  await queue.work(jobQueueNames.reviewDueCheck, { pollingIntervalSeconds: daily, batchSize: 1 }, async () => {
    const outcome = await checkReviewsDue(db, jobQueue);
    console.info(`[jobs] review-due check: ${outcome.dueSoon} due soon, ${outcome.overdue} overdue, ${outcome.escalated} escalated notifications`);
  });
  await queue.schedule(jobQueueNames.reviewDueCheck, options.reviewDueCheckCron ?? "0 6 * * *", {}, { tz: "Europe/Stockholm" });
  await queue.schedule(jobQueueNames.notificationDigest, options.digestCron ?? "0 7 * * *", {}, { tz: "Europe/Stockholm" });
}
