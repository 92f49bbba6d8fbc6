"use server";

import { getDb } from "@/lib/db/client";
import { action } from "@/lib/actions/action-wrapper";
import { createWebhookSubscription, deleteWebhookSubscription, setWebhookSubscriptionActive } from "@/lib/webhooks/webhook-subscriptions";
import { createWebhookSubscriptionSchema, deleteWebhookSubscriptionSchema, setWebhookSubscriptionActiveSchema } from "@/lib/webhooks/webhook-subscription-schemas";

export const createWebhookSubscriptionAction = action("webhooks.create", ["ADMIN"], createWebhookSubscriptionSchema, (admin, input) =>
  createWebhookSubscription(getDb(), admin, input),
);

export const setWebhookSubscriptionActiveAction = action("webhooks.setActive", ["ADMIN"], setWebhookSubscriptionActiveSchema, (admin, input) =>
  setWebhookSubscriptionActive(getDb(), admin, input),
);

export const deleteWebhookSubscriptionAction = action("webhooks.delete", ["ADMIN"], deleteWebhookSubscriptionSchema, (admin, input) =>
  deleteWebhookSubscription(getDb(), admin, input),
);
