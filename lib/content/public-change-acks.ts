import crypto from "node:crypto";
import { LRUCache } from "lru-cache";
import pg from "pg";
import type { DbTx } from "@/lib/db/client";
import { publicContentChannel, publicGenerationInstanceId } from "./public-generation";

/**
 * "Never stale after commit" on every instance: a public change's operation returns only once every
 * other instance has started its new generation. NOTIFY alone reaches the other instances a few
 * milliseconds after the commit, so a request to one of them in between was served the old generation.
 *
 * The protocol, on the acknowledgement channel (`granskad_public_ack`):
 * - every instance's listener (lib/server/public-content-listener.ts) connects as
 *   `granskad-public-listener:<instance id>`, so pg_stat_activity names every instance that may hold caches;
 * - having advanced its generation for another instance's change, it sends `{ack: change, instance}`;
 * - when it comes to trust its caches (first connection or reconnection) it sends `{joined: instance}`
 *   first and flushes after, so a "joined" that PostgreSQL orders after a commit means a flush after it;
 * - the committing process (this module: any process whose operations may change public content on a
 *   shared PostgreSQL database) LISTENs on the channel before the change commits, sends `{committed: change}`
 *   inside the committing transaction (PostgreSQL delivers notifications in commit order, so it is the mark
 *   against which a "joined" counts), and after the commit waits until each other listener has acknowledged
 *   the change, joined after its mark, or left pg_stat_activity (lost connection: its caches are off), at
 *   most `timeoutMs` (then a warning naming the silent instances; the commit stands).
 *
 * One connection per process, opened on the first public change and kept; the state is on globalThis, as
 * the server entry configures it (scripts/serve.ts) and Next.js's bundle, a module graph of its own, commits.
 */
export const publicAckChannel = "granskad_public_ack";

/** A listener's application_name: this prefix and its instance id (61 characters, within PostgreSQL's 63). */
export const publicListenerApplicationPrefix = "granskad-public-listener:";

const defaultTimeoutMs = 2_000;
/** How often a wait re-reads pg_stat_activity, so an instance that has gone stops being waited for. */
const defaultPollMs = 150;

type AckConfig = { url: string; timeoutMs: number; pollMs: number };

type AckState = {
  config?: AckConfig;
  connection?: Promise<pg.Client>;
  /** Position of each notification received, in PostgreSQL's commit order. */
  received: number;
  /** Change id → position of its `committed` mark. */
  marks: LRUCache<string, number>;
  /** Change id → the instances that acknowledged it. */
  acks: LRUCache<string, Set<string>>;
  /** Instance id → position of its latest `joined`. */
  joins: LRUCache<string, number>;
  /** Waits to wake on any notification (or a lost connection). */
  wake: Set<() => void>;
};

const holder = globalThis as unknown as { granskadPublicChangeAcks?: AckState };
const state = (holder.granskadPublicChangeAcks ??= {
  received: 0,
  marks: new LRUCache({ max: 10_000 }),
  acks: new LRUCache({ max: 10_000 }),
  joins: new LRUCache({ max: 10_000 }),
  wake: new Set(),
});

/** GRANSKAD_PUBLIC_ACK_TIMEOUT_MS: how long an operation waits for the other instances (default 2000; 0: not at all). */
export function publicAckTimeoutMsFrom(environment: Record<string, string | undefined>): number {
  const configured = environment.GRANSKAD_PUBLIC_ACK_TIMEOUT_MS;
  if (configured === undefined || configured === "") return defaultTimeoutMs;
  if (!/^\d{1,6}$/.test(configured)) throw new Error("GRANSKAD_PUBLIC_ACK_TIMEOUT_MS must be a whole number of milliseconds (0 to 999999)");
  return Number(configured);
}

/**
 * Makes this process wait for the other instances on `url` after each public change (a timeout of 0, or
 * `undefined`, turns it off). Only for a shared PostgreSQL database whose instances LISTEN: the embedded
 * database delivers no notifications and serves one instance.
 */
export async function configurePublicChangeAcks(config: { url: string; timeoutMs: number; pollMs?: number } | undefined): Promise<void> {
  await stopPublicChangeAcks();
  if (config && config.timeoutMs > 0) state.config = { url: config.url, timeoutMs: config.timeoutMs, pollMs: config.pollMs ?? defaultPollMs };
}

/** Closes the acknowledgement connection and stops waiting (a command's or the server's end). */
export async function stopPublicChangeAcks(): Promise<void> {
  state.config = undefined;
  const connection = state.connection;
  state.connection = undefined;
  wakeAll();
  const client = await connection?.catch(() => undefined);
  await client?.end().catch(() => undefined);
}

function wakeAll(): void {
  for (const wake of state.wake) wake();
}

function openConnection(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "granskad-public-ack", keepAlive: true, connectionTimeoutMillis: 5_000 });
  const opened = (async () => {
    await client.connect();
    await client.query(`LISTEN ${publicAckChannel}`);
    return client;
  })();
  const lost = () => {
    if (state.connection !== opened) return;
    state.connection = undefined;
    void client.end().catch(() => undefined);
    wakeAll();
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (message) => {
    if (message.channel !== publicAckChannel) return;
    state.received += 1;
    let notice: { committed?: unknown; ack?: unknown; instance?: unknown; joined?: unknown };
    try {
      notice = JSON.parse(message.payload ?? "{}") as typeof notice;
    } catch {
      return;
    }
    if (typeof notice.committed === "string") state.marks.set(notice.committed, state.received);
    if (typeof notice.joined === "string") state.joins.set(notice.joined, state.received);
    if (typeof notice.ack === "string" && typeof notice.instance === "string") {
      const acked = state.acks.get(notice.ack) ?? new Set<string>();
      acked.add(notice.instance);
      state.acks.set(notice.ack, acked);
    }
    wakeAll();
  });
  opened.catch(lost);
  return opened;
}

/**
 * Announces a public change inside its transaction, to every instance's listener; returns its change id.
 * When this process waits for acknowledgements, the connection that receives them is LISTENing before
 * the change can commit (so no acknowledgement is missed), and the `committed` mark goes with the change.
 * If that connection cannot be opened the change still commits, without the wait, with a warning.
 */
export async function announcePublicChange(tx: DbTx, event: string): Promise<{ change: string; acknowledged: boolean }> {
  const change = crypto.randomUUID();
  await tx.$executeRaw`SELECT pg_notify(${publicContentChannel}, ${JSON.stringify({ instance: publicGenerationInstanceId(), event, change })})`;
  const config = state.config;
  if (!config) return { change, acknowledged: false };
  try {
    await (state.connection ??= openConnection(config.url));
  } catch (error) {
    console.warn({ err: error, change }, "public change acknowledgements: no connection; this change is not waited for on other instances");
    return { change, acknowledged: false };
  }
  await tx.$executeRaw`SELECT pg_notify(${publicAckChannel}, ${JSON.stringify({ committed: change })})`;
  return { change, acknowledged: true };
}

async function otherListeners(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT application_name AS name FROM pg_stat_activity WHERE datname = current_database() AND starts_with(application_name, $1)",
    [publicListenerApplicationPrefix],
  );
  const own = publicGenerationInstanceId();
  return new Set(rows.map((row) => row.name.slice(publicListenerApplicationPrefix.length)).filter((instance) => instance !== own));
}

/**
 * After the commit of `change` (announced with acknowledgement): waits until every other instance
 * listening on this database has started its new generation, has flushed since, or has gone; at most
 * the configured timeout, after which the silent instances are named in a warning.
 */
export async function awaitPublicChangeAcks(change: string): Promise<void> {
  const config = state.config;
  const connection = state.connection;
  if (!config) return;
  if (!connection) {
    console.warn({ change }, "public change acknowledgements: connection lost since the change was announced; not waited for on other instances");
    return;
  }
  const deadline = Date.now() + config.timeoutMs;
  const client = await connection;
  const pending = await otherListeners(client);
  let polledAt = Date.now();
  const settled = (instance: string) => {
    if (state.acks.get(change)?.has(instance)) return true;
    const mark = state.marks.get(change);
    const joined = state.joins.get(instance);
    return mark !== undefined && joined !== undefined && joined > mark;
  };
  for (;;) {
    for (const instance of pending) if (settled(instance)) pending.delete(instance);
    if (pending.size === 0) return;
    if (state.connection !== connection) {
      console.warn({ change, silent: [...pending] }, "public change acknowledgements: connection lost while waiting; other instances may serve the previous content briefly");
      return;
    }
    const now = Date.now();
    if (now >= deadline) {
      console.warn(
        { change, silent: [...pending], timeoutMs: config.timeoutMs },
        `public change not acknowledged within ${config.timeoutMs} ms by instance(s) ${[...pending].join(", ")}: they may serve the previous content until their notification arrives`,
      );
      return;
    }
    if (now - polledAt >= config.pollMs) {
      const present = await otherListeners(client).catch(() => pending);
      polledAt = Date.now();
      for (const instance of pending) if (!present.has(instance)) pending.delete(instance);
      continue;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        state.wake.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(config.pollMs - (now - polledAt), deadline - now));
      state.wake.add(done);
    });
  }
}
