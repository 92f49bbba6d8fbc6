import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createRateLimiter, consumePoint, secondsBlocked } from "@/lib/security/rate-limiter";
import { hashPassword, verifyPassword } from "./password";
import type { SignInInput } from "./sign-in-schema";


/** Failed attempts allowed per account and per client address within the window. */
export const signInThrottle = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 };

export type AuthenticatedUser = { id: string; email: string; name: string; roles: Role[]; sessionEpoch: number };
export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

// Verifying against a real hash when the account does not exist keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword("granskad-decoy-password"));

/**
 * Checks e-mail and password, throttling repeated failures per account and per address, and records
 * the outcome in the audit trail. Deactivated accounts and accounts without a password never sign in.
 */
export async function authenticateWithPassword(db: Db, input: SignInInput, clientAddress: string): Promise<AuthenticationResult> {
  const perAccount = createRateLimiter(db, { keyPrefix: "sign-in:account", points: signInThrottle.perAccount, durationSeconds: signInThrottle.windowSeconds });
  const perAddress = createRateLimiter(db, { keyPrefix: "sign-in:address", points: signInThrottle.perAddress, durationSeconds: signInThrottle.windowSeconds });

  const blocked = Math.max((await secondsBlocked(perAccount, input.email)) ?? 0, (await secondsBlocked(perAddress, clientAddress)) ?? 0);
  if (blocked > 0) {
    await recordAuditEvent(db, { actorId: null, action: "auth.sign_in_throttled", entityType: "session", data: { email: input.email, clientAddress } });
    return { ok: false, reason: "throttled", retryAfterSeconds: blocked };
  }

  const user = await db.user.findUnique({ where: { email: input.email } });
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? (await decoy()));
  if (!user || !user.passwordHash || !user.active || !passwordMatches) {
    await consumePoint(perAccount, input.email);
    await consumePoint(perAddress, clientAddress);
    await recordAuditEvent(db, { actorId: user?.id ?? null, action: "auth.sign_in_failed", entityType: "session", data: { email: input.email, clientAddress } });
    return { ok: false, reason: "invalid" };
  }

  await perAccount.delete(input.email);
  await recordAuditEvent(db, { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id, data: { clientAddress } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, roles: user.roles, sessionEpoch: user.sessionEpoch } };
}
