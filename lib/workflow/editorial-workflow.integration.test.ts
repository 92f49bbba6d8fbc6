import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { readRiskListContent } from "@/lib/content/version-content";
import type { RiskListContent } from "@/lib/content/content-schemas";
import { saveDraft, startDraft } from "./draft-versions";
import { addReviewComment, approveVersion, reattestVersion, requestChanges, submitForReview } from "./review-versions";
import { publishVersion, republishRefusal, unpublishVersion } from "./publish-versions";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";

// Input that does not pass an operation's schema is refused where it is parsed: at the server action.
const { saveDraftAction } = await import("@/lib/actions/editor-actions");
const { unpublishNowAction } = await import("@/lib/actions/publishing-actions");

let kit: TestKit;
let db: Db;
let users: Record<"editor" | "coEditor" | "reviewer" | "editorReviewer" | "admin", TestUser>;

beforeAll(async () => {
  kit = await openTestKit({ name: "editorial-workflow" });
  db = kit.db;
  users = {
    ...kit.users,
    coEditor: await kit.createUser("coEditor", ["EDITOR"]),
    editorReviewer: await kit.createUser("editorReviewer", ["EDITOR", "REVIEWER", "ADMIN"]),
  };
});

afterAll(async () => {
  await kit?.close();
});

async function riskList(slug: string) {
  return db.riskList.findFirstOrThrow({ where: { slug } });
}

function withExtraItem(content: RiskListContent, text: string): RiskListContent {
  const [first, ...rest] = content.groups;
  return {
    ...content,
    groups: [{ ...first!, items: [...first!.items, { key: crypto.randomUUID(), text, severity: "SERIOUS", frequency: "RARE", temporary: false }] }, ...rest],
  };
}

describe("editorial workflow against the database", () => {
  it("takes a risk list from draft through changes requested, approval and publishing", async () => {
    const list = await riskList("epidurala-injektioner-risker");
    const published = await db.contentVersion.findFirstOrThrow({ where: { riskListId: list.id, status: "PUBLISHED" } });

    const draft = await startDraft(db, users.editor, { item: { kind: "riskList", id: list.id } });
    expect(draft.ok && draft.value).toMatchObject({ status: "DRAFT", number: 2, basedOnId: published.id });
    if (!draft.ok) return;
    const content = withExtraItem(await readRiskListContent(db, draft.value.id), "allergisk reaktion");
    const saved = await saveDraft(db, users.editor, { kind: "riskList", versionId: draft.value.id, baseRevision: 0, content });
    expect(saved).toMatchObject({ ok: true, value: { revision: 1 } });

    const submitted = await submitForReview(db, users.editor, { versionId: draft.value.id, baseRevision: 1, changeNote: "Lagt till allergi", readerNote: "Ny risk: allergisk reaktion" });
    expect(submitted.ok && submitted.value.contentHash).toMatch(/^[0-9a-f]{64}$/);
    if (!submitted.ok) return;

    // Frozen: no more saves, even with the right revision.
    expect(await saveDraft(db, users.editor, { kind: "riskList", versionId: draft.value.id, baseRevision: 1, content })).toMatchObject({ ok: false, failure: { kind: "conflict" } });

    const comment = await addReviewComment(db, users.reviewer, { versionId: draft.value.id, body: "Ange frekvens" });
    expect(comment.ok).toBe(true);
    expect(await requestChanges(db, users.reviewer, { versionId: draft.value.id, comment: "Frekvensen saknas" })).toMatchObject({ ok: true, value: { status: "CHANGES_REQUESTED" } });

    const revision = await startDraft(db, users.coEditor, { item: { kind: "riskList", id: list.id }, fromVersionId: draft.value.id });
    expect(revision.ok && revision.value).toMatchObject({ number: 3, basedOnId: draft.value.id });
    if (!revision.ok) return;
    const resubmitted = await submitForReview(db, users.coEditor, { versionId: revision.value.id, baseRevision: revision.value.revision, changeNote: "Frekvens angiven", readerNote: "Ny risk: allergisk reaktion" });
    if (!resubmitted.ok) throw new Error(resubmitted.failure.message);

    // The first editor's text was carried into version 3, so they are an author of it and may not approve it
    // even holding every role; the database refuses it too.
    expect(await db.versionAuthor.count({ where: { versionId: revision.value.id } })).toBe(2);
    const hash = resubmitted.value.contentHash!;
    expect(await approveVersion(db, users.coEditor, { checklist: fullReviewChecklist, versionId: revision.value.id, contentHash: hash })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    await expect(
      db.contentVersion.update({
        where: { id: revision.value.id },
        data: { status: "APPROVED", reviewerId: users.editor.id, decision: "APPROVE", decidedAt: new Date(), approvedContentHash: hash, lastReviewedAt: new Date(), nextReviewDue: new Date("2030-01-01") },
      }),
    ).rejects.toThrow(/four-eyes/);

    expect(await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: revision.value.id, contentHash: "0".repeat(64) })).toMatchObject({ ok: false, failure: { kind: "conflict" } });
    const approved = await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: revision.value.id, contentHash: hash });
    expect(approved).toMatchObject({ ok: true, value: { status: "APPROVED", reviewerId: users.reviewer.id, approvedContentHash: hash } });

    expect(await publishVersion(db, users.reviewer, { versionId: revision.value.id })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    const live = await publishVersion(db, users.admin, { versionId: revision.value.id });
    expect(live).toMatchObject({ ok: true, value: { status: "PUBLISHED", supersedesId: published.id } });
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({ status: "SUPERSEDED" });
    // A second publish (a repeated scheduled job) changes nothing.
    expect(await publishVersion(db, users.admin, { versionId: revision.value.id })).toMatchObject({ ok: false, failure: { kind: "conflict" } });

    const decisions = await db.reviewDecision.findMany({ where: { versionId: { in: [draft.value.id, revision.value.id] } }, orderBy: { createdAt: "asc" } });
    expect(decisions.map((decision) => [decision.kind, decision.reviewerName, decision.reviewerTitle])).toEqual([
      ["REQUEST_CHANGES", "Test reviewer", "Leg. läkare"],
      ["APPROVE", "Test reviewer", "Leg. läkare"],
    ]);
    const actions = (await db.auditEvent.findMany({ where: { entityId: list.id }, orderBy: { id: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["version.draft_started", "version.submitted", "version.changes_requested", "version.restored", "version.approved", "version.published"]));
  });

  it("refuses a stale save with the text now stored, and keeps what was saved first", async () => {
    const list = await riskList("biverkningar-av-kortison");
    const draft = await startDraft(db, users.editor, { item: { kind: "riskList", id: list.id } });
    if (!draft.ok) throw new Error(draft.failure.message);
    const shared = await startDraft(db, users.coEditor, { item: { kind: "riskList", id: list.id } });
    expect(shared.ok && shared.value.id).toBe(draft.value.id);

    const base = await readRiskListContent(db, draft.value.id);
    const first = await saveDraft(db, users.editor, { kind: "riskList", versionId: draft.value.id, baseRevision: 0, content: withExtraItem(base, "från redaktör ett") });
    expect(first.ok).toBe(true);
    const second = await saveDraft(db, users.coEditor, { kind: "riskList", versionId: draft.value.id, baseRevision: 0, content: withExtraItem(base, "från redaktör två") });
    expect(second).toMatchObject({ ok: false, failure: { kind: "conflict" }, stale: { revision: 1, savedBy: "Test editor" } });
    const stored = await readRiskListContent(db, draft.value.id);
    expect(stored.groups[0]!.items.map((item) => item.text)).toContain("från redaktör ett");
    expect(stored.groups[0]!.items.map((item) => item.text)).not.toContain("från redaktör två");
    await kit.signIn(users.coEditor);
    expect(await saveDraftAction({ kind: "riskList", versionId: draft.value.id, baseRevision: 0, content: { ...base, title: "" } })).toMatchObject({ ok: false });
  });

  it("re-attests published content without a new version, and unpublishes", async () => {
    const list = await riskList("radiofrekvensablation-biverkningar");
    const published = await db.contentVersion.findFirstOrThrow({ where: { riskListId: list.id, status: "PUBLISHED" } });
    expect(await reattestVersion(db, users.editor, { checklist: fullReviewChecklist, versionId: published.id })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    const reattested = await reattestVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: published.id, nextReviewDue: new Date("2028-06-01") });
    expect(reattested).toMatchObject({ ok: true, value: { status: "PUBLISHED", decision: "REATTEST", contentHash: published.contentHash } });
    expect(reattested.ok && reattested.value.nextReviewDue?.toISOString().slice(0, 10)).toBe("2028-06-01");
    expect(await db.contentVersion.count({ where: { riskListId: list.id } })).toBe(1);

    expect(await unpublishVersion(db, users.admin, { versionId: published.id })).toMatchObject({ ok: true, value: { status: "UNPUBLISHED" } });
    await kit.signIn(users.admin);
    expect(await unpublishNowAction({ versionId: "not-a-uuid" })).toMatchObject({ ok: false, error: { kind: "invalid" } });
  });

  it("publishes a withdrawn version again, unless the item has been published since, and refuses in Swedish", async () => {
    const list = await riskList("nervblockader-biverkningar");
    const published = await db.contentVersion.findFirstOrThrow({ where: { riskListId: list.id, status: "PUBLISHED" } });
    expect(await unpublishVersion(db, users.admin, { versionId: published.id })).toMatchObject({ ok: true, value: { status: "UNPUBLISHED" } });
    expect(await republishRefusal(db, (await db.contentVersion.findUniqueOrThrow({ where: { id: published.id } })))).toBeNull();
    const again = await publishVersion(db, users.admin, { versionId: published.id });
    expect(again).toMatchObject({ ok: true, value: { status: "PUBLISHED", approvedContentHash: published.contentHash } });
    expect(await db.auditEvent.count({ where: { action: "version.published", data: { path: ["versionId"], equals: published.id } } })).toBeGreaterThanOrEqual(1);

    // Withdrawn again, then a newer version is published: the old text may not come back over it.
    expect((await unpublishVersion(db, users.admin, { versionId: published.id })).ok).toBe(true);
    const draft = await startDraft(db, users.editor, { item: { kind: "riskList", id: list.id } });
    if (!draft.ok) throw new Error(draft.failure.message);
    const content = await readRiskListContent(db, draft.value.id);
    expect((await saveDraft(db, users.editor, { kind: "riskList", versionId: draft.value.id, baseRevision: 0, content: withExtraItem(content, "Ny risk efter återpublicering") })).ok).toBe(true);
    const submitted = await submitForReview(db, users.editor, { versionId: draft.value.id, baseRevision: 1, changeNote: "Ny risk", readerNote: "Ny risk" });
    if (!submitted.ok) throw new Error(submitted.failure.message);
    expect((await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: draft.value.id, contentHash: submitted.value.contentHash! })).ok).toBe(true);
    expect((await publishVersion(db, users.admin, { versionId: draft.value.id })).ok).toBe(true);
    const refused = await publishVersion(db, users.admin, { versionId: published.id });
    expect(refused).toMatchObject({ ok: false, failure: { kind: "conflict" } });
    expect(!refused.ok && refused.failure.message).toMatch(/^Version \d+ är publicerad nu\./u);
    expect((await db.contentVersion.findUniqueOrThrow({ where: { id: published.id } })).status).toBe("UNPUBLISHED");

    // A version that was never approved cannot be published: the refusal names the state in words.
    const draftAgain = await startDraft(db, users.editor, { item: { kind: "riskList", id: list.id } });
    if (!draftAgain.ok) throw new Error(draftAgain.failure.message);
    const notApproved = await publishVersion(db, users.admin, { versionId: draftAgain.value.id });
    expect(notApproved).toMatchObject({
      ok: false,
      failure: { kind: "conflict", message: "Det går inte att publicera versionen när den är utkast: versionen måste vara godkänd eller avpublicerad." },
    });
  });
});
