import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserActiveForm } from "@/components/users/user-active-form";
import { UserClinicianForm } from "@/components/users/user-clinician-form";
import { UserProfileForm } from "@/components/users/user-profile-form";
import { UserRolesForm } from "@/components/users/user-roles-form";
import "@/components/users/users.css";
import { countOwnedItems } from "@/lib/auth/item-owners";
import { findManagedUser } from "@/lib/auth/manage-users";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Användare" };
export const dynamic = "force-dynamic";

export default async function UserPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<{ skapad?: string }> }) {
  const { userId } = await params;
  const admin = await requirePageUser(adminPaths.user(userId), ["ADMIN"]);
  const user = await findManagedUser(getDb(), userId);
  if (!user) notFound();
  const { skapad } = await searchParams;
  const isSelf = user.id === admin.id;

  return (
    <>
      <p>
        <Link href={adminPaths.users}>← Användare</Link>
      </p>
      <h1>
        {user.name} <span className="users-note">{user.email}</span>
      </h1>
      {skapad === "1" && (
        <p role="status" className="users-saved">
          Användaren är skapad.
        </p>
      )}
      <p>
        <Link href={adminPaths.auditLogFiltered({ actorId: user.id })}>Vad användaren har gjort</Link> ·{" "}
        <Link href={adminPaths.auditLogFiltered({ entityType: "user", entityId: user.id })}>Ändringar av kontot</Link>
      </p>
      <div className="users-sections">
        <UserProfileForm user={user} />
        <UserRolesForm user={user} isSelf={isSelf} />
        <UserClinicianForm user={user} />
        <UserActiveForm user={user} isSelf={isSelf} owned={await countOwnedItems(getDb(), user.id)} />
      </div>
    </>
  );
}
