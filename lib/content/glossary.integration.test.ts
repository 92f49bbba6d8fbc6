// The glossary end to end against a real database (README, "Glossary"): a term's own review lifecycle,
// the rule that an article may only be published with reviewed terms, what the public page, the feed,
// the API and the search show, and that drafts of a term are never shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getArticleRoute } from "@/app/api/v1/articles/[slug]/route";
import { GET as feedRoute } from "@/app/feed.json/route";
import { searchPublished } from "@/lib/search/search-query";
import { createGlossaryTerm } from "@/lib/workflow/create-item";
import { saveDraftSchema } from "@/lib/workflow/draft-schemas";
import { saveDraft, startDraft } from "@/lib/workflow/draft-versions";
import { publishVersion, unpublishVersion } from "@/lib/workflow/publish-versions";
import { approveVersion, submitForReview } from "@/lib/workflow/review-versions";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";
import { callRoute } from "@/test/integration/public-read-fixture";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import type { ArticleContent, GlossaryTermContent } from "./content-schemas";
import { glossaryTermHref } from "./inline-markdown-document";
import { getPublishedArticle, listPublishedGlossary } from "./public-content";
import { seedGlossaryTerms, seedProcedureArticles } from "./seed-content";
import { readArticleContent, readGlossaryTermContent, writeDraftContent } from "./version-content";

let kit: TestKit;

beforeAll(async () => {
  kit = await openTestKit({ name: "glossary" });
});

afterAll(async () => {
  await kit?.close();
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; failure: { message: string } }): T {
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}

/** Submits and approves a saved draft (editor, then reviewer). */
async function approve(versionId: string) {
  const draft = await kit.db.contentVersion.findUniqueOrThrow({ where: { id: versionId } });
  const submitted = unwrap(await submitForReview(kit.db, kit.users.editor, { versionId, baseRevision: draft.revision, changeNote: "Ny förklaring", readerNote: "Förklaringen är ny" }));
  return unwrap(await approveVersion(kit.db, kit.users.reviewer, { versionId, contentHash: submitted.contentHash!, checklist: fullReviewChecklist }));
}

async function saveTerm(versionId: string, content: GlossaryTermContent) {
  const draft = await kit.db.contentVersion.findUniqueOrThrow({ where: { id: versionId } });
  return saveDraft(kit.db, kit.users.editor, { kind: "glossaryTerm", versionId, baseRevision: draft.revision, content });
}

/** A new draft of a seeded article whose first paragraph gets `text` appended. */
async function articleDraftWith(articleId: string, text: string) {
  const draft = unwrap(await startDraft(kit.db, kit.users.editor, { item: { kind: "article", id: articleId } }));
  const content = await readArticleContent(kit.db, draft.id);
  const index = content.blocks.findIndex((block) => block.type === "PARAGRAPH");
  const blocks = content.blocks.map((block, at) => (at === index && block.type === "PARAGRAPH" ? { ...block, text: `${block.text} ${text}` } : block));
  const changed: ArticleContent = { ...content, blocks };
  return { draft, content: changed, index };
}

describe("a glossary term's own lifecycle", () => {
  let termId: string;
  let versionId: string;

  it("is created as a draft by an editor, saved with its forms, and refused to others", async () => {
    const refused = await createGlossaryTerm(kit.db, kit.users.reviewer, { slug: "durasack", title: "Durasäck", explanation: "En hinna runt ryggmärgen." });
    expect(refused).toMatchObject({ ok: false, failure: { kind: "forbidden" } });

    const created = unwrap(await createGlossaryTerm(kit.db, kit.users.editor, { slug: "durasack", title: "Durasäck", explanation: "En hinna runt ryggmärgen." }));
    termId = created.itemId;
    versionId = created.versionId;
    const version = await kit.db.contentVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(version).toMatchObject({ glossaryTermId: termId, articleId: null, riskListId: null, status: "DRAFT", number: 1, title: "Durasäck" });

    const content = { title: "Durasäck", forms: ["durasäcken", "duralsäck"], explanation: "En tunn hinna som omsluter ryggmärgen och nervrötterna som en säck fylld med vätska." };
    unwrap(await saveTerm(versionId, content));
    expect(await readGlossaryTermContent(kit.db, versionId)).toEqual(content);

    const duplicate = await createGlossaryTerm(kit.db, kit.users.editor, { slug: "durasack", title: "Durasäck igen", explanation: "Något." });
    expect(duplicate).toMatchObject({ ok: false, failure: { kind: "invalid", fieldErrors: { slug: [expect.any(String)] } } });
  });

  it("refuses invalid content as field errors, and the content module writes nothing invalid", async () => {
    const parsed = saveDraftSchema.safeParse({ kind: "glossaryTerm", versionId, baseRevision: 1, content: { title: "Durasäck", forms: ["durasäcken", "Durasäcken"], explanation: " " } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["content.explanation", "content.forms"]);

    const before = await readGlossaryTermContent(kit.db, versionId);
    await expect(kit.db.$transaction((tx) => writeDraftContent(tx, versionId, { title: "Durasäck", forms: [], explanation: "" }))).rejects.toThrow();
    expect(await readGlossaryTermContent(kit.db, versionId)).toEqual(before);
  });

  it("is never shown or found while it is a draft or only approved", async () => {
    expect((await listPublishedGlossary(kit.db)).map((entry) => entry.slug)).not.toContain("durasack");
    expect((await searchPublished(kit.db, { phrase: "durasäck", offset: 0, limit: 10 })).hits).toEqual([]);
    await approve(versionId);
    expect((await listPublishedGlossary(kit.db)).map((entry) => entry.slug)).not.toContain("durasack");
    expect((await searchPublished(kit.db, { phrase: "durasäck", offset: 0, limit: 10 })).hits).toEqual([]);
  });

  it("is published by an admin, after which the glossary lists it and the search finds it by term, form and explanation", async () => {
    expect(await publishVersion(kit.db, kit.users.editor, { versionId })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    unwrap(await publishVersion(kit.db, kit.users.admin, { versionId }));
    const listed = (await listPublishedGlossary(kit.db)).find((entry) => entry.slug === "durasack");
    expect(listed).toMatchObject({ id: termId, title: "Durasäck", versionId, versionNumber: 1 });

    for (const phrase of ["durasäck", "duralsäck", "hinna omsluter"]) {
      const results = await searchPublished(kit.db, { phrase, offset: 0, limit: 10 });
      expect(results.hits.map((hit) => [hit.kind, hit.slug]), phrase).toContainEqual(["glossaryTerm", "durasack"]);
    }
  });

  it("keeps showing the published explanation while a new draft is edited, and switches when the new version is published", async () => {
    const draft = unwrap(await startDraft(kit.db, kit.users.editor, { item: { kind: "glossaryTerm", id: termId } }));
    unwrap(await saveTerm(draft.id, { title: "Durasäck", forms: ["durasäcken"], explanation: "Utkastmarkör-91ab: hinnan runt ryggmärgen." }));
    expect((await listPublishedGlossary(kit.db)).find((entry) => entry.slug === "durasack")?.explanation).toMatch(/^En tunn hinna/);
    expect((await searchPublished(kit.db, { phrase: "Utkastmarkör-91ab", offset: 0, limit: 10 })).hits).toEqual([]);

    await approve(draft.id);
    unwrap(await publishVersion(kit.db, kit.users.admin, { versionId: draft.id }));
    expect((await listPublishedGlossary(kit.db)).find((entry) => entry.slug === "durasack")).toMatchObject({ versionNumber: 2, explanation: expect.stringMatching(/^Utkastmarkör-91ab/) });
    expect((await searchPublished(kit.db, { phrase: "Utkastmarkör-91ab", offset: 0, limit: 10 })).hits.map((hit) => hit.slug)).toEqual(["durasack"]);
  });

  it("disappears from the glossary and the search when unpublished", async () => {
    const published = await kit.db.contentVersion.findFirstOrThrow({ where: { glossaryTermId: termId, status: "PUBLISHED" } });
    unwrap(await unpublishVersion(kit.db, kit.users.admin, { versionId: published.id }));
    expect((await listPublishedGlossary(kit.db)).map((entry) => entry.slug)).not.toContain("durasack");
    expect((await searchPublished(kit.db, { phrase: "durasäck", offset: 0, limit: 10 })).hits).toEqual([]);
  });

  it("is frozen by the database once submitted", async () => {
    const published = await kit.db.contentVersion.findFirstOrThrow({ where: { glossaryTermId: { not: null }, status: { not: "DRAFT" } } });
    await expect(kit.db.glossaryEntry.update({ where: { versionId: published.id }, data: { explanation: "Ändrad i efterhand" } })).rejects.toThrow(/immutable/);
  });
});

describe("glossary terms in articles", () => {
  const epidural = seedProcedureArticles.find((article) => article.slug === "epidurala-steroidinjektioner")!;
  const kortison = seedGlossaryTerms.find((term) => term.slug === "kortison")!;

  it("shows the seeded article's marked terms with their published explanations, in order of first use", async () => {
    const article = await getPublishedArticle(kit.db, epidural.slug);
    expect(article?.glossary.map((entry) => entry.slug)).toEqual(["kortison", "epiduralutrymme", "nervrot"]);
    expect(article?.glossary[0]).toMatchObject({ id: kortison.id, title: "Kortison", explanation: kortison.content.explanation });
  });

  it("carries the explanations in the API and the feed, and keeps term: addresses out of the feed's HTML", async () => {
    const api = await callRoute(getArticleRoute, `/api/v1/articles/${epidural.slug}`, { params: { slug: epidural.slug } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { glossary: { slug: string; term: string; explanation: string; url: string }[] };
    expect(body.glossary.map((entry) => entry.slug)).toEqual(["kortison", "epiduralutrymme", "nervrot"]);
    expect(body.glossary[0]).toMatchObject({ term: "Kortison", explanation: kortison.content.explanation, url: expect.stringMatching(/\/ordlista#ordlista-kortison$/) });

    const feed = (await (await callRoute(feedRoute, "/feed.json")).json()) as {
      items: { url: string; content_html?: string; _granskad: { glossary?: { slug: string }[] } }[];
    };
    const item = feed.items.find((entry) => entry.url.endsWith(`/artiklar/${epidural.slug}`))!;
    expect(item._granskad.glossary?.map((entry) => entry.slug)).toEqual(["kortison", "epiduralutrymme", "nervrot"]);
    expect(item.content_html).toContain("<h2>Ord och begrepp</h2>");
    expect(item.content_html).toContain(`<strong>Kortison</strong>: ${kortison.content.explanation}`);
    expect(item.content_html).not.toContain("term:");
  });

  it("refuses to save a paragraph that marks a term that does not exist", async () => {
    const { draft, content, index } = await articleDraftWith(epidural.id, `Se [okänt ord](${glossaryTermHref("00000000-0000-4000-8000-00000000dead")}).`);
    const saved = await saveDraft(kit.db, kit.users.editor, { kind: "article", versionId: draft.id, baseRevision: draft.revision, content });
    expect(saved).toMatchObject({ ok: false, failure: { kind: "invalid", fieldErrors: { [`blocks.${index}.text`]: ["Texten markerar ett ord som inte finns i ordlistan"] } } });
    await kit.db.contentVersion.delete({ where: { id: draft.id } });
  });

  it("refuses to publish an article that marks an unreviewed term, and publishes it once the term is published", async () => {
    const term = unwrap(await createGlossaryTerm(kit.db, kit.users.editor, { slug: "kontrastfarg", title: "Kontrastfärg", explanation: "Ett medel som syns på röntgen." }));
    const { draft, content } = await articleDraftWith(epidural.id, `Läkaren använder [kontrastfärg](${glossaryTermHref(term.itemId)}).`);
    unwrap(await saveDraft(kit.db, kit.users.editor, { kind: "article", versionId: draft.id, baseRevision: draft.revision, content }));
    const approved = await approve(draft.id);

    const refused = await publishVersion(kit.db, kit.users.admin, { versionId: approved.id });
    expect(refused).toMatchObject({ ok: false, failure: { kind: "conflict", message: expect.stringContaining("”Kontrastfärg”") } });
    expect((await kit.db.contentVersion.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe("APPROVED");
    expect((await getPublishedArticle(kit.db, epidural.slug))?.glossary.map((entry) => entry.slug)).not.toContain("kontrastfarg");

    await approve(term.versionId);
    unwrap(await publishVersion(kit.db, kit.users.admin, { versionId: term.versionId }));
    unwrap(await publishVersion(kit.db, kit.users.admin, { versionId: approved.id }));
    const article = await getPublishedArticle(kit.db, epidural.slug);
    expect(article?.glossary.map((entry) => entry.slug)).toEqual(["kortison", "epiduralutrymme", "kontrastfarg", "nervrot"]);
  });

  it("shows a newly published explanation on the article's next read (the publish invalidates what was read before)", async () => {
    const before = await getPublishedArticle(kit.db, epidural.slug);
    expect(before?.glossary.find((entry) => entry.slug === "kortison")?.explanation).toBe(kortison.content.explanation);

    const draft = unwrap(await startDraft(kit.db, kit.users.editor, { item: { kind: "glossaryTerm", id: kortison.id } }));
    unwrap(await saveTerm(draft.id, { ...kortison.content, explanation: "Ett läkemedel som dämpar inflammation. Ny version." }));
    expect((await getPublishedArticle(kit.db, epidural.slug))?.glossary.find((entry) => entry.slug === "kortison")?.explanation).toBe(kortison.content.explanation);

    await approve(draft.id);
    unwrap(await publishVersion(kit.db, kit.users.admin, { versionId: draft.id }));
    const after = await getPublishedArticle(kit.db, epidural.slug);
    expect(after?.glossary.find((entry) => entry.slug === "kortison")).toMatchObject({ explanation: "Ett läkemedel som dämpar inflammation. Ny version.", versionNumber: 2 });
  });

  it("shows an unpublished term's text without its explanation", async () => {
    const nervrot = seedGlossaryTerms.find((term) => term.slug === "nervrot")!;
    const published = await kit.db.contentVersion.findFirstOrThrow({ where: { glossaryTermId: nervrot.id, status: "PUBLISHED" } });
    unwrap(await unpublishVersion(kit.db, kit.users.admin, { versionId: published.id }));
    const article = await getPublishedArticle(kit.db, epidural.slug);
    expect(article?.glossary.map((entry) => entry.slug)).not.toContain("nervrot");
  });
});
