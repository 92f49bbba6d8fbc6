import { z } from "zod";
import type { DbTx } from "@/lib/db/client";
import type { ContentVersion, Role } from "@/lib/db/generated/client";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { checkTransition, type VersionAction } from "./version-workflow";

/** Who is acting: a signed-in user, or the scheduler acting on an admin's earlier decision. */
export type WorkflowActor = { id: string | null; roles: readonly Role[] };

export async function isAuthorOf(tx: DbTx, versionId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  return (await tx.versionAuthor.count({ where: { versionId, userId } })) > 0;
}

/**
 * Locks a version row for the rest of the transaction (so two requests cannot both act on it) and asks
 * the workflow table whether `actor` may perform `action` on it now.
 */
export async function lockVersionFor(
  tx: DbTx,
  versionId: string,
  action: VersionAction,
  actor: WorkflowActor,
): Promise<DomainResult<ContentVersion>> {
  if (!z.uuid().safeParse(versionId).success) return fail({ kind: "not_found", message: "Versionen finns inte" });
  await tx.$queryRaw`SELECT 1 FROM "ContentVersion" WHERE "id" = ${versionId}::uuid FOR UPDATE`;
  const version = await tx.contentVersion.findUnique({ where: { id: versionId } });
  if (!version) return fail({ kind: "not_found", message: "Versionen finns inte" });
  const check = checkTransition(action, version, actor, await isAuthorOf(tx, versionId, actor.id));
  if (!check.allowed) return fail({ kind: check.reason, message: check.message });
  return ok(version);
}
