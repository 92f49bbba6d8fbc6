import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { getDb } from "@/lib/db/client";
import { unreadNotificationCount } from "@/lib/notifications/notification-inbox";
import { requirePageUser } from "@/lib/auth/require-user";
import { roleLabels } from "@/lib/labels/sv";
import { adminPaths } from "@/lib/paths/admin-paths";
import "@/components/ui/design-system.css";

export const metadata: Metadata = { title: { default: "Redaktionen", template: "%s – Granskad redaktion" }, robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser(adminPaths.dashboard);
  const unread = await unreadNotificationCount(getDb(), user);
  return (
    <>
      <header className="admin-header">
        <span className="site-name">Granskad redaktion</span>
        <AdminNav roles={user.roles} />
        <NotificationBell unread={unread} />
        <span className="admin-user">
          {user.name} ({user.roles.map((role) => roleLabels[role]).join(", ")}) <SignOutButton />
        </span>
      </header>
      <main id="innehall" tabIndex={-1} className="admin-main">
        {children}
      </main>
    </>
  );
}
