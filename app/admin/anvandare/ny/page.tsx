import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requirePageUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Ny användare" };
export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  await requirePageUser("/admin/anvandare/ny", ["ADMIN"]);
  return (
    <>
      <p>
        <Link href="/admin/anvandare">← Användare</Link>
      </p>
      <h1>Ny användare</h1>
      <CreateUserForm />
    </>
  );
}
