import { defineConfig } from "prisma/config";

// Prisma is used here only to generate the client. Migrations are plain SQL applied by
// lib/db/migrate.ts (Prisma Migrate needs a schema-engine binary these machines cannot download).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
