import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { itemTypeName } from "@/lib/labels/sv";
import { contentSearchSchema, listContentItems, loadDashboard, searchContentByTitle, type DashboardRow } from "./dashboard";
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
    expect(ids(editorView.myDrafts)).toEqual([draft.id]);
    expect(editorView.myDrafts![0]).toMatchObject({ item: { kind: "riskList", id: listA!.riskListId }, articleKind: null, number: draft.number, status: "DRAFT", href: `/admin/versioner/${draft.id}/redigera` });
    expect(itemTypeName(editorView.myDrafts![0]!)).toBe("risklista");
    expect(editorView.waitingForMyReview).toBeUndefined();
    expect((await loadDashboard(db, users.coEditor)).myDrafts).toEqual([]);

    const reviewerView = await loadDashboard(db, users.reviewer);
    expect(reviewerView.myDrafts).toBeUndefined();
    expect(ids(reviewerView.waitingForMyReview).sort()).toEqual([inReview.id, ownReview.id].sort());
    expect(reviewerView.waitingForMyReview!.find((row) => row.versionId === inReview.id)).toMatchObject({ href: `/admin/versioner/${inReview.id}`, status: "IN_REVIEW" });
    // Four-eyes: a reviewer never sees their own version as review work.
    expect(ids((await loadDashboard(db, users.editorReviewer)).waitingForMyReview)).toEqual([inReview.id]);

    unwrap(await requestChanges(db, users.reviewer, { versionId: inReview.id, comment: "Ange frekvens" }));
    expect(ids((await loadDashboard(db, users.editor)).changesRequestedOfMe)).toEqual([inReview.id]);
    expect((await loadDashboard(db, users.coEditor)).changesRequestedOfMe).toEqual([]);
    expect(ids((await loadDashboard(db, users.reviewer)).waitingForMyReview)).toEqual([ownReview.id]);

    const revision = unwrap(await startDraft(db, users.editor, { item: { kind: "riskList", id: listB!.riskListId! }, fromVersionId: inReview.id }));
    const afterRevision = await loadDashboard(db, users.editor);
    expect(afterRevision.changesRequestedOfMe).toEqual([]);
    expect(ids(afterRevision.myDrafts).sort()).toEqual([draft.id, revision.id].sort());
  });

  it("lists scheduled versions, overdue published versions and the latest publications", async () => {
    const [, , , listD] = await publishedRiskLists();
    const version = await submitted(users.editor, listD!.riskListId!);
    unwrap(await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash! }));
    const publishAt = new Date(Date.now() + 86_400_000);
    await db.contentVersion.update({ where: { id: version.id }, data: { scheduledPublishAt: publishAt } });

    const view = await loadDashboard(db, users.admin);
    expect(view.myDrafts).toBeUndefined();
    expect(view.waitingForMyReview).toBeUndefined();
    expect(view.scheduled.map((row) => [row.versionId, row.scheduledPublishAt])).toEqual([[version.id, publishAt]]);
    expect(view.overdueForReview).toEqual([]);

    const published = unwrap(await publishVersion(db, users.admin, { versionId: version.id }));
    const latest = (await loadDashboard(db, users.admin)).recentlyPublished;
    expect(latest).toHaveLength(10);
    expect(latest[0]).toMatchObject({ versionId: published.id, status: "PUBLISHED" });

    const dueDate = published.nextReviewDue!;
    const dayAfterDue = new Date(dueDate.getTime() + 86_400_000);
    const onDueDate = await loadDashboard(db, users.admin, dueDate);
    expect(ids(onDueDate.overdueForReview)).not.toContain(published.id);
    const overdue = await loadDashboard(db, users.admin, dayAfterDue);
    expect(ids(overdue.overdueForReview)).toContain(published.id);
    expect(overdue.overdueForReview.every((row) => row.status === "PUBLISHED" && row.nextReviewDue! < dayAfterDue)).toBe(true);
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
  it("lists every article and risk list with its latest and published version and the overdue flag", async () => {
    const rows = await listContentItems(db);
    const itemCount = (await db.article.count()) + (await db.riskList.count());
    expect(rows).toHaveLength(itemCount);
    expect(rows.filter((row) => itemTypeName(row) === "artikel")).toHaveLength(1);
    expect(rows.filter((row) => itemTypeName(row) === "procedur")).toHaveLength(6);

    const revised = rows.find((row) => row.latest.status === "DRAFT")!;
    expect(revised.published).toMatchObject({ number: 1, overdue: false });
    expect(revised.latest.versionHref).toMatch(/\/redigera$/);

    const farFuture = await listContentItems(db, new Date("2200-01-01T00:00:00Z"));
    expect(farFuture.filter((row) => row.published).every((row) => row.published!.overdue)).toBe(true);
  });
});
