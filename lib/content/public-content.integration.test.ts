import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { advancePublicGeneration } from "./public-generation";
import type { ArticleContent, RiskListContent } from "./content-schemas";
import {
  getPublishedArticle,
  getPublishedRiskListPage,
  isUnpublishedContentPath,
  listPublishedArticles,
  listPublishedRiskLists,
  type PublicBlock,
  type PublishedArticle,
  type PublishedProcedure,
  type PublishedRiskList,
} from "./public-content";
import { seedAuthor, seedNextReviewDue, seedReaderNote, seedReviewer, seedTimeline, seedTimestamp } from "./seed";
import { kortisonRiskList, seedOverviewArticle, seedProcedureArticles, seedRiskLists } from "./seed-content";
import { readArticleContent, readRiskListContent, writeDraftContent } from "./version-content";

let kit: TestKit;
let db: Db;

beforeAll(async () => {
  kit = await openTestKit({ name: "public-content" });
  db = kit.db;
});

afterAll(async () => {
  await kit?.close();
});

const overviewSlug = seedOverviewArticle.slug;
const procedureSlugs = seedProcedureArticles.map((procedure) => procedure.slug);

function procedures(article: PublishedArticle): PublishedProcedure[] {
  return article.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [block.procedure] : []));
}

function riskLists(blocks: PublicBlock[]): PublishedRiskList[] {
  return blocks.flatMap((block) => (block.type === "RISK_LIST" ? [block.riskList] : []));
}

function riskTexts(list: PublishedRiskList): string[] {
  return list.groups.flatMap((group) => group.items.map((item) => item.text));
}

async function requirePublishedArticle(slug: string): Promise<PublishedArticle> {
  const article = await getPublishedArticle(db, slug);
  if (!article) throw new Error(`${slug} is not published`);
  return article;
}

/** A new DRAFT version 2 of a published item, with its content still to be written. */
async function createDraftVersion(owner: { articleId: string } | { riskListId: string }): Promise<string> {
  const version = await db.contentVersion.create({ data: { ...owner, number: 2, title: "Utkast", createdById: seedAuthor.id } });
  return version.id;
}

async function createArticleDraft(articleId: string, content: ArticleContent): Promise<void> {
  const versionId = await createDraftVersion({ articleId });
  await db.$transaction((tx) => writeDraftContent(tx, versionId, content));
}

async function createRiskListDraft(riskListId: string, content: RiskListContent): Promise<void> {
  const versionId = await createDraftVersion({ riskListId });
  await db.$transaction((tx) => writeDraftContent(tx, versionId, content));
}

/** A raw write, so it does what the unpublish operation's commit does for the public caches too. */
async function unpublish(where: { articleId: string } | { riskListId: string }) {
  await db.contentVersion.updateMany({ where: { ...where, status: "PUBLISHED" }, data: { status: "UNPUBLISHED", unpublishedAt: new Date() } });
  advancePublicGeneration("raw unpublish in the test");
}

describe("public content of the seeded database", () => {
  it("lists the published articles, the overview first, then the procedures by title", async () => {
    const articles = await listPublishedArticles(db);

    expect(articles[0]).toMatchObject({ slug: overviewSlug, kind: "OVERVIEW", title: "Injektioner kan hjälpa många typer av ryggsmärtor" });
    expect(articles.slice(1).map((article) => article.kind)).toEqual(Array(6).fill("PROCEDURE"));
    expect(articles.slice(1).map((article) => article.slug).sort()).toEqual([...procedureSlugs].sort());
    const procedureTitles = articles.slice(1).map((article) => article.title);
    expect(procedureTitles).toEqual([...procedureTitles].sort((a, b) => a.localeCompare(b, "sv")));
  });

  it("resolves the overview's six procedures, in order, each with its published risk lists", async () => {
    const overview = await requirePublishedArticle(overviewSlug);

    expect(overview.kind).toBe("OVERVIEW");
    expect(procedures(overview).map((procedure) => procedure.slug)).toEqual(procedureSlugs);
    for (const procedure of procedures(overview)) {
      expect(procedure.blocks.some((block) => block.type === "PROCEDURE_FACTS"), procedure.slug).toBe(true);
      expect(riskLists(procedure.blocks).length, procedure.slug).toBeGreaterThan(0);
    }
    const epidural = procedures(overview)[0];
    const kortison = epidural && riskLists(epidural.blocks).find((list) => list.slug === kortisonRiskList.slug);
    expect(kortison).toMatchObject({ title: "Biverkningar av kortison", versionNumber: 1 });
    expect(kortison && riskTexts(kortison)).toEqual(expect.arrayContaining(["rodnad i ansiktet", "sömnlöshet"]));
    expect(kortison && riskTexts(kortison)).toHaveLength(6);
  });

  it("carries the published version's review metadata, reviewer as attested", async () => {
    const overview = await requirePublishedArticle(overviewSlug);

    expect(overview.review).toEqual({
      versionId: seedOverviewArticle.versionId,
      versionNumber: 1,
      changeKind: "CLINICAL",
      publishedAt: seedTimestamp,
      lastReviewedAt: seedTimeline.decided,
      nextReviewDue: seedNextReviewDue,
      reviewer: { name: seedReviewer.name, title: seedReviewer.title, specialty: seedReviewer.specialty },
      readerNote: seedReaderNote,
    });
    expect(procedures(overview)[0]?.review.reviewer).toEqual({ name: seedReviewer.name, title: seedReviewer.title, specialty: seedReviewer.specialty });
  });

  it("lists the published risk lists and reads one's page: content, review and the articles that show it", async () => {
    expect((await listPublishedRiskLists(db)).map((list) => list.slug).sort()).toEqual(seedRiskLists.map((list) => list.slug).sort());
    const page = await getPublishedRiskListPage(db, kortisonRiskList.slug);
    expect(page).toMatchObject({
      slug: kortisonRiskList.slug,
      title: kortisonRiskList.content.title,
      versionId: kortisonRiskList.versionId,
      review: { versionNumber: 1, nextReviewDue: seedNextReviewDue, reviewer: { name: seedReviewer.name } },
    });
    const expectedUsers = seedProcedureArticles.filter((article) => article.content.blocks.some((block) => block.type === "RISK_LIST" && block.riskListId === kortisonRiskList.id));
    expect(page?.usedBy.map((article) => article.slug).sort()).toEqual(expectedUsers.map((article) => article.slug).sort());
    expect(await getPublishedRiskListPage(db, "finns-inte")).toBeNull();
  });

  it("returns null for a slug that does not exist, or exists in another locale only", async () => {
    expect(await getPublishedArticle(db, "finns-inte")).toBeNull();
    expect(await getPublishedArticle(db, overviewSlug, "en")).toBeNull();
  });
});

// These change what is published, so they run after the read-only checks above.
describe("drafts and unpublished content never reach the public", () => {
  it("keeps serving the published version while a newer draft exists", async () => {
    const published = await readArticleContent(db, seedOverviewArticle.versionId);
    await createArticleDraft(seedOverviewArticle.id, {
      ...published,
      title: "Utkast: ny rubrik",
      blocks: published.blocks.filter((block) => block.type !== "PROCEDURE"),
    });
    const publishedList = await readRiskListContent(db, kortisonRiskList.versionId);
    const [firstGroup, ...otherGroups] = publishedList.groups;
    if (!firstGroup) throw new Error("the seeded list has a group");
    const draftOnlyRisk = { key: crypto.randomUUID(), text: "risk som bara finns i utkastet", severity: "MILD", frequency: "UNKNOWN", temporary: false } as const;
    await createRiskListDraft(kortisonRiskList.id, {
      ...publishedList,
      groups: [{ ...firstGroup, items: [...firstGroup.items, draftOnlyRisk] }, ...otherGroups],
    });

    const overview = await requirePublishedArticle(overviewSlug);

    expect(overview.title).toBe("Injektioner kan hjälpa många typer av ryggsmärtor");
    expect(overview.review.versionNumber).toBe(1);
    expect(procedures(overview)).toHaveLength(6);
    const kortisonLists = procedures(overview).flatMap((procedure) =>
      riskLists(procedure.blocks).filter((list) => list.slug === kortisonRiskList.slug),
    );
    expect(kortisonLists.length).toBeGreaterThan(0);
    for (const list of kortisonLists) {
      expect(list.versionNumber).toBe(1);
      expect(riskTexts(list)).not.toContain("risk som bara finns i utkastet");
    }
    expect((await listPublishedArticles(db)).map((article) => article.title)).not.toContain("Utkast: ny rubrik");
  });

  it("returns null for an article that has only a draft", async () => {
    const article = await db.article.create({ data: { slug: "bara-utkast", kind: "PROCEDURE", ownerId: seedAuthor.id } });
    await db.contentVersion.create({ data: { articleId: article.id, number: 1, title: "Bara ett utkast", createdById: seedAuthor.id } });

    expect(await getPublishedArticle(db, "bara-utkast")).toBeNull();
    expect((await listPublishedArticles(db)).map((item) => item.slug)).not.toContain("bara-utkast");
  });

  it("leaves out references to a procedure or a risk list that is no longer published", async () => {
    const [epidural, , sacroiliac] = seedProcedureArticles;
    const sacroiliacRiskList = seedRiskLists.find((list) => list.slug === "si-ledinjektioner-biverkningar");
    if (!epidural || !sacroiliac || !sacroiliacRiskList) throw new Error("the seed has changed shape");
    await unpublish({ articleId: epidural.id });
    await unpublish({ riskListId: sacroiliacRiskList.id });

    const overview = await requirePublishedArticle(overviewSlug);

    expect(await getPublishedArticle(db, epidural.slug)).toBeNull();
    expect(procedures(overview).map((procedure) => procedure.slug)).toEqual(procedureSlugs.slice(1));
    const sacroiliacSection = procedures(overview).find((procedure) => procedure.slug === sacroiliac.slug);
    expect(sacroiliacSection && riskLists(sacroiliacSection.blocks).map((list) => list.slug)).toEqual([kortisonRiskList.slug]);
  });

  it("tells the proxy which article and risk-list paths have nothing published, and nothing about other paths", async () => {
    const [epidural] = seedProcedureArticles;
    if (!epidural) throw new Error("the seed has changed shape");
    const unpublished = (pathname: string) => isUnpublishedContentPath(db, pathname);

    expect(await unpublished(`/artiklar/${overviewSlug}`)).toBe(false);
    expect(await unpublished(`/risklistor/${kortisonRiskList.slug}`)).toBe(false);
    expect(await unpublished("/artiklar/finns-inte")).toBe(true);
    expect(await unpublished("/artiklar/bara-utkast")).toBe(true);
    expect(await unpublished(`/artiklar/${epidural.slug}`)).toBe(true);
    expect(await unpublished("/risklistor/si-ledinjektioner-biverkningar")).toBe(true);
    expect(await unpublished("/ordlista/finns-inte")).toBe(true);
    expect(await unpublished(`/risklistor/${overviewSlug}`)).toBe(true);
    expect(await unpublished("/artiklar/%E0%A4%A")).toBe(true);
    expect(await unpublished("/")).toBe(false);
    expect(await unpublished(`/artiklar/${overviewSlug}/extra`)).toBe(false);
  });
});
