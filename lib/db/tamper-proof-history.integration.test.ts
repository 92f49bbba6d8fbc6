import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";

/**
 * What someone with a SQL prompt on the database (not the application) can do to reviewed content: each
 * tampering of migration 20261201220000_tamper_proof_history is tried as raw SQL and must be refused,
 * leaving every protected table exactly as it was. On PGlite, or on the PostgreSQL in DATABASE_URL.
 */
let kit: Omit<TestKit, "users">;
let client: pg.Client;

type Fixture = {
  publishedArticleVersion: string;
  publishedRiskListVersion: string;
  publishedBlock: string;
  publishedFactsBlock: string;
  publishedGroup: string;
  publishedAuthor: string;
  draftVersion: string;
  draftBlock: string;
  draftGroup: string;
  editor: string;
  coAuthor: string;
  reviewer: string;
  outsider: string;
};
let fixture: Fixture;

async function one<T>(sql: string, values: unknown[] = []): Promise<T> {
  const result = await client.query(sql, values);
  return result.rows[0] as T;
}

async function insertUser(email: string): Promise<string> {
  const row = await one<{ id: string }>(
    // Clinicians: the versions inserted here are clinical changes (the column's default).
    `INSERT INTO "User" (id, email, name, title, specialty, roles, clinician, "updatedAt")
     VALUES (gen_random_uuid(), $1, $1, 'Överläkare', 'Smärtlindring', ARRAY['REVIEWER', 'EDITOR']::"Role"[], true, now()) RETURNING id`,
    [email],
  );
  return row.id;
}

/** Everything the rules protect, as text: compared before and after each attempt. */
async function protectedState(): Promise<string> {
  const tables = ["ContentVersion", "VersionAuthor", "ArticleBlock", "ProcedureFacts", "RiskGroup", "RiskItem", "ReviewDecision", "AuditEvent"];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await client.query(`SELECT to_jsonb(t) AS row FROM "${table}" t ORDER BY to_jsonb(t)::text`);
    parts.push(`${table}:${JSON.stringify(rows.rows)}`);
  }
  return crypto.createHash("sha256").update(parts.join("\n")).digest("hex");
}

beforeAll(async () => {
  kit = await openTestKit({ name: "tamper", users: false });
  client = new pg.Client({ connectionString: kit.url });
  await client.connect();

  const editor = await insertUser("redaktor@example.se");
  const coAuthor = await insertUser("medforfattare@example.se");
  const reviewer = await insertUser("granskare@example.se");
  const outsider = await insertUser("utomstaende@example.se");
  const facts = await one<{ blockId: string; versionId: string }>(
    `SELECT f."blockId", b."versionId" FROM "ProcedureFacts" f JOIN "ArticleBlock" b ON b.id = f."blockId" LIMIT 1`,
  );
  const publishedBlock = await one<{ id: string }>(`SELECT id FROM "ArticleBlock" WHERE "versionId" = $1 AND type <> 'PROCEDURE_FACTS' LIMIT 1`, [facts.versionId]);
  const group = await one<{ id: string; versionId: string }>(`SELECT g.id, g."versionId" FROM "RiskGroup" g JOIN "RiskItem" i ON i."groupId" = g.id LIMIT 1`);
  const author = await one<{ userId: string }>(`SELECT "userId" FROM "VersionAuthor" WHERE "versionId" = $1`, [facts.versionId]);
  const article = await one<{ articleId: string }>(`SELECT "articleId" FROM "ContentVersion" WHERE id = $1`, [facts.versionId]);

  // A draft of the same article, written by the editor and a co-author, with one block and one risk group.
  const draft = await one<{ id: string }>(
    `INSERT INTO "ContentVersion" (id, "articleId", number, title, "createdById", "updatedAt")
     VALUES (gen_random_uuid(), $1, 2, 'Utkast', $2, now()) RETURNING id`,
    [article.articleId, editor],
  );
  await client.query(`INSERT INTO "VersionAuthor" ("versionId", "userId") VALUES ($1, $2), ($1, $3)`, [draft.id, editor, coAuthor]);
  const draftBlock = await one<{ id: string }>(
    `INSERT INTO "ArticleBlock" (id, "versionId", key, position, type, data) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 0, 'PARAGRAPH', '{"text": "Hej"}') RETURNING id`,
    [draft.id],
  );
  const draftGroup = await one<{ id: string }>(
    `INSERT INTO "RiskGroup" (id, "versionId", key, position, title) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 0, 'Grupp') RETURNING id`,
    [draft.id],
  );
  fixture = {
    publishedArticleVersion: facts.versionId,
    publishedRiskListVersion: group.versionId,
    publishedBlock: publishedBlock.id,
    publishedFactsBlock: facts.blockId,
    publishedGroup: group.id,
    publishedAuthor: author.userId,
    draftVersion: draft.id,
    draftBlock: draftBlock.id,
    draftGroup: draftGroup.id,
    editor,
    coAuthor,
    reviewer,
    outsider,
  };
});

afterAll(async () => {
  await client?.end();
  await kit?.close();
});

type Attempt = [description: string, statements: (f: Fixture) => [sql: string, values?: unknown[]][]];

const tamperings: Attempt[] = [
  ["add an author to a published version", (f) => [[`INSERT INTO "VersionAuthor" ("versionId", "userId") VALUES ($1, $2)`, [f.publishedArticleVersion, f.outsider]]]],
  ["reassign a published version's author", (f) => [[`UPDATE "VersionAuthor" SET "userId" = $2 WHERE "versionId" = $1`, [f.publishedArticleVersion, f.outsider]]]],
  ["remove a published version's author", (f) => [[`DELETE FROM "VersionAuthor" WHERE "versionId" = $1`, [f.publishedArticleVersion]]]],
  ["remove a co-author from a draft, so they could approve it later", (f) => [[`DELETE FROM "VersionAuthor" WHERE "versionId" = $1 AND "userId" = $2`, [f.draftVersion, f.coAuthor]]]],
  ["turn a draft's co-author into someone else", (f) => [[`UPDATE "VersionAuthor" SET "userId" = $3 WHERE "versionId" = $1 AND "userId" = $2`, [f.draftVersion, f.coAuthor, f.outsider]]]],
  ["move a block out of a published version", (f) => [[`UPDATE "ArticleBlock" SET "versionId" = $2, position = 9 WHERE id = $1`, [f.publishedBlock, f.draftVersion]]]],
  ["move a draft's block into a published version", (f) => [[`UPDATE "ArticleBlock" SET "versionId" = $2, position = 99 WHERE id = $1`, [f.draftBlock, f.publishedArticleVersion]]]],
  ["move a risk group out of a published risk list", (f) => [[`UPDATE "RiskGroup" SET "versionId" = $2, position = 9 WHERE id = $1`, [f.publishedGroup, f.draftVersion]]]],
  ["move a draft's risk group into a published risk list", (f) => [[`UPDATE "RiskGroup" SET "versionId" = $2, position = 99 WHERE id = $1`, [f.draftGroup, f.publishedRiskListVersion]]]],
  ["move procedure facts out of a published version", (f) => [[`UPDATE "ProcedureFacts" SET "blockId" = $2 WHERE "blockId" = $1`, [f.publishedFactsBlock, f.draftBlock]]]],
  ["move risk items out of a published risk list", (f) => [[`UPDATE "RiskItem" SET "groupId" = $2 WHERE "groupId" = $1`, [f.publishedGroup, f.draftGroup]]]],
  [
    "move a draft's risk item into a published risk list",
    (f) => [
      [`INSERT INTO "RiskItem" (id, "groupId", key, position, text, severity, frequency) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 0, 'Ny risk', 'MILD', 'RARE')`, [f.draftGroup]],
      [`UPDATE "RiskItem" SET "groupId" = $2, position = 99 WHERE "groupId" = $1`, [f.draftGroup, f.publishedGroup]],
    ],
  ],
  ["rewrite a review decision", () => [[`UPDATE "ReviewDecision" SET "reviewerName" = 'Någon annan'`]]],
  ["delete a review decision", () => [[`DELETE FROM "ReviewDecision"`]]],
  ["truncate the review decisions", () => [[`TRUNCATE "ReviewDecision"`]]],
  ["rewrite the audit trail", () => [[`UPDATE "AuditEvent" SET action = 'nothing.happened'`]]],
  ["delete the audit trail", () => [[`DELETE FROM "AuditEvent"`]]],
  ["truncate the audit trail", () => [[`TRUNCATE "AuditEvent"`]]],
  ["truncate the versions and everything that references them", () => [[`TRUNCATE "ContentVersion" CASCADE`]]],
  ["truncate the article blocks", () => [[`TRUNCATE "ArticleBlock" CASCADE`]]],
  ["truncate the authors", () => [[`TRUNCATE "VersionAuthor"`]]],
  ["truncate the risk items", () => [[`TRUNCATE "RiskItem"`]]],
  ["change a published version's content hash", (f) => [[`UPDATE "ContentVersion" SET "contentHash" = repeat('0', 64) WHERE id = $1`, [f.publishedArticleVersion]]]],
  ["change a published version's approved hash", (f) => [[`UPDATE "ContentVersion" SET "approvedContentHash" = NULL WHERE id = $1`, [f.publishedArticleVersion]]]],
  ["name another reviewer on a published version", (f) => [[`UPDATE "ContentVersion" SET "reviewerId" = $2 WHERE id = $1`, [f.publishedArticleVersion, f.outsider]]]],
  ["move a published version's review dates", (f) => [[`UPDATE "ContentVersion" SET "nextReviewDue" = '2099-01-01' WHERE id = $1`, [f.publishedArticleVersion]]]],
  [
    "claim a re-attestation that was never recorded",
    (f) => [[`UPDATE "ContentVersion" SET "reviewerId" = $2, decision = 'REATTEST', "decidedAt" = now(), "lastReviewedAt" = now() WHERE id = $1`, [f.publishedArticleVersion, f.outsider]]],
  ],
  ["send a published version back to review", (f) => [[`UPDATE "ContentVersion" SET status = 'IN_REVIEW', "publishedAt" = NULL WHERE id = $1`, [f.publishedArticleVersion]]]],
  [
    "record a decision about other content than the version holds",
    (f) => [
      [
        `INSERT INTO "ReviewDecision" (id, "versionId", "reviewerId", kind, "contentHash", "reviewerName", "reviewerTitle", "reviewerSpecialty")
         VALUES (gen_random_uuid(), $1, $2, 'REQUEST_CHANGES', repeat('f', 64), 'X', 'X', 'X')`,
        [f.publishedArticleVersion, f.outsider],
      ],
    ],
  ],
];

describe("the database refuses tampering with reviewed content, whoever sends the SQL", () => {
  it.each(tamperings)("refuses to %s", async (_description, statements) => {
    const before = await protectedState();
    await client.query("BEGIN");
    let refusal: unknown;
    try {
      for (const [sql, values] of statements(fixture)) await client.query(sql, values);
      await client.query("COMMIT");
    } catch (error) {
      refusal = error;
      await client.query("ROLLBACK");
    }
    expect(refusal, "the statement went through").toBeInstanceOf(Error);
    expect((refusal as { code?: string }).code).toMatch(/^(23000|23514|42501)$/);
    expect(await protectedState()).toBe(before);
  });

  it("still refuses an approval by a co-author afterwards, and accepts a reviewer's approval recorded with its decision", async () => {
    const hash = "a".repeat(64);
    await client.query(`UPDATE "ContentVersion" SET status = 'IN_REVIEW', "contentHash" = $2, "submittedAt" = now() WHERE id = $1`, [fixture.draftVersion, hash]);
    const approveAs = async (reviewerId: string) => {
      await client.query("BEGIN");
      try {
        await client.query(
          `UPDATE "ContentVersion" SET status = 'APPROVED', "reviewerId" = $2, decision = 'APPROVE', "decidedAt" = now(),
             "approvedContentHash" = "contentHash", "lastReviewedAt" = now(), "nextReviewDue" = current_date + 365 WHERE id = $1`,
          [fixture.draftVersion, reviewerId],
        );
        await client.query(
          `INSERT INTO "ReviewDecision" (id, "versionId", "reviewerId", kind, "contentHash", "reviewerName", "reviewerTitle", "reviewerSpecialty", "nextReviewDue")
           VALUES (gen_random_uuid(), $1, $2, 'APPROVE', $3, 'Granskare', 'Överläkare', 'Smärtlindring', current_date + 365)`,
          [fixture.draftVersion, reviewerId, hash],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    };
    await expect(approveAs(fixture.coAuthor)).rejects.toMatchObject({ code: "23514", message: expect.stringContaining("four-eyes") });
    await expect(approveAs(fixture.reviewer)).resolves.toBeUndefined();
    // An approved version with no decision on record is refused when its transaction commits.
    const article = await one<{ id: string }>(`INSERT INTO "Article" (id, slug, kind, "ownerId", "updatedAt") VALUES (gen_random_uuid(), 'smuggel', 'PROCEDURE', $1, now()) RETURNING id`, [fixture.editor]);
    await expect(
      client.query(
        `INSERT INTO "ContentVersion" (id, "articleId", number, status, title, "contentHash", "createdById", "submittedAt", "reviewerId", decision,
           "decidedAt", "approvedContentHash", "lastReviewedAt", "nextReviewDue", "updatedAt")
         VALUES (gen_random_uuid(), $1, 1, 'APPROVED', 'Smuggel', $2, $3, now(), $4, 'APPROVE', now(), $2, now(), current_date + 365, now())`,
        [article.id, "b".repeat(64), fixture.editor, fixture.reviewer],
      ),
    ).rejects.toMatchObject({ code: "23000", message: expect.stringContaining("without a matching review decision") });
  });
});
