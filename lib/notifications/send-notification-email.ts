import type { Db } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { notificationDigestText, notificationEmailText } from "@/lib/labels/sv";
import type { Mailer } from "./mailer";

export type EmailOutcome = { kind: "sent" } | { kind: "skipped"; reason: string };

/** The absolute address of an admin screen, from configuration, never from a request. */
export function absoluteAdminUrl(linkPath: string, base = publicBaseUrl()): string {
  return `${base}${linkPath}`;
}

/**
 * Sends one notification's e-mail, if it still waits for one: a job that runs twice (a retry after a
 * crash, a second worker) finds it SENT and does nothing, so each person gets one e-mail per event. A
 * failed send throws and leaves it QUEUED for pg-boss to retry.
 */
export async function sendNotificationEmail(db: Db, notificationId: string, mailer: Mailer): Promise<EmailOutcome> {
  const notification = await db.notification.findUnique({ where: { id: notificationId }, include: { user: { select: { email: true, active: true } } } });
  if (!notification) return { kind: "skipped", reason: "no such notification" };
  if (notification.emailStatus !== "QUEUED") return { kind: "skipped", reason: `e-mail is ${notification.emailStatus}` };
  if (!notification.user.active) {
    await db.notification.updateMany({ where: { id: notificationId, emailStatus: "QUEUED" }, data: { emailStatus: "OFF" } });
    return { kind: "skipped", reason: "the user is deactivated" };
  }
  await mailer.send({
    to: notification.user.email,
    subject: notification.subject,
    text: notificationEmailText(notification.body, absoluteAdminUrl(notification.linkPath)),
    messageId: `<notification-${notification.id}@granskad>`,
  });
  await db.notification.updateMany({ where: { id: notificationId, emailStatus: "QUEUED" }, data: { emailStatus: "SENT", emailSentAt: new Date() } });
  return { kind: "sent" };
}

/**
 * The daily digest: one e-mail per person listing what waited for it, then marked sent. A person whose
 * send fails keeps theirs for the retry; the others are not sent again.
 */
export async function sendDailyDigests(db: Db, mailer: Mailer, now = new Date()): Promise<{ sent: number }> {
  const waiting = await db.notification.findMany({
    where: { emailStatus: "DIGEST", createdAt: { lte: now } },
    include: { user: { select: { email: true, active: true } } },
    orderBy: [{ userId: "asc" }, { createdAt: "asc" }],
  });
  const byUser = new Map<string, typeof waiting>();
  for (const notification of waiting) byUser.set(notification.userId, [...(byUser.get(notification.userId) ?? []), notification]);
  let sent = 0;
  for (const [userId, notifications] of byUser) {
    const ids = notifications.map((notification) => notification.id);
    const user = notifications[0]!.user;
    if (!user.active) {
      await db.notification.updateMany({ where: { id: { in: ids }, emailStatus: "DIGEST" }, data: { emailStatus: "OFF" } });
      continue;
    }
    const digest = notificationDigestText(notifications.map((notification) => ({ subject: notification.subject, url: absoluteAdminUrl(notification.linkPath) })));
    await mailer.send({ to: user.email, subject: digest.subject, text: digest.text, messageId: `<digest-${userId}-${ids[ids.length - 1]}@granskad>` });
    await db.notification.updateMany({ where: { id: { in: ids }, emailStatus: "DIGEST" }, data: { emailStatus: "SENT", emailSentAt: new Date() } });
    sent += 1;
  }
  return { sent };
}
