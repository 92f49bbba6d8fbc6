import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRiskListContent } from "@/lib/content/version-content";
import { saveDraft, startDraft } from "@/lib/workflow/draft-versions";
import { submitForReview } from "@/lib/workflow/review-versions";
import { publishVersion } from "@/lib/workflow/publish-versions";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";

/* The server actions exactly as a browser's POST reaches them, signed in through the test kit. */
const { addReviewCommentAction, approveVersionAction, reattestVersionAction, requestChangesAction } = await import("./review-actions");

let kit: TestKit;
let db: TestKit["db"];
let users: Record<"authorWithEveryRole" | "reviewer" | "editor", TestUser>;

beforeAll(async () => {
  kit = await openTestKit({ name: "review-actions" });
  db = kit.db;
  const profile = { title: "Överläkare", specialty: "Anestesi och intensivvård" };
  users = {
    authorWithEveryRole: await kit.createUser("authorWithEveryRole", ["EDITOR", "REVIEWER", "ADMIN"], { name: "Actions authorWithEveryRole", ...profile }),
    reviewer: await kit.createUser("actions-reviewer", ["REVIEWER"], { name: "Actions reviewer", ...profile }),
    editor: kit.users.editor,
  };
});

afterAll(async () => {
  await kit?.close();
});

/** A risk-list version in review, written by the user who holds every role. */
async function versionInReview(slug: string) {
  const list = await db.riskList.findFirstOrThrow({ where: { slug } });
  const author = users.authorWithEveryRole;
  const draft = await startDraft(db, author, { item: { kind: "riskList", id: list.id } });
  if (!draft.ok) throw new Error(draft.failure.message);
  const content = await readRiskListContent(db, draft.value.id);
  const saved = await saveDraft(db, author, { kind: "riskList", versionId: draft.value.id, baseRevision: 0, content: { ...content, summary: "Biverkningarna går oftast över inom några dagar." } });
  if (!saved.ok) throw new Error("save failed");
  const submitted = await submitForReview(db, author, { versionId: draft.value.id, baseRevision: saved.value.revision, changeNote: "Sammanfattning", readerNote: "Ny sammanfattning" });
  if (!submitted.ok) throw new Error(submitted.failure.message);
  return submitted.value;
}

describe("review server actions", () => {
  it("refuses an approval or a decision from the version's author, whatever their roles, and records nothing", async () => {
    const version = await versionInReview("biverkningar-av-kortison");
    await kit.signIn(users.authorWithEveryRole);

    const approval = await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash });
    expect(approval).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringContaining("fyraögonsprincipen") } });
    const sentBack = await requestChangesAction({ versionId: version.id, comment: "Jag ändrar mig själv" });
    expect(sentBack).toMatchObject({ ok: false, error: { kind: "forbidden" } });

    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "IN_REVIEW", reviewerId: null, approvedContentHash: null });
    expect(await db.reviewDecision.count({ where: { versionId: version.id } })).toBe(0);
    expect(await db.reviewComment.count({ where: { versionId: version.id } })).toBe(0);
  });

  it("lets another reviewer comment on the version and approve exactly the text they saw", async () => {
    const version = await versionInReview("nervblockader-biverkningar");

    await kit.signIn(users.editor);
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash })).toMatchObject({ ok: false, error: { kind: "forbidden" } });

    await kit.signIn(null);
    expect(await addReviewCommentAction({ versionId: version.id, body: "Anonym" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });

    await kit.signIn(users.reviewer);
    expect(await addReviewCommentAction({ versionId: version.id, body: "  " })).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: { body: expect.any(Array) } } });
    expect(await addReviewCommentAction({ versionId: version.id, body: "Bra formulerat." })).toMatchObject({ ok: true });
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: "f".repeat(64) })).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash, nextReviewDue: "2020-01-01" })).toMatchObject({
      ok: false,
      error: { kind: "invalid", fieldErrors: { nextReviewDue: expect.any(Array) } },
    });

    const approved = await approveVersionAction({ checklist: fullReviewChecklist, versionId: version.id, contentHash: version.contentHash, nextReviewDue: "2027-06-30" });
    expect(approved).toEqual({ ok: true, value: { versionId: version.id } });
    const stored = await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(stored).toMatchObject({ status: "APPROVED", reviewerId: users.reviewer.id, approvedContentHash: version.contentHash });
    expect(stored.nextReviewDue?.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect(await db.reviewDecision.findFirstOrThrow({ where: { versionId: version.id } })).toMatchObject({
      kind: "APPROVE",
      reviewerName: "Actions reviewer",
      reviewerTitle: "Överläkare",
      reviewerSpecialty: "Anestesi och intensivvård",
      contentHash: version.contentHash,
    });
  });

  it("requires a comment to send a version back, and refuses re-attesting one's own published text", async () => {
    const version = await versionInReview("epidurala-injektioner-risker");
    await kit.signIn(users.reviewer);
    expect(await requestChangesAction({ versionId: version.id, comment: "" })).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: { comment: expect.any(Array) } } });
    expect(await requestChangesAction({ versionId: version.id, comment: "Ange hur länge biverkningarna varar." })).toMatchObject({ ok: true });
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "CHANGES_REQUESTED", decision: "REQUEST_CHANGES" });

    // Re-attesting published text: the seed's versions were written by the seed author, so our reviewer
    // may; a version the all-roles user wrote, once approved by another and published, they may not.
    const seeded = await db.contentVersion.findFirstOrThrow({ where: { riskList: { slug: "biverkningar-av-kortison" }, status: "PUBLISHED" } });
    expect(await reattestVersionAction({ checklist: fullReviewChecklist, versionId: seeded.id, nextReviewDue: "2027-12-01" })).toMatchObject({ ok: true });
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: seeded.id } })).toMatchObject({ decision: "REATTEST", reviewerId: users.reviewer.id });

    const own = await versionInReview("radiofrekvensablation-biverkningar");
    expect(await approveVersionAction({ checklist: fullReviewChecklist, versionId: own.id, contentHash: own.contentHash })).toMatchObject({ ok: true });
    expect((await publishVersion(db, users.authorWithEveryRole, { versionId: own.id })).ok).toBe(true);
    await kit.signIn(users.authorWithEveryRole);
    expect(await reattestVersionAction({ checklist: fullReviewChecklist, versionId: own.id })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await db.reviewDecision.count({ where: { versionId: own.id, kind: "REATTEST" } })).toBe(0);
  });
});

describe("re-attestation and approval are whole-page reviews", () => {
  const missingItem = (item: keyof typeof fullReviewChecklist) => ({ ...fullReviewChecklist, [item]: false });

  it("refuses an approval unless every checklist item is confirmed, and records nothing", async () => {
    const version = await versionInReview("si-ledinjektioner-biverkningar");
    await kit.signIn(users.reviewer);
    expect(await approveVersionAction({ versionId: version.id, contentHash: version.contentHash })).toMatchObject({
      ok: false,
      error: { kind: "invalid", fieldErrors: { checklist: expect.any(Array) } },
    });
    for (const item of Object.keys(fullReviewChecklist) as (keyof typeof fullReviewChecklist)[]) {
      expect(await approveVersionAction({ versionId: version.id, contentHash: version.contentHash, checklist: missingItem(item) })).toMatchObject({
        ok: false,
        error: { kind: "invalid", fieldErrors: { [`checklist.${item}`]: [expect.stringMatching(/^Bekräfta/)] } },
      });
    }
    expect(await approveVersionAction({ versionId: version.id, contentHash: version.contentHash, checklist: { ...fullReviewChecklist, sourcesChecked: "true" } })).toMatchObject({ ok: false });
    expect(await db.reviewDecision.count({ where: { versionId: version.id } })).toBe(0);
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: "IN_REVIEW" });

    const approved = await approveVersionAction({ versionId: version.id, contentHash: version.contentHash, checklist: fullReviewChecklist, reviewIntervalMonths: "24" });
    expect(approved).toMatchObject({ ok: true });
    const decision = await db.reviewDecision.findFirstOrThrow({ where: { versionId: version.id } });
    expect(decision).toMatchObject({ kind: "APPROVE", checklist: fullReviewChecklist, reviewIntervalMonths: 24 });
    const stored = await db.contentVersion.findUniqueOrThrow({ where: { id: version.id } });
    const expected = new Date(stored.decidedAt!);
    expect(stored.nextReviewDue?.toISOString().slice(0, 10)).toBe(new Date(Date.UTC(expected.getUTCFullYear(), expected.getUTCMonth() + 24, expected.getUTCDate())).toISOString().slice(0, 10));
    expect(await db.riskList.findFirstOrThrow({ where: { slug: "si-ledinjektioner-biverkningar" } })).toMatchObject({ reviewIntervalMonths: 24 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "version.approved", entityId: stored.riskListId! }, orderBy: { id: "desc" } });
    expect(audit.data).toMatchObject({ checklist: fullReviewChecklist, reviewIntervalMonths: 24 });
  });

  it("re-attests only with the checklist, keeps the item's cycle unless the reviewer changes it, and refuses other intervals", async () => {
    const article = await db.article.findFirstOrThrow({ where: { slug: "facettledsinjektioner" } });
    const published = await db.contentVersion.findFirstOrThrow({ where: { articleId: article.id, status: "PUBLISHED" } });
    await kit.signIn(users.reviewer);
    expect(await reattestVersionAction({ versionId: published.id })).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: { checklist: expect.any(Array) } } });
    expect(await reattestVersionAction({ versionId: published.id, checklist: missingItem("feedbackReviewed") })).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await reattestVersionAction({ versionId: published.id, checklist: fullReviewChecklist, reviewIntervalMonths: "18" })).toMatchObject({
      ok: false,
      error: { kind: "invalid", fieldErrors: { reviewIntervalMonths: ["Välj 6, 12, 24 eller 36 månader"] } },
    });
    expect(await db.reviewDecision.count({ where: { versionId: published.id, kind: "REATTEST" } })).toBe(0);

    expect(await reattestVersionAction({ versionId: published.id, checklist: fullReviewChecklist })).toMatchObject({ ok: true });
    expect(await db.reviewDecision.findFirstOrThrow({ where: { versionId: published.id, kind: "REATTEST" } })).toMatchObject({ checklist: fullReviewChecklist, reviewIntervalMonths: 12 });
    expect(await reattestVersionAction({ versionId: published.id, checklist: fullReviewChecklist, reviewIntervalMonths: 6 })).toMatchObject({ ok: true });
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ reviewIntervalMonths: 6 });
    const latest = await db.reviewDecision.findFirstOrThrow({ where: { versionId: published.id, kind: "REATTEST" }, orderBy: { createdAt: "desc" } });
    expect(latest.reviewIntervalMonths).toBe(6);
  });
});
