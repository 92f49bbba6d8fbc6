// Runs once when a Next.js server starts. A Granskad server without its database is useless, so it
// checks the connection up front and exits with one clear line instead of failing request by request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertDatabaseReachable } = await import("@/lib/db/assert-database-reachable");
  try {
    await assertDatabaseReachable(process.env.DATABASE_URL);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
