import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requirePageUser } from "@/lib/auth/require-user";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Ny användare" };
export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  await requirePageUser(adminPaths.newUser, ["ADMIN"]);
  return (
    <>
      <p>
        <Link href={adminPaths.users}>← Användare</Link>
      </p>
      <h1>Ny användare</h1>
      <CreateUserForm />
    </>
  );
}
