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
