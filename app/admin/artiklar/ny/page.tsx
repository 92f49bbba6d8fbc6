import type { Metadata } from "next";
import { CreateArticleForm } from "@/components/editor/create-article-form";
import { listPossibleOwners } from "@/lib/auth/item-owners";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Ny artikel" };
export const dynamic = "force-dynamic";

export default async function NewArticlePage() {
  const user = await requirePageUser(adminPaths.newArticle, ["EDITOR"]);
  return (
    <>
      <h1>Ny artikel</h1>
      <p>Artikeln skapas som ett utkast (version 1) som du sedan fyller med block i redigeraren.</p>
      <CreateArticleForm creatorId={user.id} possibleOwners={await listPossibleOwners(getDb())} />
    </>
  );
}
