import http from "node:http";
import path from "node:path";
import next from "next";
import { configurePublicChangeAcks, stopPublicChangeAcks } from "@/lib/content/public-change-acks";
import { disconnectDb, getDb } from "@/lib/db/client";
import { appWorkerStatus } from "@/lib/startup/app-workers";
import { stopJobQueue } from "@/lib/queue/job-queue";
import { crossSiteServerActions, healthEndpoints, unservedMethods } from "./early-handlers";
import { applyHeapGrowth } from "./heap-growth";
import { PageCache, pageCacheHandler } from "./page-cache";
import { pinPublicReads } from "./public-read-pin";
import { startPublicContentListener } from "./public-content-listener";
import { logger } from "./logger";
import { proxyTrustFrom } from "./proxy-trust";
import { expectedMigrationNames } from "./readiness";
import { createRequestPipeline, type EarlyHandler } from "./request-pipeline";

export type GranskadServerOptions = {
  dev: boolean;
  port: number;
  hostname: string;
  /** The project folder (with prisma/migrations and the build). */
  dir: string;
  /** How long a shutdown waits for requests in flight and running jobs before it cuts them off. */
  shutdownTimeoutMs: number;
  /**
   * How this instance learns of public changes committed by others: `listen` (PostgreSQL LISTEN on
   * DATABASE_URL, lib/server/public-content-listener.ts) or `in-process` (the embedded database, which
   * serves one instance only: its own after-commit subscriber is all there is).
   */
  publicChanges: "listen" | "in-process";
  /**
   * With `listen`: how long a public change's operation waits for every other instance to acknowledge it
   * (GRANSKAD_PUBLIC_ACK_TIMEOUT_MS; 0: not at all; lib/content/public-change-acks.ts).
   */
  publicAckTimeoutMs: number;
  /** The page cache's byte limit (GRANSKAD_PAGE_CACHE_MB). */
  pageCacheBytes: number;
  /** How far the heap may grow between full collections (GRANSKAD_HEAP_GROWTH_PERCENT; lib/server/heap-growth.ts). */
  heapGrowthPercent: number;
};

export type GranskadServer = {
  server: http.Server;
  /** Stops accepting, finishes requests and jobs (bounded), closes the pool; resolves when done. */
  shutdown: (reason: string) => Promise<void>;
  pageCache: PageCache;
};

/**
 * Granskad's HTTP server: one Node process serving Next.js through the edge pipeline
 * (lib/server/request-pipeline.ts). The early handlers run in this order before Next.js routes a
 * request; a cache of finished public responses belongs at the end of the list, so that probes and
 * refused requests never reach it.
 */
export async function startGranskadServer(options: GranskadServerOptions): Promise<GranskadServer> {
  const trust = proxyTrustFrom(process.env);
  applyHeapGrowth(options.heapGrowthPercent);
  let shuttingDown = false;
  // Before Next.js starts the job workers (a scheduled publish is a public change like any other).
  await configurePublicChangeAcks(options.publicChanges === "listen" ? { url: process.env.DATABASE_URL ?? "", timeoutMs: options.publicAckTimeoutMs } : undefined);

  const server = http.createServer();
  // Longer than the idle timeout of common load balancers (60 s), so they never reuse a connection we closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const app = next({ dev: options.dev, dir: options.dir, hostname: options.hostname, port: options.port, httpServer: server });
  await app.prepare();
  const handleWithNext = app.getRequestHandler();
  const listener = options.publicChanges === "listen" ? startPublicContentListener(process.env.DATABASE_URL ?? "") : undefined;
  const pageCache = new PageCache(options.pageCacheBytes);

  const earlyHandlers: EarlyHandler[] = [
    healthEndpoints({
      db: getDb,
      expectedMigrations: expectedMigrationNames(path.join(options.dir, "prisma", "migrations")),
      workers: appWorkerStatus,
      shuttingDown: () => shuttingDown,
    }),
    unservedMethods,
    crossSiteServerActions,
    // Last: only requests that passed every check above are answered from it or stored in it.
    pageCacheHandler(pageCache),
  ];
  server.on(
    "request",
    createRequestPipeline({
      trust,
      earlyHandlers,
      // One generation of published content per request, each read once (never a mixed page).
      next: pinPublicReads((request, response) => handleWithNext(request, response)),
      closingConnections: () => shuttingDown,
      // While draining, a connection whose response is done is closed at once instead of idling.
      afterResponse: () => shuttingDown && setImmediate(() => server.closeIdleConnections()),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  logger.info(
    { port: options.port, hostname: options.hostname, dev: options.dev, trustedProxies: trust.description, pageCacheMb: options.pageCacheBytes / 2 ** 20, publicChanges: options.publicChanges, publicAckTimeoutMs: options.publicAckTimeoutMs, heapGrowthPercent: options.heapGrowthPercent },
    "listening",
  );

  let finished: Promise<void> | undefined;
  const shutdown = (reason: string) =>
    (finished ??= (async () => {
      shuttingDown = true;
      logger.info({ reason, timeoutMs: options.shutdownTimeoutMs }, "shutting down: no new connections; finishing requests in flight and running jobs");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cutOff = setTimeout(() => {
        logger.warn("shutdown timeout reached: closing the connections still open");
        server.closeAllConnections();
      }, options.shutdownTimeoutMs);
      try {
        await Promise.all([closed, stopJobQueue(options.shutdownTimeoutMs)]);
      } finally {
        clearTimeout(cutOff);
        await listener?.stop();
        await stopPublicChangeAcks();
        await disconnectDb();
      }
      logger.info("shut down");
    })());
  return { server, shutdown, pageCache };
}
