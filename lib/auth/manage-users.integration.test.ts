import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { authenticateWithPassword } from "./authenticate";
import { createUser } from "./create-user";
import { setUserActive, updateUserProfile, updateUserRoles } from "./manage-users";
import { createUserSchema } from "./user-schemas";

// Input that does not pass an operation's schema is refused where it is parsed: at the server action.
const { updateUserProfileAction, updateUserRolesAction } = await import("@/lib/actions/user-actions");

let kit: TestKit;
let db: Db;
let admin: { id: string };

const password = "ett-långt-lösenord-för-test";

async function newUser(email: string, roles: ("EDITOR" | "REVIEWER" | "ADMIN")[]) {
  const created = await createUser(db, createUserSchema.parse({ email, name: `Test ${email}`, roles, password }), admin?.id ?? null);
  if (!created.ok) throw new Error(created.failure.message);
  return created.value;
}

beforeAll(async () => {
  kit = await openTestKit({ name: "manage-users", seed: false });
  db = kit.db;
  admin = await newUser("admin@manage.test", ["ADMIN"]);
});

afterAll(async () => {
  await kit?.close();
});

describe("managing users", () => {
  it("changes roles in one audited step, with before and after, and ends the user's sessions", async () => {
    const user = await newUser("roles@manage.test", ["EDITOR"]);
    const epochBefore = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionEpoch;

    const result = await updateUserRoles(db, admin, { userId: user.id, roles: ["EDITOR", "REVIEWER"] });
    expect(result).toMatchObject({ ok: true, value: { roles: ["EDITOR", "REVIEWER"] } });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionEpoch).toBe(epochBefore + 1);
    const events = await db.auditEvent.findMany({ where: { action: "user.roles_changed", entityId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, entityType: "user", data: { before: ["EDITOR"], after: ["EDITOR", "REVIEWER"] } });
  });

  it("two admins on one user's roles: the second, based on the roles before the first's change, is refused instead of undoing it", async () => {
    const user = await newUser("two-admins@manage.test", ["EDITOR"]);
    const second = await newUser("second-admin@manage.test", ["ADMIN"]);
    // Both opened the page when the user was an editor; the first adds the reviewer role.
    await kit.signIn(admin);
    expect(await updateUserRolesAction({ userId: user.id, roles: ["EDITOR", "REVIEWER"], expectedRoles: ["EDITOR"] })).toMatchObject({ ok: true });
    await kit.signIn(second);
    expect(await updateUserRolesAction({ userId: user.id, roles: ["EDITOR", "ADMIN"], expectedRoles: ["EDITOR"] })).toMatchObject({
      ok: false,
      error: { kind: "conflict", message: expect.stringContaining("En annan administratör har ändrat rollerna") },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual(["EDITOR", "REVIEWER"]);
    // From what is stored now, the second admin's change goes through.
    expect(await updateUserRolesAction({ userId: user.id, roles: ["EDITOR", "REVIEWER", "ADMIN"], expectedRoles: ["REVIEWER", "EDITOR"] })).toMatchObject({ ok: true });
  });

  it("records nothing when the roles are the same", async () => {
    const user = await newUser("same@manage.test", ["REVIEWER"]);
    expect(await updateUserRoles(db, admin, { userId: user.id, roles: ["REVIEWER"] })).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: "user.roles_changed", entityId: user.id } })).toBe(0);
  });

  it("refuses no roles, an unknown role, and an admin dropping their own admin role", async () => {
    const user = await newUser("refuse@manage.test", ["EDITOR"]);
    await kit.signIn(admin);
    expect(await updateUserRolesAction({ userId: user.id, roles: [] })).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: { roles: [expect.any(String)] } } });
    expect(await updateUserRolesAction({ userId: user.id, roles: ["OWNER"] })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await updateUserRoles(db, admin, { userId: admin.id, roles: ["EDITOR"] })).toMatchObject({ ok: false, failure: { kind: "invalid", fieldErrors: { roles: [expect.stringContaining("egen administratörsroll")] } } });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(["ADMIN"]);
    expect(await updateUserRoles(db, admin, { userId: crypto.randomUUID(), roles: ["EDITOR"] })).toMatchObject({ ok: false, failure: { kind: "not_found" } });
  });

  it("lets an admin add a role to themselves without ending their own session", async () => {
    const self = await newUser("self@manage.test", ["ADMIN"]);
    expect(await updateUserRoles(db, self, { userId: self.id, roles: ["ADMIN", "EDITOR"] })).toMatchObject({ ok: true, value: { roles: ["ADMIN", "EDITOR"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: self.id } })).sessionEpoch).toBe(0);
  });

  it("deactivation bumps the session epoch and the user can no longer sign in; reactivation lets them back", async () => {
    const user = await newUser("deactivate@manage.test", ["EDITOR"]);
    expect(await authenticateWithPassword(db, { email: user.email, password }, "10.0.0.1")).toMatchObject({ ok: true, user: { sessionEpoch: 0 } });

    expect(await setUserActive(db, admin, { userId: user.id, active: false })).toMatchObject({ ok: true, value: { active: false } });
    const deactivated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(deactivated).toMatchObject({ active: false, sessionEpoch: 1 });
    expect(await authenticateWithPassword(db, { email: user.email, password }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });

    expect(await setUserActive(db, admin, { userId: user.id, active: true })).toMatchObject({ ok: true, value: { active: true } });
    expect(await authenticateWithPassword(db, { email: user.email, password }, "10.0.0.1")).toMatchObject({ ok: true, user: { sessionEpoch: 1 } });

    const actions = await db.auditEvent.findMany({ where: { entityId: user.id, action: { in: ["user.deactivated", "user.reactivated"] } }, orderBy: { id: "asc" } });
    expect(actions.map((event) => [event.action, event.actorId])).toEqual([
      ["user.deactivated", admin.id],
      ["user.reactivated", admin.id],
    ]);
  });

  it("refuses an admin deactivating themselves", async () => {
    expect(await setUserActive(db, admin, { userId: admin.id, active: false })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("updates name, title and specialty with the changed fields audited", async () => {
    const user = await newUser("profile@manage.test", ["REVIEWER"]);
    const result = await updateUserProfile(db, admin, { userId: user.id, name: "Dr. Ny", title: "Överläkare", specialty: "" });
    expect(result).toMatchObject({ ok: true, value: { name: "Dr. Ny", title: "Överläkare" } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.profile_updated", entityId: user.id } });
    expect(event.data).toEqual({ name: { before: "Test profile@manage.test", after: "Dr. Ny" }, title: { before: "", after: "Överläkare" } });
    await kit.signIn(admin);
    expect(await updateUserProfileAction({ userId: user.id, name: " ", title: "", specialty: "" })).toMatchObject({ ok: false, error: { fieldErrors: { name: [expect.any(String)] } } });
  });
});
