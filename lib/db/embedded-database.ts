import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

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
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const port = await freeLoopbackPort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: options.maxConnections ?? 20 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

type EmbeddedServerState = { pid: number; url: string };

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The URL of the embedded server `npm start` is running right now, if any (only one process may open the folder). */
export function runningEmbeddedServerUrl(): string | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(embeddedStateFile, "utf8")) as EmbeddedServerState;
    return processIsAlive(state.pid) ? state.url : undefined;
  } catch {
    return undefined;
  }
}

export function recordEmbeddedServer(url: string): () => void {
  fs.mkdirSync(path.dirname(embeddedStateFile), { recursive: true });
  fs.writeFileSync(embeddedStateFile, JSON.stringify({ pid: process.pid, url } satisfies EmbeddedServerState));
  return () => fs.rmSync(embeddedStateFile, { force: true });
}

/**
 * Runs `work` with a database URL: DATABASE_URL when set, else the embedded server `npm start` is
 * running, else a short-lived embedded server over the project's data folder.
 */
export async function withDatabaseUrl<T>(work: (url: string, embedded: boolean) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) return work(configured, false);
  const running = runningEmbeddedServerUrl();
  if (running) return work(running, true);
  const embedded = await startEmbeddedDatabase({ dataDir: embeddedDataDir });
  try {
    return await work(embedded.url, true);
  } finally {
    await embedded.stop();
  }
}
