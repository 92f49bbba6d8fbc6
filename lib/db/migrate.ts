import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DatabaseError, describeConnectionError, parseDatabaseUrl, redactDatabaseUrl } from "./database-url";

/**
 * Applies `prisma/migrations/<timestamp>_<name>/migration.sql` in order with `pg`, recording each in
 * `_prisma_migrations` exactly as Prisma Migrate does, so that Prisma's tooling agrees with what ran.
 * Prisma's own engines cannot run on these machines (they need a downloaded schema-engine binary).
 */

/** Prisma Migrate's advisory lock key: taking the same one keeps this runner and Prisma's from interleaving. */
const prismaMigrateLockKey = 72707369;

/** The table as Prisma Migrate creates it for PostgreSQL, column for column. */
const createMigrationsTableSql = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationErrorReason =
  | "failed"
  | "changed-after-apply"
  | "missing-locally"
  | "recorded-as-failed"
  | "no-migration-sql";

/** A migration that cannot be applied, or a migration history that makes applying unsafe. */
export class MigrationError extends DatabaseError {
  override name = "MigrationError";

  constructor(
    message: string,
    readonly migration: string,
    readonly reason: MigrationErrorReason,
  ) {
    super(message);
  }
}

export type LocalMigration = { name: string; sql: string; checksum: string };

export type ApplyMigrationsOptions = {
  /** Folder holding one `<timestamp>_<name>/migration.sql` per migration. */
  migrationsDir?: string;
  /** Told about each migration as it is applied. */
  log?: (message: string) => void;
};

/** Prisma's checksum: sha256 of the migration.sql bytes, lower-case hex. */
export function migrationChecksum(bytes: Buffer | string): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/** The migrations in `migrationsDir`, in the lexical order of their folder names (Prisma's order). */
export function readLocalMigrations(migrationsDir: string): LocalMigration[] {
  const root = path.resolve(migrationsDir);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new DatabaseError(`Cannot read the migrations folder ${root}: ${code}`);
  }
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  // Plain code-unit order, not localeCompare: Prisma sorts folder names byte-wise.
  names.sort();
  return names.map((name) => {
    const file = path.join(root, name, "migration.sql");
    if (!fs.existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql (${file})`, name, "no-migration-sql");
    const bytes = fs.readFileSync(file);
    return { name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
  });
}

type MigrationRecord = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

async function readMigrationRecords(client: pg.Client): Promise<MigrationRecord[]> {
  const table = await client.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!table.rows[0]?.present) return [];
  const records = await client.query<MigrationRecord>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return records.rows;
}

function changedAfterApplyError(name: string): MigrationError {
  return new MigrationError(
    `Migration ${name} was changed after it was applied (its migration.sql no longer matches the checksum in _prisma_migrations): restore the file and put the change in a new migration`,
    name,
    "changed-after-apply",
  );
}

/**
 * Refuses to go on when the history is not one this runner can safely extend: a migration recorded as
 * failed (Prisma leaves such rows when a `prisma migrate deploy` fails halfway), an applied migration
 * whose file changed, or one whose folder is gone.
 */
function assertHistoryIsSafe(records: MigrationRecord[], local: LocalMigration[], migrationsDir: string): void {
  const failed = records.find((record) => record.finished_at === null && record.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} is recorded as failed in _prisma_migrations: repair the database by hand, then set rolled_back_at on that row before migrating again`,
      failed.migration_name,
      "recorded-as-failed",
    );
  }
  const localByName = new Map(local.map((migration) => [migration.name, migration]));
  for (const record of records) {
    if (record.finished_at === null || record.rolled_back_at !== null) continue;
    const file = localByName.get(record.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${record.migration_name} is applied to the database but has no folder in ${path.resolve(migrationsDir)}`,
        record.migration_name,
        "missing-locally",
      );
    }
    if (file.checksum !== record.checksum) throw changedAfterApplyError(record.migration_name);
  }
}

/** The 1-based line of migration.sql a PostgreSQL error position (1-based character offset) points at. */
function lineOfPosition(sql: string, position: string | undefined): number | undefined {
  const offset = Number(position);
  if (!Number.isInteger(offset) || offset < 1) return undefined;
  return sql.slice(0, offset - 1).split("\n").length;
}

/**
 * A PostgreSQL error raised by a migration as a MigrationError, pointing at the line of migration.sql
 * when the error came from running it; anything else (a lost connection) is passed on.
 */
function migrationFailure(migration: LocalMigration, error: unknown, fromMigrationSql: boolean): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  const line = fromMigrationSql ? lineOfPosition(migration.sql, error.position) : undefined;
  const where = line === undefined ? "" : ` (migration.sql line ${line})`;
  return new MigrationError(`Migration ${migration.name} failed: ${error.message}${where}`, migration.name, "failed");
}

/**
 * Applies one migration in its own transaction, unless another run applied it first. Returns whether
 * this call applied it.
 *
 * The transaction-level advisory lock excludes concurrent runs on PostgreSQL. On PGlite every socket
 * connection shares one backend session, so the lock is always granted there; exclusion comes from
 * pglite-socket running nothing from other connections while one connection's transaction is open.
 * Either way the "already recorded?" check happens inside the exclusive section.
 */
async function applyMigration(client: pg.Client, migration: LocalMigration): Promise<boolean> {
  await client.query("BEGIN");
  try {
    await client.query(`SELECT pg_advisory_xact_lock(${prismaMigrateLockKey})`);
    await client.query(createMigrationsTableSql);
    const state = await client.query<{ started_at: Date; recorded_checksum: string | null }>(
      `SELECT clock_timestamp() AS started_at,
              (SELECT checksum FROM "_prisma_migrations"
                WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL
                LIMIT 1) AS recorded_checksum`,
      [migration.name],
    );
    const { started_at: startedAt, recorded_checksum: recordedChecksum } = state.rows[0]!;
    if (recordedChecksum !== null) {
      if (recordedChecksum !== migration.checksum) throw changedAfterApplyError(migration.name);
      await client.query("COMMIT");
      return false;
    }
    try {
      // No parameters: pg sends the file as one simple-protocol query, which may hold many statements.
      await client.query(migration.sql);
    } catch (error) {
      throw migrationFailure(migration, error, true);
    }
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
      [crypto.randomUUID(), migration.checksum, migration.name, startedAt],
    );
    try {
      await client.query("COMMIT");
    } catch (error) {
      // Deferred constraints are checked here, so this too is the migration failing.
      throw migrationFailure(migration, error, false);
    }
    return true;
  } catch (error) {
    // Leaves the database exactly as before this migration; a dead connection has nothing to roll back.
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

function asDatabaseError(error: unknown, url: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  if (error instanceof pg.DatabaseError) return new DatabaseError(`Migrating ${redactDatabaseUrl(url)} failed: ${error.message}`);
  return describeConnectionError(error, url);
}

/**
 * Brings the database at `url` up to date with the migrations folder and returns the names of the
 * migrations this call applied (empty when it was up to date). Safe to run from several processes at
 * once: each migration is applied exactly once. Stops at the first failing migration, which is rolled
 * back entirely, and throws MigrationError.
 */
export async function applyMigrations(url: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const migrationsDir = options.migrationsDir ?? path.join("prisma", "migrations");
  parseDatabaseUrl(url);
  const local = readLocalMigrations(migrationsDir);

  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // A connection the server drops while idle emits 'error'; without a listener that would crash the
  // process. The next query on it fails and reports the problem instead.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw describeConnectionError(error, url);
  }

  try {
    const records = await readMigrationRecords(client);
    assertHistoryIsSafe(records, local, migrationsDir);
    const applied = new Set(
      records.filter((record) => record.finished_at !== null && record.rolled_back_at === null).map((record) => record.migration_name),
    );
    const appliedNow: string[] = [];
    for (const migration of local.filter((candidate) => !applied.has(candidate.name))) {
      const started = performance.now();
      if (await applyMigration(client, migration)) {
        appliedNow.push(migration.name);
        options.log?.(`applied ${migration.name} (${Math.round(performance.now() - started)} ms)`);
      }
    }
    return appliedNow;
  } catch (error) {
    throw asDatabaseError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}
