import { z } from "zod";
import { WebhookEvent } from "@/lib/db/generated/enums";

const subscriberUrlMessage = "Ange en adress som börjar med http:// eller https://";

/** A new subscription, from the admin's form: where to POST and which events. */
export const createWebhookSubscriptionSchema = z.object({
  url: z
    .string(subscriberUrlMessage)
    .trim()
    .min(1, subscriberUrlMessage)
    .max(2000, "Högst 2000 tecken")
    .pipe(z.url({ protocol: /^https?$/, error: subscriberUrlMessage }))
    // The URL is listed in the admin; credentials belong in the receiver's signature check, not here.
    // (Refinements run even after the URL check failed, so an unparseable URL is left to that check.)
    .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), "Adressen får inte innehålla användarnamn eller lösenord"),
  events: z
    .array(z.enum(WebhookEvent, "Okänd händelse"), "Välj minst en händelse")
    .min(1, "Välj minst en händelse")
    .max(Object.values(WebhookEvent).length)
    .transform((events) => [...new Set(events)]),
});
export type CreateWebhookSubscriptionFormInput = z.input<typeof createWebhookSubscriptionSchema>;

export const setWebhookSubscriptionActiveSchema = z.object({ subscriptionId: z.uuid(), active: z.boolean() });
export const deleteWebhookSubscriptionSchema = z.object({ subscriptionId: z.uuid() });
