import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicAckChannel } from "@/lib/content/public-change-acks";
import { publicCachesTrusted, publicContentChannel, publicGeneration, publicGenerationInstanceId } from "@/lib/content/public-generation";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { waitFor } from "@/test/integration/wait-for";
import { startPublicContentListener, type PublicContentListener } from "./public-content-listener";

/*
 * The listener against the test's own database. On PostgreSQL (CI's PostgreSQL pass): another
 * connection's notification starts a new generation, this instance's own does not, and a lost connection
 * turns the caches off until it is back. On PGlite, whose socket server runs NOTIFY but delivers nothing,
 * the listener's probe never arrives and the caches stay off instead of deaf.
 */
const onPostgreSql = process.env.DATABASE_URL !== undefined;
let kit: TestKit;
let listener: PublicContentListener | undefined;
let other: pg.Client;
/** What the listener said on the acknowledgement channel, with the generation when it arrived. */
const notices: { notice: { joined?: string; ack?: string; instance?: string }; generation: number }[] = [];

async function notify(payload: object) {
  await other.query("SELECT pg_notify($1, $2)", [publicContentChannel, JSON.stringify(payload)]);
}

beforeAll(async () => {
  kit = await openTestKit({ name: "public-content-listener", seed: false });
  other = new pg.Client({ connectionString: kit.url });
  await other.connect();
  other.on("notification", (message) => {
    if (message.channel === publicAckChannel) notices.push({ notice: JSON.parse(message.payload ?? "{}") as { joined?: string }, generation: publicGeneration() });
  });
  await other.query(`LISTEN ${publicAckChannel}`);
});

afterAll(async () => {
  await listener?.stop();
  await other?.end();
  await kit?.close();
});

describe.runIf(onPostgreSql)("on PostgreSQL", () => {
  it("trusts the caches once it listens, and another instance's commit starts a new generation", async () => {
    listener = startPublicContentListener(kit.url, { pingIntervalMs: 200 });
    expect(publicCachesTrusted()).toBe(false);
    expect(await waitFor(async () => publicCachesTrusted(), (trusted) => trusted, 10_000)).toBe(true);
    expect(notices.map(({ notice }) => notice)).toEqual([{ joined: publicGenerationInstanceId() }]);
    const before = publicGeneration();
    await notify({ instance: publicGenerationInstanceId(), event: "version.published", change: "own-change" });
    await notify({ instance: "another-instance", event: "version.unpublished", change: "their-change" });
    await waitFor(async () => publicGeneration(), (generation) => generation > before, 5_000);
    // Let a second (wrong) advance for its own notification show, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(publicGeneration()).toBe(before + 1);
    // Only the other instance's change is acknowledged, and only once its new generation had started.
    expect(notices.slice(1)).toEqual([{ notice: { ack: "their-change", instance: publicGenerationInstanceId() }, generation: before + 1 }]);
  });

  it("turns the caches off when the connection is lost, and on again (flushing) when it is back", async () => {
    const [{ pid }] = (await other.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [`granskad-public-listener:${publicGenerationInstanceId()}`])).rows as [{ pid: number }];
    const before = publicGeneration();
    await other.query("SELECT pg_terminate_backend($1)", [pid]);
    expect(await waitFor(async () => publicCachesTrusted(), (trusted) => !trusted, 5_000)).toBe(false);
    const noticesBefore = notices.length;
    expect(await waitFor(async () => publicCachesTrusted(), (trusted) => trusted, 15_000)).toBe(true);
    expect(publicGeneration()).toBeGreaterThanOrEqual(before + 2);
    // Back, it joins again: a commit made while it was away is in the flush that follows.
    expect(notices.slice(noticesBefore).map(({ notice }) => notice)).toEqual([{ joined: publicGenerationInstanceId() }]);
    const reconnected = publicGeneration();
    await notify({ instance: "another-instance", event: "comment.moderated" });
    expect(await waitFor(async () => publicGeneration(), (generation) => generation > reconnected, 5_000)).toBe(reconnected + 1);
  });
});

describe.runIf(!onPostgreSql)("on PGlite's socket server", () => {
  it("keeps the caches off: the probe notification, sent from another connection, never arrives", async () => {
    listener = startPublicContentListener(kit.url, { probeTimeoutMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(publicCachesTrusted()).toBe(false);
  });
});
