import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { mayOwn } from "@/lib/auth/item-owners";
import type { Db, DbTx } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";
import { fail, ok, type DomainFailure, type DomainResult } from "@/lib/errors/domain-result";
import { commitWithEvents } from "@/lib/events/unit-of-work";
import { auditEntityOf, type Item } from "@/lib/items/item";
import { ownerLabels } from "@/lib/labels/sv";
import type { ChangeItemOwnerInput } from "./item-owner-schemas";

/**
 * The responsible owner of an article or risk list (README, "Owners"). Chosen when the item is created
 * (default: its creator), changed here by an admin or by the owner handing it over. Only an active editor
 * or reviewer may own an item (lib/auth/item-owners.ts; the database refuses the rest too).
 */

export type OwnerActor = { id: string; roles: readonly Role[] };
export type ItemOwner = { id: string; name: string; title: string; active: boolean; roles: Role[]; mayOwn: boolean };

const ownerSelect = { id: true, name: true, title: true, active: true, roles: true } as const;

/** Locks the item's row and returns its owner's id, or null when the item does not exist. */
async function lockItemOwner(tx: DbTx, item: Item): Promise<string | null> {
  const rows =
    item.kind === "article"
      ? await tx.$queryRaw<{ ownerId: string }[]>`SELECT "ownerId" FROM "Article" WHERE "id" = ${item.id}::uuid FOR UPDATE`
      : await tx.$queryRaw<{ ownerId: string }[]>`SELECT "ownerId" FROM "RiskList" WHERE "id" = ${item.id}::uuid FOR UPDATE`;
  return rows[0]?.ownerId ?? null;
}

async function setItemOwner(tx: DbTx, item: Item, ownerId: string): Promise<void> {
  if (item.kind === "article") await tx.article.update({ where: { id: item.id }, data: { ownerId } });
  else await tx.riskList.update({ where: { id: item.id }, data: { ownerId } });
}

/** The item's owner, with whether they may still own it; null when the item does not exist. */
export async function findItemOwner(db: Db | DbTx, item: Item): Promise<ItemOwner | null> {
  const row =
    item.kind === "article"
      ? await db.article.findUnique({ where: { id: item.id }, select: { owner: { select: ownerSelect } } })
      : await db.riskList.findUnique({ where: { id: item.id }, select: { owner: { select: ownerSelect } } });
  return row ? { ...row.owner, mayOwn: mayOwn(row.owner) } : null;
}

/** Who may hand an item over: an admin, or the owner themselves. */
export function mayChangeOwner(actor: OwnerActor, currentOwnerId: string): boolean {
  return actor.roles.includes("ADMIN") || actor.id === currentOwnerId;
}

const mayNotOwn: DomainFailure = { kind: "invalid", message: ownerLabels.mayNotOwn, fieldErrors: { ownerId: [ownerLabels.mayNotOwn] } };

/**
 * Checks that `ownerId` may own an item, inside `tx` (the create operations ask it too). The user's row
 * is locked, so a deactivation running at the same time comes either before (refused) or after (the item
 * then shows under "Utan ansvarig").
 */
export async function checkMayOwn(tx: DbTx, ownerId: string): Promise<DomainFailure | null> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${ownerId}::uuid FOR SHARE`;
  const user = await tx.user.findUnique({ where: { id: ownerId }, select: { active: true, roles: true } });
  return user && mayOwn(user) ? null : mayNotOwn;
}

/**
 * Hands `item` to a new owner in one transaction, audited as `owner.changed` with the previous and the
 * new owner. Refused: an unknown item (not found), an actor who is neither an admin nor the current owner
 * (forbidden), a new owner who may not own (invalid, on the field), an owner changed since the form was
 * shown (conflict). Naming the current owner again changes nothing and records nothing.
 */
export async function changeItemOwner(db: Db, actor: OwnerActor, input: ChangeItemOwnerInput): Promise<DomainResult<{ ownerId: string; changed: boolean }>> {
  const { item, ownerId, expectedOwnerId } = input;
  return commitWithEvents(db, async (tx) => {
    const current = await lockItemOwner(tx, item);
    if (!current) return fail({ kind: "not_found", message: ownerLabels.itemNotFound });
    if (!mayChangeOwner(actor, current)) return fail({ kind: "forbidden", message: ownerLabels.mayNotChange });
    if (expectedOwnerId !== undefined && expectedOwnerId !== current) return fail({ kind: "conflict", message: ownerLabels.changedMeanwhile });
    if (current === ownerId) return ok({ ownerId, changed: false });
    const refusal = await checkMayOwn(tx, ownerId);
    if (refusal) return fail(refusal);
    await setItemOwner(tx, item, ownerId);
    await recordAuditEvent(tx, { actorId: actor.id, action: "owner.changed", ...auditEntityOf(item), data: { from: current, to: ownerId } });
    return ok({ ownerId, changed: true });
  });
}
