import crypto from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "./embedded-database";
import { withDatabaseName } from "./database-url";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh, empty database for one integration test file: a new database on the PostgreSQL server
 * named by DATABASE_URL when it is set (CI's PostgreSQL run), else an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
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
