import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Db } from "@/lib/db/client";
import { contentEventSchema, webhookEventNames, webhookRequestBody } from "./content-event";
import { checkWebhookHost, hostOf, resolveHost, type ResolveHost, type WebhookAddressPolicy } from "./webhook-address-rules";
import { signWebhookBody, webhookHeaders } from "./webhook-signature";

export type WebhookDeliveryOptions = {
  policy: WebhookAddressPolicy;
  publicBaseUrl: string;
  /** The whole request, connection included, must finish within this. */
  timeoutMs?: number;
  resolve?: ResolveHost;
};

/** Where this attempt stands among the job's tries (pg-boss's retryCount and retryLimit). */
export type DeliveryAttempt = { isLastAttempt: boolean };

export type DeliveryOutcome =
  | { kind: "delivered"; statusCode: number }
  | { kind: "skipped"; reason: string }
  | { kind: "retry"; error: string }
  | { kind: "failed"; error: string };

type Response = { statusCode: number; body: string };

/** Errors and response texts are kept short in the log. */
const maxErrorLength = 300;

/**
 * POSTs `body` to `url`, connecting only to addresses that `checkWebhookHost` has just approved: the
 * socket's lookup is answered with those addresses, so a DNS answer that changes between the check and
 * the connection (rebinding) cannot redirect it. TLS still verifies the certificate for the URL's host.
 */
async function postJson(url: URL, body: string, headers: Record<string, string>, options: WebhookDeliveryOptions): Promise<Response> {
  const checked = await checkWebhookHost(hostOf(url), options.policy, options.resolve ?? resolveHost);
  if (!checked.ok) throw new Error(checked.reason);
  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, checked.addresses);
    else callback(null, checked.addresses[0].address, checked.addresses[0].family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), "User-Agent": "Granskad-Webhooks/1" },
        lookup: pinnedLookup,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < maxErrorLength) text += chunk;
        });
        response.on("end", () => resolve({ statusCode: response.statusCode ?? 0, body: text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "Tidsgränsen överskreds (inget svar)";
  return (error instanceof Error ? error.message : String(error)).slice(0, maxErrorLength);
}

/**
 * One attempt at a delivery. A delivery that has succeeded (or finally failed, or whose subscription is
 * gone) is never sent again, whatever job runs. An attempt is counted before the request goes out, so a
 * crash mid-request still shows. A 2xx answer marks it SUCCEEDED; anything else is recorded and, unless
 * this was the last attempt, retried by the queue (outcome "retry"); after the last it is FAILED.
 */
export async function deliverWebhook(db: Db, deliveryId: string, attempt: DeliveryAttempt, options: WebhookDeliveryOptions): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { subscription: true } });
  if (!delivery) return { kind: "skipped", reason: "the delivery no longer exists" };
  if (delivery.status !== "PENDING") return { kind: "skipped", reason: `the delivery is already ${delivery.status}` };
  if (!delivery.subscription.active) {
    await db.webhookDelivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { status: "FAILED", lastError: "Prenumerationen är inaktiverad" } });
    return { kind: "skipped", reason: "the subscription is inactive" };
  }
  const event = contentEventSchema.safeParse(delivery.payload);
  if (!event.success) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", lastError: "Händelsens data är ogiltiga" } });
    return { kind: "failed", error: "malformed stored event" };
  }
  const claimed = await db.webhookDelivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { attempts: { increment: 1 } } });
  if (claimed.count === 0) return { kind: "skipped", reason: "the delivery changed meanwhile" };

  const body = webhookRequestBody(event.data, delivery.idempotencyKey, options.publicBaseUrl);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    [webhookHeaders.timestamp]: String(timestamp),
    [webhookHeaders.signature]: signWebhookBody(delivery.subscription.secret, timestamp, body),
    [webhookHeaders.idempotencyKey]: delivery.idempotencyKey,
    [webhookHeaders.event]: webhookEventNames[event.data.event],
  };
  let statusCode: number | null = null;
  let error: string;
  try {
    const response = await postJson(new URL(delivery.subscription.url), body, headers, options);
    statusCode = response.statusCode;
    if (statusCode >= 200 && statusCode < 300) {
      await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "SUCCEEDED", lastStatusCode: statusCode, lastError: null, deliveredAt: new Date() } });
      return { kind: "delivered", statusCode };
    }
    error = `HTTP ${statusCode}${response.body ? `: ${response.body.slice(0, maxErrorLength)}` : ""}`;
  } catch (caught) {
    error = describeError(caught);
  }
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { lastStatusCode: statusCode, lastError: error, ...(attempt.isLastAttempt && { status: "FAILED" }) },
  });
  return attempt.isLastAttempt ? { kind: "failed", error } : { kind: "retry", error };
}
