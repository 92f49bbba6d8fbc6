import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOverviewArticle, seedProcedureArticles } from "@/lib/content/seed-content";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { readerRateLimits } from "@/lib/security/reader-rate-limits";
import { startDraft } from "@/lib/workflow/draft-versions";
import { publishVersion, unpublishVersion } from "@/lib/workflow/publish-versions";
import { approveVersion, submitForReview } from "@/lib/workflow/review-versions";
import { listFeedbackCounts } from "./feedback-counts";
import { recordFeedback } from "./record-feedback";
import { newReaderId } from "./voter-key";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";

let kit: TestKit;
let db: Db;
let actors: Record<"editor" | "reviewer" | "admin", TestUser>;
const secret = "test-secret-for-voter-keys";
let addressCounter = 0;
/** Each vote from its own address unless a test is about the address limit. */
const freshAddress = () => `198.51.100.${++addressCounter}`;
const vote = (articleId: string, helpful: "ja" | "nej", readerId: string, clientAddress = freshAddress()) => recordFeedback(db, { articleId, helpful }, { readerId, clientAddress }, secret);

/** Publishes an unchanged, re-reviewed new version of an article. */
async function publishNewVersion(articleId: string) {
  const draft = await startDraft(db, actors.editor, { item: { kind: "article", id: articleId } });
  if (!draft.ok) throw new Error(draft.failure.message);
  const submitted = await submitForReview(db, actors.editor, { versionId: draft.value.id, baseRevision: draft.value.revision, changeNote: "Ny version", readerNote: "Genomläst" });
  if (!submitted.ok) throw new Error(submitted.failure.message);
  const approved = await approveVersion(db, actors.reviewer, { checklist: fullReviewChecklist, versionId: submitted.value.id, contentHash: submitted.value.contentHash! });
  if (!approved.ok) throw new Error(approved.failure.message);
  const published = await publishVersion(db, actors.admin, { versionId: approved.value.id });
  if (!published.ok) throw new Error(published.failure.message);
  return published.value;
}

beforeAll(async () => {
  kit = await openTestKit({ name: "record-feedback" });
  db = kit.db;
  actors = kit.users;
});

afterAll(async () => {
  await kit?.close();
});

describe("Var det här till hjälp?", () => {
  it("keeps one vote per browser per article; a changed mind switches it; only a keyed hash is stored", async () => {
    const articleId = seedProcedureArticles[0]!.id;
    const browser = newReaderId();
    expect(await vote(articleId, "ja", browser)).toEqual({ ok: true, value: { helpful: true, changed: false } });
    expect(await vote(articleId, "ja", browser)).toEqual({ ok: true, value: { helpful: true, changed: false } });
    expect(await vote(articleId, "nej", browser)).toEqual({ ok: true, value: { helpful: false, changed: true } });
    await vote(articleId, "ja", newReaderId());

    const rows = await db.feedback.findMany({ where: { articleId } });
    expect(rows.map((row) => row.helpful).sort()).toEqual([false, true]);
    for (const row of rows) {
      expect(row.voterKey).not.toContain(browser);
      expect(Object.keys(row).sort()).toEqual(["articleId", "createdAt", "helpful", "id", "versionId", "voterKey"]);
    }
  });

  it("gives the same browser separate, unlinkable keys on different articles", async () => {
    const browser = newReaderId();
    await vote(seedProcedureArticles[1]!.id, "ja", browser);
    await vote(seedProcedureArticles[2]!.id, "ja", browser);
    const keys = await db.feedback.findMany({ where: { articleId: { in: [seedProcedureArticles[1]!.id, seedProcedureArticles[2]!.id] } }, select: { voterKey: true } });
    expect(new Set(keys.map((key) => key.voterKey)).size).toBe(2);
  });

  it("counts answers per article and per version", async () => {
    const articleId = seedOverviewArticle.id;
    await vote(articleId, "ja", newReaderId());
    await vote(articleId, "nej", newReaderId());
    const second = await publishNewVersion(articleId);
    await vote(articleId, "ja", newReaderId());
    const switching = newReaderId();
    await vote(articleId, "ja", switching);

    const overview = (await listFeedbackCounts(db)).find((article) => article.articleId === articleId);
    expect(overview).toMatchObject({ slug: seedOverviewArticle.slug, yes: 3, no: 1 });
    expect(overview?.versions).toEqual([
      { versionId: second.id, number: second.number, status: "PUBLISHED", yes: 2, no: 0 },
      { versionId: seedOverviewArticle.versionId, number: 1, status: "SUPERSEDED", yes: 1, no: 1 },
    ]);
  });

  it("refuses votes for an article that is not published, and writes nothing", async () => {
    const withdrawn = seedProcedureArticles[3]!;
    const unpublished = await unpublishVersion(db, actors.admin, { versionId: withdrawn.versionId });
    expect(unpublished.ok).toBe(true);
    expect(await vote(withdrawn.id, "ja", newReaderId())).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await db.feedback.count({ where: { articleId: withdrawn.id } })).toBe(0);
  });

  it("throttles votes per client address and stores no address", async () => {
    const articleId = seedProcedureArticles[4]!.id;
    const address = "203.0.113.77";
    for (let i = 0; i < readerRateLimits.feedback.points; i += 1) expect((await vote(articleId, "ja", newReaderId(), address)).ok).toBe(true);
    const refused = await vote(articleId, "nej", newReaderId(), address);
    expect(refused).toMatchObject({ ok: false, failure: { kind: "invalid", message: expect.stringContaining("Försök igen") } });
    expect(await db.feedback.count({ where: { articleId } })).toBe(readerRateLimits.feedback.points);
    expect((await vote(articleId, "nej", newReaderId(), "203.0.113.78")).ok).toBe(true);
  });
});
