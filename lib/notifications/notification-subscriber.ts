import type { DbTx } from "@/lib/db/client";
import type { InTransactionSubscriber } from "@/lib/events/domain-event-subscribers";
import type { DomainEvent } from "@/lib/events/domain-events";
import { externalCommentAuthor } from "@/lib/labels/sv";
import { adminPaths } from "@/lib/paths/admin-paths";
import type { JobQueue } from "@/lib/queue/job-queue";
import { notificationKindsOfEvent } from "./notification-rules";
import { notify } from "./notify";

/**
 * Turns each domain event that someone must hear about (the `from` column of lib/notifications/notification-rules.ts)
 * into notifications, inside the event's own transaction: the change, its notifications and their e-mail
 * jobs commit together. Wired once in lib/startup/domain-event-wiring.ts.
 */
export function notificationSubscriber(jobQueue: () => Promise<JobQueue>): InTransactionSubscriber {
  return async (event, tx) => {
    if (!("version" in event)) return;
    const kind = notificationKindsOfEvent[event.type];
    if (!kind) return;
    const version = await tx.contentVersion.findUniqueOrThrow({ where: { id: event.version.id }, select: { id: true, title: true, number: true } });
    await notify(tx, jobQueue, {
      kind,
      eventKey: eventKeyOf(event),
      subject: { versionId: version.id },
      facts: {
        title: version.title,
        number: version.number,
        actorName: event.type === "review.comment_added" && event.externalExpert ? externalCommentAuthor({ expertName: event.externalExpert.name, expertTitle: event.externalExpert.title }) : await nameOf(tx, event.actorId),
        ...(event.type === "schedule.late" ? { release: event.release, due: event.dueAt, lateByMinutes: Math.round(event.lateBySeconds / 60) } : {}),
      },
      linkPath: adminPaths.version(version.id),
      actorId: event.actorId,
    });
  };
}

/** One key per event: a version is submitted, approved, published or unpublished once; a comment is its own. */
function eventKeyOf(event: DomainEvent & { version: { id: string } }): string {
  return event.type === "review.comment_added" ? `${event.type}:${event.commentId}` : `${event.type}:${event.version.id}`;
}

async function nameOf(tx: DbTx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}
