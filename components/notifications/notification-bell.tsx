import Link from "next/link";
import { adminPaths } from "@/lib/paths/admin-paths";

/**
 * The admin header's bell: "Aviseringar" with the unread count, linking to the list (a word rather than a
 * bell glyph, which not every system font has). Rendered on the server with each page.
 */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Aviseringar, inga olästa" : `Aviseringar, ${unread} olästa`;
  return (
    <Link href={adminPaths.notifications} className="notification-bell" aria-label={label} data-testid="notification-bell">
      <span aria-hidden="true">Aviseringar</span>
      {unread > 0 && (
        <span className="notification-count" data-testid="notification-unread-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
