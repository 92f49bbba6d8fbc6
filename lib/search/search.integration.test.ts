import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import type { ArticleBlock } from "@/lib/content/content-schemas";
import { seedArticles } from "@/lib/content/seed-content";
import { createArticle } from "@/lib/workflow/create-item";
import { saveDraft, startDraft } from "@/lib/workflow/draft-versions";
import { publishVersion, unpublishVersion } from "@/lib/workflow/publish-versions";
import { approveVersion, submitForReview } from "@/lib/workflow/review-versions";
import { callRoute } from "@/test/integration/public-read-fixture";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { searchPublished } from "./search-query";
import { syncSearchDocuments } from "./search-documents";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";

let kit: TestKit;

beforeAll(async () => {
  kit = await openTestKit({ name: "search" });
});

afterAll(async () => {
  await kit?.close();
});

function paragraphs(...texts: string[]): ArticleBlock[] {
  return texts.map((text) => ({ key: randomUUID(), type: "PARAGRAPH", text }));
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; failure: { message: string } }): T {
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}

/** Writes a version's content, has it reviewed, and (unless `publish: false`) publishes it. */
async function release(versionId: string, revision: number, content: { title: string; summary?: string; blocks: ArticleBlock[] }, publish = true) {
  const { db, users } = kit;
  const saved = unwrap(await saveDraft(db, users.editor, { kind: "article", versionId, baseRevision: revision, content }));
  if (!publish) return versionId;
  const submitted = unwrap(await submitForReview(db, users.editor, { versionId, baseRevision: saved.revision, changeNote: "Ny text", readerNote: "Ny text" }));
  unwrap(await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId, contentHash: submitted.contentHash! }));
  unwrap(await publishVersion(db, users.admin, { versionId }));
  return versionId;
}

async function publishedArticle(slug: string, content: { title: string; summary?: string; blocks: ArticleBlock[] }) {
  const created = unwrap(await createArticle(kit.db, kit.users.editor, { slug, kind: "PROCEDURE", title: content.title }));
  const version = await kit.db.contentVersion.findUniqueOrThrow({ where: { id: created.versionId } });
  await release(created.versionId, version.revision, content);
  return created;
}

async function slugsFound(phrase: string): Promise<string[]> {
  const results = await searchPublished(kit.db, { phrase, offset: 0, limit: 50 });
  return results.hits.map((hit) => hit.slug);
}

async function apiSearch(query: string, headers: Record<string, string> = {}) {
  return callRoute(searchRoute, `/api/v1/search?${query}`, { headers });
}

describe("Swedish full-text search of published content", () => {
  it("indexes the seed: every published article and risk list has its search document", async () => {
    const published = await kit.db.contentVersion.count({ where: { status: "PUBLISHED" } });
    expect(await kit.db.searchDocument.count()).toBe(published);
    // Idempotent: a second run writes nothing.
    expect(await syncSearchDocuments(kit.db)).toEqual({ written: 0, removed: 0 });
  });

  it("finds inflected forms by stem: 'smärtor' finds 'smärtan'", async () => {
    await publishedArticle("sok-stam", { title: "Värk i ländryggen", blocks: paragraphs("Smärtan i ländryggen brukar gå över inom några veckor.") });
    expect(await slugsFound("smärtor")).toContain("sok-stam");
    expect(await slugsFound("ländryggens")).toContain("sok-stam");
  });

  it("finds a part of a compound: 'injektion' finds 'steroidinjektioner', and marks the whole word", async () => {
    await publishedArticle("sok-sammansattning", {
      title: "Behandling av nervrotssmärta",
      blocks: paragraphs("Läkaren kan föreslå epiduralsteroidinjektioner när annan behandling inte hjälper."),
    });
    const results = await searchPublished(kit.db, { phrase: "injektion", offset: 0, limit: 50 });
    const hit = results.hits.find((candidate) => candidate.slug === "sok-sammansattning");
    expect(hit).toBeDefined();
    expect(hit!.snippet.filter((part) => part.match).map((part) => part.text)).toContain("epiduralsteroidinjektioner");
    // The seed's own procedures are found by the same word.
    expect(results.hits.map((candidate) => candidate.slug)).toEqual(expect.arrayContaining(seedArticles.slice(0, 2).map((article) => article.slug)));
  });

  it("ranks an item named after the search above one that only mentions it", async () => {
    await publishedArticle("sok-namner", {
      title: "Om ryggskott",
      blocks: paragraphs("Många får ont i ryggen någon gång.", "Värme och rörelse hjälper ofta mer än vila, också vid ryggskott."),
    });
    await publishedArticle("sok-heter", { title: "Ryggskott", summary: "Vad ryggskott är och vad du kan göra.", blocks: paragraphs("Ryggskott är en plötslig smärta i ländryggen.") });
    const found = await slugsFound("ryggskott");
    expect(found.indexOf("sok-heter")).toBeGreaterThanOrEqual(0);
    expect(found.indexOf("sok-heter")).toBeLessThan(found.indexOf("sok-namner"));
  });

  it("requires every word, ignores stop words, and finds nothing for stop words alone", async () => {
    expect(await slugsFound("ryggskott plötslig")).toEqual(["sok-heter"]);
    expect(await slugsFound("och ryggskott som")).toEqual(expect.arrayContaining(["sok-heter", "sok-namner"]));
    expect(await searchPublished(kit.db, { phrase: "och som", offset: 0, limit: 10 })).toEqual({ terms: [], total: 0, hits: [] });
  });

  it("never finds a draft: neither a new item's nor the next version of a published one", async () => {
    const created = unwrap(await createArticle(kit.db, kit.users.editor, { slug: "sok-utkast", kind: "PROCEDURE", title: "Hemligt utkastord" }));
    const version = await kit.db.contentVersion.findUniqueOrThrow({ where: { id: created.versionId } });
    await release(created.versionId, version.revision, { title: "Hemligt utkastord", blocks: paragraphs("Zebrafiskterapi är bara ett utkast.") }, false);
    const draft = unwrap(await startDraft(kit.db, kit.users.editor, { item: { kind: "article", id: (await kit.db.article.findFirstOrThrow({ where: { slug: "sok-heter" } })).id } }));
    await release(draft.id, draft.revision, { title: "Ryggskott", blocks: paragraphs("Zebrafiskterapi i nästa version.") }, false);
    const { revision } = await kit.db.contentVersion.findUniqueOrThrow({ where: { id: draft.id } });
    const submitted = unwrap(await submitForReview(kit.db, kit.users.editor, { versionId: draft.id, baseRevision: revision, changeNote: "Ny", readerNote: "Ny" }));
    unwrap(await approveVersion(kit.db, kit.users.reviewer, { checklist: fullReviewChecklist, versionId: draft.id, contentHash: submitted.contentHash! }));
    // Approved is not published either.
    expect(await slugsFound("zebrafiskterapi")).toEqual([]);
    expect(await slugsFound("utkastord")).toEqual([]);
    const response = await apiSearch("q=zebrafiskterapi");
    expect(JSON.parse(await response.text())).toMatchObject({ total: 0, data: [] });
  });

  it("switches with publish and unpublish, on the next request", async () => {
    const created = await publishedArticle("sok-vaxlar", { title: "Kvicksilverfritt plåster", blocks: paragraphs("Plåstret sitter kvar i tre dagar.") });
    const first = JSON.parse(await (await apiSearch("q=kvicksilverfritt")).text()) as { data: { slug: string }[] };
    expect(first.data.map((hit) => hit.slug)).toEqual(["sok-vaxlar"]);
    const published = await kit.db.contentVersion.findFirstOrThrow({ where: { articleId: created.itemId, status: "PUBLISHED" } });
    unwrap(await unpublishVersion(kit.db, kit.users.admin, { versionId: published.id }));
    const after = JSON.parse(await (await apiSearch("q=kvicksilverfritt")).text()) as { data: unknown[]; total: number };
    expect(after).toMatchObject({ data: [], total: 0 });
    expect(await kit.db.searchDocument.count({ where: { articleId: created.itemId } })).toBe(0);
  });

  it("a new published version replaces the old text in the search", async () => {
    const item = await kit.db.article.findFirstOrThrow({ where: { slug: "sok-stam" } });
    const draft = unwrap(await startDraft(kit.db, kit.users.editor, { item: { kind: "article", id: item.id } }));
    await release(draft.id, draft.revision, { title: "Värk i ländryggen", blocks: paragraphs("Sjukgymnastik hjälper de flesta.") });
    expect(await slugsFound("sjukgymnastik")).toEqual(["sok-stam"]);
    expect(await slugsFound("smärtan")).not.toContain("sok-stam");
  });
});

describe("GET /api/v1/search", () => {
  it("answers a ranked page with snippets, a private Cache-Control, an ETag and 304 for it", async () => {
    const response = await apiSearch("q=ryggskott&limit=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const body = JSON.parse(await response.text()) as { query: string; total: number; data: { slug: string; url: string; snippet: { match: boolean }[] }[]; next_cursor: string | null };
    expect(body).toMatchObject({ query: "ryggskott", terms: ["ryggskott"], total: 2, data: [{ slug: "sok-heter", url: "http://localhost:3000/artiklar/sok-heter" }] });
    expect(body.data[0]!.snippet.some((part) => part.match)).toBe(true);
    const second = JSON.parse(await (await apiSearch(`q=ryggskott&limit=1&cursor=${body.next_cursor}`)).text()) as typeof body;
    expect(second.data.map((hit) => hit.slug)).toEqual(["sok-namner"]);
    expect(second.next_cursor).toBeNull();
    const notModified = await apiSearch("q=ryggskott&limit=1", { "If-None-Match": etag });
    expect(notModified.status).toBe(304);
  });

  it.each([
    ["no q", ""],
    ["an empty q", "q="],
    ["only spaces", "q=%20%20"],
    ["a q too long", `q=${"a".repeat(201)}`],
    ["a control character", "q=rygg%07skott"],
    ["U+0000", "q=rygg%00skott"],
    ["a forged cursor", "q=rygg&cursor=bm90LWpzb24"],
    ["a cursor past the deepest page", `q=rygg&cursor=${Buffer.from(JSON.stringify({ after: "5000" })).toString("base64url")}`],
    ["a limit out of range", "q=rygg&limit=500"],
  ])("answers %s with 400 problem+json naming the parameter", async (_name, query) => {
    const response = await apiSearch(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = JSON.parse(await response.text()) as { invalid_params: { name: string }[] };
    expect(problem.invalid_params.length).toBeGreaterThan(0);
  });

  it("treats query syntax as words: operators and quotes neither fail nor widen the search", async () => {
    for (const phrase of ["ryggskott & !plötslig", "'ryggskott' | (x", "%", "_", "ryggskott:*", "\\"]) {
      const response = await apiSearch(`q=${encodeURIComponent(phrase)}`);
      expect(response.status, phrase).toBe(200);
    }
    const wildcard = JSON.parse(await (await apiSearch("q=%25")).text()) as { total: number };
    expect(wildcard.total).toBe(0);
  });
});
