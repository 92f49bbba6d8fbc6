import type { DbTx } from "@/lib/db/client";
import { inTransaction, jobQueueNames, type JobQueue } from "@/lib/jobs/job-queue";
import { idempotencyKeyOf, type ContentEvent } from "./content-event";

/** What a delivery job carries: only the row's id; everything else is read when it runs. */
export type WebhookDeliveryJob = { deliveryId: string };

/**
 * Inside the publish (or unpublish) transaction: one PENDING delivery row per active subscription to
 * the event, and one delivery job per row, queued through the same transaction. So either the change,
 * its delivery rows and their jobs all commit, or none of them does. Retries follow the queue's
 * settings (lib/jobs/job-queue.ts).
 */
export async function queueWebhookDeliveries(tx: DbTx, event: ContentEvent, jobs: JobQueue | (() => Promise<JobQueue>)): Promise<void> {
  const subscriptions = await tx.webhookSubscription.findMany({ where: { active: true, events: { has: event.event } }, orderBy: { createdAt: "asc" } });
  if (subscriptions.length === 0) return;
  const queue = typeof jobs === "function" ? await jobs() : jobs;
  for (const subscription of subscriptions) {
    const delivery = await tx.webhookDelivery.create({
      data: { subscriptionId: subscription.id, event: event.event, idempotencyKey: idempotencyKeyOf(event, subscription.id), payload: event },
    });
    const job: WebhookDeliveryJob = { deliveryId: delivery.id };
    const jobId = await queue.send(jobQueueNames.webhookDelivery, job, { db: inTransaction(tx) });
    if (!jobId) throw new Error(`The ${jobQueueNames.webhookDelivery} queue refused the job for delivery ${delivery.id}`);
  }
}
