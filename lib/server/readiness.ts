import type { Db } from "@/lib/db/client";
import { readLocalMigrations } from "@/lib/db/migrate";
import type { AppWorkerStatus } from "@/lib/startup/app-workers";

export type Readiness = {
  ready: boolean;
  checks: {
    database: "ok" | "unreachable";
    migrations: "current" | "pending" | "unknown";
    workers: AppWorkerStatus;
    shuttingDown: boolean;
  };
};

export type ReadinessSources = {
  db: () => Db;
  /** The migrations this build expects (the names of prisma/migrations/*), read once at start. */
  expectedMigrations: readonly string[];
  workers: () => AppWorkerStatus;
  shuttingDown: () => boolean;
  /** How long the database may take to answer before it counts as down. */
  timeoutMs?: number;
};

export function expectedMigrationNames(migrationsDir: string): string[] {
  return readLocalMigrations(migrationsDir).map((migration) => migration.name);
}

async function appliedMigrationNames(db: Db): Promise<Set<string>> {
  const [{ present }] = await db.$queryRaw<[{ present: boolean }]>`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS "present"`;
  if (!present) return new Set();
  const rows = await db.$queryRaw<{ migration_name: string }[]>`SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
  return new Set(rows.map((row) => row.migration_name));
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready means: this instance may be sent traffic. The database answers within the timeout, every
 * migration this build ships has been applied (migrations a newer build applied are fine, so a rolling
 * deploy keeps the old instances in service), the background workers run unless this instance was told
 * not to (GRANSKAD_WORKERS=off), and the server is not shutting down. Two small queries, so a load
 * balancer may ask every second.
 */
export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  let database: Readiness["checks"]["database"] = "ok";
  let migrations: Readiness["checks"]["migrations"] = "unknown";
  try {
    const applied = await withTimeout(appliedMigrationNames(sources.db()), sources.timeoutMs ?? 2_000);
    migrations = sources.expectedMigrations.every((name) => applied.has(name)) ? "current" : "pending";
  } catch {
    database = "unreachable";
  }
  const workers = sources.workers();
  const shuttingDown = sources.shuttingDown();
  const ready = database === "ok" && migrations === "current" && (workers === "running" || workers === "off") && !shuttingDown;
  return { ready, checks: { database, migrations, workers, shuttingDown } };
}
