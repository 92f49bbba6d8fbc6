import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { WebhookDelivery, WebhookSubscription } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { checkWebhookHost, hostOf, resolveHost, webhookAddressPolicy, type ResolveHost, type WebhookAddressPolicy } from "./webhook-address-rules";
import { generateWebhookSecret } from "./webhook-signature";
import { deleteWebhookSubscriptionSchema, type createWebhookSubscriptionSchema, type setWebhookSubscriptionActiveSchema } from "./webhook-subscription-schemas";

/** The admin acting. */
export type WebhookAdmin = { id: string };

/** A subscription as the admin sees it: never with its secret. */
export type WebhookSubscriptionSummary = Pick<WebhookSubscription, "id" | "url" | "events" | "active" | "createdAt"> & {
  createdBy: { name: string };
  deliveryCounts: Record<WebhookDelivery["status"], number>;
};
export type CreatedWebhookSubscription = Pick<WebhookSubscription, "id" | "url" | "events"> & { secret: string };

const notFound = { kind: "not_found", message: "Webhooken finns inte" } as const;

export type AddressRules = { policy?: WebhookAddressPolicy; resolve?: ResolveHost };

/**
 * Registers a subscriber. The URL's host must pass the address rules now (and again at every delivery,
 * since DNS can change). The signing secret is generated here and returned this once; afterwards only
 * the worker reads it.
 */
export async function createWebhookSubscription(
  db: Db,
  admin: WebhookAdmin,
  input: z.output<typeof createWebhookSubscriptionSchema>,
  rules: AddressRules = {},
): Promise<DomainResult<CreatedWebhookSubscription>> {
  const { url, events } = input;
  const policy = rules.policy ?? webhookAddressPolicy();
  if (policy.refuseNonPublic) {
    const checked = await checkWebhookHost(hostOf(new URL(url)), policy, rules.resolve ?? resolveHost);
    if (!checked.ok) return fail({ kind: "invalid", message: "Adressen är inte tillåten", fieldErrors: { url: [checked.reason] } });
  }
  const secret = generateWebhookSecret();
  const created = await db.$transaction(async (tx) => {
    const subscription = await tx.webhookSubscription.create({ data: { url, events, secret, createdById: admin.id } });
    await recordAuditEvent(tx, { actorId: admin.id, action: "webhook.subscription_created", entityType: "webhook_subscription", entityId: subscription.id, data: { url, events } });
    return subscription;
  });
  return ok({ id: created.id, url: created.url, events: created.events, secret });
}

/** Pauses (no new deliveries; pending ones are not sent) or resumes a subscription. */
export async function setWebhookSubscriptionActive(
  db: Db,
  admin: WebhookAdmin,
  input: z.output<typeof setWebhookSubscriptionActiveSchema>,
): Promise<DomainResult<{ id: string; active: boolean }>> {
  const { subscriptionId, active } = input;
  return db.$transaction(async (tx) => {
    const updated = await tx.webhookSubscription.updateMany({ where: { id: subscriptionId, active: !active }, data: { active } });
    const existing = await tx.webhookSubscription.findUnique({ where: { id: subscriptionId } });
    if (!existing) return fail(notFound);
    if (updated.count === 1) {
      await recordAuditEvent(tx, {
        actorId: admin.id,
        action: active ? "webhook.subscription_reactivated" : "webhook.subscription_deactivated",
        entityType: "webhook_subscription",
        entityId: subscriptionId,
        data: { url: existing.url },
      });
    }
    return ok({ id: subscriptionId, active: existing.active });
  });
}

/** Deletes a subscription and its delivery log; the audit trail keeps its URL. */
export async function deleteWebhookSubscription(db: Db, admin: WebhookAdmin, input: z.output<typeof deleteWebhookSubscriptionSchema>): Promise<DomainResult<{ id: string }>> {
  const { subscriptionId } = input;
  return db.$transaction(async (tx) => {
    const deleted = await tx.webhookSubscription.deleteMany({ where: { id: subscriptionId } });
    if (deleted.count === 0) return fail(notFound);
    await recordAuditEvent(tx, { actorId: admin.id, action: "webhook.subscription_deleted", entityType: "webhook_subscription", entityId: subscriptionId });
    return ok({ id: subscriptionId });
  });
}

const summaryFields = { id: true, url: true, events: true, active: true, createdAt: true, createdBy: { select: { name: true } } } as const;

/** Every subscription, newest first, with how many deliveries are pending, succeeded and failed. */
export async function listWebhookSubscriptions(db: Db): Promise<WebhookSubscriptionSummary[]> {
  const [subscriptions, counts] = await Promise.all([
    db.webhookSubscription.findMany({ select: summaryFields, orderBy: { createdAt: "desc" } }),
    db.webhookDelivery.groupBy({ by: ["subscriptionId", "status"], _count: { _all: true } }),
  ]);
  return subscriptions.map((subscription) => {
    const deliveryCounts = { PENDING: 0, SUCCEEDED: 0, FAILED: 0 };
    for (const count of counts) if (count.subscriptionId === subscription.id) deliveryCounts[count.status] = count._count._all;
    return { ...subscription, deliveryCounts };
  });
}

export type WebhookDeliveryLogEntry = Pick<WebhookDelivery, "id" | "event" | "idempotencyKey" | "status" | "attempts" | "lastStatusCode" | "lastError" | "createdAt" | "deliveredAt" | "updatedAt">;
export type WebhookDeliveryLog = { subscription: Omit<WebhookSubscriptionSummary, "deliveryCounts">; deliveries: WebhookDeliveryLogEntry[] };

/** A subscription's most recent deliveries (newest first), for its log page. */
export async function webhookDeliveryLog(db: Db, subscriptionId: string, limit = 100): Promise<WebhookDeliveryLog | null> {
  if (!deleteWebhookSubscriptionSchema.shape.subscriptionId.safeParse(subscriptionId).success) return null;
  const subscription = await db.webhookSubscription.findUnique({ where: { id: subscriptionId }, select: summaryFields });
  if (!subscription) return null;
  const deliveries = await db.webhookDelivery.findMany({
    where: { subscriptionId },
    select: { id: true, event: true, idempotencyKey: true, status: true, attempts: true, lastStatusCode: true, lastError: true, createdAt: true, deliveredAt: true, updatedAt: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return { subscription, deliveries };
}
