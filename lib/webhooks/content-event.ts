import { z } from "zod";
import { WebhookEvent } from "@/lib/db/generated/enums";

/** What publishing or unpublishing records for subscribers, stored on each delivery row. */
export const contentEventSchema = z.object({
  event: z.enum(WebhookEvent),
  item: z.object({ type: z.enum(["article", "risk_list"]), id: z.uuid(), slug: z.string() }),
  version: z.object({ id: z.uuid(), number: z.number().int(), contentHash: z.string() }),
  supersedes: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
  occurredAt: z.iso.datetime(),
});
export type ContentEvent = z.infer<typeof contentEventSchema>;

/** The event names subscribers see, in the body and the Granskad-Event header. */
export const webhookEventNames: Record<WebhookEvent, string> = {
  PUBLISHED: "content.published",
  UNPUBLISHED: "content.unpublished",
};

/** One key per event and subscription: the same on every attempt, so a receiver can process it once. */
export function idempotencyKeyOf(event: ContentEvent, subscriptionId: string): string {
  return `${event.event.toLowerCase()}:${event.version.id}:${subscriptionId}`;
}

/**
 * The JSON body of a delivery. It is built from the stored event, the delivery's key and the public
 * base URL, so every attempt sends the same bytes. `urls.page` is the reader's page of an article (null
 * for a risk list, which has none of its own), `urls.api` its read-API resource; after an unpublish they
 * name what copies should drop.
 */
export function webhookRequestBody(event: ContentEvent, idempotencyKey: string, publicBaseUrl: string): string {
  const base = publicBaseUrl.replace(/\/+$/, "");
  const isArticle = event.item.type === "article";
  return JSON.stringify({
    id: idempotencyKey,
    event: webhookEventNames[event.event],
    occurredAt: event.occurredAt,
    item: {
      ...event.item,
      urls: {
        page: isArticle ? `${base}/artiklar/${encodeURIComponent(event.item.slug)}` : null,
        api: `${base}/api/v1/${isArticle ? "articles" : "risk-lists"}/${encodeURIComponent(event.item.slug)}`,
      },
    },
    version: event.version,
    supersedes: event.supersedes,
  });
}

