import pg from "pg";
import { publicAckChannel, publicListenerApplicationPrefix } from "@/lib/content/public-change-acks";
import { advancePublicGeneration, publicContentChannel, publicGenerationInstanceId, setPublicCachesTrusted } from "@/lib/content/public-generation";
import { logger } from "./logger";

/**
 * Every instance LISTENs on the public-content channel, on a connection of its own to DATABASE_URL. The
 * committing transaction of every public change NOTIFYs it (lib/startup/domain-event-wiring.ts), which
 * PostgreSQL delivers to all listeners at commit, and only if it commits; each instance then starts a
 * new generation of its caches (lib/content/public-generation.ts). Its own notifications it ignores:
 * it has already done so right after its commit.
 *
 * If the connection is lost (or a ping every `pingIntervalMs` fails) a commit elsewhere could go
 * unnoticed, so the caches are flushed and switched off until the listener is back, which flushes them
 * once more (commits may have happened in between). It reconnects with a backoff of up to 5 s.
 *
 * Before it trusts the connection it has a probe notification sent from a second, short-lived connection,
 * as another instance's commit would be: a server that runs NOTIFY but does not deliver it across
 * connections (PGlite's socket server, where all connections share one session and a notification comes
 * back to the connection that sent it) leaves the caches off, with an error in the log, rather than deaf
 * to other instances' commits.
 *
 * The committing instance waits for the others (lib/content/public-change-acks.ts): the connection is
 * named `granskad-public-listener:<instance id>` from the start, so an instance is waited for as soon as it
 * could hold caches; having advanced for another instance's change it acknowledges it on
 * `granskad_public_ack`, and before it trusts its caches (flushing them) it says it has joined.
 * `instanceId` is this process's own (a test runs two listeners in one process).
 */
export type PublicContentListener = { stop: () => Promise<void>; listening: () => boolean };

export function startPublicContentListener(url: string, options: { pingIntervalMs?: number; probeTimeoutMs?: number; instanceId?: string } = {}): PublicContentListener {
  let stopped = false;
  let client: pg.Client | undefined;
  let listening = false;
  let retryMs = 250;
  let retry: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;
  const instanceId = options.instanceId ?? publicGenerationInstanceId();
  setPublicCachesTrusted(false, "listener starting");

  const lost = (current: pg.Client, why: unknown) => {
    if (client !== current) return;
    client = undefined;
    clearInterval(ping);
    current.removeAllListeners("notification");
    void current.end().catch(() => {});
    if (listening) logger.warn({ err: why }, "public-content notifications lost: page caches off until reconnected");
    listening = false;
    setPublicCachesTrusted(false, "listener lost");
    if (stopped) return;
    retry = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5_000);
  };

  const connect = () => {
    if (stopped) return;
    const probeId = `${instanceId}-${Date.now()}`;
    let probeArrived: (() => void) | undefined;
    const probed = new Promise<boolean>((resolve) => {
      probeArrived = () => resolve(true);
      setTimeout(() => resolve(false), options.probeTimeoutMs ?? 3_000).unref();
    });
    const current = new pg.Client({ connectionString: url, application_name: `${publicListenerApplicationPrefix}${instanceId}`, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client = current;
    current.on("error", (error) => lost(current, error));
    current.on("end", () => lost(current, new Error("connection ended")));
    current.on("notification", (message) => {
      if (message.channel !== publicContentChannel) return;
      let origin: unknown;
      let event: unknown;
      let probe: unknown;
      let change: unknown;
      try {
        ({ instance: origin, event, probe, change } = JSON.parse(message.payload ?? "{}") as { instance?: unknown; event?: unknown; probe?: unknown; change?: unknown });
      } catch {
        origin = undefined;
      }
      if (probe !== undefined) {
        if (probe === probeId) probeArrived?.();
        return;
      }
      if (origin === instanceId) return;
      advancePublicGeneration(`notified: ${typeof event === "string" ? event : "public change"}`);
      // Only now, with the new generation started: the committing instance's operation returns on it.
      if (typeof change === "string") {
        current.query("SELECT pg_notify($1, $2)", [publicAckChannel, JSON.stringify({ ack: change, instance: instanceId })]).catch((error: unknown) => lost(current, error));
      }
    });
    void (async () => {
      try {
        await current.connect();
        await current.query(`LISTEN ${publicContentChannel}`);
        const prober = new pg.Client({ connectionString: url, application_name: "granskad-public-listener-probe", connectionTimeoutMillis: 5_000 });
        prober.on("error", () => undefined);
        try {
          await prober.connect();
          await prober.query("SELECT pg_notify($1, $2)", [publicContentChannel, JSON.stringify({ probe: probeId })]);
        } finally {
          await prober.end().catch(() => undefined);
        }
      } catch (error) {
        lost(current, error);
        return;
      }
      if (!(await probed)) {
        if (client !== current) return;
        logger.error(
          { channel: publicContentChannel },
          "the database runs NOTIFY but does not deliver it (PGlite's socket server?): page caches stay off; with a single instance set GRANSKAD_PUBLIC_CHANGES=in-process",
        );
        return;
      }
      if (client !== current) return;
      // "Joined" before the flush below: a commit that PostgreSQL orders before this notice is then in it.
      try {
        await current.query("SELECT pg_notify($1, $2)", [publicAckChannel, JSON.stringify({ joined: instanceId })]);
      } catch (error) {
        lost(current, error);
        return;
      }
      if (client !== current) return;
      listening = true;
      retryMs = 250;
      setPublicCachesTrusted(true, "listening");
      logger.info({ channel: publicContentChannel }, "listening for public-content changes");
      ping = setInterval(() => {
        const pinged = current.query("SELECT 1");
        const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("ping timed out")), 5_000).unref());
        Promise.race([pinged, timeout]).catch((error: unknown) => lost(current, error));
      }, options.pingIntervalMs ?? 10_000);
      ping.unref();
    })();
  };
  connect();

  return {
    listening: () => listening,
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(ping);
      const current = client;
      client = undefined;
      listening = false;
      await current?.end().catch(() => {});
    },
  };
}

/**
 * GRANSKAD_PUBLIC_CHANGES: how an instance hears of public changes. `listen` (the default on
 * DATABASE_URL): LISTEN/NOTIFY, for any number of instances; `in-process` (the default on the embedded
 * database): only this instance's own commits, for a deployment of exactly one instance whose database
 * cannot deliver notifications.
 */
export function publicChangesFrom(environment: Record<string, string | undefined>, embedded: boolean): "listen" | "in-process" {
  const configured = environment.GRANSKAD_PUBLIC_CHANGES;
  if (configured === undefined || configured === "") return embedded ? "in-process" : "listen";
  if (configured !== "listen" && configured !== "in-process") throw new Error("GRANSKAD_PUBLIC_CHANGES must be listen or in-process");
  return configured;
}
