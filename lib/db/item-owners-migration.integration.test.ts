import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { applyMigrations } from "./migrate";

/*
 * The owners migration (20261203100300_item_owners) on a database that already holds content: every
 * existing article and risk list gets the creator of its first version as owner (an item without
 * versions: the first admin), and the column is NOT NULL afterwards.
 */

const ownersMigration = "20261203100300_item_owners";
const migrationsDir = path.join("prisma", "migrations");

let database: TestDatabase;
let client: pg.Client;
let tempDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // The project's migrations before the owners migration.
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "granskad-owners-"));
  for (const entry of fs.readdirSync(migrationsDir)) {
    if (fs.statSync(path.join(migrationsDir, entry)).isDirectory() && entry >= ownersMigration) continue;
    fs.cpSync(path.join(migrationsDir, entry), path.join(tempDir, entry), { recursive: true });
  }
  await applyMigrations(database.url, { migrationsDir: tempDir });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

async function insert(sql: string, values: unknown[]): Promise<string> {
  return (await client.query<{ id: string }>(`${sql} RETURNING id`, values)).rows[0]!.id;
}

const insertUser = (email: string, role: string, createdAt: string) =>
  // A reviewer is a clinician: the versions inserted here are clinical changes (20261203100200_clinical_change).
  insert(
    `INSERT INTO "User" (id, email, name, title, specialty, roles, clinician, "createdAt", "updatedAt") VALUES (gen_random_uuid(), $1, $1, '', '', ARRAY[$2]::"Role"[], $4, $3, now())`,
    [email, role, createdAt, role === "REVIEWER"],
  );
const insertVersion = (column: "articleId" | "riskListId", itemId: string, number: number, createdById: string) =>
  insert(`INSERT INTO "ContentVersion" (id, "${column}", number, title, "createdById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Utkast', $3, now())`, [itemId, number, createdById]);

/** Version `number`, published and approved by `reviewerId`, with its decision on record (one transaction, as the database requires). */
async function insertPublishedVersion(articleId: string, number: number, createdById: string, reviewerId: string): Promise<void> {
  await client.query("BEGIN");
  try {
    const id = await insert(
      `INSERT INTO "ContentVersion" (id, "articleId", number, status, title, "contentHash", "createdById", "submittedAt",
          "reviewerId", decision, "decidedAt", "approvedContentHash", "lastReviewedAt", "nextReviewDue", "publishedAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'PUBLISHED', 'Injektioner', 'hash-1', $3, now(), $4, 'APPROVE', now(), 'hash-1', now(), current_date + 365, now(), now())`,
      [articleId, number, createdById, reviewerId],
    );
    await client.query(
      `INSERT INTO "ReviewDecision" (id, "versionId", "reviewerId", kind, "contentHash", "reviewerName", "reviewerTitle", "reviewerSpecialty")
       VALUES (gen_random_uuid(), $1, $2, 'APPROVE', 'hash-1', 'Granskare', 'Överläkare', 'Ortopedi')`,
      [id, reviewerId],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

describe("the owners migration", () => {
  it("makes the creator of each item's first version its owner, the first admin where there is none, and then requires an owner", async () => {
    const admin = await insertUser("forsta-admin@migration.test", "ADMIN", "2026-01-01T00:00:00Z");
    await insertUser("andra-admin@migration.test", "ADMIN", "2026-02-01T00:00:00Z");
    const first = await insertUser("forsta@migration.test", "EDITOR", "2026-03-01T00:00:00Z");
    const second = await insertUser("andra@migration.test", "EDITOR", "2026-03-02T00:00:00Z");
    const article = await insert(`INSERT INTO "Article" (id, slug, kind, "updatedAt") VALUES (gen_random_uuid(), 'injektioner', 'OVERVIEW', now())`, []);
    const reviewer = await insertUser("granskare@migration.test", "REVIEWER", "2026-03-03T00:00:00Z");
    // A draft (version 2) by someone else, even stored before version 1: the owner is version 1's creator.
    await insertVersion("articleId", article, 2, second);
    await insertPublishedVersion(article, 1, first, reviewer);
    const list = await insert(`INSERT INTO "RiskList" (id, slug, "updatedAt") VALUES (gen_random_uuid(), 'kortison', now())`, []);
    await insertVersion("riskListId", list, 1, second);
    const bare = await insert(`INSERT INTO "Article" (id, slug, kind, "updatedAt") VALUES (gen_random_uuid(), 'utan-versioner', 'PROCEDURE', now())`, []);

    expect(await applyMigrations(database.url)).toContain(ownersMigration);

    const owners = async (table: "Article" | "RiskList") =>
      Object.fromEntries((await client.query<{ id: string; ownerId: string }>(`SELECT id, "ownerId" FROM "${table}"`)).rows.map((row) => [row.id, row.ownerId]));
    expect(await owners("Article")).toEqual({ [article]: first, [bare]: admin });
    expect(await owners("RiskList")).toEqual({ [list]: second });
    await expect(client.query(`UPDATE "Article" SET "ownerId" = NULL WHERE id = $1`, [article])).rejects.toMatchObject({ code: "23502" });
  });
});
