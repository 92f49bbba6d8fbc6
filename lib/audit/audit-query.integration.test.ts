import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { auditQuerySchema, queryAuditEvents, startOfDayIn, type AuditQuery } from "./audit-query";

let kit: TestKit;
let db: Db;
let alice: string;
let bob: string;
const article = crypto.randomUUID();

beforeAll(async () => {
  kit = await openTestKit({ name: "audit-query", seed: false });
  db = kit.db;
  alice = (await kit.createUser("alice", ["ADMIN"], { name: "Alice" })).id;
  bob = (await kit.createUser("bob", ["EDITOR"], { name: "Bob" })).id;
  // In Stockholm, 2026-03-10 runs from 2026-03-09T23:00Z to 2026-03-10T23:00Z.
  const events = [
    { at: "2026-03-09T22:59:00Z", actorId: alice, action: "user.roles_changed", entityType: "user", entityId: bob, data: { before: ["EDITOR"], after: ["EDITOR", "REVIEWER"] } },
    { at: "2026-03-09T23:00:00Z", actorId: alice, action: "user.deactivated", entityType: "user", entityId: bob },
    { at: "2026-03-10T12:00:00Z", actorId: bob, action: "version.published", entityType: "article", entityId: article },
    { at: "2026-03-10T22:59:59Z", actorId: alice, action: "version.published", entityType: "article", entityId: crypto.randomUUID() },
    { at: "2026-03-10T23:00:00Z", actorId: null, action: "auth.sign_in_failed", entityType: "session" },
  ];
  for (const event of events) await db.auditEvent.create({ data: { ...event, at: new Date(event.at) } });
});

afterAll(async () => {
  await kit?.close();
});

const query = (input: Record<string, string>): AuditQuery => auditQuerySchema.parse(input);
const actions = async (input: Record<string, string>) => (await queryAuditEvents(db, query(input))).events.map((event) => event.action);

describe("querying the audit trail", () => {
  it("returns everything newest first without filters, with the actor's name", async () => {
    const page = await queryAuditEvents(db, query({ actorId: "", entityType: "", entityId: "", action: "", from: "", to: "" }));
    expect(page.events.map((event) => event.action)).toEqual(["auth.sign_in_failed", "version.published", "version.published", "user.deactivated", "user.roles_changed"]);
    expect(page.events[1]!.actor?.name).toBe("Alice");
    expect(page.events[0]!.actor).toBeNull();
    expect(page.nextBefore).toBeNull();
  });

  it("combines filters: user, action, entity type and id", async () => {
    expect(await actions({ actorId: alice })).toEqual(["version.published", "user.deactivated", "user.roles_changed"]);
    expect(await actions({ actorId: alice, action: "version.published" })).toEqual(["version.published"]);
    expect(await actions({ actorId: bob, action: "user.deactivated" })).toEqual([]);
    expect(await actions({ entityType: "user", entityId: bob })).toEqual(["user.deactivated", "user.roles_changed"]);
    expect(await actions({ entityType: "article", entityId: article })).toEqual(["version.published"]);
    expect(await actions({ entityType: "article", actorId: alice })).toEqual(["version.published"]);
  });

  it("filters whole days in Swedish time, both ends included", async () => {
    expect(await actions({ from: "2026-03-10", to: "2026-03-10" })).toEqual(["version.published", "version.published", "user.deactivated"]);
    expect(await actions({ to: "2026-03-09" })).toEqual(["user.roles_changed"]);
    expect(await actions({ from: "2026-03-11" })).toEqual(["auth.sign_in_failed"]);
    expect(await actions({ from: "2026-03-10", action: "user.deactivated", actorId: alice })).toEqual(["user.deactivated"]);
    expect(startOfDayIn("2026-07-01", "Europe/Stockholm").toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("pages by the last id seen, without repeats or gaps", async () => {
    const first = await queryAuditEvents(db, query({}), 2);
    const second = await queryAuditEvents(db, query({ before: first.nextBefore! }), 2);
    const third = await queryAuditEvents(db, query({ before: second.nextBefore! }), 2);
    expect([...first.events, ...second.events, ...third.events].map((event) => event.action)).toEqual(await actions({}));
    expect(third.nextBefore).toBeNull();
  });

  it("rejects bad filters with field messages", () => {
    const result = auditQuerySchema.safeParse({ actorId: "nobody", action: "user.exploded", entityType: "planet", from: "2026-13-45", before: "x" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path.join("."));
    expect(fields.sort()).toEqual(["action", "actorId", "before", "entityType", "from"]);
    expect(auditQuerySchema.safeParse({ to: "2026-02-30" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: "2026-03-10", to: "2026-03-09" }).error?.issues[0]?.path).toEqual(["to"]);
  });
});
