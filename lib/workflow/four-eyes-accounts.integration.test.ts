import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { readRiskListContent } from "@/lib/content/version-content";
import { dashboardSection, loadDashboard } from "@/lib/workflow/dashboard";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { saveDraft, startDraft } from "./draft-versions";
import { publishVersion } from "./publish-versions";
import { approveVersion, reattestVersion, submitForReview } from "./review-versions";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";

/*
 * Four-eyes across accounts (issue 8.7): an admin who writes a text cannot approve it through an account
 * they created or made a reviewer, directly or through an admin account they created. Everything goes
 * through the server actions a browser's POST reaches, signed in through the test kit.
 */
const { approveVersionAction, reattestVersionAction } = await import("@/lib/actions/review-actions");
const { createUserAction, updateUserRolesAction } = await import("@/lib/actions/user-actions");

let kit: TestKit;
let db: Db;
/** An admin who also writes (created by the operator, like the first admin). */
let adminAuthor: TestUser;
/** A second admin, who has written nothing. */
let otherAdmin: TestUser;

const refusedThroughAccount = {
  ok: false,
  error: { kind: "forbidden", message: expect.stringContaining("Ditt konto skapades eller fick granskarrollen av någon som har skrivit eller redigerat versionen") },
};

beforeAll(async () => {
  kit = await openTestKit({ name: "four-eyes-accounts" });
  db = kit.db;
  adminAuthor = await kit.createUser("admin-author", ["ADMIN", "EDITOR"], { name: "Ada Admin" });
  otherAdmin = await kit.createUser("other-admin", ["ADMIN"], { name: "Olle Admin" });
});

afterAll(async () => {
  await kit?.close();
});

/** A risk-list version in review that `author` wrote. */
async function inReviewBy(author: TestUser, slug: string) {
  const list = await db.riskList.findFirstOrThrow({ where: { slug } });
  const draft = await startDraft(db, author, { item: { kind: "riskList", id: list.id } });
  if (!draft.ok) throw new Error(draft.failure.message);
  const content = await readRiskListContent(db, draft.value.id);
  const saved = await saveDraft(db, author, { kind: "riskList", versionId: draft.value.id, baseRevision: 0, content: { ...content, summary: `Skrivet av ${author.name}.` } });
  if (!saved.ok) throw new Error(saved.failure.message);
  const submitted = await submitForReview(db, author, { versionId: draft.value.id, baseRevision: saved.value.revision, changeNote: "Ändring", readerNote: "Ändrat" });
  if (!submitted.ok) throw new Error(submitted.failure.message);
  return submitted.value;
}

/** An account created in the admin UI by `admin`, signed in as afterwards. */
async function accountCreatedBy(admin: TestUser, key: string, roles: Role[]): Promise<TestUser> {
  await kit.signIn(admin);
  const created = await createUserAction({ email: `${key}@four-eyes.test`, name: `Konto ${key}`, title: "Leg. läkare", specialty: "Smärtlindring", roles, password: "ett långt lösenord" });
  if (!created.ok) throw new Error(created.error.message);
  const user = await db.user.findUniqueOrThrow({ where: { email: `${key}@four-eyes.test` } });
  return { id: user.id, email: user.email, name: user.name, title: user.title, specialty: user.specialty, roles: user.roles, clinician: user.clinician };
}

const refusals = (versionId: string) =>
  db.auditEvent.findMany({ where: { action: "version.review_refused", data: { path: ["versionId"], equals: versionId } }, orderBy: { id: "asc" } });

describe("four-eyes across accounts", () => {
  it("the attack: an admin creates a reviewer account and approves their own text through it: refused, audited, nothing approved", async () => {
    const version = await inReviewBy(adminAuthor, "biverkningar-av-kortison");
    const puppet = await accountCreatedBy(adminAuthor, "puppet", ["REVIEWER"]);
    expect(await db.user.findUniqueOrThrow({ where: { id: puppet.id } })).toMatchObject({ createdById: adminAuthor.id, reviewerGrantedById: adminAuthor.id });

    await kit.signIn(puppet);
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash })).toMatchObject(refusedThroughAccount);
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "IN_REVIEW", reviewerId: null, decision: null });
    expect(await db.reviewDecision.count({ where: { versionId: version.id } })).toBe(0);
    expect(await refusals(version.id)).toMatchObject([
      { actorId: puppet.id, entityType: "risk_list", data: { versionId: version.id, action: "approve", reason: "account_from_author", accountFrom: [adminAuthor.id] } },
    ]);
    // The puppet is not offered the version either.
    expect(dashboardSection(await loadDashboard(db, puppet), "vantar-pa-granskning")?.map(({ versionId }) => versionId)).not.toContain(version.id);

    // The database refuses the same approval written as raw SQL, past the application.
    await expect(
      db.$executeRaw`INSERT INTO "ReviewDecision" ("id", "versionId", "reviewerId", "kind", "contentHash", "reviewerName", "reviewerTitle", "reviewerSpecialty")
                     VALUES (gen_random_uuid(), ${version.id}::uuid, ${puppet.id}::uuid, 'APPROVE', ${version.contentHash}, 'x', 'x', 'x')`,
    ).rejects.toThrow(/four-eyes/);

    // A reviewer the admin did not make approves it.
    await kit.signIn(kit.users.reviewer);
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash })).toMatchObject({ ok: true });
  });

  it("granting the reviewer role to an existing editor: that editor cannot approve the granting admin's text, but can approve others'", async () => {
    const colleague = await kit.createUser("colleague", ["EDITOR"], { name: "Kim Kollega" });
    await kit.signIn(adminAuthor);
    expect(await updateUserRolesAction({ userId: colleague.id, roles: ["EDITOR", "REVIEWER"] })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).toMatchObject({ createdById: null, reviewerGrantedById: adminAuthor.id });
    expect(await db.auditEvent.findFirst({ where: { action: "user.roles_changed", entityId: colleague.id } })).toMatchObject({
      actorId: adminAuthor.id,
      data: { after: ["EDITOR", "REVIEWER"], reviewerGrantedBy: adminAuthor.id },
    });
    const promoted = { ...colleague, roles: ["EDITOR", "REVIEWER"] as Role[] };

    const adminsText = await inReviewBy(adminAuthor, "nervblockader-biverkningar");
    await kit.signIn(promoted);
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: adminsText.id, contentHash: adminsText.contentHash })).toMatchObject(refusedThroughAccount);

    // The rule is about the admin's texts only: another editor's text the promoted reviewer may approve.
    const editorsText = await inReviewBy(kit.users.editor, "epidurala-injektioner-risker");
    expect(dashboardSection(await loadDashboard(db, promoted), "vantar-pa-granskning")?.map(({ versionId }) => versionId)).toEqual(expect.arrayContaining([editorsText.id]));
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: editorsText.id, contentHash: editorsText.contentHash })).toMatchObject({ ok: true });

    // Granted anew by an admin who wrote nothing, the last grant counts: the operator created the account,
    // so the author never controlled it.
    await kit.signIn(otherAdmin);
    expect(await updateUserRolesAction({ userId: colleague.id, roles: ["EDITOR"] })).toMatchObject({ ok: true });
    expect(await updateUserRolesAction({ userId: colleague.id, roles: ["EDITOR", "REVIEWER"] })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).toMatchObject({ reviewerGrantedById: otherAdmin.id });
    expect((await approveVersion(db, promoted, { checklist: fullReviewChecklist, versionId: adminsText.id, contentHash: adminsText.contentHash! })).ok).toBe(true);
  });

  it("through a chain: an admin account the author created creates the reviewer; and an account the author created, promoted by someone else", async () => {
    const version = await inReviewBy(adminAuthor, "si-ledinjektioner-biverkningar");
    const deputy = await accountCreatedBy(adminAuthor, "deputy", ["ADMIN"]);
    const viaDeputy = await accountCreatedBy(deputy, "via-deputy", ["REVIEWER"]);
    await kit.signIn(viaDeputy);
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash })).toMatchObject(refusedThroughAccount);
    expect((await refusals(version.id)).at(-1)).toMatchObject({ actorId: viaDeputy.id, data: { accountFrom: [adminAuthor.id] } });

    // Created by the author as an editor, made a reviewer by the other admin: the author set its password.
    const made = await accountCreatedBy(adminAuthor, "made", ["EDITOR"]);
    await kit.signIn(otherAdmin);
    expect(await updateUserRolesAction({ userId: made.id, roles: ["EDITOR", "REVIEWER"] })).toMatchObject({ ok: true });
    await kit.signIn({ id: made.id });
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash })).toMatchObject(refusedThroughAccount);

    // The other admin's own reviewer account may approve it.
    const independent = await accountCreatedBy(otherAdmin, "independent", ["REVIEWER"]);
    await kit.signIn(independent);
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash })).toMatchObject({ ok: true });
  });

  it("re-attesting is refused the same way, and an author's own attempt is on record too", async () => {
    const version = await inReviewBy(adminAuthor, "radiofrekvensablation-biverkningar");
    expect((await approveVersion(db, kit.users.reviewer, { checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash! })).ok).toBe(true);
    expect((await publishVersion(db, otherAdmin, { versionId: version.id })).ok).toBe(true);

    const puppet = await accountCreatedBy(adminAuthor, "reattest-puppet", ["REVIEWER"]);
    await kit.signIn(puppet);
    expect(await reattestVersionAction({ checklist: fullReviewChecklist, versionId: version.id })).toMatchObject(refusedThroughAccount);
    const selfPromoted = { ...adminAuthor, roles: ["ADMIN", "EDITOR", "REVIEWER"] as Role[] };
    expect(await reattestVersion(db, selfPromoted, { checklist: fullReviewChecklist, versionId: version.id })).toMatchObject({ ok: false, failure: { kind: "forbidden", message: expect.stringContaining("Du har skrivit eller redigerat versionen") } });
    expect((await refusals(version.id)).map(({ actorId, data }) => [actorId, (data as { action: string; reason: string }).action, (data as { reason: string }).reason])).toEqual([
      [puppet.id, "reattest", "account_from_author"],
      [adminAuthor.id, "reattest", "actor_is_author"],
    ]);
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "PUBLISHED", decision: "APPROVE" });
  });
});
