import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { NotificationDelivery, NotificationKind } from "@/lib/db/generated/enums";
import { NotificationKind as notificationKinds } from "@/lib/db/generated/enums";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import type { markAllNotificationsReadSchema, markNotificationReadSchema, notificationPreferencesSchema } from "./notification-schemas";
import { effectiveDelivery } from "./notification-rules";

/*
 * A person's own notifications: the bell's count, the list, marking read, e-mail preferences. Every query
 * names the signed-in user in its `where`, so nobody reads or marks another's.
 */

type Reader = { id: string };

export function unreadNotificationCount(db: Db, user: Reader): Promise<number> {
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}

export function listNotifications(db: Db, user: Reader, options: { take?: number } = {}) {
  return db.notification.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: options.take ?? 100,
    select: { id: true, kind: true, subject: true, body: true, linkPath: true, readAt: true, createdAt: true, emailStatus: true },
  });
}

export async function markNotificationRead(db: Db, user: Reader, input: z.output<typeof markNotificationReadSchema>): Promise<DomainResult<{ id: string }>> {
  const { count } = await db.notification.updateMany({ where: { id: input.notificationId, userId: user.id, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await db.notification.count({ where: { id: input.notificationId, userId: user.id } }))) {
    return fail({ kind: "not_found", message: "Aviseringen finns inte" });
  }
  return ok({ id: input.notificationId });
}

export async function markAllNotificationsRead(db: Db, user: Reader, input: z.output<typeof markAllNotificationsReadSchema>): Promise<DomainResult<{ count: number }>> {
  const { count } = await db.notification.updateMany({ where: { userId: user.id, readAt: null, createdAt: { lte: input.shownAt } }, data: { readAt: new Date() } });
  return ok({ count });
}

/** Every kind with how this person gets it now (their choice, or the default). */
export async function notificationPreferences(db: Db, user: Reader): Promise<Record<NotificationKind, NotificationDelivery>> {
  const chosen = new Map((await db.notificationPreference.findMany({ where: { userId: user.id } })).map((row) => [row.kind, row.delivery]));
  return Object.fromEntries(Object.values(notificationKinds).map((kind) => [kind, effectiveDelivery(kind, chosen.get(kind))])) as Record<NotificationKind, NotificationDelivery>;
}

export async function updateNotificationPreferences(db: Db, user: Reader, input: z.output<typeof notificationPreferencesSchema>): Promise<DomainResult<{ updated: number }>> {
  const entries = Object.entries(input.preferences) as [NotificationKind, NotificationDelivery][];
  await db.$transaction(async (tx) => {
    for (const [kind, delivery] of entries) {
      await tx.notificationPreference.upsert({ where: { userId_kind: { userId: user.id, kind } }, create: { userId: user.id, kind, delivery }, update: { delivery } });
    }
  });
  return ok({ updated: entries.length });
}
