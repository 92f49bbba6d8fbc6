import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { addressThrottleKey, consumeAndCount, createRateLimiter, secondsBlocked } from "@/lib/security/rate-limiter";
import { hashPassword, verifyPassword } from "./password";
import type { SignInInput } from "./sign-in-schema";

/**
 * How failed sign-ins are throttled (README, "Sign-in and sessions"), so that a stranger can neither
 * guess passwords nor lock out the real user:
 * - `fromAddress`: failures from one client address (an IPv6 /64), whatever the account;
 * - `accountFromNewAddresses`: failures on one account from addresses where it never signed in. When
 *   they are used up, the account refuses sign-in from new addresses only;
 * - `accountFromKnownAddress`: failures on one account from one address where it signed in within
 *   `knownAddressDays`. Those addresses are not held to the two limits above, so the user at their
 *   usual desk still signs in while someone elsewhere hammers the account or shares their address.
 * - `auditedFailures`: failure rows written to the audit trail per window, over all accounts; past that
 *   failures are still counted and throttled, and one row says that more happened.
 */
export const signInThrottle = {
  windowSeconds: 15 * 60,
  fromAddress: 20,
  accountFromNewAddresses: 5,
  accountFromKnownAddress: 10,
  knownAddressDays: 90,
  auditedFailures: 100,
};

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
 * The key marking that `email` signed in from `address`: an HMAC, so the RateLimit table holds no
 * readable pair of account and address.
 */
function knownAddressKey(email: string, address: string): string {
  return crypto.createHmac("sha256", process.env.NEXTAUTH_SECRET ?? "granskad").update(`${email}\n${address}`).digest("base64url");
}

function limiters(db: Db) {
  const window = signInThrottle.windowSeconds;
  return {
    address: createRateLimiter(db, { keyPrefix: "sign-in:address", points: signInThrottle.fromAddress, durationSeconds: window }),
    accountFromNewAddresses: createRateLimiter(db, { keyPrefix: "sign-in:account", points: signInThrottle.accountFromNewAddresses, durationSeconds: window }),
    accountFromKnownAddress: createRateLimiter(db, { keyPrefix: "sign-in:known-pair", points: signInThrottle.accountFromKnownAddress, durationSeconds: window }),
    // A marker rather than a limit: one point per successful sign-in, kept for knownAddressDays.
    knownAddress: createRateLimiter(db, { keyPrefix: "sign-in:known", points: Number.MAX_SAFE_INTEGER, durationSeconds: signInThrottle.knownAddressDays * 24 * 60 * 60 }),
    auditedFailures: createRateLimiter(db, { keyPrefix: "sign-in:audited-failures", points: signInThrottle.auditedFailures, durationSeconds: window }),
  };
}

/**
 * Checks e-mail and password, throttling repeated failures (signInThrottle), and records in the audit
 * trail every sign-in, the first failure on an account in each window, the start of every block, and
 * (bounded) that failures went on. Deactivated accounts and accounts without a password never sign in.
 */
export async function authenticateWithPassword(db: Db, input: SignInInput, clientAddress: string): Promise<AuthenticationResult> {
  const limit = limiters(db);
  const addressKey = addressThrottleKey(clientAddress);
  const pairKey = knownAddressKey(input.email, addressKey);
  const known = (await limit.knownAddress.get(pairKey)) !== null;

  const blocked = known
    ? ((await secondsBlocked(limit.accountFromKnownAddress, pairKey)) ?? 0)
    : Math.max((await secondsBlocked(limit.accountFromNewAddresses, input.email)) ?? 0, (await secondsBlocked(limit.address, addressKey)) ?? 0);
  if (blocked > 0) return { ok: false, reason: "throttled", retryAfterSeconds: blocked };

  const user = await db.user.findUnique({ where: { email: input.email } });
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? (await decoy()));
  if (!user || !user.passwordHash || !user.active || !passwordMatches) {
    await recordFailure(db, limit, { email: input.email, clientAddress, addressKey, pairKey, known, userId: user?.id ?? null });
    return { ok: false, reason: "invalid" };
  }

  await limit.knownAddress.consume(pairKey);
  await recordAuditEvent(db, { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id, data: { clientAddress } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, roles: user.roles, sessionEpoch: user.sessionEpoch } };
}

type Failure = { email: string; clientAddress: string; addressKey: string; pairKey: string; known: boolean; userId: string | null };

async function recordFailure(db: Db, limit: ReturnType<typeof limiters>, failure: Failure): Promise<void> {
  const { email, clientAddress } = failure;
  const rows: { action: "auth.sign_in_failed" | "auth.sign_in_throttled"; data: Record<string, string | number | boolean> }[] = [];
  if (failure.known) {
    const count = await consumeAndCount(limit.accountFromKnownAddress, failure.pairKey);
    if (count === 1 && failure.userId) rows.push({ action: "auth.sign_in_failed", data: { email, clientAddress, knownAddress: true } });
    if (count === signInThrottle.accountFromKnownAddress) rows.push({ action: "auth.sign_in_throttled", data: { email, clientAddress, knownAddress: true, failures: count } });
  } else {
    const accountCount = await consumeAndCount(limit.accountFromNewAddresses, email);
    const addressCount = await consumeAndCount(limit.address, failure.addressKey);
    // Rows about an account only for accounts that exist: guessing e-mail addresses writes nothing per guess.
    if (accountCount === 1 && failure.userId) rows.push({ action: "auth.sign_in_failed", data: { email, clientAddress } });
    if (accountCount === signInThrottle.accountFromNewAddresses && failure.userId) {
      rows.push({ action: "auth.sign_in_throttled", data: { email, clientAddress, failures: accountCount, blocks: "new addresses" } });
    }
    if (addressCount === signInThrottle.fromAddress) rows.push({ action: "auth.sign_in_throttled", data: { clientAddress, failures: addressCount, blocks: "address" } });
  }
  for (const row of rows) {
    const written = await consumeAndCount(limit.auditedFailures, "all");
    if (written <= signInThrottle.auditedFailures) {
      await recordAuditEvent(db, { actorId: failure.userId, action: row.action, entityType: "session", data: row.data });
    } else if (written === signInThrottle.auditedFailures + 1) {
      await recordAuditEvent(db, {
        actorId: null,
        action: "auth.sign_in_failures_unrecorded",
        entityType: "session",
        data: { afterRows: signInThrottle.auditedFailures, windowMinutes: signInThrottle.windowSeconds / 60 },
      });
    }
  }
}
