import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError, migrationChecksum, readLocalMigrations } from "./migrate";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";

const migrationsDir = path.join("prisma", "migrations");
const projectMigrations = readLocalMigrations(migrationsDir);
const projectMigrationNames = projectMigrations.map((migration) => migration.name);
/** Every table the project's migrations create. */
const migratedTables = projectMigrations.flatMap((migration) => [...migration.sql.matchAll(/CREATE TABLE "([^"]+)"/g)].map((match) => match[1]!));

const temporaryDirs: string[] = [];

/**
 * A copy of the project's migrations folder, with `extra` migrations (folder name → SQL) added, and
 * `edit` applied to the copy before it is used.
 */
function migrationsCopy(extra: Record<string, string> = {}, edit: (dir: string) => void = () => {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "granskad-migrations-"));
  temporaryDirs.push(dir);
  fs.cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  edit(dir);
  return dir;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

function migrationRows(url: string): Promise<MigrationRow[]> {
  return withClient(url, async (client) => (await client.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows);
}

async function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const result = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [`"${table}"`]);
    return result.rows[0]!.present;
  });
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected the migration run to fail, and it succeeded");
}

afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("applyMigrations on an empty database, then again", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("applies every migration in order and records each exactly as Prisma Migrate does", async () => {
    const logged: string[] = [];
    expect(await applyMigrations(database.url, { log: (message) => logged.push(message) })).toEqual(projectMigrationNames);
    expect(logged).toHaveLength(projectMigrationNames.length);

    for (const table of migratedTables) expect(await tableExists(database.url, table), `table ${table}`).toBe(true);

    const rows = await migrationRows(database.url);
    expect(rows.map((row) => row.migration_name)).toEqual(projectMigrationNames);
    for (const row of rows) {
      const file = fs.readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({ checksum: migrationChecksum(file), logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }

    const columns = await withClient(database.url, async (client) =>
      (
        await client.query<{ column_name: string; type: string; not_null: boolean; default_value: string | null }>(
          `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
                  pg_get_expr(d.adbin, d.adrelid) AS default_value
             FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum`,
        )
      ).rows,
    );
    // Prisma Migrate's own DDL for PostgreSQL, so `prisma migrate status` can read the history.
    expect(columns).toEqual([
      { column_name: "id", type: "character varying(36)", not_null: true, default_value: null },
      { column_name: "checksum", type: "character varying(64)", not_null: true, default_value: null },
      { column_name: "finished_at", type: "timestamp with time zone", not_null: false, default_value: null },
      { column_name: "migration_name", type: "character varying(255)", not_null: true, default_value: null },
      { column_name: "logs", type: "text", not_null: false, default_value: null },
      { column_name: "rolled_back_at", type: "timestamp with time zone", not_null: false, default_value: null },
      { column_name: "started_at", type: "timestamp with time zone", not_null: true, default_value: "now()" },
      { column_name: "applied_steps_count", type: "integer", not_null: true, default_value: "0" },
    ]);
  });

  it("applies nothing and changes no record when run again", async () => {
    const before = await migrationRows(database.url);
    expect(await applyMigrations(database.url)).toEqual([]);
    expect(await migrationRows(database.url)).toEqual(before);
  });

  it("refuses to run when an applied migration's file was changed, naming it, and applies nothing else", async () => {
    const [first] = projectMigrationNames;
    const dir = migrationsCopy({ "29990101000000_after_edit": `CREATE TABLE "AfterEdit" ("id" INTEGER);` }, (copy) =>
      fs.appendFileSync(path.join(copy, first!, "migration.sql"), "\n-- edited after it was applied\n"),
    );
    const error = await failureOf(applyMigrations(database.url, { migrationsDir: dir }));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ migration: first, reason: "changed-after-apply" });
    expect((error as Error).message).toMatch(new RegExp(`^Migration ${first} was changed after it was applied`));
    expect((error as Error).message).not.toContain("\n");
    expect(await tableExists(database.url, "AfterEdit")).toBe(false);
    expect((await migrationRows(database.url)).map((row) => row.migration_name)).toEqual(projectMigrationNames);
  });

  it("refuses to run when an applied migration has no folder locally", async () => {
    const last = projectMigrationNames.at(-1)!;
    const dir = migrationsCopy({}, (copy) => fs.rmSync(path.join(copy, last), { recursive: true }));
    const error = await failureOf(applyMigrations(database.url, { migrationsDir: dir }));
    expect(error).toMatchObject({ name: "MigrationError", migration: last, reason: "missing-locally" });
    expect((error as Error).message).toContain(`Migration ${last} is applied to the database but has no folder`);
  });

  it("refuses to run while a migration is recorded as failed (as Prisma Migrate leaves it)", async () => {
    const halfDone = "29990101000000_half_done";
    const dir = migrationsCopy({ [halfDone]: `CREATE TABLE "HalfDone" ("id" INTEGER);` });
    await withClient(database.url, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
         VALUES (gen_random_uuid()::text, $1, $2, 'syntax error', 0)`,
        [migrationChecksum(`CREATE TABLE "HalfDone" ("id" INTEGER);`), halfDone],
      ),
    );
    try {
      const error = await failureOf(applyMigrations(database.url, { migrationsDir: dir }));
      expect(error).toMatchObject({ name: "MigrationError", migration: halfDone, reason: "recorded-as-failed" });
      expect((error as Error).message).toContain(`Migration ${halfDone} is recorded as failed`);
      expect(await tableExists(database.url, "HalfDone")).toBe(false);
    } finally {
      await withClient(database.url, (client) => client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [halfDone]));
    }
  });

  describe("integrity rules the migrations put in the database", () => {
    let client: pg.Client;
    let editorId: string;
    let reviewerId: string;
    let articleId: string;

    async function insertUser(email: string, role: string): Promise<string> {
      const result = await client.query<{ id: string }>(
        // Clinicians: the versions inserted here are clinical changes (the column's default).
        `INSERT INTO "User" (id, email, name, title, specialty, roles, clinician, "updatedAt")
         VALUES (gen_random_uuid(), $1, $1, 'Överläkare', 'Ortopedi', ARRAY[$2]::"Role"[], true, now()) RETURNING id`,
        [email, role],
      );
      return result.rows[0]!.id;
    }

    /**
     * A version that satisfies every approval rule except, possibly, who reviewed it, inserted with its
     * review decision in one transaction (the database wants the decision on record by commit).
     */
    async function insertPublishedVersion(number: number, createdById: string, reviewedBy: string): Promise<string> {
      await client.query("BEGIN");
      try {
        const result = await client.query<{ id: string }>(
          `INSERT INTO "ContentVersion" (id, "articleId", number, status, title, "contentHash", "createdById", "submittedAt",
              "reviewerId", decision, "decidedAt", "approvedContentHash", "lastReviewedAt", "nextReviewDue", "publishedAt", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, 'PUBLISHED', 'Injektioner', 'hash-1', $3, now(),
              $4, 'APPROVE', now(), 'hash-1', now(), current_date + 365, now(), now()) RETURNING id`,
          [articleId, number, createdById, reviewedBy],
        );
        const id = result.rows[0]!.id;
        await client.query(
          `INSERT INTO "ReviewDecision" (id, "versionId", "reviewerId", kind, "contentHash", "reviewerName", "reviewerTitle", "reviewerSpecialty")
           VALUES (gen_random_uuid(), $1, $2, 'APPROVE', 'hash-1', 'Granskare', 'Överläkare', 'Ortopedi')`,
          [id, reviewedBy],
        );
        await client.query("COMMIT");
        return id;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }

    async function insertDraftVersion(number: number, createdById: string): Promise<string> {
      const result = await client.query<{ id: string }>(
        `INSERT INTO "ContentVersion" (id, "articleId", number, title, "createdById", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'Injektioner', $3, now()) RETURNING id`,
        [articleId, number, createdById],
      );
      return result.rows[0]!.id;
    }

    function insertBlock(versionId: string) {
      return client.query(
        `INSERT INTO "ArticleBlock" (id, "versionId", key, position, type, data)
         VALUES (gen_random_uuid(), $1, gen_random_uuid(), 0, 'PARAGRAPH', '{"text": "Hej"}')`,
        [versionId],
      );
    }

    beforeAll(async () => {
      client = new pg.Client({ connectionString: database.url });
      await client.connect();
      editorId = await insertUser("redaktor@example.se", "EDITOR");
      reviewerId = await insertUser("granskare@example.se", "REVIEWER");
      const article = await client.query<{ id: string }>(
        `INSERT INTO "Article" (id, slug, kind, "ownerId", "updatedAt") VALUES (gen_random_uuid(), 'injektioner', 'OVERVIEW', $1, now()) RETURNING id`,
        [editorId],
      );
      articleId = article.rows[0]!.id;
    });
    afterAll(async () => {
      await client?.end();
    });

    it("rejects a published version reviewed by its own creator, and accepts it reviewed by someone else", async () => {
      await expect(insertPublishedVersion(1, editorId, editorId)).rejects.toMatchObject({ code: "23514" });
      await expect(insertPublishedVersion(1, editorId, reviewerId)).resolves.toEqual(expect.any(String));
    });

    it("rejects an approval by a co-author of the version (four-eyes trigger)", async () => {
      const draftId = await insertDraftVersion(2, editorId);
      await client.query(`INSERT INTO "VersionAuthor" ("versionId", "userId") VALUES ($1, $2)`, [draftId, reviewerId]);
      const approve = client.query(
        `UPDATE "ContentVersion" SET status = 'APPROVED', "contentHash" = 'hash-2', "submittedAt" = now(), "reviewerId" = $2,
            decision = 'APPROVE', "decidedAt" = now(), "approvedContentHash" = 'hash-2', "lastReviewedAt" = now(),
            "nextReviewDue" = current_date + 365
          WHERE id = $1`,
        [draftId, reviewerId],
      );
      await expect(approve).rejects.toMatchObject({ code: "23514", message: expect.stringContaining("four-eyes") });
      await client.query(`DELETE FROM "ContentVersion" WHERE id = $1`, [draftId]);
    });

    it("rejects a block added to a version that is no longer a draft, and accepts one added to a draft", async () => {
      const published = await client.query<{ id: string }>(`SELECT id FROM "ContentVersion" WHERE status = 'PUBLISHED' AND "articleId" = $1`, [articleId]);
      await expect(insertBlock(published.rows[0]!.id)).rejects.toMatchObject({ code: "23000", message: expect.stringContaining("immutable") });
      const draftId = await insertDraftVersion(3, editorId);
      await expect(insertBlock(draftId)).resolves.toMatchObject({ rowCount: 1 });
    });

    it("keeps who saved a version's last revision once the version is frozen, while a draft's saver changes with each save", async () => {
      const published = await client.query<{ id: string }>(`SELECT id FROM "ContentVersion" WHERE status = 'PUBLISHED' AND "articleId" = $1`, [articleId]);
      await expect(client.query(`UPDATE "ContentVersion" SET "savedById" = $2 WHERE id = $1`, [published.rows[0]!.id, reviewerId])).rejects.toMatchObject({
        code: "23000",
        message: expect.stringContaining("immutable"),
      });
      // The article's one open draft (an earlier case may have left it).
      const open = await client.query<{ id: string }>(`SELECT id FROM "ContentVersion" WHERE status = 'DRAFT' AND "articleId" = $1`, [articleId]);
      const draftId = open.rows[0]?.id ?? (await insertDraftVersion(4, editorId));
      await expect(client.query(`UPDATE "ContentVersion" SET "savedById" = $2, revision = revision + 1 WHERE id = $1`, [draftId, reviewerId])).resolves.toMatchObject({
        rowCount: 1,
      });
    });

    it("rejects UPDATE, DELETE and TRUNCATE on AuditEvent", async () => {
      await client.query(`INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId") VALUES ($1, 'version.publish', 'ContentVersion', 'v1')`, [editorId]);
      const appendOnly = { code: "42501", message: expect.stringContaining("append-only") };
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'version.rewrite'`)).rejects.toMatchObject(appendOnly);
      await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toMatchObject(appendOnly);
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toMatchObject(appendOnly);
      const events = await client.query(`SELECT action FROM "AuditEvent"`);
      expect(events.rows).toEqual([{ action: "version.publish" }]);
    });
  });
});

describe("applyMigrations under concurrency and failure", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("applies each migration exactly once when two runs start at the same time, and both succeed", async () => {
    const [first, second] = await Promise.all([applyMigrations(database.url), applyMigrations(database.url)]);
    expect([...first, ...second].sort()).toEqual(projectMigrationNames);
    expect((await migrationRows(database.url)).map((row) => row.migration_name)).toEqual(projectMigrationNames);
  });

  it("rolls a failing migration back entirely, names it, and applies nothing after it", async () => {
    const failing = "29990101000000_fails_halfway";
    const after = "29990102000000_after_failure";
    const dir = migrationsCopy({
      [failing]: `CREATE TABLE "Halfway" ("id" INTEGER);\nINSERT INTO "Halfway" VALUES (1);\nSELECT * FROM "NoSuchTable";\n`,
      [after]: `CREATE TABLE "AfterFailure" ("id" INTEGER);`,
    });

    const error = await failureOf(applyMigrations(database.url, { migrationsDir: dir }));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ migration: failing, reason: "failed" });
    expect((error as Error).message).toBe(`Migration ${failing} failed: relation "NoSuchTable" does not exist (migration.sql line 3)`);

    expect(await tableExists(database.url, "Halfway")).toBe(false);
    expect(await tableExists(database.url, "AfterFailure")).toBe(false);
    expect((await migrationRows(database.url)).map((row) => row.migration_name)).toEqual(projectMigrationNames);

    // Nothing of the failure is left behind: once the file is fixed, the same folder applies cleanly.
    fs.writeFileSync(path.join(dir, failing, "migration.sql"), `CREATE TABLE "Halfway" ("id" INTEGER);`);
    expect(await applyMigrations(database.url, { migrationsDir: dir })).toEqual([failing, after]);
  });
});
