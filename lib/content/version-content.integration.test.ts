import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { contentHash } from "./content-hash";
import type { ArticleContent, RiskListContent } from "./content-schemas";
import { readArticleContent, readRiskListContent, VersionContentError, writeDraftContent } from "./version-content";

let kit: TestKit;
let db: Db;
let editorId: string;
let reviewerId: string;

const key = () => crypto.randomUUID();

beforeAll(async () => {
  kit = await openTestKit({ name: "version-content", seed: false });
  db = kit.db;
  editorId = kit.users.editor.id;
  reviewerId = kit.users.reviewer.id;
});

afterAll(async () => {
  await kit?.close();
});

async function newRiskListDraft(): Promise<string> {
  const list = await db.riskList.create({ data: { slug: `lista-${crypto.randomBytes(4).toString("hex")}`, ownerId: editorId } });
  const version = await db.contentVersion.create({ data: { riskListId: list.id, number: 1, title: "Utkast", createdById: editorId } });
  return version.id;
}

async function newArticleDraft(kind: "OVERVIEW" | "PROCEDURE" = "PROCEDURE"): Promise<{ articleId: string; versionId: string }> {
  const article = await db.article.create({ data: { slug: `artikel-${crypto.randomBytes(4).toString("hex")}`, kind, ownerId: editorId } });
  const version = await db.contentVersion.create({ data: { articleId: article.id, number: 1, title: "Utkast", createdById: editorId } });
  return { articleId: article.id, versionId: version.id };
}

function riskListContent(): RiskListContent {
  return {
    title: "Biverkningar av kortison",
    summary: "Biverkningar av kortison kan inkludera:",
    groups: [
      {
        key: key(),
        items: [
          { key: key(), text: "tillfälligt ökade blodsockernivåer", severity: "MILD", frequency: "COMMON", temporary: true },
          { key: key(), text: "binjurebarksvikt", severity: "MODERATE", frequency: "RARE", temporary: false },
        ],
      },
      {
        key: key(),
        title: "I vissa situationer kan du få biverkningar som involverar ditt hjärta",
        items: [{ key: key(), text: "onormal hjärtrytm", severity: "SERIOUS", frequency: "UNKNOWN", temporary: false }],
      },
    ],
  };
}

/** One block of every type, optional fields both set and left out. */
function articleContent(riskListId: string, procedureArticleId: string): ArticleContent {
  return {
    title: "Epidurala steroidinjektioner",
    blocks: [
      { key: key(), type: "HEADING", text: "Om behandlingen", level: 2 },
      { key: key(), type: "PARAGRAPH", text: "Kortison med *betoning* och [länk](https://example.org/a)." },
      { key: key(), type: "BULLET_LIST", items: ["klämd nerv", "diskbråck"] },
      { key: key(), type: "BULLET_LIST", intro: "Kan hjälpa vid:", items: ["ischias"] },
      { key: key(), type: "CALLOUT", tone: "warning", text: "Alla procedurer innebär en viss risk." },
      { key: key(), type: "CALLOUT", tone: "info", title: "Tala med en läkare", text: "Särskilt vid hjärtsvikt." },
      {
        key: key(),
        type: "PROCEDURE_FACTS",
        facts: {
          medications: ["CORTICOSTEROID", "LOCAL_ANAESTHETIC"],
          medicationNote: "Kortison och ett bedövningsmedel",
          imaging: ["CONTRAST_FLUOROSCOPY"],
          indications: ["klämd nerv", "spinal stenos"],
          reliefDuration: "1 vecka till 1 år",
          precautions: ["hjärtsvikt", "diabetes"],
          contraindications: [],
        },
      },
      { key: key(), type: "RISK_LIST", riskListId },
      { key: key(), type: "PROCEDURE", procedureArticleId },
      { key: key(), type: "KEY_TAKEAWAYS", title: "Viktiga takeaways", items: ["Det finns risker."] },
      { key: key(), type: "KEY_TAKEAWAYS", items: ["Utan rubrik."] },
      { key: key(), type: "REFERENCES", title: "Veta mer", items: [{ title: "1177", url: "https://www.1177.se/" }, { title: "Utan länk" }] },
      { key: key(), type: "REFERENCES", items: [] },
    ],
  };
}

async function existingRiskList(): Promise<string> {
  return (await db.riskList.create({ data: { slug: `ref-${crypto.randomBytes(4).toString("hex")}`, ownerId: editorId } })).id;
}

describe("version content", () => {
  it("round-trips a risk list exactly: same content, same hash", async () => {
    const versionId = await newRiskListDraft();
    const content = riskListContent();
    await db.$transaction((tx) => writeDraftContent(tx, versionId, content));
    const read = await readRiskListContent(db, versionId);
    expect(read).toEqual(content);
    expect(contentHash(read)).toBe(contentHash(content));
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { title: true, summary: true } })).toEqual({
      title: content.title,
      summary: content.summary,
    });
  });

  it("round-trips every article block type, in order, with facts and references", async () => {
    const { articleId: procedureArticleId } = await newArticleDraft();
    const { versionId } = await newArticleDraft("OVERVIEW");
    const content = articleContent(await existingRiskList(), procedureArticleId);
    await db.$transaction((tx) => writeDraftContent(tx, versionId, content));
    const read = await readArticleContent(db, versionId);
    expect(read).toEqual(content);
    expect(contentHash(read)).toBe(contentHash(content));
    expect(await db.procedureFacts.count({ where: { block: { versionId } } })).toBe(1);
  });

  it("returns what it stored, normalised, so the hash of the return value is the hash of the rows", async () => {
    const versionId = await newRiskListDraft();
    const untidy = riskListContent();
    untidy.title = "  Biverkningar  ";
    untidy.summary = "   ";
    const stored = await db.$transaction((tx) => writeDraftContent(tx, versionId, untidy));
    expect(stored.title).toBe("Biverkningar");
    expect(stored.summary).toBeUndefined();
    const read = await readRiskListContent(db, versionId);
    expect(read).toEqual(stored);
    expect(contentHash(read)).toBe(contentHash(stored));
  });

  it("replaces all previous children when a draft is saved again", async () => {
    const { versionId } = await newArticleDraft();
    const riskListId = await existingRiskList();
    const { articleId } = await newArticleDraft();
    await db.$transaction((tx) => writeDraftContent(tx, versionId, articleContent(riskListId, articleId)));
    const shorter: ArticleContent = { title: "Kortare", summary: "Sammanfattning", blocks: [{ key: key(), type: "PARAGRAPH", text: "Bara ett stycke." }] };
    await db.$transaction((tx) => writeDraftContent(tx, versionId, shorter));
    expect(await readArticleContent(db, versionId)).toEqual(shorter);
    expect(await db.articleBlock.count({ where: { versionId } })).toBe(1);
    expect(await db.procedureFacts.count({ where: { block: { versionId } } })).toBe(0);

    const listVersionId = await newRiskListDraft();
    await db.$transaction((tx) => writeDraftContent(tx, listVersionId, riskListContent()));
    const oneItem: RiskListContent = {
      title: "En risk",
      groups: [{ key: key(), items: [{ key: key(), text: "stroke", severity: "SERIOUS", frequency: "RARE", temporary: false }] }],
    };
    await db.$transaction((tx) => writeDraftContent(tx, listVersionId, oneItem));
    expect(await readRiskListContent(db, listVersionId)).toEqual(oneItem);
    expect(await db.riskItem.count({ where: { group: { versionId: listVersionId } } })).toBe(1);
  });

  it("keeps the hash of stored content stable across reads and independent of insertion details", async () => {
    const first = await newRiskListDraft();
    const second = await newRiskListDraft();
    const content = riskListContent();
    await db.$transaction((tx) => writeDraftContent(tx, first, content));
    await db.$transaction((tx) => writeDraftContent(tx, second, content));
    const hashes = await Promise.all([first, first, second].map(async (id) => contentHash(await readRiskListContent(db, id))));
    expect(new Set(hashes)).toEqual(new Set([contentHash(content)]));
  });

  it("refuses content of the wrong kind, invalid content and frozen versions, writing nothing", async () => {
    const listVersionId = await newRiskListDraft();
    const { versionId: articleVersionId } = await newArticleDraft();
    const article: ArticleContent = { title: "Artikel", blocks: [{ key: key(), type: "PARAGRAPH", text: "Text." }] };
    await expect(db.$transaction((tx) => writeDraftContent(tx, listVersionId, article))).rejects.toThrow(VersionContentError);
    await expect(db.$transaction((tx) => writeDraftContent(tx, articleVersionId, riskListContent()))).rejects.toThrow(VersionContentError);
    await expect(readArticleContent(db, listVersionId)).rejects.toThrow(VersionContentError);
    await expect(readRiskListContent(db, articleVersionId)).rejects.toThrow(VersionContentError);

    const invalid = { title: "Ogiltig", groups: [{ key: key(), items: [] }] } as unknown as RiskListContent;
    await expect(db.$transaction((tx) => writeDraftContent(tx, listVersionId, invalid))).rejects.toThrow();
    expect(await db.riskGroup.count({ where: { versionId: listVersionId } })).toBe(0);

    const content = riskListContent();
    await db.$transaction((tx) => writeDraftContent(tx, listVersionId, content));
    const hash = contentHash(content);
    // The database accepts an approval only together with its recorded decision.
    await db.$transaction(async (tx) => {
      await tx.contentVersion.update({
        where: { id: listVersionId },
        data: {
          status: "APPROVED",
          contentHash: hash,
          approvedContentHash: hash,
          submittedAt: new Date(),
          reviewerId,
          decision: "APPROVE",
          decidedAt: new Date(),
          lastReviewedAt: new Date(),
          nextReviewDue: new Date("2027-11-24"),
        },
      });
      await tx.reviewDecision.create({
        data: { versionId: listVersionId, reviewerId, kind: "APPROVE", contentHash: hash, reviewerName: "Granskare", reviewerTitle: "Överläkare", reviewerSpecialty: "Smärtlindring" },
      });
    });
    await expect(db.$transaction((tx) => writeDraftContent(tx, listVersionId, riskListContent()))).rejects.toThrow(/APPROVED/);
    expect(await readRiskListContent(db, listVersionId)).toEqual(content);
    await expect(db.$transaction((tx) => writeDraftContent(tx, crypto.randomUUID(), content))).rejects.toThrow(/does not exist/);
  });

  it("rolls back with the caller's transaction", async () => {
    const versionId = await newRiskListDraft();
    await expect(
      db.$transaction(async (tx) => {
        await writeDraftContent(tx, versionId, riskListContent());
        throw new Error("the caller gives up");
      }),
    ).rejects.toThrow("the caller gives up");
    expect(await db.riskGroup.count({ where: { versionId } })).toBe(0);
  });
});
