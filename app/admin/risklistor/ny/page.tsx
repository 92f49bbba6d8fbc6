import type { Metadata } from "next";
import { CreateRiskListForm } from "@/components/editor/create-risk-list-form";
import { requirePageUser } from "@/lib/auth/require-user";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Ny risklista" };
export const dynamic = "force-dynamic";

export default async function NewRiskListPage() {
  await requirePageUser(adminPaths.newRiskList, ["EDITOR"]);
  return (
    <>
      <h1>Ny risklista</h1>
      <p>Risklistan skapas som ett utkast (version 1) med en första risk; fler grupper och risker lägger du till i redigeraren.</p>
      <CreateRiskListForm />
    </>
  );
}
