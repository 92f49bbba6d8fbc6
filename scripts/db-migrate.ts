// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, else to the embedded database
// `npm start` is serving, else to the embedded database in .data/pglite. Safe to run again.
import { redactDatabaseUrl } from "@/lib/db/database-url";
import { withDatabaseUrl } from "@/lib/db/embedded-database";
import { applyMigrations } from "@/lib/db/migrate";
import { runCli } from "./run-cli";

async function main() {
  await withDatabaseUrl(async (url, embedded) => {
    console.log(embedded ? "Embedded database (PGlite)" : `Database ${redactDatabaseUrl(url)}`);
    const applied = await applyMigrations(url, { log: (message) => console.log(`  ${message}`) });
    console.log(
      applied.length
        ? `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}`
        : "Database is up to date",
    );
  });
}

void runCli(main);
