// Brings Granskad up: picks the database (DATABASE_URL, else the embedded PGlite over .data/pglite),
// applies migrations, loads the seed content, builds when sources changed, and serves on PORT (3000).
//   --dev        serve with `next dev` instead of a production build
//   --ephemeral  an in-memory embedded database (the e2e suite's fresh database per run)
//   --skip-build serve the existing production build (the e2e suite builds once beforehand)
//   --test-users=FILE  create e2e users with random passwords and write their credentials to FILE
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { parseDatabaseUrl, redactDatabaseUrl } from "@/lib/db/database-url";
import { openProjectEmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded-database";
import { demoUsers, seedDatabase } from "@/lib/content/seed";
import { createE2eUsers } from "./e2e-users";
import { buildIsStale } from "./production-build";
import { runCli } from "./run-cli";

const args = process.argv.slice(2);
const flags = new Set(args);
const testUsersFile = args.find((arg) => arg.startsWith("--test-users="))?.slice("--test-users=".length);
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

function runToCompletion(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args[0]} exited with ${code}`))));
  });
}

/**
 * The key that signs session cookies. Production sets NEXTAUTH_SECRET; the embedded database keeps a
 * generated one in .data so sessions survive a restart; otherwise a random one per start.
 */
function sessionSecret(persistInDataDir: boolean): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!persistInDataDir) {
    console.warn("NEXTAUTH_SECRET is not set: using a random one, so sessions end when Granskad restarts");
    return crypto.randomBytes(32).toString("base64url");
  }
  const file = path.join(".data", "nextauth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

async function openDatabase(): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    parseDatabaseUrl(configured);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  if (flags.has("--ephemeral")) {
    const embedded = await startEmbeddedDatabase();
    return { url: embedded.url, embedded: true, stop: embedded.stop };
  }
  const embedded = await openProjectEmbeddedDatabase("server");
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}

async function main() {
  const database = await openDatabase();
  console.log(database.embedded ? `Embedded database (PGlite) at ${database.url}` : `Database ${redactDatabaseUrl(database.url)}`);

  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations: up to date");

  const db = createPrismaClient(database.url, { max: 2 });
  try {
    const seeded = await seedDatabase(db, { demoUsers: database.embedded });
    console.log(`Seed content: ${seeded.created.length} created, ${seeded.skipped.length} already present`);
    if (testUsersFile) await createE2eUsers(db, testUsersFile);
  } finally {
    await db.$disconnect();
  }

  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: sessionSecret(database.embedded && !flags.has("--ephemeral")),
  };
  const dev = flags.has("--dev");
  if (!dev && !flags.has("--skip-build") && buildIsStale(process.env.NEXT_DIST_DIR ?? ".next")) {
    console.log("Building for production…");
    await runToCompletion(nextBin, ["build"], env);
  }

  const server = spawn(nextBin, [dev ? "dev" : "start", "--port", String(port), "--hostname", process.env.HOST ?? "127.0.0.1"], {
    stdio: "inherit",
    env,
  });
  console.log(`\nGranskad: http://localhost:${port}`);
  if (database.embedded) {
    console.log("Demo users (embedded database only):");
    for (const user of demoUsers) console.log(`  ${user.role.padEnd(9)} ${user.email}  password: ${user.password}`);
  }

  let stopping = false;
  const shutdown = () => {
    stopping = true;
    server.kill("SIGTERM");
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const exitCode = await new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
  // The embedded database is closed only after the server has stopped, so every write is on disk.
  await database.stop();
  process.exitCode = stopping ? 0 : exitCode;
}

void runCli(main);
