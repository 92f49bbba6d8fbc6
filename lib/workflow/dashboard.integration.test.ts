import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { itemTypeName } from "@/lib/labels/sv";
import { contentSearchSchema, dashboardSection, listContentItems, loadDashboard, searchContentByTitle, type DashboardRow } from "./dashboard";
import { startDraft } from "./draft-versions";
import { approveVersion, requestChanges, submitForReview } from "./review-versions";
import { publishVersion } from "./publish-versions";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";

let kit: TestKit;
let db: Db;
let users: Record<"editor" | "coEditor" | "reviewer" | "editorReviewer" | "admin", TestUser>;

const ids = (rows: DashboardRow[] | undefined) => (rows ?? []).map((row) => row.versionId);

beforeAll(async () => {
  kit = await openTestKit({ name: "dashboard" });
  db = kit.db;
  users = {
    ...kit.users,
    coEditor: await kit.createUser("coEditor", ["EDITOR"]),
    editorReviewer: await kit.createUser("editorReviewer", ["EDITOR", "REVIEWER"]),
  };
});

afterAll(async () => {
  await kit?.close();
});

async function publishedRiskLists() {
  return db.contentVersion.findMany({ where: { status: "PUBLISHED", riskListId: { not: null } }, orderBy: { title: "asc" } });
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; failure: { message: string } }): T {
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}

async function submitted(editor: TestUser, riskListId: string) {
  const draft = unwrap(await startDraft(db, editor, { item: { kind: "riskList", id: riskListId } }));
  return unwrap(await submitForReview(db, editor, { versionId: draft.id, baseRevision: draft.revision, changeNote: "Ändring", readerNote: "Ändrat" }));
}

describe("the dashboard", () => {
  it("shows each user their drafts, their review work without their own versions, and changes requested of them until revised", async () => {
    const [listA, listB, listC] = await publishedRiskLists();
    const draft = unwrap(await startDraft(db, users.editor, { item: { kind: "riskList", id: listA!.riskListId! } }));
    const inReview = await submitted(users.editor, listB!.riskListId!);
    const ownReview = await submitted(users.editorReviewer, listC!.riskListId!);

    const editorView = await loadDashboard(db, users.editor);
    expect(ids(dashboardSection(editorView, "mina-utkast"))).toEqual([draft.id]);
    expect(dashboardSection(editorView, "mina-utkast")![0]).toMatchObject({ item: { kind: "riskList", id: listA!.riskListId }, articleKind: null, number: draft.number, status: "DRAFT", href: `/admin/versioner/${draft.id}/redigera` });
    expect(itemTypeName(dashboardSection(editorView, "mina-utkast")![0]!)).toBe("risklista");
    expect(dashboardSection(editorView, "vantar-pa-granskning")).toBeUndefined();
    expect(dashboardSection(await loadDashboard(db, users.coEditor), "mina-utkast")).toEqual([]);

    const reviewerView = await loadDashboard(db, users.reviewer);
    expect(dashboardSection(reviewerView, "mina-utkast")).toBeUndefined();
    expect(ids(dashboardSection(reviewerView, "vantar-pa-granskning")).sort()).toEqual([inReview.id, ownReview.id].sort());
    expect(dashboardSection(reviewerView, "vantar-pa-granskning")!.find((row) => row.versionId === inReview.id)).toMatchObject({ href: `/admin/versioner/${inReview.id}`, status: "IN_REVIEW" });
    // Four-eyes: a reviewer never sees their own version as review work.
    expect(ids(dashboardSection(await loadDashboard(db, users.editorReviewer), "vantar-pa-granskning"))).toEqual([inReview.id]);

    unwrap(await requestChanges(db, users.reviewer, { versionId: inReview.id, comment: "Ange frekvens" }));
    expect(ids(dashboardSection(await loadDashboard(db, users.editor), "andringar-begarda"))).toEqual([inReview.id]);
    expect(dashboardSection(await loadDashboard(db, users.coEditor), "andringar-begarda")).toEqual([]);
    expect(ids(dashboardSection(await loadDashboard(db, users.reviewer), "vantar-pa-granskning"))).toEqual([ownReview.id]);

    const revision = unwrap(await startDraft(db, users.editor, { item: { kind: "riskList", id: listB!.riskListId! }, fromVersionId: inReview.id }));
    const afterRevision = await loadDashboard(db, users.editor);
    expect(dashboardSection(afterRevision, "andringar-begarda")).toEqual([]);
    expect(ids(dashboardSection(afterRevision, "mina-utkast")).sort()).toEqual([draft.id, revision.id].sort());
  });

  it("lists scheduled versions, overdue published versions and the latest publications", async () => {
    const [, , , listD] = await publishedRiskLists();
    const version = await submitted(users.editor, listD!.riskListId!);
    unwrap(await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash! }));
    const publishAt = new Date(Date.now() + 86_400_000);
    await db.contentVersion.update({ where: { id: version.id }, data: { scheduledPublishAt: publishAt } });

    const view = await loadDashboard(db, users.admin);
    expect(dashboardSection(view, "mina-utkast")).toBeUndefined();
    expect(dashboardSection(view, "vantar-pa-granskning")).toBeUndefined();
    expect(dashboardSection(view, "schemalagt")!.map((row) => [row.versionId, row.scheduledPublishAt])).toEqual([[version.id, publishAt]]);
    expect(dashboardSection(view, "forsenad-granskning")).toEqual([]);

    const published = unwrap(await publishVersion(db, users.admin, { versionId: version.id }));
    const latest = dashboardSection(await loadDashboard(db, users.admin), "senast-publicerat")!;
    expect(latest).toHaveLength(10);
    expect(latest[0]).toMatchObject({ versionId: published.id, status: "PUBLISHED", since: published.publishedAt, publicHref: `/risklistor/${listD!.title ? (await db.riskList.findUniqueOrThrow({ where: { id: listD!.riskListId! } })).slug : ""}` });

    const dueDate = published.nextReviewDue!;
    const dayAfterDue = new Date(dueDate.getTime() + 86_400_000);
    const onDueDate = await loadDashboard(db, users.admin, dueDate);
    expect(ids(dashboardSection(onDueDate, "forsenad-granskning"))).not.toContain(published.id);
    const overdue = await loadDashboard(db, users.admin, dayAfterDue);
    expect(ids(dashboardSection(overdue, "forsenad-granskning"))).toContain(published.id);
    expect(dashboardSection(overdue, "forsenad-granskning")!.every((row) => row.status === "PUBLISHED" && row.nextReviewDue! < dayAfterDue)).toBe(true);
  });
});

describe("the dashboard's every next step", () => {
  it("groups sections by role and gives every role its sections, in order", async () => {
    const groups = async (user: TestUser) => (await loadDashboard(db, user)).map((group) => [group.audience, group.sections.map((section) => section.definition.id)]);
    expect(await groups(users.editor)).toEqual([["editor", ["mina-utkast", "andringar-begarda", "mina-under-granskning", "mina-publicerade"]]]);
    expect(await groups(users.reviewer)).toEqual([["reviewer", ["vantar-pa-granskning", "dags-for-omgranskning", "beslutat-av-mig", "paverkade-artiklar"]]]);
    expect((await groups(users.admin))[0]).toEqual(["admin", ["godkant-vantar-publicering", "schemalagt", "forsenade-schemalaggningar", "forsenad-granskning", "senast-publicerat", "utan-ansvarig"]]);
    expect((await groups(users.editorReviewer)).map(([audience]) => audience)).toEqual(["editor", "reviewer"]);
  });

  it("follows a version through the editor's, the reviewer's and the admin's sections, each row saying since when", async () => {
    // A risk list the other tests leave alone (they take the first four by title).
    const listE = (await publishedRiskLists())[4]!;
    const { slug } = await db.riskList.findUniqueOrThrow({ where: { id: listE.riskListId! } });
    const version = await submitted(users.coEditor, listE.riskListId!);
    const mine = dashboardSection(await loadDashboard(db, users.coEditor), "mina-under-granskning")!;
    expect(mine.map((row) => [row.versionId, row.since])).toEqual([[version.id, version.submittedAt]]);

    const approved = unwrap(await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash! }));
    const reviewerView = await loadDashboard(db, users.reviewer);
    expect(dashboardSection(reviewerView, "beslutat-av-mig")![0]).toMatchObject({ versionId: version.id, status: "APPROVED", detail: "Godkänd", href: `/admin/versioner/${version.id}` });
    const waiting = dashboardSection(await loadDashboard(db, users.admin), "godkant-vantar-publicering")!;
    expect(waiting.find((row) => row.versionId === version.id)).toMatchObject({ since: approved.decidedAt, href: `/admin/versioner/${version.id}` });
    expect(dashboardSection(await loadDashboard(db, users.coEditor), "mina-under-granskning")).toEqual([]);

    unwrap(await publishVersion(db, users.admin, { versionId: version.id }));
    expect(ids(dashboardSection(await loadDashboard(db, users.admin), "godkant-vantar-publicering"))).not.toContain(version.id);
    const published = dashboardSection(await loadDashboard(db, users.coEditor), "mina-publicerade")!;
    expect(published[0]).toMatchObject({ versionId: version.id, publicHref: `/risklistor/${slug}` });

    // Due for re-review within 30 days: listed for a reviewer who may re-attest it, never for its author.
    const due = new Date(approved.nextReviewDue!.getTime() - 20 * 86_400_000);
    expect(ids(dashboardSection(await loadDashboard(db, users.reviewer, due), "dags-for-omgranskning"))).toContain(version.id);
    expect(ids(dashboardSection(await loadDashboard(db, users.reviewer, new Date(approved.nextReviewDue!.getTime() - 40 * 86_400_000)), "dags-for-omgranskning"))).not.toContain(version.id);
    expect(dashboardSection(await loadDashboard(db, users.coEditor, due), "dags-for-omgranskning")).toBeUndefined();
  });
});

describe("searching content by title", () => {
  it("finds articles and risk lists by any part of their current title, ignoring case", async () => {
    const lists = await publishedRiskLists();
    const target = lists[0]!;
    const fragment = target.title.slice(2, 10).toUpperCase();
    const hits = await searchContentByTitle(db, { q: fragment });
    expect(hits.map((hit) => hit.href)).toContain(`/admin/risklistor/${target.riskListId}`);
    expect(hits.every((hit) => hit.title.toLowerCase().includes(fragment.toLowerCase()))).toBe(true);

    const article = await db.contentVersion.findFirstOrThrow({ where: { status: "PUBLISHED", article: { kind: "OVERVIEW" } } });
    expect(await searchContentByTitle(db, { q: article.title.toLowerCase() })).toEqual([
      { href: `/admin/artiklar/${article.articleId}`, title: article.title, item: { kind: "article", id: article.articleId }, articleKind: "OVERVIEW", latestNumber: article.number, latestStatus: "PUBLISHED" },
    ]);
    expect(await searchContentByTitle(db, { q: "finns-inte-någonstans" })).toEqual([]);
  });

  it("treats % and _ as text, and validates the query", async () => {
    expect(await searchContentByTitle(db, { q: "%%" })).toEqual([]);
    expect(contentSearchSchema.safeParse({ q: " a " }).success).toBe(false);
    expect(contentSearchSchema.safeParse({ q: "x".repeat(101) }).success).toBe(false);
    expect(contentSearchSchema.parse({ q: "  kortison " })).toEqual({ q: "kortison" });
  });
});

describe("the content list", () => {
  it("lists every article, risk list and glossary term with its latest and published version and the overdue flag", async () => {
    const rows = await listContentItems(db);
    const itemCount = (await db.article.count()) + (await db.riskList.count()) + (await db.glossaryTerm.count());
    expect(rows).toHaveLength(itemCount);
    expect(rows.filter((row) => itemTypeName(row) === "artikel")).toHaveLength(1);
    expect(rows.filter((row) => itemTypeName(row) === "procedur")).toHaveLength(6);
    expect(rows.filter((row) => itemTypeName(row) === "ordlisteterm").map((row) => row.title)).toEqual(["Epiduralutrymme", "Kortison", "Nervrot"]);

    const revised = rows.find((row) => row.latest.status === "DRAFT")!;
    expect(revised.published).toMatchObject({ number: 1, overdue: false });
    expect(revised.latest.versionHref).toMatch(/\/redigera$/);

    const farFuture = await listContentItems(db, new Date("2200-01-01T00:00:00Z"));
    expect(farFuture.filter((row) => row.published).every((row) => row.published!.overdue)).toBe(true);
  });
});
