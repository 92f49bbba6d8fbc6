import { randomUUID } from "node:crypto";
import type { DbTx } from "@/lib/db/client";
import type { NotificationEmailStatus, NotificationKind } from "@/lib/db/generated/enums";
import { notificationText, type NotificationFacts } from "@/lib/labels/sv";
import { inTransaction, jobQueueNames, type JobQueue } from "@/lib/queue/job-queue";
import { effectiveDelivery, notificationRules, recipientsOf, type NotificationSubject } from "./notification-rules";

/** What an e-mail job carries: the notification's id; the worker reads the rest. */
export type NotificationEmailJob = { notificationId: string };

export type Notice = {
  kind: NotificationKind;
  /** Names the event: one notification per event per person (unique in the database). */
  eventKey: string;
  subject: NotificationSubject;
  facts: NotificationFacts;
  /** The admin screen of the next step. */
  linkPath: string;
  /** Who caused it; never told about it. */
  actorId: string | null;
};

const emailStatusOf = { IMMEDIATE: "QUEUED", DAILY_DIGEST: "DIGEST", OFF: "OFF" } as const satisfies Record<string, NotificationEmailStatus>;

/**
 * Records `notice` for everyone its rule names, inside `tx`: one in-app notification each (skipped for
 * whoever already has this event), and for those who want it at once, an e-mail job queued through the
 * same transaction, so the notification and its e-mail commit with the change or not at all. Returns the
 * ids of the notifications made now.
 */
export async function notify(tx: DbTx, jobQueue: () => Promise<JobQueue>, notice: Notice): Promise<string[]> {
  const userIds = (await recipientsOf(tx, notificationRules[notice.kind].recipients, notice.subject)).filter((id) => id !== notice.actorId);
  if (userIds.length === 0) return [];
  const preferences = await tx.notificationPreference.findMany({ where: { userId: { in: userIds }, kind: notice.kind } });
  const chosen = new Map(preferences.map((preference) => [preference.userId, preference.delivery]));
  const { subject, body } = notificationText(notice.kind, notice.facts);
  const created = await tx.notification.createManyAndReturn({
    data: userIds.map((userId) => ({
      id: randomUUID(),
      userId,
      kind: notice.kind,
      eventKey: notice.eventKey,
      subject,
      body,
      linkPath: notice.linkPath,
      emailStatus: emailStatusOf[effectiveDelivery(notice.kind, chosen.get(userId))],
    })),
    skipDuplicates: true,
    select: { id: true, emailStatus: true },
  });
  const toSend = created.filter((notification) => notification.emailStatus === "QUEUED");
  if (toSend.length > 0) {
    const queue = await jobQueue();
    for (const notification of toSend) {
      const job: NotificationEmailJob = { notificationId: notification.id };
      const jobId = await queue.send(jobQueueNames.notificationEmail, job, { db: inTransaction(tx), singletonKey: notification.id });
      if (!jobId) throw new Error(`The ${jobQueueNames.notificationEmail} queue refused the job for notification ${notification.id}`);
    }
  }
  return created.map((notification) => notification.id);
}
