import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { formatAdminDateTime, notificationDeliveryLabels, notificationKindLabels } from "@/lib/labels/sv";
import { listNotifications, notificationPreferences } from "@/lib/notifications/notification-inbox";
import { adminPaths } from "@/lib/paths/admin-paths";
import { NotificationList } from "@/components/notifications/notification-list";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import "@/components/notifications/notifications.css";

export const metadata: Metadata = { title: "Aviseringar" };
export const dynamic = "force-dynamic";

/** The signed-in user's notifications, newest first, and their e-mail preferences. */
export default async function NotificationsPage() {
  const user = await requirePageUser(adminPaths.notifications);
  const db = getDb();
  const shownAt = new Date();
  const [notifications, preferences] = [await listNotifications(db, user), await notificationPreferences(db, user)];
  return (
    <>
      <h1>Aviseringar</h1>
      {user.roles.includes("ADMIN") && (
        <p>
          <Link href={adminPaths.outbox}>Utkorgen</Link> visar e-post som skrivits till den lokala mappen när ingen SMTP-server är inställd.
        </p>
      )}
      <NotificationList
        shownAt={shownAt.toISOString()}
        entries={notifications.map((notification) => ({
          id: notification.id,
          subject: notification.subject,
          body: notification.body,
          linkPath: notification.linkPath,
          read: notification.readAt !== null,
          createdAtText: formatAdminDateTime(notification.createdAt),
        }))}
      />
      <NotificationPreferencesForm preferences={preferences} kindLabels={notificationKindLabels} deliveryLabels={notificationDeliveryLabels} />
    </>
  );
}
