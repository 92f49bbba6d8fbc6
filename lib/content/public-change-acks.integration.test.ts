import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startPublicContentListener, type PublicContentListener } from "@/lib/server/public-content-listener";
import { publishVersion } from "@/lib/workflow/publish-versions";
import { approvedRiskListVersion } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { waitFor } from "@/test/integration/wait-for";
import { configurePublicChangeAcks, publicAckChannel, publicListenerApplicationPrefix, stopPublicChangeAcks } from "./public-change-acks";
import { publicCachesTrusted, publicContentChannel, publicGeneration } from "./public-generation";

/*
 * The acknowledgement protocol on PostgreSQL (CI's PostgreSQL pass; PGlite delivers no notifications and
 * serves one instance, so nothing of it runs there). This process commits real publishes; a second
 * instance's listener runs in it under an instance id of its own, and raw connections named as listeners
 * play instances that are slow, silent, leaving or joining late.
 */
const onPostgreSql = process.env.DATABASE_URL !== undefined;
let kit: TestKit;
let listenerB: PublicContentListener | undefined;
const fakes: pg.Client[] = [];

/** A connection that pg_stat_activity names as the listener of instance `instance`. */
async function fakeListener(instance: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: kit.url, application_name: `${publicListenerApplicationPrefix}${instance}` });
  client.on("error", () => undefined);
  await client.connect();
  fakes.push(client);
  return client;
}

/** Sends a notice on the acknowledgement channel as a listener would (a connection already ended sends nothing). */
async function send(client: pg.Client, payload: object): Promise<void> {
  await client.query("SELECT pg_notify($1, $2)", [publicAckChannel, JSON.stringify(payload)]).catch(() => undefined);
}

/** Publishes a new version of a risk list through the workflow operation; returns once the operation has. */
async function publish() {
  const version = await approvedRiskListVersion(kit.db, kit.users, "nervblockader-biverkningar");
  const published = await publishVersion(kit.db, kit.users.admin, { versionId: version.id });
  expect(published.ok).toBe(true);
}

beforeAll(async () => {
  kit = await openTestKit({ name: "public-change-acks", seed: true });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(fakes.splice(0).map((client) => client.end().catch(() => undefined)));
});

afterAll(async () => {
  await stopPublicChangeAcks();
  await listenerB?.stop();
  await kit?.close();
});

describe.runIf(onPostgreSql)("acknowledgements on PostgreSQL", () => {
  it("a publish returns only once the other instance's listener has started its new generation", async () => {
    listenerB = startPublicContentListener(kit.url, { instanceId: "instance-b" });
    expect(await waitFor(async () => publicCachesTrusted(), (trusted) => trusted, 10_000)).toBe(true);
    await configurePublicChangeAcks({ url: kit.url, timeoutMs: 10_000 });
    const warn = vi.spyOn(console, "warn");
    const before = publicGeneration();
    await publish();
    // This process's own advance after the commit, and instance B's on the notification (they share one
    // generation in this process): without the wait the operation returns before B's has happened.
    expect(publicGeneration()).toBe(before + 2);
    expect(warn).not.toHaveBeenCalled();
  });

  it("waits for a slow instance's acknowledgement", async () => {
    const slow = await fakeListener("slow");
    let acknowledged = false;
    slow.on("notification", (message) => {
      const { change } = JSON.parse(message.payload ?? "{}") as { change: string };
      setTimeout(() => {
        acknowledged = true;
        void send(slow, { ack: change, instance: "slow" });
      }, 300);
    });
    await slow.query(`LISTEN ${publicContentChannel}`);
    await publish();
    expect(acknowledged).toBe(true);
  });

  it("a silent instance ends the wait at the timeout, with a warning naming it", async () => {
    await configurePublicChangeAcks({ url: kit.url, timeoutMs: 500 });
    // A first change opens this process's acknowledgement connection, so the "joined" below reaches it.
    await publish();
    const silent = await fakeListener("silent");
    // It joined before the next change: that does not count for a change committed after it.
    await send(silent, { joined: "silent" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await publish();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatchObject({ silent: ["silent"], timeoutMs: 500 });
  });

  it("an instance that disconnects while it is waited for ends the wait early, without a warning", async () => {
    await configurePublicChangeAcks({ url: kit.url, timeoutMs: 30_000 });
    const leaving = await fakeListener("leaving");
    // Gone once the wait for it has begun (the wait starts right after the commit).
    leaving.on("notification", () => setTimeout(() => void leaving.end(), 300));
    await leaving.query(`LISTEN ${publicContentChannel}`);
    const warn = vi.spyOn(console, "warn");
    await publish();
    expect(warn).not.toHaveBeenCalled();
    const left = await kit.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${`${publicListenerApplicationPrefix}leaving`}`;
    expect(left[0]!.n).toBe(0);
  });

  it("an instance that joins after the change committed counts (it flushed after the commit)", async () => {
    await configurePublicChangeAcks({ url: kit.url, timeoutMs: 30_000 });
    const late = await fakeListener("late");
    // Not listening for public changes, as a listener still connecting: it joins once it sees the commit's mark.
    late.on("notification", (message) => {
      const { committed } = JSON.parse(message.payload ?? "{}") as { committed?: string };
      if (committed) void send(late, { joined: "late" });
    });
    await late.query(`LISTEN ${publicAckChannel}`);
    const warn = vi.spyOn(console, "warn");
    await publish();
    expect(warn).not.toHaveBeenCalled();
  });
});
