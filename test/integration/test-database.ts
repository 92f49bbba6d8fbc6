import crypto from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/db/embedded-database";
import { withDatabaseName } from "@/lib/db/database-url";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * The PostgreSQL server of this test run, as DATABASE_URL named it when the run started (CI's
 * PostgreSQL pass); read once, because the test kit points DATABASE_URL at each test's own database.
 */
const serverUrl = process.env.DATABASE_URL;

/**
 * A fresh, empty database: a new database on that PostgreSQL server, else an in-memory PGlite. Most
 * tests want it migrated and seeded: `openTestKit` (./test-kit.ts) does that on top of this.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase();
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `granskad_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabaseName(serverUrl, name),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      try {
        await cleaner.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleaner.end();
      }
    },
  };
}
