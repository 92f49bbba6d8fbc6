import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/action-wrapper";
import { WebhookEvent } from "@/lib/db/generated/enums";
import { checkProperty } from "@/test/property-check";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";

/* The webhook server actions as a browser's POST reaches them, signed in through the test kit. */
const { createWebhookSubscriptionAction, deleteWebhookSubscriptionAction, setWebhookSubscriptionActiveAction } = await import("./webhook-actions");

let kit: TestKit;
let db: TestKit["db"];
let users: Record<"admin" | "editor", TestUser>;

beforeAll(async () => {
  kit = await openTestKit({ name: "webhook-actions", seed: false });
  db = kit.db;
  users = { admin: kit.users.admin, editor: await kit.createUser("editor-reviewer", ["EDITOR", "REVIEWER"]) };
});

afterAll(async () => {
  await kit?.close();
});

const everything = () => Promise.all([db.webhookSubscription.count(), db.webhookDelivery.count(), db.auditEvent.count()]);

const events = Object.values(WebhookEvent) as string[];
const notHttpUrl = fc.oneof(
  fc.string().filter((text) => !/^\s*https?:\/\/[^\s/]/i.test(text)),
  fc.constantFrom("ftp://files.example.se/hook", "javascript:alert(1)", "file:///etc/passwd", "https://", "http://user:secret@example.se/hook", `https://example.se/${"x".repeat(2001)}`),
  fc.anything().filter((value) => typeof value !== "string"),
);
const badEvents = fc.oneof(
  fc.constant([]),
  fc.array(fc.string().filter((event) => !events.includes(event)), { minLength: 1 }),
  fc.anything().filter((value) => !Array.isArray(value)),
);
const goodEvents = fc.subarray(events, { minLength: 1 });
const malformedCreateInput = fc.oneof(
  fc.record({ url: notHttpUrl, events: fc.oneof(goodEvents, badEvents) }, { requiredKeys: [] }),
  fc.record({ url: fc.webUrl({ validSchemes: ["http", "https"] }), events: badEvents }, { requiredKeys: ["events"] }),
  fc.anything().filter((value) => typeof value !== "object" || value === null || Array.isArray(value)),
);
const malformedSubscriptionInput = fc.oneof(
  fc.anything(),
  fc.record({ subscriptionId: fc.oneof(fc.string().filter((id) => !/^[0-9a-f-]{36}$/i.test(id)), fc.integer()), active: fc.anything() }),
);

function expectFieldErrors(result: ActionResult<unknown>) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.kind).toBe("invalid");
  expect(result.error.kind === "invalid" && Object.keys(result.error.fieldErrors ?? {}).length).toBeGreaterThan(0);
}

describe("webhook admin actions", () => {
  it("only admins may register, deactivate or delete (checked on the server)", async () => {
    for (const who of [null, "editor"] as const) {
      await kit.signIn(who && users[who]);
      const before = await everything();
      const created = await createWebhookSubscriptionAction({ url: "https://mottagare.example.se/hook", events: ["PUBLISHED"] });
      expect(created).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await everything()).toEqual(before);
    }
  });

  it("an admin registers a subscriber, gets the secret once, pauses and deletes it; each step is audited", async () => {
    await kit.signIn(users.admin);
    const created = await createWebhookSubscriptionAction({ url: " https://mottagare.example.se/hook ", events: ["UNPUBLISHED", "UNPUBLISHED"] });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ url: "https://mottagare.example.se/hook", events: ["UNPUBLISHED"], secret: expect.stringMatching(/^whsec_[\w-]{43}$/) });
    const stored = await db.webhookSubscription.findUniqueOrThrow({ where: { id: created.value.id } });
    expect(stored).toMatchObject({ secret: created.value.secret, active: true, createdById: users.admin.id });

    const { listWebhookSubscriptions, webhookDeliveryLog } = await import("@/lib/webhooks/webhook-subscriptions");
    expect(JSON.stringify(await listWebhookSubscriptions(db))).not.toContain(created.value.secret);
    expect(JSON.stringify(await webhookDeliveryLog(db, created.value.id))).not.toContain(created.value.secret);

    const subscriptionId = created.value.id;
    expect(await setWebhookSubscriptionActiveAction({ subscriptionId, active: false })).toMatchObject({ ok: true, value: { active: false } });
    expect(await deleteWebhookSubscriptionAction({ subscriptionId })).toMatchObject({ ok: true });
    expect(await deleteWebhookSubscriptionAction({ subscriptionId })).toMatchObject({ ok: false, error: { kind: "not_found" } });
    const audit = await db.auditEvent.findMany({ where: { entityId: subscriptionId }, orderBy: { at: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["webhook.subscription_created", "webhook.subscription_deactivated", "webhook.subscription_deleted"]);
  });

  it("in production a loopback or private subscriber is refused at registration, unless configured", async () => {
    await kit.signIn(users.admin);
    vi.stubEnv("NODE_ENV", "production");
    try {
      const before = await everything();
      for (const url of ["http://127.0.0.1:8080/hook", "http://[::ffff:10.0.0.1]/hook", "https://169.254.169.254/latest", "http://[fd00::1]/hook", "http://0.0.0.0/"]) {
        const refused = await createWebhookSubscriptionAction({ url, events: ["PUBLISHED"] });
        expect(refused).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: { url: [expect.stringMatching(/inte publik/)] } } });
      }
      expect(await everything()).toEqual(before);
      vi.stubEnv("GRANSKAD_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
      expect(await createWebhookSubscriptionAction({ url: "http://127.0.0.1:8080/hook", events: ["PUBLISHED"] })).toMatchObject({ ok: true });
    } finally {
      vi.unstubAllEnvs();
      await db.webhookSubscription.deleteMany();
    }
  });

  it("random and malformed input to every action gives field errors (a typed invalid result), never throws, writes nothing", async () => {
    await kit.signIn(users.admin);
    const before = await everything();
    await checkProperty(
      fc.asyncProperty(malformedCreateInput, async (input) => expectFieldErrors(await createWebhookSubscriptionAction(input))),
      { numRuns: 200 },
    );
    await checkProperty(
      fc.asyncProperty(malformedSubscriptionInput, async (input) => {
        expectFieldErrors(await setWebhookSubscriptionActiveAction(input));
        expectFieldErrors(await deleteWebhookSubscriptionAction(input));
      }),
      { numRuns: 100 },
    );
    expect(await everything()).toEqual(before);
  });
});
