import { notFound, redirect } from "next/navigation";
import type { Role } from "@/lib/db/generated/enums";
import { fail, ok, type DomainResult } from "@/lib/errors/domain-result";
import { getCurrentUser, type SessionUser } from "./current-user";
import { adminPaths } from "@/lib/paths/admin-paths";

export function hasAnyRole(user: Pick<SessionUser, "roles">, roles: readonly Role[]): boolean {
  return roles.length === 0 || roles.some((role) => user.roles.includes(role));
}

/** For server actions and route handlers: the signed-in user holding one of `roles` (any role if empty). */
export async function requireUser(roles: readonly Role[] = []): Promise<DomainResult<SessionUser>> {
  const user = await getCurrentUser();
  if (!user) return fail({ kind: "forbidden", message: "Du är inte inloggad" });
  if (!hasAnyRole(user, roles)) return fail({ kind: "forbidden", message: "Din roll får inte göra detta" });
  return ok(user);
}

/**
 * For admin pages: sends anonymous visitors to sign-in (and back afterwards); a signed-in user without
 * the role gets a 404, which does not reveal what exists behind it.
 */
export async function requirePageUser(path: string, roles: readonly Role[] = []): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(adminPaths.signIn(path));
  if (!hasAnyRole(user, roles)) notFound();
  return user;
}
