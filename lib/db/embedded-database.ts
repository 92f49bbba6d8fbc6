import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { DatabaseError } from "./database-url";
import { isolateExtendedQueryBatches } from "./pglite-socket-isolation";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/** Where `npm start` keeps the embedded database (git-ignored). */
export const embeddedDataDir = path.join(process.cwd(), ".data", "pglite");
const embeddedStateFile = path.join(process.cwd(), ".data", "embedded-server.json");

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Serves PGlite over the PostgreSQL wire protocol on a free loopback port, so the app, the migration
 * runner and the tests all use the same `pg` + Prisma path as against a real server.
 * `dataDir` undefined means in memory (tests).
 */
export async function startEmbeddedDatabase(options: { dataDir?: string; maxConnections?: number } = {}): Promise<EmbeddedDatabase> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  // pg_trgm: search matches parts of Swedish compounds by trigram (prisma/migrations/*_search_documents).
  const db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm } });
  const port = await freeLoopbackPort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: options.maxConnections ?? 20 });
  isolateExtendedQueryBatches(server);
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** `server`: `npm start`, which others may connect to; `command`: a short-lived CLI run that holds the folder. */
type EmbeddedServerState = { pid: number; url: string; holder: "server" | "command" };

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Which live process has the embedded database folder open, if any: only one process may open it. */
export function embeddedDatabaseHolder(): EmbeddedServerState | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(embeddedStateFile, "utf8")) as EmbeddedServerState;
    return processIsAlive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

export function recordEmbeddedServer(url: string, holder: EmbeddedServerState["holder"]): () => void {
  fs.mkdirSync(path.dirname(embeddedStateFile), { recursive: true });
  fs.writeFileSync(embeddedStateFile, JSON.stringify({ pid: process.pid, url, holder } satisfies EmbeddedServerState));
  return () => fs.rmSync(embeddedStateFile, { force: true });
}

/** Opens the project's embedded database folder, refusing while another process has it open. */
export async function openProjectEmbeddedDatabase(holder: EmbeddedServerState["holder"]): Promise<EmbeddedDatabase> {
  const current = embeddedDatabaseHolder();
  if (current) {
    throw new DatabaseError(
      current.holder === "server"
        ? "`npm start` is already serving the embedded database in .data/pglite; stop it first"
        : `Another Granskad command (pid ${current.pid}) is using the embedded database in .data/pglite; try again when it has finished`,
    );
  }
  const embedded = await startEmbeddedDatabase({ dataDir: embeddedDataDir });
  const forget = recordEmbeddedServer(embedded.url, holder);
  return {
    url: embedded.url,
    stop: async () => {
      forget();
      await embedded.stop();
    },
  };
}

/**
 * Runs `work` with a database URL: DATABASE_URL when set, else the embedded server `npm start` is
 * running, else a short-lived embedded server over the project's data folder (refused while another
 * command has it open).
 */
export async function withDatabaseUrl<T>(work: (url: string, embedded: boolean) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) return work(configured, false);
  const running = embeddedDatabaseHolder();
  if (running?.holder === "server") return work(running.url, true);
  const embedded = await openProjectEmbeddedDatabase("command");
  try {
    return await work(embedded.url, true);
  } finally {
    await embedded.stop();
  }
}
