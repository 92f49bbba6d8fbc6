import type { Metadata } from "next";
import { CreateGlossaryTermForm } from "@/components/editor/create-glossary-term-form";
import { listPossibleOwners } from "@/lib/auth/item-owners";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Ny ordlisteterm" };
export const dynamic = "force-dynamic";

export default async function NewGlossaryTermPage() {
  const user = await requirePageUser(adminPaths.newGlossaryTerm, ["EDITOR"]);
  return (
    <>
      <h1>Ny ordlisteterm</h1>
      <p>
        Termen skapas som ett utkast (version 1) med sin förklaring. Den granskas och publiceras som en risklista; först när den är publicerad
        visas förklaringen på de sidor där termen är markerad.
      </p>
      <CreateGlossaryTermForm creatorId={user.id} possibleOwners={await listPossibleOwners(getDb())} />
    </>
  );
}
