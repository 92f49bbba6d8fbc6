import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { createRateLimiter } from "@/lib/security/rate-limiter";
import { authenticateWithPassword, signInThrottle } from "./authenticate";
import { createUser } from "./create-user";

/** The throttling scheme as an attacker meets it: password guessing is stopped, the real user is not. */
let kit: Omit<TestKit, "users">;
let db: Db;
const password = "ett-långt-lösenord-för-test";

async function newUser(email: string) {
  const created = await createUser(db, { email, name: `Test ${email}`, title: "", specialty: "", roles: ["ADMIN"], clinician: false, password }, null);
  if (!created.ok) throw new Error(created.failure.message);
  return created.value;
}

const attempt = (email: string, address: string, guess = "fel-lösenord") => authenticateWithPassword(db, { email, password: guess }, address);
const failedSignInRows = (email: string) =>
  db.auditEvent.count({ where: { action: { in: ["auth.sign_in_failed", "auth.sign_in_throttled"] }, data: { path: ["email"], equals: email } } });

beforeAll(async () => {
  kit = await openTestKit({ name: "throttle", seed: false, users: false });
  db = kit.db;
});

afterAll(async () => {
  await kit?.close();
});

describe("sign-in throttling", () => {
  it("stops guessing an account's password from new addresses, while its owner still signs in from where they did before", async () => {
    const admin = await newUser("admin@throttle.test");
    const usualDesk = "192.0.2.10";
    expect((await attempt(admin.email, usualDesk, password)).ok).toBe(true);

    // The attacker uses a new address for every guess: the account's limit for new addresses still holds.
    const outcomes = [];
    for (let guess = 0; guess < signInThrottle.accountFromNewAddresses + 3; guess += 1) outcomes.push((await attempt(admin.email, `198.51.100.${guess + 1}`)).ok ? "ok" : "refused");
    expect(await attempt(admin.email, "198.51.100.200", password)).toMatchObject({ ok: false, reason: "throttled" });

    // The owner, at an address where they have signed in, is not locked out by any of it.
    expect(await attempt(admin.email, usualDesk, password)).toMatchObject({ ok: true, user: { id: admin.id } });
    expect(outcomes.every((outcome) => outcome === "refused")).toBe(true);

    // Eight failures wrote two rows: the first failure and the start of the block.
    expect(await failedSignInRows(admin.email)).toBe(2);
  });

  it("blocks an address that fails on many accounts, and not its neighbours", async () => {
    const attacker = "203.0.113.50";
    for (let account = 0; account < signInThrottle.fromAddress; account += 1) await attempt(`nobody-${account}@throttle.test`, attacker);
    const victim = await newUser("victim@throttle.test");
    expect(await attempt(victim.email, attacker, password)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(victim.email, "203.0.113.51", password)).toMatchObject({ ok: true });
  });

  it("counts an IPv6 client's whole /64 as one address, so rotating addresses in it does not dodge the limit", async () => {
    for (let account = 0; account < signInThrottle.fromAddress; account += 1) await attempt(`v6-${account}@throttle.test`, `2001:db8:1:2::${(account + 1).toString(16)}`);
    const user = await newUser("v6-user@throttle.test");
    expect(await attempt(user.email, "2001:db8:1:2:ffff::1", password)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(user.email, "2001:db8:1:3::1", password)).toMatchObject({ ok: true });
  });

  it("still limits guessing from an address where the account signed in before", async () => {
    const user = await newUser("shared-desk@throttle.test");
    const sharedAddress = "192.0.2.77";
    expect((await attempt(user.email, sharedAddress, password)).ok).toBe(true);
    for (let guess = 0; guess < signInThrottle.accountFromKnownAddress; guess += 1) await attempt(user.email, sharedAddress);
    expect(await attempt(user.email, sharedAddress, password)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("bounds what anonymous failures write to the audit trail, and records that more happened", async () => {
    const before = await db.auditEvent.count();
    // Unknown e-mail addresses from many addresses: counted and throttled, but no row per guess.
    for (let guess = 0; guess < 10; guess += 1) await attempt(`guess-${guess}@throttle.test`, `10.9.${guess}.1`);
    expect(await db.auditEvent.count()).toBe(before);

    // Failures on real accounts write at most two rows per account per window, and at most
    // signInThrottle.auditedFailures in all; then one row says that more went unrecorded. The window's
    // budget (which the tests above have drawn on) is taken down to two rows first, as a long attack would have.
    const budget = createRateLimiter(db, { keyPrefix: "sign-in:audited-failures", points: signInThrottle.auditedFailures, durationSeconds: signInThrottle.windowSeconds });
    const usedSoFar = (await budget.get("all"))?.consumedPoints ?? 0;
    await budget.penalty("all", signInThrottle.auditedFailures - 2 - usedSoFar);
    const accounts = [await newUser("audited-1@throttle.test"), await newUser("audited-2@throttle.test")];
    const afterUsers = await db.auditEvent.count();
    for (const [index, account] of accounts.entries()) {
      for (let guess = 0; guess < signInThrottle.accountFromNewAddresses; guess += 1) await attempt(account.email, `10.8.${index}.${guess}`);
    }
    const written = await db.auditEvent.findMany({ where: { id: { gt: BigInt(0) } }, orderBy: { id: "asc" }, skip: afterUsers, select: { action: true } });
    expect(written.map((row) => row.action)).toEqual(["auth.sign_in_failed", "auth.sign_in_throttled", "auth.sign_in_failures_unrecorded"]);
  });
});
