import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deliveryStatusLabels, formatAdminDateTime, webhookEventLabels } from "@/lib/labels/sv";
import { WebhookSubscriptionControls } from "@/components/webhooks/webhook-subscription-controls";
import "@/components/webhooks/webhooks.css";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { webhookDeliveryLog } from "@/lib/webhooks/webhook-subscriptions";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Webhook" };
export const dynamic = "force-dynamic";

export default async function WebhookPage({ params }: { params: Promise<{ subscriptionId: string }> }) {
  const { subscriptionId } = await params;
  await requirePageUser(adminPaths.webhook(subscriptionId), ["ADMIN"]);
  const log = await webhookDeliveryLog(getDb(), subscriptionId);
  if (!log) notFound();
  const { subscription, deliveries } = log;

  return (
    <>
      <p>
        <Link href={adminPaths.webhooks}>← Webhooks</Link>
      </p>
      <h1 className="webhooks-url">{subscription.url}</h1>
      <p className="webhooks-note">
        {subscription.events.map((event) => webhookEventLabels[event]).join(", ")} · skapad {formatAdminDateTime(subscription.createdAt)} av {subscription.createdBy.name} ·{" "}
        <Link href={adminPaths.auditLogFiltered({ entityType: "webhook_subscription", entityId: subscription.id })}>Ändringar i loggen</Link>
      </p>
      <WebhookSubscriptionControls subscription={subscription} />
      <h2>Leveranser</h2>
      {deliveries.length === 0 ? (
        <p>Inga leveranser ännu: de skapas när innehåll publiceras eller avpubliceras.</p>
      ) : (
        <div className="table-scroll">
          <div className="table-scroll">
            <table className="webhooks-table" data-testid="webhook-deliveries">
              <caption className="webhooks-note">De senaste {deliveries.length} leveranserna, nyaste först</caption>
              <thead>
                <tr>
                  <th scope="col">Händelse</th>
                  <th scope="col">Status</th>
                  <th scope="col">Försök</th>
                  <th scope="col">Senaste HTTP-status</th>
                  <th scope="col">Senaste fel</th>
                  <th scope="col">Skapad</th>
                  <th scope="col">Levererad</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id} data-testid="webhook-delivery">
                    <th scope="row">
                      {webhookEventLabels[delivery.event]}
                      <br />
                      <span className="webhooks-note webhooks-url webhooks-key">{delivery.idempotencyKey}</span>
                    </th>
                    <td className={`webhooks-status-${delivery.status}`}>{deliveryStatusLabels[delivery.status]}</td>
                    <td>{delivery.attempts}</td>
                    <td>{delivery.lastStatusCode ?? "–"}</td>
                    <td className="webhooks-error">{delivery.lastError ?? "–"}</td>
                    <td>{formatAdminDateTime(delivery.createdAt)}</td>
                    <td>{delivery.deliveredAt ? formatAdminDateTime(delivery.deliveredAt) : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}
