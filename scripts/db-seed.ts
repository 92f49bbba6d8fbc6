// `npm run db:seed`: loads the seed content into DATABASE_URL or the embedded database (migrate first:
// `npm run db:migrate`). A second run changes nothing. Demo users with their published passwords are
// created on the embedded database only, never on a DATABASE_URL database.
import { assertDatabaseReachable } from "@/lib/db/assert-database-reachable";
import { createPrismaClient } from "@/lib/db/client";
import { DatabaseError, redactDatabaseUrl } from "@/lib/db/database-url";
import { withDatabaseUrl } from "@/lib/db/embedded-database";
import { demoUsers, seedDatabase, type SeedEntry } from "@/lib/content/seed";
import { syncSearchDocuments } from "@/lib/search/search-documents";
import { runCli } from "./run-cli";

const entryKinds: Record<SeedEntry["kind"], string> = { user: "user", riskList: "risk list", glossaryTerm: "glossary term", article: "article" };

async function main() {
  await withDatabaseUrl(async (url, embedded) => {
    console.log(embedded ? "Embedded database (PGlite)" : `Database ${redactDatabaseUrl(url)}`);
    await assertDatabaseReachable(url);
    const db = createPrismaClient(url, { max: 2 });
    try {
      const [{ migrated }] = await db.$queryRaw<[{ migrated: boolean }]>`SELECT to_regclass('public."ContentVersion"') IS NOT NULL AS migrated`;
      if (!migrated) throw new DatabaseError("The database has no Granskad tables yet: run `npm run db:migrate` first");
      const summary = await seedDatabase(db, { demoUsers: embedded });
      for (const entry of summary.created) console.log(`  created ${entryKinds[entry.kind]} ${entry.name}`);
      console.log(`Seed content: ${summary.created.length} created, ${summary.skipped.length} already present (left unchanged)`);
      const search = await syncSearchDocuments(db);
      if (search.written || search.removed) console.log(`Search documents: ${search.written} written, ${search.removed} removed`);
      if (embedded) {
        // The seed never rehashes an existing demo user, so a password changed since stays changed.
        console.log("Demo users (embedded database only; passwords as first created):");
        for (const user of demoUsers) console.log(`  ${user.role.padEnd(9)} ${user.email}  password: ${user.password}`);
      }
    } finally {
      await db.$disconnect();
    }
  });
}

void runCli(main);
