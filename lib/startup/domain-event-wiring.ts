import { changesPublicContent } from "@/lib/content/public-content-changes";
import { announcePublicChange, awaitPublicChangeAcks } from "@/lib/content/public-change-acks";
import { advancePublicGeneration } from "@/lib/content/public-generation";
import type { DomainEvent } from "@/lib/events/domain-events";
import { domainEventsAreWired, markDomainEventsWired, subscribeAfterCommit, subscribeInTransaction } from "@/lib/events/domain-event-subscribers";
import { getDb } from "@/lib/db/client";
import { invitationEmailSubscriber } from "@/lib/external-review/invitation-email";
import { notificationSubscriber } from "@/lib/notifications/notification-subscriber";
import { getJobQueue } from "@/lib/queue/job-queue";
import { searchDocumentsSubscriber } from "@/lib/search/search-documents";
import { cdnPurgeSubscriber } from "@/lib/webhooks/cdn-purge";
import { webhookDeliveriesSubscriber } from "@/lib/webhooks/queue-webhook-deliveries";

/**
 * What domain events cause, wired once per process by every entry point (instrumentation.ts for the
 * server, its job workers and server actions; scripts/run-cli.ts for CLI commands; the test kit), so
 * whatever path an operation is called from, it has the same effects. A new effect is a line here:
 *
 * - in the transaction, with its `tx` (`subscribeInTransaction`): written and committed with the change,
 *   or rolled back with it;
 * - after the commit (`subscribeAfterCommit`): effects outside the database, which cannot roll back.
 *
 * Public content: the change is announced with NOTIFY inside its own transaction (PostgreSQL delivers it
 * to every listening instance when, and only if, the transaction commits; lib/server/public-content-listener.ts),
 * and this process starts a new generation of its public caches right after the commit, before the
 * operation returns, so the next request here already sees the change. Where other instances share the
 * database, the operation then waits for their acknowledgements (lib/content/public-change-acks.ts), so
 * the next request there does too.
 */
export function wireDomainEvents(): void {
  if (domainEventsAreWired()) return;
  subscribeInTransaction("webhook deliveries", webhookDeliveriesSubscriber(getJobQueue));
  subscribeInTransaction("search documents", searchDocumentsSubscriber);
  subscribeInTransaction("notifications", notificationSubscriber(getJobQueue));
  // The change id of each announced event, for the after-commit wait (the same event objects reach both phases).
  const announced = new WeakMap<DomainEvent, string>();
  subscribeInTransaction("public-content notification", async (event, tx) => {
    if (!changesPublicContent(event)) return;
    const { change, acknowledged } = await announcePublicChange(tx, event.type);
    if (acknowledged) announced.set(event, change);
  });
  subscribeInTransaction("CDN purge", cdnPurgeSubscriber(getJobQueue));
  subscribeAfterCommit("public-content caches", async (event) => {
    if (!changesPublicContent(event)) return;
    advancePublicGeneration(event.type);
    const change = announced.get(event);
    if (change) await awaitPublicChangeAcks(change);
  });
  // The expert's link exists only in the event (the database has its hash), so its e-mail goes from here.
  subscribeAfterCommit("external review invitation e-mail", invitationEmailSubscriber(getDb));
  markDomainEventsWired();
}
