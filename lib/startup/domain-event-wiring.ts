import { changesPublicContent } from "@/lib/content/public-content-changes";
import { invalidatePublicContent } from "@/lib/content/public-cache";
import { domainEventsAreWired, markDomainEventsWired, subscribeAfterCommit, subscribeInTransaction } from "@/lib/events/domain-event-subscribers";
import { notificationSubscriber } from "@/lib/notifications/notification-subscriber";
import { getJobQueue } from "@/lib/queue/job-queue";
import { webhookDeliveriesSubscriber } from "@/lib/webhooks/queue-webhook-deliveries";

/**
 * What domain events cause, wired once per process by every entry point (instrumentation.ts for the
 * server, its job workers and server actions; scripts/run-cli.ts for CLI commands; the test kit), so
 * whatever path an operation is called from, it has the same effects. A new effect is a line here:
 *
 * - in the transaction, with its `tx` (`subscribeInTransaction`): written and committed with the change,
 *   or rolled back with it;
 * - after the commit (`subscribeAfterCommit`): effects outside the database, which cannot roll back.
 */
export function wireDomainEvents(): void {
  if (domainEventsAreWired()) return;
  subscribeInTransaction("webhook deliveries", webhookDeliveriesSubscriber(getJobQueue));
  subscribeInTransaction("notifications", notificationSubscriber(getJobQueue));
  subscribeAfterCommit("public-content cache", (event, { background }) => {
    if (changesPublicContent(event)) invalidatePublicContent(background ? "background" : "request");
  });
  markDomainEventsWired();
}
