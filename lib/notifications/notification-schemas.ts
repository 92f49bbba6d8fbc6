import { z } from "zod";
import { NotificationDelivery, NotificationKind } from "@/lib/db/generated/enums";

/*
 * The inputs of the notification page (lib/notifications/notification-inbox.ts), shared by its forms and
 * the server actions. Schema-only: the browser bundles import it.
 */

export const markNotificationReadSchema = z.object({ notificationId: z.uuid("Okänd avisering") });
/** "Markera alla som lästa" marks those the page showed: created up to when it was shown, not later arrivals. */
export const markAllNotificationsReadSchema = z.object({
  shownAt: z.coerce
    .date("Okänd tidpunkt")
    .refine((date) => date.getTime() >= Date.UTC(2020, 0, 1), "Okänd tidpunkt")
    .refine((date) => date.getTime() <= Date.now() + 60_000, "Tidpunkten ligger i framtiden"),
});

/** Kinds whose e-mail cannot be turned off: an overdue review's escalation reaches every admin. */
export const kindsThatCannotBeTurnedOff: readonly NotificationKind[] = ["REVIEW_ESCALATED"];

export const notificationPreferencesSchema = z.object({
  preferences: z
    .partialRecord(z.enum(NotificationKind), z.enum(NotificationDelivery, "Välj hur du vill få e-post"))
    .superRefine((preferences, context) => {
      for (const kind of kindsThatCannotBeTurnedOff) {
        if (preferences[kind] === "OFF") context.addIssue({ code: "custom", path: [kind], message: "Eskaleringar av försenade granskningar kan inte stängas av" });
      }
    }),
});
