import type { DeliveryStatus, WebhookEvent } from "@/lib/db/generated/enums";

export const webhookEventLabels: Record<WebhookEvent, string> = {
  PUBLISHED: "Publicering / Publish",
  UNPUBLISHED: "Avpublicering / Unpublish",
};

export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  PENDING: "väntar / pending",
  SUCCEEDED: "levererad / delivered",
  FAILED: "misslyckad / failed",
};
