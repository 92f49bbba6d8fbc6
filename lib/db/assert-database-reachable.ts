import pg from "pg";
import { DatabaseError, describeConnectionError, parseDatabaseUrl } from "./database-url";

/** Connects once and runs `SELECT 1`; throws a one-line DatabaseError when that is impossible. */
export async function assertDatabaseReachable(url: string | undefined): Promise<void> {
  if (!url) throw new DatabaseError("DATABASE_URL is not set: start Granskad with `npm start`, which provides one");
  parseDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw describeConnectionError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/** For server start-up: one line on stderr and exit code 1 when the database cannot be used. */
export async function exitUnlessDatabaseReachable(url: string | undefined): Promise<void> {
  try {
    await assertDatabaseReachable(url);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
