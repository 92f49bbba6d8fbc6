import type { Db } from "@/lib/db/client";
import { jobQueueNames, type JobQueue } from "@/lib/queue/job-queue";
import { deliverWebhook, type WebhookDeliveryOptions } from "./deliver-webhook";
import type { WebhookDeliveryJob } from "./queue-webhook-deliveries";

/**
 * Subscribes this process to the webhook-delivery queue. A failed attempt throws, so pg-boss marks the
 * job failed and retries it with the queue's exponential backoff; the job knows from its retry count
 * whether it is the last attempt, after which the delivery is FAILED.
 */
export async function startWebhookWorkers(queue: JobQueue, db: Db, options: WebhookDeliveryOptions & { pollingIntervalSeconds?: number }): Promise<void> {
  await queue.work<WebhookDeliveryJob>(
    jobQueueNames.webhookDelivery,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs) {
        const outcome = await deliverWebhook(db, job.data.deliveryId, { isLastAttempt: job.retryCount >= job.retryLimit }, options);
        if (outcome.kind === "retry") throw new Error(`webhook delivery ${job.data.deliveryId} failed, will retry: ${outcome.error}`);
        if (outcome.kind === "failed") console.warn(`[jobs] webhook delivery ${job.data.deliveryId} failed for good: ${outcome.error}`);
        if (outcome.kind === "skipped") console.info(`[jobs] webhook delivery ${job.data.deliveryId}: nothing to do (${outcome.reason})`);
      }
    },
  );
}
