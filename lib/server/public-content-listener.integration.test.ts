import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

async function notify(payload: object) {
  await other.query("SELECT pg_notify($1, $2)", [publicContentChannel, JSON.stringify(payload)]);
}

beforeAll(async () => {
  kit = await openTestKit({ name: "public-content-listener", seed: false });
  other = new pg.Client({ connectionString: kit.url });
  await other.connect();
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
    const before = publicGeneration();
    await notify({ instance: publicGenerationInstanceId(), event: "version.published" });
    await notify({ instance: "another-instance", event: "version.unpublished" });
    await waitFor(async () => publicGeneration(), (generation) => generation > before, 5_000);
    // Let a second (wrong) advance for its own notification show, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(publicGeneration()).toBe(before + 1);
  });

  it("turns the caches off when the connection is lost, and on again (flushing) when it is back", async () => {
    const [{ pid }] = (await other.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'granskad-public-listener' AND datname = current_database()")).rows as [{ pid: number }];
    const before = publicGeneration();
    await other.query("SELECT pg_terminate_backend($1)", [pid]);
    expect(await waitFor(async () => publicCachesTrusted(), (trusted) => !trusted, 5_000)).toBe(false);
    expect(await waitFor(async () => publicCachesTrusted(), (trusted) => trusted, 15_000)).toBe(true);
    expect(publicGeneration()).toBeGreaterThanOrEqual(before + 2);
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
