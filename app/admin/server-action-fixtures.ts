import fs from "node:fs";
import path from "node:path";
import type { SessionUser } from "@/lib/auth/current-user";
import { createPrismaClient, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase } from "@/lib/db/test-database";
import { seedDatabase } from "@/lib/content/seed";
import { getJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";

/*
 * Shared by the integration tests that call every server action as a POST reaches it
 * (app/admin/action-matrix and app/admin/malformed-input): discovering the actions, a database with
 * the seed and one user per role, and a fingerprint of everything stored.
 */

export type DiscoveredExport = { id: string; value: unknown };

const projectRoot = path.resolve(__dirname, "../..");

/** Every export of every `app/**\/*actions.ts` module, as "app/admin/editor-actions.ts › saveDraftAction". */
export async function discoverServerActionExports(): Promise<DiscoveredExport[]> {
  const files = fs
    .readdirSync(path.join(projectRoot, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => /actions\.ts$/.test(file))
    .map((file) => path.posix.join("app", file.split(path.sep).join("/")))
    .sort();
  const discovered: DiscoveredExport[] = [];
  for (const file of files) {
    const exported = (await import(path.join(projectRoot, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) discovered.push({ id: `${file} › ${name}`, value });
  }
  return discovered;
}

export type SignedInAs = "editor" | "reviewer" | "admin";
const roleOf: Record<SignedInAs, Role> = { editor: "EDITOR", reviewer: "REVIEWER", admin: "ADMIN" };

export type ActionTestDatabase = {
  db: Db;
  users: Record<SignedInAs, SessionUser>;
  close: () => Promise<void>;
};

/**
 * A fresh migrated and seeded database that getDb() and the job queue use, with one user per role.
 * DATABASE_URL is pointed at it while the test file runs because the schedule actions start the app's
 * job queue from it (started here, so no action creates the pg-boss schema on first use).
 */
export async function openActionTestDatabase(prefix: string): Promise<ActionTestDatabase> {
  const database = await createTestDatabase();
  await applyMigrations(database.url);
  const db = createPrismaClient(database.url, { max: 4 });
  (globalThis as unknown as { granskadPrisma?: Db }).granskadPrisma = db;
  await seedDatabase(db, { demoUsers: false });
  const serverUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  await getJobQueue();

  const users = {} as Record<SignedInAs, SessionUser>;
  for (const key of Object.keys(roleOf) as SignedInAs[]) {
    const user = await db.user.create({
      data: { email: `${prefix}-${key}@actions.test`, name: `Test ${key}`, title: "Överläkare", specialty: "Smärtlindring", roles: [roleOf[key]] },
    });
    users[key] = { id: user.id, email: user.email, name: user.name, title: user.title, specialty: user.specialty, roles: user.roles };
  }
  return {
    db,
    users,
    close: async () => {
      await stopJobQueue(1_000);
      await db.$disconnect();
      if (serverUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = serverUrl;
      await database.drop();
    },
  };
}

/**
 * A digest of every row of every table the app writes (the public schema and pg-boss's jobs), so
 * "nothing changed" covers updates as well as inserts and deletes.
 */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ schema: string; table: string }[]>`
    SELECT schemaname AS schema, tablename AS "table" FROM pg_tables
    WHERE schemaname = 'public' OR (schemaname = 'pgboss' AND tablename = 'job') ORDER BY 1, 2`;
  const fingerprint: Record<string, string> = {};
  for (const { schema, table } of tables) {
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${schema}"."${table}" t`,
    );
    fingerprint[`${schema}.${table}`] = row?.digest ?? "";
  }
  return fingerprint;
}

/** True for what redirect() throws: the action succeeded and sends the browser on. */
export function isRedirect(error: unknown): boolean {
  return typeof error === "object" && error !== null && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT");
}
