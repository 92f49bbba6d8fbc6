import type { Metadata } from "next";
import Link from "next/link";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { formatAdminDateTime, webhookEventLabels } from "@/lib/labels/sv";
import "@/components/webhooks/webhooks.css";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { listWebhookSubscriptions } from "@/lib/webhooks/webhook-subscriptions";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  await requirePageUser(adminPaths.webhooks, ["ADMIN"]);
  const subscriptions = await listWebhookSubscriptions(getDb());
  return (
    <>
      <h1>Webhooks</h1>
      <p className="webhooks-note">
        Mottagarna får ett signerat POST-anrop när innehåll publiceras eller avpubliceras. Misslyckade leveranser försöks igen med ökande väntetid.
      </p>
      {subscriptions.length === 0 ? (
        <p>Inga webhooks ännu.</p>
      ) : (
        <div className="table-scroll">
          <div className="table-scroll">
            <table className="webhooks-table" data-testid="webhooks-table">
              <caption className="webhooks-note">{subscriptions.length} webhooks, nyaste först</caption>
              <thead>
                <tr>
                  <th scope="col">Adress</th>
                  <th scope="col">Händelser</th>
                  <th scope="col">Status</th>
                  <th scope="col">Leveranser</th>
                  <th scope="col">Skapad</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.map((subscription) => (
                  <tr key={subscription.id} className={subscription.active ? undefined : "webhooks-inactive"}>
                    <th scope="row" className="webhooks-url">
                      <Link href={adminPaths.webhook(subscription.id)}>{subscription.url}</Link>
                    </th>
                    <td>{subscription.events.map((event) => webhookEventLabels[event]).join(", ")}</td>
                    <td>{subscription.active ? "aktiv" : "inaktiverad"}</td>
                    <td>
                      {subscription.deliveryCounts.SUCCEEDED} levererade, {subscription.deliveryCounts.PENDING} väntar, {subscription.deliveryCounts.FAILED} misslyckade
                    </td>
                    <td>
                      {formatAdminDateTime(subscription.createdAt)} av {subscription.createdBy.name}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <CreateWebhookForm />
    </>
  );
}
