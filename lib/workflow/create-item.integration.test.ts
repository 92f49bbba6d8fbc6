import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { readArticleContent, readRiskListContent } from "@/lib/content/version-content";
import { createArticle, createRiskList } from "./create-item";
import { saveDraft } from "./draft-versions";

// Input that does not pass the create forms' schemas is refused where it is parsed: at the server action.
const { createArticleAction, createRiskListAction } = await import("@/lib/actions/editor-actions");

let kit: TestKit;
let db: Db;
let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  kit = await openTestKit({ name: "create-item", seed: false });
  db = kit.db;
  ({ editor, reviewer } = kit.users);
});

afterAll(async () => {
  await kit?.close();
});

async function rowCounts() {
  return {
    articles: await db.article.count(),
    riskLists: await db.riskList.count(),
    versions: await db.contentVersion.count(),
    audit: await db.auditEvent.count(),
  };
}

describe("creating articles and risk lists", () => {
  it("creates an article with a draft version 1 holding its title, authored by the editor, audited", async () => {
    const created = await createArticle(db, editor, { slug: "ny-procedur", kind: "PROCEDURE", title: "  Ny procedur " });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const article = await db.article.findUniqueOrThrow({ where: { id: created.value.itemId } });
    expect(article).toMatchObject({ slug: "ny-procedur", locale: "sv", kind: "PROCEDURE" });
    const version = await db.contentVersion.findUniqueOrThrow({ where: { id: created.value.versionId } });
    expect(version).toMatchObject({ articleId: article.id, number: 1, status: "DRAFT", revision: 0, createdById: editor.id, contentHash: null });
    expect(await readArticleContent(db, version.id)).toEqual({ title: "Ny procedur", blocks: [] });
    expect(await db.versionAuthor.findMany({ where: { versionId: version.id }, select: { userId: true } })).toEqual([{ userId: editor.id }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "item.created", entityId: article.id } });
    expect(audit).toMatchObject({ actorId: editor.id, entityType: "article", data: { slug: "ny-procedur", kind: "PROCEDURE", versionId: version.id } });

    // The new draft is an ordinary draft: the editor saves into it at revision 0.
    const saved = await saveDraft(db, editor, {
      kind: "article",
      versionId: version.id,
      baseRevision: 0,
      content: { title: "Ny procedur", blocks: [{ key: crypto.randomUUID(), type: "PARAGRAPH", text: "Första stycket." }] },
    });
    expect(saved).toMatchObject({ ok: true, value: { revision: 1 } });
  });

  it("creates a risk list whose draft holds one group with the first risk", async () => {
    const created = await createRiskList(db, editor, {
      slug: "nya-risker",
      title: "Nya risker",
      firstRisk: { text: "Blåmärke", severity: "MILD", frequency: "COMMON", temporary: true },
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const content = await readRiskListContent(db, created.value.versionId);
    expect(content).toMatchObject({ title: "Nya risker", groups: [{ items: [{ text: "Blåmärke", severity: "MILD", frequency: "COMMON", temporary: true }] }] });
    expect(await db.auditEvent.count({ where: { action: "item.created", entityType: "risk_list", entityId: created.value.itemId } })).toBe(1);
  });

  it("refuses a slug already in use with a field error on the slug, writing nothing", async () => {
    const before = await rowCounts();
    const duplicate = await createArticle(db, editor, { slug: "ny-procedur", kind: "OVERVIEW", title: "Annan" });
    expect(duplicate).toMatchObject({ ok: false, failure: { kind: "invalid", fieldErrors: { slug: [expect.stringMatching(/används redan/)] } } });
    const duplicateList = await createRiskList(db, editor, {
      slug: "nya-risker",
      title: "Annan",
      firstRisk: { text: "X", severity: "MILD", frequency: "RARE", temporary: false },
    });
    expect(duplicateList).toMatchObject({ ok: false, failure: { fieldErrors: { slug: [expect.any(String)] } } });
    expect(await rowCounts()).toEqual(before);
  });

  it("returns field errors for invalid input and refuses users without the editor role, writing nothing", async () => {
    const before = await rowCounts();
    await kit.signIn(editor);
    const invalid = await createArticleAction({ slug: "Inte OK", kind: "ESSAY", title: "" });
    expect(invalid.ok).toBe(false);
    if (invalid.ok || invalid.error.kind !== "invalid") throw new Error("expected field errors");
    expect(Object.keys(invalid.error.fieldErrors ?? {}).sort()).toEqual(["kind", "slug", "title"]);
    const invalidRisk = await createRiskListAction({ slug: "ok-slug", title: "T", firstRisk: { text: "", severity: "MILD", frequency: "RARE", temporary: false } });
    expect(invalidRisk).toMatchObject({ ok: false, error: { fieldErrors: { "firstRisk.text": ["Fältet får inte vara tomt"] } } });
    expect(await createArticle(db, reviewer, { slug: "granskarens", kind: "OVERVIEW", title: "X" })).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await rowCounts()).toEqual(before);
  });
});
