import { z } from "zod";
import type { Db, DbTx } from "@/lib/db/client";
import type { User } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { reviewerGrant } from "./account-provenance";
import type { setUserActiveSchema, setUserClinicianSchema, updateUserProfileSchema, updateUserRolesSchema } from "./user-schemas";

/** The administrator doing the change; their own account has guards (see below). */
export type UserManager = { id: string };

export type ManagedUser = Pick<User, "id" | "email" | "name" | "title" | "specialty" | "roles" | "active" | "clinician">;
const managedUserFields = { id: true, email: true, name: true, title: true, specialty: true, roles: true, active: true, clinician: true } as const;

/** Locks the user's row for the transaction so two admins' changes are applied one after the other. */
async function lockUser(tx: DbTx, userId: string): Promise<User | null> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
  return tx.user.findUnique({ where: { id: userId } });
}

const userNotFound = { kind: "not_found", message: "Användaren finns inte" } as const;

/** All users for the admin's list, active first, by name. */
export async function listUsers(db: Db): Promise<ManagedUser[]> {
  return db.user.findMany({ select: managedUserFields, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

export async function findManagedUser(db: Db, userId: string): Promise<ManagedUser | null> {
  if (!z.uuid().safeParse(userId).success) return null;
  return db.user.findUnique({ where: { id: userId }, select: managedUserFields });
}

/**
 * Replaces a user's roles, audited with before and after. Granting the reviewer role records who granted
 * it: four-eyes refuses that account's approval of the granting admin's own texts. The user's other sessions end at once (the
 * session epoch is bumped), so nobody keeps working under roles they no longer hold. An admin changing
 * their own roles keeps their current session: they may not drop ADMIN, and any other change is
 * already in effect because every request re-reads the roles from the database.
 */
export async function updateUserRoles(db: Db, actor: UserManager, input: z.output<typeof updateUserRolesSchema>): Promise<DomainResult<ManagedUser>> {
  const { userId } = input;
  const roles = [...new Set(input.roles)];
  const isSelf = userId === actor.id;
  if (isSelf && !roles.includes("ADMIN")) {
    return fail({
      kind: "invalid",
      message: "Du kan inte ta bort din egen administratörsroll",
      fieldErrors: { roles: ["Du kan inte ta bort din egen administratörsroll; be en annan administratör"] },
    });
  }
  return db.$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (!before) return fail(userNotFound);
    if (input.expectedRoles && !sameRoles(before.roles, input.expectedRoles)) {
      return fail({
        kind: "conflict",
        message: "En annan administratör har ändrat rollerna sedan du öppnade sidan; ladda om sidan och försök igen / Another admin changed the roles; reload",
      });
    }
    const unchanged = sameRoles(before.roles, roles);
    if (unchanged) return ok(pickManaged(before));
    const granted = reviewerGrant(before.roles, roles, actor.id, new Date());
    const updated = await tx.user.update({
      where: { id: userId },
      data: { roles, ...granted, ...(isSelf ? {} : { sessionEpoch: { increment: 1 } }) },
      select: managedUserFields,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.roles_changed",
      entityType: "user",
      entityId: userId,
      data: { email: before.email, before: before.roles, after: updated.roles, ...("reviewerGrantedById" in granted && { reviewerGrantedBy: actor.id }) },
    });
    return ok(updated);
  });
}

/** Changes the name, title and specialty shown with a user's reviews; past review decisions keep their snapshot. */
export async function updateUserProfile(db: Db, actor: UserManager, input: z.output<typeof updateUserProfileSchema>): Promise<DomainResult<ManagedUser>> {
  const { userId, ...profile } = input;
  return db.$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (!before) return fail(userNotFound);
    const changed = (Object.keys(profile) as (keyof typeof profile)[]).filter((field) => before[field] !== profile[field]);
    if (changed.length === 0) return ok(pickManaged(before));
    const updated = await tx.user.update({ where: { id: userId }, data: profile, select: managedUserFields });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.profile_updated",
      entityType: "user",
      entityId: userId,
      data: Object.fromEntries(changed.map((field) => [field, { before: before[field], after: profile[field] }])),
    });
    return ok(updated);
  });
}

/**
 * Deactivates or reactivates a user. Deactivation bumps the session epoch, so every session the user
 * has ends on its next request, and sign-in refuses the account. An admin cannot deactivate themselves.
 */
export async function setUserActive(db: Db, actor: UserManager, input: z.output<typeof setUserActiveSchema>): Promise<DomainResult<ManagedUser>> {
  const { userId, active } = input;
  if (userId === actor.id && !active) {
    return fail({ kind: "forbidden", message: "Du kan inte inaktivera dig själv" });
  }
  return db.$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (!before) return fail(userNotFound);
    if (before.active === active) return ok(pickManaged(before));
    const updated = await tx.user.update({
      where: { id: userId },
      data: { active, ...(active ? {} : { sessionEpoch: { increment: 1 } }) },
      select: managedUserFields,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: active ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: userId,
      data: { email: before.email },
    });
    return ok(updated);
  });
}

/**
 * Marks a user a clinician, or not (issue 11.4): only a clinician may approve or re-attest a clinical
 * change. Audited with before and after. Takes effect on the user's next action, since every action
 * re-reads it from the database.
 */
export async function setUserClinician(db: Db, actor: UserManager, input: z.output<typeof setUserClinicianSchema>): Promise<DomainResult<ManagedUser>> {
  const { userId, clinician } = input;
  return db.$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (!before) return fail(userNotFound);
    if (before.clinician === clinician) return ok(pickManaged(before));
    const updated = await tx.user.update({ where: { id: userId }, data: { clinician }, select: managedUserFields });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.clinician_changed",
      entityType: "user",
      entityId: userId,
      data: { email: before.email, before: before.clinician, after: clinician },
    });
    return ok(updated);
  });
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((role) => right.has(role));
}

function pickManaged(user: User): ManagedUser {
  const { id, email, name, title, specialty, roles, active, clinician } = user;
  return { id, email, name, title, specialty, roles, active, clinician };
}
