import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { ChangeKind } from "@/lib/db/generated/enums";
import type { ArticleContent, RiskListContent } from "@/lib/content/content-schemas";
import { readArticleContent, readRiskListContent } from "@/lib/content/version-content";
import { getArticle, getRiskList, listArticleVersions } from "@/lib/api/api-resources";
import { buildJsonFeed } from "@/lib/feed/json-feed";
import { granskadFeedSchema } from "@/lib/feed/json-feed-schema";
import { setUserClinician } from "@/lib/auth/manage-users";
import { clinicianRequiredRefusal } from "@/lib/labels/sv";
import { contentEventSchema, webhookRequestBody } from "@/lib/webhooks/content-event";
import { createWebhookSubscription } from "@/lib/webhooks/webhook-subscriptions";
import { approveVersionAction, reattestVersionAction } from "@/lib/actions/review-actions";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";
import { dashboardSection, loadDashboard } from "./dashboard";
import { createRiskList } from "./create-item";
import { saveDraft, startDraft } from "./draft-versions";
import { publishVersion, unpublishVersion } from "./publish-versions";
import { approveVersion, reattestVersion, requestChanges, submitForReview } from "./review-versions";
import { explainChangeKind } from "./version-change-kind";

/*
 * Issue 11.4: a version's change is clinical or editorial by construction, only a clinician approves or
 * re-attests a clinical one (the workflow table, and the database), downstream consumers are told which
 * it was, and a clinical risk-list change puts the articles that show the list on the reviewers' dashboard.
 */

let kit: TestKit;
let db: Db;
let users: Record<"editor" | "reviewer" | "admin" | "nurse", TestUser>;

const articleSlug = "radiofrekvensablation";
const riskListSlug = "nervblockader-biverkningar";

beforeAll(async () => {
  kit = await openTestKit({ name: "clinical-change" });
  db = kit.db;
  users = { ...kit.users, nurse: await kit.createUser("nurse", ["REVIEWER"], { name: "Sjuksköterska Granskare", title: "Sjuksköterska", clinician: false }) };
});

afterAll(async () => {
  await kit?.close();
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; failure: { message: string } }): T {
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}

async function published(kind: "article" | "riskList", slug: string) {
  const where = kind === "article" ? { article: { slug } } : { riskList: { slug } };
  return db.contentVersion.findFirstOrThrow({ where: { ...where, status: "PUBLISHED" } });
}

/** A new draft of the published version with `change` applied and saved, submitted for review. */
async function submitChange<C extends ArticleContent | RiskListContent>(kind: "article" | "riskList", slug: string, change: (content: C) => C, markedClinical?: boolean) {
  const base = await published(kind, slug);
  const item = kind === "article" ? { kind, id: base.articleId! } : { kind, id: base.riskListId! };
  const draft = unwrap(await startDraft(db, users.editor, { item, fromVersionId: base.id }));
  const content = (kind === "article" ? await readArticleContent(db, draft.id) : await readRiskListContent(db, draft.id)) as C;
  const saved = unwrap(await saveDraft(db, users.editor, { kind, versionId: draft.id, baseRevision: draft.revision, content: change(structuredClone(content)) } as Parameters<typeof saveDraft>[2]));
  return unwrap(await submitForReview(db, users.editor, { versionId: draft.id, baseRevision: saved.revision, changeNote: "Ändring", readerNote: "Ändrat", markedClinical }));
}

/** Sends the version back, so the item takes a new draft for the next case. */
async function sendBack(versionId: string) {
  unwrap(await requestChanges(db, users.reviewer, { versionId, comment: "Tillbaka" }));
}

const approve = (reviewer: TestUser, version: { id: string; contentHash: string | null }) =>
  approveVersion(db, reviewer, { versionId: version.id, contentHash: version.contentHash!, checklist: fullReviewChecklist });

type Facts = Extract<ArticleContent["blocks"][number], { type: "PROCEDURE_FACTS" }>["facts"];
function withFacts(change: (facts: Facts) => Facts) {
  return (content: ArticleContent): ArticleContent => ({
    ...content,
    blocks: content.blocks.map((block) => (block.type === "PROCEDURE_FACTS" ? { ...block, facts: change(block.facts) } : block)),
  });
}
function withFirstOf<T extends ArticleContent["blocks"][number]["type"]>(type: T, change: (block: Extract<ArticleContent["blocks"][number], { type: T }>) => ArticleContent["blocks"][number] | null) {
  return (content: ArticleContent): ArticleContent => {
    const index = content.blocks.findIndex((block) => block.type === type);
    if (index < 0) throw new Error(`no ${type} block`);
    const changed = change(content.blocks[index] as Extract<ArticleContent["blocks"][number], { type: T }>);
    return { ...content, blocks: content.blocks.flatMap((block, at) => (at !== index ? [block] : changed ? [changed] : [])) };
  };
}
type Risk = RiskListContent["groups"][number]["items"][number];
function withFirstRisk(change: (risk: Risk) => Risk) {
  return (content: RiskListContent): RiskListContent => ({
    ...content,
    groups: content.groups.map((group, index) => (index === 0 ? { ...group, items: group.items.map((item, at) => (at === 0 ? change(item) : item)) } : group)),
  });
}

type ArticleCase = { field: string; kind: "article"; change: (content: ArticleContent) => ArticleContent; marked?: true; expected: ChangeKind };
type RiskListCase = { field: string; kind: "riskList"; change: (content: RiskListContent) => RiskListContent; marked?: true; expected: ChangeKind };

/** One case per class of field: what the reader reads around the facts is editorial, the facts and risks are clinical. */
const cases: (ArticleCase | RiskListCase)[] = [
  { field: "article title", kind: "article", change: (content) => ({ ...content, title: `${content.title} (uppdaterad)` }), expected: "EDITORIAL" },
  { field: "article summary", kind: "article", change: (content) => ({ ...content, summary: "En ny sammanfattning." }), expected: "EDITORIAL" },
  { field: "paragraph", kind: "article", change: withFirstOf("PARAGRAPH", (block) => ({ ...block, text: `${block.text} Ny mening.` })), expected: "EDITORIAL" },
  { field: "callout", kind: "article", change: withFirstOf("CALLOUT", (block) => ({ ...block, text: `${block.text} Fråga din läkare.` })), expected: "EDITORIAL" },
  { field: "block order", kind: "article", change: (content) => ({ ...content, blocks: [...content.blocks].reverse() }), expected: "EDITORIAL" },
  { field: "indications in another order", kind: "article", change: withFacts((facts) => ({ ...facts, indications: [...facts.indications].reverse() })), expected: "EDITORIAL" },
  { field: "editorial, marked clinical by the editor", kind: "article", change: (content) => ({ ...content, summary: "Markerad." }), marked: true, expected: "CLINICAL" },
  { field: "medication", kind: "article", change: withFacts((facts) => ({ ...facts, medications: ["LOCAL_ANAESTHETIC"] })), expected: "CLINICAL" },
  { field: "medication note", kind: "article", change: withFacts((facts) => ({ ...facts, medicationNote: "bedövningsmedel" })), expected: "CLINICAL" },
  { field: "imaging", kind: "article", change: withFacts((facts) => ({ ...facts, imaging: ["ULTRASOUND"] })), expected: "CLINICAL" },
  { field: "indications", kind: "article", change: withFacts((facts) => ({ ...facts, indications: [...facts.indications, "nackvärk"] })), expected: "CLINICAL" },
  { field: "relief duration", kind: "article", change: withFacts((facts) => ({ ...facts, reliefDuration: "6 till 12 månader" })), expected: "CLINICAL" },
  { field: "precautions", kind: "article", change: withFacts((facts) => ({ ...facts, precautions: ["diabetes"] })), expected: "CLINICAL" },
  { field: "contraindications", kind: "article", change: withFacts((facts) => ({ ...facts, contraindications: [] })), expected: "CLINICAL" },
  { field: "risk-list block removed", kind: "article", change: withFirstOf("RISK_LIST", () => null), expected: "CLINICAL" },
  { field: "risk list summary", kind: "riskList", change: (content) => ({ ...content, summary: "Biverkningarna går oftast över." }), expected: "EDITORIAL" },
  { field: "risk group title", kind: "riskList", change: (content) => ({ ...content, groups: content.groups.map((group) => ({ ...group, title: "Vanliga biverkningar" })) }), expected: "EDITORIAL" },
  { field: "risk text", kind: "riskList", change: withFirstRisk((risk) => ({ ...risk, text: `${risk.text} (ovanligt)` })), expected: "CLINICAL" },
  { field: "risk severity", kind: "riskList", change: withFirstRisk((risk) => ({ ...risk, severity: risk.severity === "SERIOUS" ? "MILD" : "SERIOUS" })), expected: "CLINICAL" },
  { field: "risk frequency", kind: "riskList", change: withFirstRisk((risk) => ({ ...risk, frequency: risk.frequency === "RARE" ? "COMMON" : "RARE" })), expected: "CLINICAL" },
  { field: "risk temporary flag", kind: "riskList", change: withFirstRisk((risk) => ({ ...risk, temporary: !risk.temporary })), expected: "CLINICAL" },
  {
    field: "risk added",
    kind: "riskList",
    change: (content) => ({
      ...content,
      groups: content.groups.map((group, index) => (index === 0 ? { ...group, items: [...group.items, { key: crypto.randomUUID(), text: "Yrsel", severity: "MILD", frequency: "COMMON", temporary: true }] } : group)),
    }),
    expected: "CLINICAL",
  },
];

describe("clinical or editorial change", () => {
  it.each(cases)("a change of $field is $expected, stored at submit and audited", async (testCase) => {
    const submitted =
      testCase.kind === "article"
        ? await submitChange<ArticleContent>("article", articleSlug, testCase.change, testCase.marked)
        : await submitChange<RiskListContent>("riskList", riskListSlug, testCase.change, testCase.marked);
    const base = await published(testCase.kind, testCase.kind === "article" ? articleSlug : riskListSlug);
    expect(submitted).toMatchObject({ status: "IN_REVIEW", changeKind: testCase.expected, changeKindBaseId: base.id, clinicalMarkedByEditor: testCase.marked ?? false });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "version.submitted", data: { path: ["versionId"], equals: submitted.id } } });
    expect(audit.data).toMatchObject({ changeKind: testCase.expected });
    await sendBack(submitted.id);
  });

  it("a first version is clinical: nothing is published to compare it with", async () => {
    const created = unwrap(await createRiskList(db, users.editor, { slug: "ny-klinisk-lista", title: "Ny lista", firstRisk: { text: "Huvudvärk", severity: "MILD", frequency: "COMMON", temporary: true } }));
    const draft = await db.contentVersion.findUniqueOrThrow({ where: { id: created.versionId } });
    const submitted = unwrap(await submitForReview(db, users.editor, { versionId: draft.id, baseRevision: draft.revision, changeNote: "Ny", readerNote: "Ny" }));
    expect(submitted).toMatchObject({ changeKind: "CLINICAL", changeKindBaseId: null });
  });

  it("refuses a reviewer who is not a clinician the approval of a clinical change, with the sentence from labels, and lets a clinician approve it", async () => {
    const clinical = await submitChange<RiskListContent>("riskList", riskListSlug, withFirstRisk((risk) => ({ ...risk, text: `${risk.text}, i sällsynta fall` })));
    expect(clinical.changeKind).toBe("CLINICAL");
    // The review screen's explanation: the reasons against the version compared with; the seed's first version is a first version.
    expect(await explainChangeKind(db, clinical)).toEqual({ kind: "CLINICAL", reasons: ["riskItems"] });
    expect(await explainChangeKind(db, await published("riskList", riskListSlug))).toEqual({ kind: "CLINICAL", reasons: ["firstVersion"] });
    const refused = await approve(users.nurse, clinical);
    expect(refused).toMatchObject({ ok: false, failure: { kind: "forbidden", message: clinicianRequiredRefusal } });
    // Through the server action as the browser calls it, too.
    await kit.signIn(users.nurse);
    const viaAction = await approveVersionAction({ versionId: clinical.id, contentHash: clinical.contentHash!, checklist: fullReviewChecklist });
    expect(viaAction).toMatchObject({ ok: false, error: { message: clinicianRequiredRefusal } });
    // Nothing was written.
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: clinical.id } })).toMatchObject({ status: "IN_REVIEW", reviewerId: null });
    expect(await db.reviewDecision.count({ where: { versionId: clinical.id } })).toBe(0);
    // The non-clinician may still send it back or comment; the clinician approves.
    const approved = unwrap(await approve(users.reviewer, clinical));
    expect(approved.status).toBe("APPROVED");
    unwrap(await publishVersion(db, users.admin, { versionId: clinical.id }));
  });

  it("lets a reviewer who is not a clinician approve an editorial change", async () => {
    const editorial = await submitChange<ArticleContent>("article", articleSlug, (content) => ({ ...content, summary: "Redaktionell sammanfattning." }));
    expect(editorial.changeKind).toBe("EDITORIAL");
    expect(unwrap(await approve(users.nurse, editorial)).status).toBe("APPROVED");
    unwrap(await publishVersion(db, users.admin, { versionId: editorial.id }));
  });

  it("publishes a withdrawn editorial version again when nothing else is published: readers get back the text they last had", async () => {
    const editorial = await published("article", articleSlug);
    expect(editorial.changeKind).toBe("EDITORIAL");
    unwrap(await unpublishVersion(db, users.admin, { versionId: editorial.id }));
    expect(unwrap(await publishVersion(db, users.admin, { versionId: editorial.id })).status).toBe("PUBLISHED");
  });

  it("publishes an approved editorial change after the version it was measured against is withdrawn", async () => {
    const editorial = await submitChange<ArticleContent>("article", articleSlug, (content) => ({ ...content, summary: "Redaktionell sammanfattning, andra gången." }));
    expect(editorial.changeKind).toBe("EDITORIAL");
    unwrap(await approve(users.nurse, editorial));
    unwrap(await unpublishVersion(db, users.admin, { versionId: (await published("article", articleSlug)).id }));
    // Readers were last shown the withdrawn text, which is what the change was measured against.
    expect(unwrap(await publishVersion(db, users.admin, { versionId: editorial.id })).status).toBe("PUBLISHED");
  });

  it("refuses a non-clinician the re-attestation of published clinical content; the admin's flag, audited, changes that at once", async () => {
    const list = await published("riskList", riskListSlug);
    expect(list.changeKind).toBe("CLINICAL");
    await kit.signIn(users.nurse);
    expect(await reattestVersionAction({ versionId: list.id, checklist: fullReviewChecklist })).toMatchObject({ ok: false, error: { message: clinicianRequiredRefusal } });

    const granted = unwrap(await setUserClinician(db, users.admin, { userId: users.nurse.id, clinician: true }));
    expect(granted.clinician).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.clinician_changed", entityId: users.nurse.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: users.admin.id, data: { before: false, after: true } });
    // The session's user (read when it signed in) said not a clinician; the transition reads the database.
    expect(unwrap(await reattestVersion(db, users.nurse, { versionId: list.id, checklist: fullReviewChecklist })).decision).toBe("REATTEST");

    unwrap(await setUserClinician(db, users.admin, { userId: users.nurse.id, clinician: false }));
    expect(await db.user.findUniqueOrThrow({ where: { id: users.nurse.id } })).toMatchObject({ clinician: false });
    // Unchanged: no second audit event.
    unwrap(await setUserClinician(db, users.admin, { userId: users.nurse.id, clinician: false }));
    expect(await db.auditEvent.count({ where: { action: "user.clinician_changed", entityId: users.nurse.id } })).toBe(2);
  });

  it("the database refuses a clinical approval by a non-clinician written with raw SQL, and a submitted version's change kind cannot be rewritten", async () => {
    const clinical = await submitChange<RiskListContent>("riskList", riskListSlug, withFirstRisk((risk) => ({ ...risk, frequency: risk.frequency === "UNKNOWN" ? "RARE" : "UNKNOWN" })));
    const client = new pg.Client({ connectionString: kit.url });
    await client.connect();
    try {
      const insertDecision = (reviewerId: string) =>
        client.query(
          `INSERT INTO "ReviewDecision" (id, "versionId", "reviewerId", kind, "contentHash", "reviewerName", "reviewerTitle", "reviewerSpecialty")
           VALUES (gen_random_uuid(), $1, $2, 'APPROVE', $3, 'Granskare', 'Sjuksköterska', 'Smärtlindring')`,
          [clinical.id, reviewerId, clinical.contentHash],
        );
      await expect(insertDecision(users.nurse.id)).rejects.toMatchObject({ code: "23514", message: expect.stringContaining("clinical review") });
      await expect(client.query(`UPDATE "ContentVersion" SET "changeKind" = 'EDITORIAL' WHERE id = $1`, [clinical.id])).rejects.toMatchObject({
        message: expect.stringContaining("whether it is a clinical change is fixed"),
      });
      await expect(client.query(`UPDATE "ContentVersion" SET "clinicalMarkedByEditor" = true, "changeKind" = 'EDITORIAL' WHERE id = $1`, [clinical.id])).rejects.toBeDefined();
      // The same decision by a clinician is accepted (rolled back: the version stays in review).
      await client.query("BEGIN");
      await expect(insertDecision(users.reviewer.id)).resolves.toBeDefined();
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
    expect(await db.contentVersion.findUniqueOrThrow({ where: { id: clinical.id } })).toMatchObject({ changeKind: "CLINICAL", status: "IN_REVIEW" });
    await sendBack(clinical.id);
  });

  it("the reviewers' waiting list offers a clinical change only to clinicians, and marks it", async () => {
    const clinical = await submitChange<RiskListContent>("riskList", riskListSlug, withFirstRisk((risk) => ({ ...risk, text: `${risk.text}!` })));
    const editorial = await submitChange<ArticleContent>("article", articleSlug, (content) => ({ ...content, title: `${content.title}.` }));
    const waitingFor = async (user: TestUser) => dashboardSection(await loadDashboard(db, user), "vantar-pa-granskning") ?? [];
    const forNurse = await waitingFor(users.nurse);
    expect(forNurse.map((row) => row.versionId)).toContain(editorial.id);
    expect(forNurse.map((row) => row.versionId)).not.toContain(clinical.id);
    const forClinician = await waitingFor(users.reviewer);
    expect(forClinician.find((row) => row.versionId === clinical.id)?.detail).toBe("klinisk ändring");
    expect(forClinician.find((row) => row.versionId === editorial.id)?.detail).toBeUndefined();
    // Nor is the non-clinician told to review it; the clinician is, and both are told of the editorial one.
    const askedToReview = async (user: TestUser, versionId: string) => db.notification.count({ where: { userId: user.id, kind: "REVIEW_REQUESTED", linkPath: { contains: versionId } } });
    expect(await askedToReview(users.nurse, clinical.id)).toBe(0);
    expect(await askedToReview(users.reviewer, clinical.id)).toBe(1);
    expect(await askedToReview(users.nurse, editorial.id)).toBe(1);
    await sendBack(clinical.id);
    await sendBack(editorial.id);
  });

  it("the feed item, the API resources and the webhook payload carry changeKind for the version", async () => {
    const subscription = unwrap(await createWebhookSubscription(db, users.admin, { url: "https://mottagare.example/clinical", events: ["PUBLISHED"] }));
    try {
      const editorial = await submitChange<ArticleContent>("article", articleSlug, withFirstOf("PARAGRAPH", (block) => ({ ...block, text: `${block.text} Läs mer nedan.` })));
      unwrap(await approve(users.nurse, editorial));
      unwrap(await publishVersion(db, users.admin, { versionId: editorial.id }));
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
      const event = contentEventSchema.parse(delivery.payload);
      expect(event.version).toMatchObject({ id: editorial.id, changeKind: "editorial" });
      expect(JSON.parse(webhookRequestBody(event, delivery.idempotencyKey, "https://granskad.example")).version.changeKind).toBe("editorial");
      // A delivery stored before changes were classified is read as clinical.
      const oldVersion: Partial<typeof event.version> = { ...event.version };
      delete oldVersion.changeKind;
      expect(contentEventSchema.parse({ ...event, version: oldVersion }).version.changeKind).toBe("clinical");

      const baseUrl = "http://localhost:3000";
      const article = unwrap(await getArticle(db, articleSlug, baseUrl)).body;
      expect(article.version).toMatchObject({ id: editorial.id, changeKind: "editorial" });
      const riskListBlock = article.blocks.find((block) => block.type === "RISK_LIST");
      expect(riskListBlock?.type === "RISK_LIST" && riskListBlock.riskList.version.changeKind).toBe("clinical");
      const history = unwrap(await listArticleVersions(db, articleSlug, { limit: 100 })).body.data;
      expect(history.find((version) => version.id === editorial.id)?.changeKind).toBe("editorial");
      expect(history.at(-1)?.changeKind).toBe("clinical");
      expect(unwrap(await getRiskList(db, riskListSlug)).body.version.changeKind).toBe("clinical");

      const feed = granskadFeedSchema.parse(unwrap(await buildJsonFeed(db, { limit: 100 }, baseUrl)).body);
      const item = feed.items.find((candidate) => candidate.id === `urn:uuid:${editorial.articleId}`);
      expect(item?._granskad.version).toMatchObject({ id: editorial.id, changeKind: "editorial" });
      expect(feed.items.filter((candidate) => candidate !== item).every((candidate) => candidate._granskad.version.changeKind === "clinical")).toBe(true);
    } finally {
      await db.webhookSubscription.deleteMany({ where: { id: subscription.id } });
    }
  });

  it("a clinical risk-list change, once published, lists every article that shows the list as affected until it is reviewed again", async () => {
    const affected = async () => dashboardSection(await loadDashboard(db, users.reviewer), "paverkade-artiklar") ?? [];
    const list = await published("riskList", riskListSlug);
    const showing = await db.contentVersion.findMany({
      where: { status: "PUBLISHED", articleId: { not: null }, blocks: { some: { riskListId: list.riskListId } } },
      select: { id: true, articleId: true },
    });
    expect(showing.length).toBeGreaterThan(0);
    // A clinical change an earlier test published may have made them affected already; a re-attestation clears that.
    const earlier = new Set((await affected()).map((row) => row.versionId));
    for (const article of showing.filter(({ id }) => earlier.has(id))) unwrap(await reattestVersion(db, users.reviewer, { versionId: article.id, checklist: fullReviewChecklist }));
    // An editorial change to the list affects nobody.
    const editorial = await submitChange<RiskListContent>("riskList", riskListSlug, (content) => ({ ...content, summary: "Redaktionellt." }));
    unwrap(await approve(users.nurse, editorial));
    unwrap(await publishVersion(db, users.admin, { versionId: editorial.id }));
    const before = (await affected()).map((row) => row.versionId);
    for (const article of showing) expect(before).not.toContain(article.id);

    const clinical = await submitChange<RiskListContent>("riskList", riskListSlug, withFirstRisk((risk) => ({ ...risk, severity: risk.severity === "MODERATE" ? "SERIOUS" : "MODERATE" })));
    unwrap(await approve(users.reviewer, clinical));
    const publishedList = unwrap(await publishVersion(db, users.admin, { versionId: clinical.id }));
    const rows = await affected();
    for (const article of showing) {
      const row = rows.find((candidate) => candidate.versionId === article.id);
      expect(row).toMatchObject({ since: publishedList.publishedAt, detail: expect.stringContaining(`version ${publishedList.number}`) });
    }
    // An overview that embeds a procedure showing the list is affected too.
    const embedding = await db.contentVersion.findMany({
      where: { status: "PUBLISHED", blocks: { some: { procedureArticleId: { in: showing.map((article) => article.articleId!) } } } },
      select: { id: true },
    });
    expect(embedding.length).toBeGreaterThan(0);
    for (const overview of embedding) expect(rows.map((row) => row.versionId)).toContain(overview.id);

    // Re-attesting the article (a whole-page review in the list's new context) takes it off the list.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [first] = showing;
    unwrap(await reattestVersion(db, users.reviewer, { versionId: first!.id, checklist: fullReviewChecklist }));
    expect((await affected()).map((row) => row.versionId)).not.toContain(first!.id);
  });
});
