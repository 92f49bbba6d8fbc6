import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { startDraft } from "@/lib/workflow/draft-versions";
import { approveVersion, submitForReview } from "@/lib/workflow/review-versions";

export type TestActor = { id: string; roles: Role[] };

/** Integration-test users for the publishing tests, with unique e-mails per `prefix`. */
export async function createPublishingActors(db: Db, prefix: string): Promise<Record<"editor" | "reviewer" | "admin", TestActor>> {
  const create = async (key: string, roles: Role[]) => {
    const user = await db.user.create({ data: { email: `${prefix}-${key}@test.local`, name: `Test ${key}`, title: "Leg. läkare", specialty: "Smärta", roles } });
    return { id: user.id, roles };
  };
  return { editor: await create("editor", ["EDITOR"]), reviewer: await create("reviewer", ["REVIEWER"]), admin: await create("admin", ["ADMIN"]) };
}

/** A new approved version of a seeded risk list (unchanged content, re-reviewed), ready to publish. */
export async function approvedRiskListVersion(db: Db, actors: Record<"editor" | "reviewer", TestActor>, slug: string) {
  const list = await db.riskList.findFirstOrThrow({ where: { slug } });
  const draft = await startDraft(db, actors.editor, { riskListId: list.id });
  if (!draft.ok) throw new Error(draft.failure.message);
  const submitted = await submitForReview(db, actors.editor, { versionId: draft.value.id, changeNote: "Kontroll", readerNote: "Genomläst" });
  if (!submitted.ok) throw new Error(submitted.failure.message);
  const approved = await approveVersion(db, actors.reviewer, { versionId: submitted.value.id, contentHash: submitted.value.contentHash });
  if (!approved.ok) throw new Error(approved.failure.message);
  return approved.value;
}
