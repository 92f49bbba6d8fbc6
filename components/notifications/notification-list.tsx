"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notification-actions";
import type { ActionResult } from "@/lib/actions/action-wrapper";

export type NotificationEntry = { id: string; subject: string; body: string; linkPath: string; read: boolean; createdAtText: string };

/** The list on /admin/aviseringar: each entry links to the screen of its next step and can be marked read. */
export function NotificationList({ entries, shownAt }: { entries: NotificationEntry[]; shownAt: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      setFailure(null);
      const result = await call();
      if (!result.ok) setFailure(result.error.message);
      else router.refresh();
    });
  const unread = entries.filter((entry) => !entry.read).length;

  if (entries.length === 0) return <p>Du har inga aviseringar.</p>;
  return (
    <>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      {unread > 0 && (
        <p>
          <button type="button" disabled={pending} onClick={() => run(() => markAllNotificationsReadAction({ shownAt }))}>
            Markera alla som lästa
          </button>
        </p>
      )}
      <ul className="notification-list" data-testid="notifications">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.read ? "notification notification-read" : "notification notification-unread"} data-testid="notification">
            <p className="notification-meta">
              {entry.read ? "Läst" : <strong>Oläst</strong>} · {entry.createdAtText}
            </p>
            <p>
              <Link href={entry.linkPath}>{entry.subject}</Link>
            </p>
            <p>{entry.body}</p>
            {!entry.read && (
              <button type="button" disabled={pending} onClick={() => run(() => markNotificationReadAction({ notificationId: entry.id }))}>
                Markera som läst
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
