import type { Metadata } from "next";
import Link from "next/link";
import { roleLabels } from "@/lib/labels/sv";
import "@/components/users/users.css";
import { listUsers } from "@/lib/auth/manage-users";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Användare" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  await requirePageUser(adminPaths.users, ["ADMIN"]);
  const users = await listUsers(getDb());
  return (
    <>
      <h1>Användare</h1>
      <p>
        <Link href={adminPaths.newUser}>Ny användare</Link>
      </p>
      <div className="table-scroll">
        <table className="users-table" data-testid="users-table">
          <caption className="users-note">{users.length} användare; inaktiverade sist</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Titel</th>
              <th scope="col">Specialitet</th>
              <th scope="col">Roller</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.active ? undefined : "users-inactive"}>
                <th scope="row">
                  <Link href={adminPaths.user(user.id)}>{user.name}</Link>
                </th>
                <td>{user.email}</td>
                <td>{user.title || "–"}</td>
                <td>{user.specialty || "–"}</td>
                <td>
                  {user.roles.map((role) => roleLabels[role]).join(", ")}
                  {user.clinician && <span className="users-note"> (klinisk behörighet)</span>}
                </td>
                <td>{user.active ? "aktiv" : "inaktiverad"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
