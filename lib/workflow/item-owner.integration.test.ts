import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUserActive, updateUserRoles } from "@/lib/auth/manage-users";
import { seedAuthor } from "@/lib/content/seed";
import type { Db } from "@/lib/db/client";
import { recipientsOf } from "@/lib/notifications/notification-rules";
import { checkReviewsDue } from "@/lib/notifications/review-due-check";
import { adminPaths } from "@/lib/paths/admin-paths";
import { changeItemOwnerAction } from "@/lib/actions/owner-actions";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { createArticle, createRiskList } from "./create-item";
import { dashboardSection, listContentItems, loadDashboard } from "./dashboard";
import { changeItemOwner, findItemOwner } from "./item-owner";
import { publishVersion } from "./publish-versions";
import { approveVersion, submitForReview } from "./review-versions";

/*
 * Owners (issue 11.5): every item has one, chosen at creation, handed over by an admin or the owner,
 * audited; only an active editor or reviewer may own; review-due notices go to the owner first; an
 * item whose owner is deactivated is "Utan ansvarig" on the admin's dashboard until it is handed over.
 */

let kit: TestKit;
let db: Db;
let users: Record<"editor" | "reviewer" | "admin" | "secondEditor" | "adminOnly", TestUser>;
let serial = 0;
const newSlug = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;
const firstRisk = { text: "Huvudvärk", severity: "MILD", frequency: "COMMON", temporary: true } as const;

beforeAll(async () => {
  kit = await openTestKit({ name: "owners" });
  db = kit.db;
  users = {
    ...kit.users,
    secondEditor: await kit.createUser("second-editor", ["EDITOR"], { name: "Sara Andra" }),
    adminOnly: await kit.createUser("admin-only", ["ADMIN"]),
  };
});

afterAll(async () => {
  await kit?.close();
});

async function newArticle(owner?: TestUser) {
  const created = await createArticle(db, users.editor, { slug: newSlug("agd"), kind: "PROCEDURE", title: "Ägd artikel", ...(owner && { ownerId: owner.id }) });
  if (!created.ok) throw new Error(created.failure.message);
  return { kind: "article" as const, id: created.value.itemId };
}

async function ownerAudits(itemId: string) {
  return db.auditEvent.findMany({ where: { action: "owner.changed", entityId: itemId }, orderBy: { id: "asc" }, select: { actorId: true, entityType: true, data: true } });
}

describe("every item has an owner", () => {
  it("a new item belongs to its creator unless another owner is chosen", async () => {
    const article = await newArticle();
    expect((await findItemOwner(db, article))?.id).toBe(users.editor.id);
    const list = await createRiskList(db, users.editor, { slug: newSlug("lista"), title: "Lista", firstRisk, ownerId: users.reviewer.id });
    if (!list.ok) throw new Error(list.failure.message);
    expect((await db.riskList.findUniqueOrThrow({ where: { id: list.value.itemId } })).ownerId).toBe(users.reviewer.id);
  });

  it("refuses to create an item for an owner who may not own it, and writes nothing", async () => {
    const inactive = await kit.createUser("inactive-at-create", ["EDITOR"]);
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const before = { articles: await db.article.count(), versions: await db.contentVersion.count(), audits: await db.auditEvent.count() };
    for (const owner of [users.adminOnly, inactive]) {
      const slug = newSlug("vagrad");
      expect(await createArticle(db, users.editor, { slug, kind: "PROCEDURE", title: "Vägrad", ownerId: owner.id })).toMatchObject({
        ok: false,
        failure: { kind: "invalid", fieldErrors: { ownerId: ["Ansvarig måste vara en aktiv användare med rollen redaktör eller granskare"] } },
      });
      expect(await createRiskList(db, users.editor, { slug, title: "Vägrad", firstRisk, ownerId: owner.id })).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    }
    expect({ articles: await db.article.count(), versions: await db.contentVersion.count(), audits: await db.auditEvent.count() }).toEqual(before);
  });

  it("the database refuses an item without an owner, an inactive owner, and handing an item to someone with no editorial role", async () => {
    await expect(db.$executeRawUnsafe(`INSERT INTO "Article" (id, slug, kind, "updatedAt") VALUES (gen_random_uuid(), 'utan-agare', 'PROCEDURE', now())`)).rejects.toThrow(/ownerId.*null|null value|23502/);
    const inactive = await kit.createUser("inactive-raw", ["EDITOR"]);
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    await expect(
      db.$executeRawUnsafe(`INSERT INTO "RiskList" (id, slug, "ownerId", "updatedAt") VALUES (gen_random_uuid(), 'inaktiv-agare', $1::uuid, now())`, inactive.id),
    ).rejects.toThrow(/may not own it/);
    const article = await newArticle();
    await expect(db.$executeRawUnsafe(`UPDATE "Article" SET "ownerId" = $1::uuid WHERE id = $2::uuid`, users.adminOnly.id, article.id)).rejects.toThrow(/may not own it/);
    await expect(db.$executeRawUnsafe(`UPDATE "Article" SET "ownerId" = $1::uuid WHERE id = $2::uuid`, inactive.id, article.id)).rejects.toThrow(/may not own it/);
    expect((await findItemOwner(db, article))?.id).toBe(users.editor.id);
    // Other changes to an item whose owner has since left are not blocked.
    await db.user.update({ where: { id: users.editor.id }, data: { active: false } });
    try {
      await expect(db.article.update({ where: { id: article.id }, data: { reviewIntervalMonths: 24 } })).resolves.toMatchObject({ reviewIntervalMonths: 24 });
    } finally {
      await db.user.update({ where: { id: users.editor.id }, data: { active: true } });
    }
  });

  it("the seed's items belong to its import account, which may not own: they are listed as without a responsible owner", async () => {
    const seeded = await db.article.findFirstOrThrow({ where: { ownerId: seedAuthor.id } });
    expect(await findItemOwner(db, { kind: "article", id: seeded.id })).toMatchObject({ id: seedAuthor.id, mayOwn: false });
    const listed = (await listContentItems(db)).find((row) => row.item.id === seeded.id);
    expect(listed?.owner).toEqual({ name: seedAuthor.name, mayOwn: false });
  });
});

describe("handing an item over", () => {
  it("an admin or the owner may hand over, audited as owner.changed; anyone else is refused", async () => {
    const article = await newArticle();
    expect(await changeItemOwner(db, users.secondEditor, { item: article, ownerId: users.secondEditor.id })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await changeItemOwner(db, users.reviewer, { item: article, ownerId: users.reviewer.id })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await ownerAudits(article.id)).toEqual([]);

    // The owner hands it over...
    expect(await changeItemOwner(db, users.editor, { item: article, ownerId: users.reviewer.id, expectedOwnerId: users.editor.id })).toMatchObject({ ok: true, value: { changed: true } });
    // ...and no longer may, while an admin always may.
    expect(await changeItemOwner(db, users.editor, { item: article, ownerId: users.editor.id })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await changeItemOwner(db, users.admin, { item: article, ownerId: users.secondEditor.id })).toMatchObject({ ok: true, value: { changed: true } });
    // Naming the current owner again changes nothing and records nothing.
    expect(await changeItemOwner(db, users.admin, { item: article, ownerId: users.secondEditor.id })).toMatchObject({ ok: true, value: { changed: false } });

    expect((await findItemOwner(db, article))?.id).toBe(users.secondEditor.id);
    expect(await ownerAudits(article.id)).toEqual([
      { actorId: users.editor.id, entityType: "article", data: { from: users.editor.id, to: users.reviewer.id } },
      { actorId: users.admin.id, entityType: "article", data: { from: users.reviewer.id, to: users.secondEditor.id } },
    ]);
  });

  it("refuses an owner who may not own, an unknown item, and an owner changed since the form was shown; nothing is written", async () => {
    const article = await newArticle();
    const inactive = await kit.createUser("inactive-handover", ["REVIEWER"]);
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    for (const ownerId of [users.adminOnly.id, inactive.id, crypto.randomUUID()]) {
      expect(await changeItemOwner(db, users.admin, { item: article, ownerId })).toMatchObject({ ok: false, failure: { kind: "invalid", fieldErrors: { ownerId: [expect.any(String)] } } });
    }
    expect(await changeItemOwner(db, users.admin, { item: { kind: "riskList", id: article.id }, ownerId: users.reviewer.id })).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await changeItemOwner(db, users.admin, { item: article, ownerId: users.reviewer.id, expectedOwnerId: users.secondEditor.id })).toMatchObject({
      ok: false,
      failure: { kind: "conflict" },
    });
    expect((await findItemOwner(db, article))?.id).toBe(users.editor.id);
    expect(await ownerAudits(article.id)).toEqual([]);
  });

  it("through the server action: bad input is a field error, an editor who is not the owner is refused", async () => {
    const article = await newArticle();
    await kit.signIn(users.secondEditor);
    expect(await changeItemOwnerAction({ item: article, ownerId: "inte-ett-id" })).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: { ownerId: expect.any(Array) } } });
    expect(await changeItemOwnerAction({ item: article, ownerId: users.secondEditor.id })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    await kit.signIn(users.admin);
    expect(await changeItemOwnerAction({ item: article, ownerId: users.secondEditor.id })).toMatchObject({ ok: true });
    expect((await findItemOwner(db, article))?.id).toBe(users.secondEditor.id);
  });
});

describe("Utan ansvarig", () => {
  it("an item appears on the admin's dashboard when its owner is deactivated or loses the editorial roles, and goes when it is handed over", async () => {
    const leaving = await kit.createUser("leaving", ["EDITOR"], { name: "Lena Slutar" });
    const article = await newArticle(leaving);
    const section = async () => dashboardSection(await loadDashboard(db, users.admin), "utan-ansvarig") ?? [];
    const rowOf = async () => (await section()).find((row) => row.item.id === article.id);
    const seededCount = (await section()).length;
    expect(seededCount).toBeGreaterThan(0); // the seed's items, owned by the import account
    expect(await rowOf()).toBeUndefined();
    expect(dashboardSection(await loadDashboard(db, users.editor), "utan-ansvarig")).toBeUndefined();

    expect(await setUserActive(db, users.admin, { userId: leaving.id, active: false })).toMatchObject({ ok: true });
    const deactivatedAt = (await db.auditEvent.findFirstOrThrow({ where: { action: "user.deactivated", entityId: leaving.id } })).at;
    expect(await rowOf()).toMatchObject({ href: adminPaths.itemOwner(article), detail: "ansvarig: Lena Slutar (inaktiverad)", since: deactivatedAt, status: "DRAFT" });
    expect(await section()).toHaveLength(seededCount + 1);
    // The deactivated owner can no longer hand it over; an admin can.
    expect(await changeItemOwner(db, users.admin, { item: article, ownerId: users.secondEditor.id })).toMatchObject({ ok: true, value: { changed: true } });
    expect(await rowOf()).toBeUndefined();
    expect(await section()).toHaveLength(seededCount);

    // Losing the editor and reviewer roles counts as leaving too.
    expect(await changeItemOwner(db, users.admin, { item: article, ownerId: users.reviewer.id })).toMatchObject({ ok: true });
    const reviewerRoles = (await db.user.findUniqueOrThrow({ where: { id: users.reviewer.id } })).roles;
    expect(await updateUserRoles(db, users.admin, { userId: users.reviewer.id, roles: ["ADMIN"] })).toMatchObject({ ok: true });
    try {
      expect(await rowOf()).toMatchObject({ detail: `ansvarig: ${users.reviewer.name} (varken redaktör eller granskare)`, since: null });
    } finally {
      expect(await updateUserRoles(db, users.admin, { userId: users.reviewer.id, roles: reviewerRoles })).toMatchObject({ ok: true });
    }
    expect(await rowOf()).toBeUndefined();
  });
});

describe("review-due notifications go to the owner first", () => {
  it("due soon → the owner, then the last reviewer; a deactivated owner is told nothing; escalation to the admins is unchanged", async () => {
    const day = 24 * 60 * 60 * 1000;
    const owner = await kit.createUser("owner-due", ["EDITOR"], { name: "Olle Ägare" });
    const created = await createRiskList(db, users.editor, { slug: newSlug("forfaller"), title: "Förfaller", firstRisk, ownerId: owner.id });
    if (!created.ok) throw new Error(created.failure.message);
    const draft = await db.contentVersion.findUniqueOrThrow({ where: { id: created.value.versionId } });
    const submitted = await submitForReview(db, users.editor, { versionId: draft.id, baseRevision: draft.revision, changeNote: "Ny lista", readerNote: "Ny lista" });
    if (!submitted.ok) throw new Error(submitted.failure.message);
    // Reviewed well apart from the seed's dates (a year after seeding).
    const approved = await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: draft.id, contentHash: submitted.value.contentHash!, nextReviewDue: new Date(Date.now() + 3 * 365 * day) });
    if (!approved.ok) throw new Error(approved.failure.message);
    expect((await publishVersion(db, users.admin, { versionId: draft.id })).ok).toBe(true);
    const due = (await db.contentVersion.findUniqueOrThrow({ where: { id: draft.id } })).nextReviewDue!;

    expect(await recipientsOf(db, "owner and last reviewer", { versionId: draft.id, ownerId: owner.id })).toEqual([owner.id, users.reviewer.id]);

    const queue = kit.jobQueue;
    // The first run tells about the seed's long-overdue versions; every later run's counts are this version's.
    await checkReviewsDue(db, queue, { now: new Date(due.getTime() - 40 * day), graceDays: 14 });
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() - 10 * day), graceDays: 14 })).toEqual({ dueSoon: 2, overdue: 0, escalated: 0 });
    const told = async (kind: "REVIEW_DUE_SOON" | "REVIEW_OVERDUE" | "REVIEW_ESCALATED") =>
      (await db.notification.findMany({ where: { kind, linkPath: adminPaths.version(draft.id) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((n) => n.userId);
    expect(new Set(await told("REVIEW_DUE_SOON"))).toEqual(new Set([owner.id, users.reviewer.id]));

    // The owner leaves: the overdue notice reaches only the reviewer, and the item is "Utan ansvarig".
    expect(await setUserActive(db, users.admin, { userId: owner.id, active: false })).toMatchObject({ ok: true });
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() + 5 * day), graceDays: 14 })).toEqual({ dueSoon: 0, overdue: 1, escalated: 0 });
    expect(await told("REVIEW_OVERDUE")).toEqual([users.reviewer.id]);
    expect(dashboardSection(await loadDashboard(db, users.admin), "utan-ansvarig")?.map((row) => row.item.id)).toContain(created.value.itemId);

    const admins = (await db.user.findMany({ where: { active: true, roles: { has: "ADMIN" } }, select: { id: true } })).map((user) => user.id);
    expect(await checkReviewsDue(db, queue, { now: new Date(due.getTime() + 20 * day), graceDays: 14 })).toEqual({ dueSoon: 0, overdue: 0, escalated: admins.length });
    expect(new Set(await told("REVIEW_ESCALATED"))).toEqual(new Set(admins));

    // Handed to a new owner, the next cycle's notices go to them.
    expect(await changeItemOwner(db, users.admin, { item: { kind: "riskList", id: created.value.itemId }, ownerId: users.secondEditor.id })).toMatchObject({ ok: true });
    expect(await recipientsOf(db, "owner and last reviewer", { versionId: draft.id, ownerId: users.secondEditor.id })).toEqual([users.secondEditor.id, users.reviewer.id]);
  });
});
