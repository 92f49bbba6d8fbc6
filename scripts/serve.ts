// Brings Granskad up: picks the database (DATABASE_URL, else the embedded PGlite over .data/pglite),
// applies migrations, loads the seed content, builds when sources changed, and serves on PORT (3000) in
// this one Node process (lib/server/http-server.ts: the edge pipeline in front of Next.js).
//   --dev        serve with Next.js in development mode instead of a production build
//   --ephemeral  an in-memory embedded database (the e2e suite's fresh database per run)
//   --skip-build serve the existing production build (the e2e suite builds once beforehand)
//   --no-seed    serve the database as it is (the benchmark's corpus)
//   --test-users=FILE  create e2e users with random passwords and write their credentials to FILE
// Run it with `npm start` (scripts/start.mjs), which compiles it to plain JavaScript first
// (scripts/server-bundle.mjs): through tsx the server would keep tsx's loader thread and an esbuild child process.
// First of all, as in `next start`: Next.js's process set-up (AsyncLocalStorage on globalThis and the
// like), which its modules expect before any of them is loaded, ours included (next/cache).
import "next/dist/server/node-environment";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { parseDatabaseUrl, redactDatabaseUrl } from "@/lib/db/database-url";
import { openProjectEmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded-database";
import { publicAckTimeoutMsFrom } from "@/lib/content/public-change-acks";
import { demoUsers, seedDatabase } from "@/lib/content/seed";
import { createE2eUsers } from "./e2e-users";
import { routeConsoleToLogger } from "@/lib/server/logger";
import { heapGrowthPercentFrom } from "@/lib/server/heap-growth";
import { pageCacheBytesFrom } from "@/lib/server/page-cache";
import { publicChangesFrom } from "@/lib/server/public-content-listener";
import { buildIsStale } from "./production-build";
import { runCli } from "./run-cli";

const args = process.argv.slice(2);
const flags = new Set(args);
const testUsersFile = args.find((arg) => arg.startsWith("--test-users="))?.slice("--test-users=".length);
const port = Number(process.env.PORT ?? 3000);
const dev = flags.has("--dev");
// Before Next.js and React are loaded: they pick their development or production builds from it.
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
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
    if (!flags.has("--no-seed")) {
      const seeded = await seedDatabase(db, { demoUsers: database.embedded });
      console.log(`Seed content: ${seeded.created.length} created, ${seeded.skipped.length} already present`);
    }
    if (testUsersFile) await createE2eUsers(db, testUsersFile);
  } finally {
    await db.$disconnect();
  }

  // The server runs in this process and reads its settings from here.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: sessionSecret(database.embedded && !flags.has("--ephemeral")),
  });
  if (!dev && !flags.has("--skip-build") && buildIsStale(process.env.NEXT_DIST_DIR ?? ".next")) {
    console.log("Building for production…");
    await runToCompletion(nextBin, ["build"], { ...process.env });
  }

  console.log(`\nGranskad: http://localhost:${port}`);
  if (database.embedded) {
    console.log("Demo users (embedded database only):");
    for (const user of demoUsers) console.log(`  ${user.role.padEnd(9)} ${user.email}  password: ${user.password}`);
  }

  // From here on every line the process prints is a JSON log event.
  routeConsoleToLogger();
  const { startGranskadServer } = await import("@/lib/server/http-server");
  const granskad = await startGranskadServer({
    dev,
    port,
    hostname: process.env.HOST ?? "127.0.0.1",
    dir: process.cwd(),
    shutdownTimeoutMs: shutdownTimeoutSeconds() * 1000,
    publicChanges: publicChangesFrom(process.env, database.embedded),
    pageCacheBytes: pageCacheBytesFrom(process.env),
    heapGrowthPercent: heapGrowthPercentFrom(process.env),
    publicAckTimeoutMs: publicAckTimeoutMsFrom(process.env),
  });

  const stop = (signal: NodeJS.Signals) => {
    void granskad
      .shutdown(signal)
      // The embedded database is closed only after the server has stopped, so every write is on disk.
      .then(() => database.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error("shutdown failed:", error);
          process.exit(1);
        },
      );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** GRANSKAD_SHUTDOWN_TIMEOUT_SECONDS (default 25, under the 30 s most orchestrators allow). */
function shutdownTimeoutSeconds(): number {
  const configured = process.env.GRANSKAD_SHUTDOWN_TIMEOUT_SECONDS;
  if (configured === undefined || configured === "") return 25;
  if (!/^\d{1,4}$/.test(configured)) throw new Error("GRANSKAD_SHUTDOWN_TIMEOUT_SECONDS must be a whole number of seconds");
  return Number(configured);
}

// Seeding emits no domain events; the server wires them in its bundle (see runCli).
void runCli(main, { wireDomainEvents: false });
