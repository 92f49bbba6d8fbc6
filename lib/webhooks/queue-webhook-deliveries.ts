import type { DbTx } from "@/lib/db/client";
import type { WebhookEvent } from "@/lib/db/generated/enums";
import type { InTransactionSubscriber } from "@/lib/events/domain-event-subscribers";
import type { DomainEventOf } from "@/lib/events/domain-events";
import { itemKinds, slugOfItem, type Item } from "@/lib/items/item";
import { inTransaction, jobQueueNames, type JobQueue } from "@/lib/queue/job-queue";
import { externalChangeKinds } from "@/lib/content/change-kind";
import { idempotencyKeyOf, type ContentEvent } from "./content-event";

/** What a delivery job carries: only the row's id; everything else is read when it runs. */
export type WebhookDeliveryJob = { deliveryId: string };

/** The domain events subscribers can subscribe to, as webhook events. */
const webhookEvents = { "version.published": "PUBLISHED", "version.unpublished": "UNPUBLISHED" } as const satisfies Record<string, WebhookEvent>;
type ReleaseEvent = DomainEventOf<keyof typeof webhookEvents>;

/**
 * Turns each publish and unpublish, inside its own transaction, into one PENDING delivery row per active
 * subscription to the event and one delivery job per row, queued through the same transaction. So either
 * the change, its delivery rows and their jobs all commit, or none of them does. Retries follow the
 * queue's settings (lib/queue/job-queue.ts). `jobQueue` is asked for only when someone subscribes.
 */
export function webhookDeliveriesSubscriber(jobQueue: () => Promise<JobQueue>): InTransactionSubscriber {
  return async (event, tx) => {
    if (event.type !== "version.published" && event.type !== "version.unpublished") return;
    await queueWebhookDeliveries(tx, await contentEventOf(tx, event), jobQueue);
  };
}

async function contentEventOf(tx: DbTx, event: ReleaseEvent): Promise<ContentEvent> {
  return {
    event: webhookEvents[event.type],
    item: await webhookItem(tx, event.item),
    version: { ...event.version, contentHash: event.contentHash, changeKind: await changeKindOf(tx, event.version.id) },
    supersedes: event.type === "version.published" ? event.supersedes : null,
    occurredAt: event.occurredAt.toISOString(),
  };
}

async function changeKindOf(tx: DbTx, versionId: string): Promise<ContentEvent["version"]["changeKind"]> {
  const { changeKind } = await tx.contentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { changeKind: true } });
  return externalChangeKinds[changeKind];
}

async function webhookItem(tx: DbTx, item: Item): Promise<ContentEvent["item"]> {
  const slug = await slugOfItem(tx, item);
  if (slug === null) throw new Error(`${item.kind} ${item.id} has versions but does not exist`);
  return { type: itemKinds[item.kind].externalType, id: item.id, slug };
}

async function queueWebhookDeliveries(tx: DbTx, event: ContentEvent, jobQueue: () => Promise<JobQueue>): Promise<void> {
  const subscriptions = await tx.webhookSubscription.findMany({ where: { active: true, events: { has: event.event } }, orderBy: { createdAt: "asc" } });
  if (subscriptions.length === 0) return;
  const queue = await jobQueue();
  for (const subscription of subscriptions) {
    const delivery = await tx.webhookDelivery.create({
      data: { subscriptionId: subscription.id, event: event.event, idempotencyKey: idempotencyKeyOf(event, subscription.id), payload: event },
    });
    const job: WebhookDeliveryJob = { deliveryId: delivery.id };
    const jobId = await queue.send(jobQueueNames.webhookDelivery, job, { db: inTransaction(tx) });
    if (!jobId) throw new Error(`The ${jobQueueNames.webhookDelivery} queue refused the job for delivery ${delivery.id}`);
  }
}
