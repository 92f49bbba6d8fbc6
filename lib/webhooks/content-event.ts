import { z } from "zod";
import { WebhookEvent } from "@/lib/db/generated/enums";
import { itemKindNames, itemKinds, type ItemKind } from "@/lib/items/item";
import { changeKindDescription, externalChangeKindValues } from "@/lib/content/change-kind";

const externalItemTypes = itemKindNames.map((kind) => itemKinds[kind].externalType);

function kindOfExternalType(type: string): ItemKind {
  const kind = itemKindNames.find((candidate) => itemKinds[candidate].externalType === type);
  if (!kind) throw new Error(`unknown item type ${type} in a stored webhook event`);
  return kind;
}

/** What publishing or unpublishing records for subscribers, stored on each delivery row. */
export const contentEventSchema = z.object({
  event: z.enum(WebhookEvent),
  item: z.object({ type: z.enum(externalItemTypes), id: z.uuid(), slug: z.string() }),
  version: z.object({
    id: z.uuid(),
    number: z.number().int(),
    contentHash: z.string(),
    /** Events stored before changes were classified are of versions the migration made clinical. */
    changeKind: z.enum(externalChangeKindValues).default("clinical").describe(changeKindDescription),
  }),
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
 * for a risk list: see `webhookPage` in lib/items/item.ts), `urls.api` its read-API resource; after an
 * unpublish they name what copies should drop.
 */
export function webhookRequestBody(event: ContentEvent, idempotencyKey: string, publicBaseUrl: string): string {
  const base = publicBaseUrl.replace(/\/+$/, "");
  const kind = itemKinds[kindOfExternalType(event.item.type)];
  const slug = encodeURIComponent(event.item.slug);
  return JSON.stringify({
    id: idempotencyKey,
    event: webhookEventNames[event.event],
    occurredAt: event.occurredAt,
    item: {
      ...event.item,
      urls: {
        page: kind.webhookPage ? `${base}/${kind.publicSegment}/${slug}` : null,
        api: `${base}/api/v1/${kind.apiSegment}/${slug}`,
      },
    },
    version: event.version,
    supersedes: event.supersedes,
  });
}

