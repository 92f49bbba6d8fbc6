import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { contentHash } from "./content-hash";
import { demoUsers, seedAuthor, seedDatabase, seedNextReviewDue, seedReviewer, seedTimeline, seedTimestamp } from "./seed";
import { kortisonRiskList, seedArticles, seedOverviewArticle, seedProcedureArticles, seedRiskLists } from "./seed-content";
import { readArticleContent, readRiskListContent } from "./version-content";

/** Every row of every table, as text, in a stable order: equal signatures mean no row changed. */
async function databaseSignature(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const signature: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t ORDER BY 1`);
      signature[name] = rows.rows.map(({ row }) => row);
    }
    return signature;
  } finally {
    await client.end();
  }
}

describe("seedDatabase", () => {
  let kit: Omit<TestKit, "users">;
  let db: Db;

  beforeAll(async () => {
    kit = await openTestKit({ name: "seed", seed: false, users: false });
    db = kit.db;
  });

  afterAll(async () => {
    await kit?.close();
  });

  it("publishes every risk list and article as reviewed version 1 whose hash is the hash of its rows", async () => {
    const summary = await seedDatabase(db, { demoUsers: false });
    expect(summary.skipped).toEqual([]);
    expect(summary.created).toEqual([
      { kind: "user", name: seedAuthor.email },
      { kind: "user", name: seedReviewer.email },
      ...seedRiskLists.map((list) => ({ kind: "riskList", name: list.slug })),
      ...seedArticles.map((item) => ({ kind: "article", name: item.slug })),
    ]);

    const articles = await db.article.findMany({ include: { versions: true } });
    expect(articles).toHaveLength(7);
    expect(articles.filter((item) => item.kind === "OVERVIEW").map((item) => item.slug)).toEqual(["injektioner-mot-ryggsmarta"]);
    expect(articles.filter((item) => item.kind === "PROCEDURE")).toHaveLength(6);
    const riskLists = await db.riskList.findMany({ include: { versions: true } });
    expect(riskLists.length).toBeGreaterThanOrEqual(6);

    const versions = [...articles, ...riskLists].map((item) => {
      expect(item.versions, item.slug).toHaveLength(1);
      return item.versions[0]!;
    });
    for (const version of versions) {
      expect(version).toMatchObject({
        number: 1,
        status: "PUBLISHED",
        createdById: seedAuthor.id,
        reviewerId: seedReviewer.id,
        decision: "APPROVE",
        approvedContentHash: version.contentHash,
        createdAt: seedTimeline.created,
        submittedAt: seedTimeline.submitted,
        decidedAt: seedTimeline.decided,
        lastReviewedAt: seedTimeline.decided,
        publishedAt: seedTimestamp,
        nextReviewDue: seedNextReviewDue,
        changeNote: "Importerad från källartikeln",
        readerNote: "Första publicerade versionen.",
      });
      // The history reads in the order it happened: written, submitted, approved, published.
      expect(version.createdAt < version.submittedAt! && version.submittedAt! < version.decidedAt! && version.decidedAt! < version.publishedAt!).toBe(true);
      const content = version.articleId ? await readArticleContent(db, version.id) : await readRiskListContent(db, version.id);
      expect(version.contentHash).toBe(contentHash(content));
    }
    expect(seedNextReviewDue.toISOString()).toBe("2027-11-24T00:00:00.000Z");

    for (const item of seedArticles) {
      const content = await readArticleContent(db, item.versionId);
      expect(content, item.slug).toEqual(item.content);
    }
    for (const list of seedRiskLists) expect(await readRiskListContent(db, list.versionId), list.slug).toEqual(list.content);

    const overview = await readArticleContent(db, seedOverviewArticle.versionId);
    const included = overview.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [block.procedureArticleId] : []));
    const procedureSlugs = await Promise.all(included.map(async (id) => (await db.article.findUniqueOrThrow({ where: { id } })).slug));
    expect(procedureSlugs).toEqual(seedProcedureArticles.map((procedure) => procedure.slug));
  });

  it("records authorship, the reviewer's attested identity and an audit event for every item", async () => {
    const versionCount = await db.contentVersion.count();
    expect(await db.versionAuthor.count({ where: { userId: seedAuthor.id } })).toBe(versionCount);
    const decisions = await db.reviewDecision.findMany({ include: { version: { select: { contentHash: true } } } });
    expect(decisions).toHaveLength(versionCount);
    for (const decision of decisions) {
      expect(decision).toMatchObject({
        kind: "APPROVE",
        reviewerId: seedReviewer.id,
        reviewerName: "Seed-granskare",
        reviewerTitle: "Leg. läkare",
        reviewerSpecialty: "Smärtlindring",
        contentHash: decision.version.contentHash,
        createdAt: seedTimeline.decided,
      });
    }
    const events = await db.auditEvent.findMany({ where: { action: "content.seeded" } });
    expect(events).toHaveLength(versionCount);
    expect(new Set(events.map((event) => event.actorId))).toEqual(new Set([seedAuthor.id]));

    const systemUsers = await db.user.findMany();
    expect(systemUsers).toHaveLength(2);
    for (const user of systemUsers) expect(user).toMatchObject({ passwordHash: null, roles: [] });
  });

  it("changes no row when it runs again", async () => {
    const before = await databaseSignature(kit.url);
    const summary = await seedDatabase(db, { demoUsers: false });
    expect(summary.created).toEqual([]);
    expect(summary.skipped).toHaveLength(2 + seedRiskLists.length + seedArticles.length);
    expect(await databaseSignature(kit.url)).toEqual(before);
  });

  it("creates demo users only when asked, with working passwords, and leaves them alone afterwards", async () => {
    expect(await db.user.count({ where: { email: { in: demoUsers.map((user) => user.email) } } })).toBe(0);
    const summary = await seedDatabase(db, { demoUsers: true });
    expect(summary.created).toEqual(demoUsers.map((user) => ({ kind: "user", name: user.email })));
    for (const demo of demoUsers) {
      const user = await db.user.findUniqueOrThrow({ where: { email: demo.email } });
      expect(user.roles).toEqual([demo.role]);
      expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await verifyPassword(demo.password, user.passwordHash!)).toBe(true);
      expect(await verifyPassword(`${demo.password}x`, user.passwordHash!)).toBe(false);
    }
    expect(demoUsers.map((user) => [user.email, user.password, user.role])).toEqual([
      ["editor@granskad.local", "granskad-editor", "EDITOR"],
      ["reviewer@granskad.local", "granskad-reviewer", "REVIEWER"],
      ["admin@granskad.local", "granskad-admin", "ADMIN"],
    ]);

    const before = await databaseSignature(kit.url);
    expect((await seedDatabase(db, { demoUsers: true })).created).toEqual([]);
    expect(await databaseSignature(kit.url)).toEqual(before);
  });
});

describe("seedDatabase on a database where some items already exist", () => {
  let kit: TestKit;
  let db: Db;

  beforeAll(async () => {
    kit = await openTestKit({ name: "seed", seed: false });
    db = kit.db;
  });

  afterAll(async () => {
    await kit?.close();
  });

  it("leaves an existing item untouched and points the seeded articles at it", async () => {
    const editor = await kit.createUser("elin", ["EDITOR"], { name: "Elin", title: "Redaktör" });
    const ownList = await db.riskList.create({ data: { slug: kortisonRiskList.slug, ownerId: editor.id } });
    await db.contentVersion.create({ data: { riskListId: ownList.id, number: 1, title: "Egen lista", createdById: editor.id } });
    const before = await databaseSignature(kit.url);

    const summary = await seedDatabase(db, { demoUsers: false });
    expect(summary.skipped).toEqual([{ kind: "riskList", name: kortisonRiskList.slug }]);

    const after = await databaseSignature(kit.url);
    for (const table of ["RiskList", "ContentVersion"]) {
      for (const row of before[table] ?? []) expect(after[table], table).toContain(row);
    }
    const referencing = await db.articleBlock.findMany({ where: { riskListId: ownList.id }, select: { version: { select: { article: { select: { slug: true } } } } } });
    expect(referencing.map((block) => block.version.article?.slug).sort()).toEqual(
      ["epidurala-steroidinjektioner", "facettledsinjektioner", "sacroiliaca-ledinjektioner", "triggerpunktsinjektioner"].sort(),
    );
    expect(await db.riskList.count({ where: { slug: kortisonRiskList.slug } })).toBe(1);
  });
});
