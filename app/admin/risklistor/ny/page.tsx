import type { Metadata } from "next";
import { CreateRiskListForm } from "@/components/editor/create-risk-list-form";
import { listPossibleOwners } from "@/lib/auth/item-owners";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Ny risklista" };
export const dynamic = "force-dynamic";

export default async function NewRiskListPage() {
  const user = await requirePageUser(adminPaths.newRiskList, ["EDITOR"]);
  return (
    <>
      <h1>Ny risklista</h1>
      <p>Risklistan skapas som ett utkast (version 1) med en första risk; fler grupper och risker lägger du till i redigeraren.</p>
      <CreateRiskListForm creatorId={user.id} possibleOwners={await listPossibleOwners(getDb())} />
    </>
  );
}
