"use server";

import { getDb } from "@/lib/db/client";
import { action } from "@/lib/actions/action-wrapper";
import { markAllNotificationsRead, markNotificationRead, updateNotificationPreferences } from "@/lib/notifications/notification-inbox";
import { markAllNotificationsReadSchema, markNotificationReadSchema, notificationPreferencesSchema } from "@/lib/notifications/notification-schemas";

/* The signed-in user's own notifications (/admin/aviseringar): every role has them. */
const everyRole = ["EDITOR", "REVIEWER", "ADMIN"] as const;

export const markNotificationReadAction = action("markNotificationRead", everyRole, markNotificationReadSchema, (user, input) => markNotificationRead(getDb(), user, input));

export const markAllNotificationsReadAction = action("markAllNotificationsRead", everyRole, markAllNotificationsReadSchema, (user, input) => markAllNotificationsRead(getDb(), user, input));

export const updateNotificationPreferencesAction = action("updateNotificationPreferences", everyRole, notificationPreferencesSchema, (user, input) =>
  updateNotificationPreferences(getDb(), user, input),
);
