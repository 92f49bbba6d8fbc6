import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { readArticleContent, readRiskListContent } from "@/lib/content/version-content";
import { diffContent } from "@/lib/content/version-diff";
import { saveDraft, startDraft } from "./draft-versions";
import { addReviewComment, approveVersion, requestChanges, submitForReview } from "./review-versions";
import { publishVersion } from "./publish-versions";
import { findItemHistory, findItemTitles, findPublishedRiskListContents, findRiskListUsage, findVersionForReview, findVersionPair } from "./version-queries";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";

let kit: TestKit;
let db: Db;
let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  kit = await openTestKit({ name: "version-queries" });
  db = kit.db;
  const profile = { title: "Leg. sjuksköterska", specialty: "Smärtlindring" };
  editor = await kit.createUser("queries-editor", ["EDITOR"], { name: "Queries Redaktör", ...profile });
  reviewer = await kit.createUser("queries-reviewer", ["REVIEWER"], { name: "Queries Granskare", ...profile });
});

afterAll(async () => {
  await kit?.close();
});

describe("version queries", () => {
  it("reads a version in review with its authors, comments and the published version it is compared with", async () => {
    const list = await db.riskList.findFirstOrThrow({ where: { slug: "nervblockader-biverkningar" } });
    const published = await db.contentVersion.findFirstOrThrow({ where: { riskListId: list.id, status: "PUBLISHED" } });
    const draft = await startDraft(db, editor, { item: { kind: "riskList", id: list.id } });
    if (!draft.ok) throw new Error(draft.failure.message);
    const content = await readRiskListContent(db, draft.value.id);
    const [group, ...rest] = content.groups;
    const edited = { ...content, groups: [{ ...group!, items: [...group!.items, { key: crypto.randomUUID(), text: "Tillfällig domning i benet", severity: "MILD" as const, frequency: "COMMON" as const, temporary: true }] }, ...rest] };
    expect((await saveDraft(db, editor, { kind: "riskList", versionId: draft.value.id, baseRevision: 0, content: edited })).ok).toBe(true);
    const submitted = await submitForReview(db, editor, { versionId: draft.value.id, baseRevision: 1, changeNote: "Ny biverkan", readerNote: "Domning i benet tillagd" });
    if (!submitted.ok) throw new Error(submitted.failure.message);
    expect((await addReviewComment(db, reviewer, { versionId: draft.value.id, body: "Hur vanligt är det?" })).ok).toBe(true);

    const review = await findVersionForReview(db, draft.value.id);
    expect(review).not.toBeNull();
    expect(review!.item).toEqual({ kind: "riskList", id: list.id, slug: "nervblockader-biverkningar" });
    expect(review!.authorIds).toEqual([editor.id]);
    expect(review!.version.comments.map((comment) => [comment.author?.name, comment.body])).toEqual([["Queries Granskare", "Hur vanligt är det?"]]);
    expect(review!.baseline?.version.id).toBe(published.id);
    const diff = diffContent(review!.baseline!.content, review!.content);
    expect(diff.counts).toEqual({ added: 1, removed: 0, changed: 0, moved: 0 });

    // The published version itself is compared with nothing (the seed's first version) ...
    const first = await findVersionForReview(db, published.id);
    expect(first!.baseline).toBeNull();

    // ... and once the new version is approved and published, with the version it superseded.
    const approved = await approveVersion(db, reviewer, { checklist: fullReviewChecklist, versionId: draft.value.id, contentHash: submitted.value.contentHash! });
    expect(approved.ok).toBe(true);
    expect((await publishVersion(db, kit.users.admin, { versionId: draft.value.id })).ok).toBe(true);
    const live = await findVersionForReview(db, draft.value.id);
    expect(live!.baseline?.version.id).toBe(published.id);
    expect(live!.version.decisions.map((decision) => [decision.kind, decision.reviewerName, decision.reviewerTitle, decision.reviewerSpecialty])).toEqual([
      ["APPROVE", "Queries Granskare", "Leg. sjuksköterska", "Smärtlindring"],
    ]);

    const history = await findItemHistory(db, { kind: "riskList", id: list.id });
    expect(history!.versions.map((version) => [version.number, version.status])).toEqual([
      [2, "PUBLISHED"],
      [1, "SUPERSEDED"],
    ]);
    expect(history!.versions[0]!.reviewer?.name).toBe("Queries Granskare");
    expect(history!.versions[0]!.authors.map((author) => author.user.name)).toEqual(["Queries Redaktör"]);
  });

  it("compares a revision with the version sent back by default, with that review's comments, and with the published one on request", async () => {
    const article = await db.article.findFirstOrThrow({ where: { slug: "facettledsinjektioner" } });
    const published = await db.contentVersion.findFirstOrThrow({ where: { articleId: article.id, status: "PUBLISHED" } });
    const draft = await startDraft(db, editor, { item: { kind: "article", id: article.id } });
    if (!draft.ok) throw new Error(draft.failure.message);
    const content = await readArticleContent(db, draft.value.id);
    const paragraphs = content.blocks.filter((block) => block.type === "PARAGRAPH");
    const [first, second] = [paragraphs[0]!, paragraphs[1]!];
    const firstEdit = { ...content, blocks: content.blocks.map((block) => (block.key === first.key ? { ...first, text: `${first.text} Första ändringen.` } : block)) };
    expect((await saveDraft(db, editor, { kind: "article", versionId: draft.value.id, baseRevision: 0, content: firstEdit })).ok).toBe(true);
    const submitted = await submitForReview(db, editor, { versionId: draft.value.id, baseRevision: 1, changeNote: "Första försöket", readerNote: "Förtydligat" });
    if (!submitted.ok) throw new Error(submitted.failure.message);
    expect((await addReviewComment(db, reviewer, { versionId: draft.value.id, blockKey: first.key, body: "Skriv om det här stycket" })).ok).toBe(true);
    expect((await addReviewComment(db, reviewer, { versionId: draft.value.id, blockKey: second.key, body: "Och det här" })).ok).toBe(true);
    expect((await requestChanges(db, reviewer, { versionId: draft.value.id, comment: "Två stycken behöver arbete" })).ok).toBe(true);

    // The first review of the first attempt compares with the published version, as before.
    const sentBackView = await findVersionForReview(db, draft.value.id);
    expect(sentBackView!.comparison).toBe("published");
    expect(sentBackView!.sentBack).toBeNull();

    const revision = await startDraft(db, editor, { item: { kind: "article", id: article.id }, fromVersionId: draft.value.id });
    if (!revision.ok) throw new Error(revision.failure.message);
    const revised = await readArticleContent(db, revision.value.id);
    const secondEdit = { ...revised, blocks: revised.blocks.map((block) => (block.key === first.key ? { ...first, text: `${first.text} Omskrivet.` } : block)) };
    expect((await saveDraft(db, editor, { kind: "article", versionId: revision.value.id, baseRevision: 0, content: secondEdit })).ok).toBe(true);
    expect((await submitForReview(db, editor, { versionId: revision.value.id, baseRevision: 1, changeNote: "Andra försöket", readerNote: "Förtydligat" })).ok).toBe(true);

    const review = await findVersionForReview(db, revision.value.id);
    expect(review!.comparison).toBe("sentBack");
    expect(review!.baseline?.version.id).toBe(draft.value.id);
    expect(review!.sentBack?.version.id).toBe(draft.value.id);
    expect(review!.sentBack?.comments.map((comment) => [comment.blockKey, comment.body])).toEqual([
      [first.key, "Skriv om det här stycket"],
      [second.key, "Och det här"],
      [null, "Två stycken behöver arbete"],
    ]);
    const sinceSentBack = diffContent(review!.baseline!.content, review!.content);
    expect(sinceSentBack.kind === "article" && sinceSentBack.blocks.filter((block) => block.status !== "unchanged").map((block) => block.key)).toEqual([first.key]);
    expect(review!.firstVersion?.id).toBe(published.id);

    const againstPublished = await findVersionForReview(db, revision.value.id, { against: "published" });
    expect(againstPublished!.comparison).toBe("published");
    expect(againstPublished!.baseline?.version.id).toBe(published.id);
    expect(againstPublished!.sentBack?.version.id).toBe(draft.value.id);
    expect(againstPublished!.sentBack?.content).toEqual(review!.baseline!.content);
  });

  it("returns null or nothing for ids that name no version or item", async () => {
    expect(await findVersionForReview(db, "not-a-uuid")).toBeNull();
    expect(await findVersionForReview(db, crypto.randomUUID())).toBeNull();
    expect(await findItemHistory(db, { kind: "article", id: crypto.randomUUID() })).toBeNull();
    expect(await findItemHistory(db, { kind: "riskList", id: "nej" })).toBeNull();
    expect(await findRiskListUsage(db, "nej")).toEqual([]);
  });

  it("lists every article whose published or open version uses a risk list", async () => {
    const kortison = await db.riskList.findFirstOrThrow({ where: { slug: "biverkningar-av-kortison" } });
    const usage = await findRiskListUsage(db, kortison.id);
    expect(usage.map((article) => article.title)).toEqual([
      "Epidurala steroidinjektioner",
      "Facettledsinjektioner",
      "Injektioner kan hjälpa många typer av ryggsmärtor",
      "Sacroiliaca ledinjektioner",
      "Triggerpunktsinjektioner",
    ]);
    expect(usage.every((article) => article.versions.some((version) => version.status === "PUBLISHED"))).toBe(true);
    // The procedures show it directly; the overview through each procedure it embeds that shows it.
    const overview = usage.find((article) => article.title.startsWith("Injektioner"))!;
    expect(overview.direct).toEqual([]);
    expect(overview.via.map((via) => via.procedureTitle)).toEqual(["Epidurala steroidinjektioner", "Facettledsinjektioner", "Sacroiliaca ledinjektioner", "Triggerpunktsinjektioner"]);
    expect(overview.via.every((via) => via.versions.some((version) => version.status === "PUBLISHED"))).toBe(true);
    expect(usage.filter((article) => article !== overview).every((article) => article.direct.length > 0 && article.via.length === 0)).toBe(true);

    // A draft that drops the list keeps the article listed through its published version; one that adds
    // the list to another article lists that article with its draft.
    const ablation = await db.article.findFirstOrThrow({ where: { slug: "radiofrekvensablation" } });
    const draft = await startDraft(db, editor, { item: { kind: "article", id: ablation.id } });
    if (!draft.ok) throw new Error(draft.failure.message);
    const content = await readArticleContent(db, draft.value.id);
    const withList = { ...content, blocks: [...content.blocks, { key: crypto.randomUUID(), type: "RISK_LIST" as const, riskListId: kortison.id }] };
    expect((await saveDraft(db, editor, { kind: "article", versionId: draft.value.id, baseRevision: 0, content: withList })).ok).toBe(true);
    const after = await findRiskListUsage(db, kortison.id);
    expect(after.find((article) => article.articleId === ablation.id)?.versions).toEqual([{ id: draft.value.id, number: 2, status: "DRAFT" }]);
    // ... and the overview now shows it through that procedure too (once its draft is published).
    const overviewAfter = after.find((article) => article.title.startsWith("Injektioner"))!;
    expect(overviewAfter.via.map((via) => via.procedureTitle)).toContain("Radiofrekvensablation");
    const unknown = crypto.randomUUID();
    const embedded = await findPublishedRiskListContents(db, [kortison.id, unknown, "nej"]);
    expect(Object.keys(embedded).sort()).toEqual([kortison.id, unknown].sort());
    expect(embedded[kortison.id]?.title).toBe("Biverkningar av kortison");
    expect(embedded[kortison.id]?.groups.flatMap((group) => group.items).length).toBeGreaterThan(0);
    expect(embedded[unknown]).toBeNull();
    expect(await findItemTitles(db, { riskListIds: [kortison.id], articleIds: [ablation.id] })).toEqual({
      [kortison.id]: "Biverkningar av kortison",
      [ablation.id]: "Radiofrekvensablation",
    });
  });

  it("pairs two versions of one item and refuses versions of different items or bad ids", async () => {
    const kortison = await db.riskList.findFirstOrThrow({ where: { slug: "biverkningar-av-kortison" } });
    const nerve = await db.riskList.findFirstOrThrow({ where: { slug: "nervblockader-biverkningar" } });
    const [newer, older] = await db.contentVersion.findMany({ where: { riskListId: nerve.id }, orderBy: { number: "desc" } });
    const other = await db.contentVersion.findFirstOrThrow({ where: { riskListId: kortison.id } });

    const pair = await findVersionPair(db, { fran: older!.id, till: newer!.id });
    expect(pair.ok && [pair.value.from.version.number, pair.value.to.version.number, pair.value.item.id]).toEqual([1, 2, nerve.id]);
    expect(await findVersionPair(db, { fran: older!.id, till: other.id })).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await findVersionPair(db, { fran: "x", till: newer!.id })).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await findVersionPair(db, {})).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await findVersionPair(db, { fran: crypto.randomUUID(), till: newer!.id })).toMatchObject({ ok: false, failure: { kind: "not_found" } });
  });
});
