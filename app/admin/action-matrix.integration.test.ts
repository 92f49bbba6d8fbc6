import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/db/generated/enums";
import type { DomainFailure } from "@/lib/errors/domain-result";
import type { ActionResult } from "@/lib/http/action-result";
import { databaseFingerprint, discoverServerActionExports, openActionTestDatabase, type ActionTestDatabase, type DiscoveredExport } from "./server-action-fixtures";

/*
 * Who may do what, for every export of every app/**\/*actions.ts module, as a browser's POST reaches
 * it: only the session is stood in for, and revalidatePath (which needs a request).
 */
let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedIn }));
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), revalidatePath: vi.fn() }));
/** The reader forms read the client address and their cookie; a new address per call keeps throttling out of the way. */
const request = vi.hoisted(() => ({ address: 0, cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-granskad-client-address": `10.1.${Math.floor(++request.address / 250)}.${request.address % 250}` }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}));

type Known = { unknownId: string; articleSlug: string; riskListSlug: string; userEmail: string };
/**
 * `rule` is the domain failure an allowed caller meets with `wellFormed` input: proof that the call got
 * past the role check and validation to the rule (an unknown id, a taken address or e-mail).
 */
type ActionRow = { roles: readonly Role[]; wellFormed: (known: Known) => unknown; rule: Partial<DomainFailure> };
/** A read the editor's page asks for (no role, no write). */
type QueryRow = { query: "signed-in" };
/**
 * A public reader form (useActionState: previous state and form data): anyone, signed in or not, gets
 * the same answers; `wellFormed` names an article that does not exist, so nothing may be written.
 */
type ReaderFormRow = { anyone: true; wellFormed: (known: Known) => Record<string, string>; refusal: Record<string, unknown> };

/**
 * The expected matrix, written out rather than read from the actions' own role lists. A new action
 * fails "every action has a row" until it gets its line here.
 */
const unknown = { kind: "not_found" } as const;
const taken = { kind: "conflict" } as const;
const slugTaken = { kind: "invalid", message: "Adressen används redan" } as const;
/** A subscriber URL may not carry a user name and password (the receiver checks the signature instead). */
const credentialsInUrl: Partial<DomainFailure> = { kind: "invalid", fieldErrors: { url: ["Adressen får inte innehålla användarnamn eller lösenord"] } };

const matrix: Record<string, ActionRow | QueryRow | ReaderFormRow> = {
  "app/(public)/reader-actions.ts › submitCommentAction": {
    anyone: true,
    wellFormed: (k) => ({ articleId: k.unknownId, name: "Anna", email: "anna@example.se", body: "Tack" }),
    refusal: { status: "invalid", message: "Artikeln finns inte längre." },
  },
  "app/(public)/reader-actions.ts › voteFeedbackAction": { anyone: true, wellFormed: (k) => ({ articleId: k.unknownId, helpful: "ja" }), refusal: { status: "failed", message: "Artikeln finns inte längre." } },
  "app/admin/anvandare/actions.ts › createUserAction": { roles: ["ADMIN"], rule: taken, wellFormed: (k) => ({ email: k.userEmail, name: "Dubblett", roles: ["EDITOR"], password: "ett-langt-losenord" }) },
  "app/admin/anvandare/actions.ts › setUserActiveAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ userId: k.unknownId, active: false }) },
  "app/admin/anvandare/actions.ts › updateUserProfileAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ userId: k.unknownId, name: "Namn", title: "", specialty: "" }) },
  "app/admin/anvandare/actions.ts › updateUserRolesAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ userId: k.unknownId, roles: ["EDITOR"] }) },
  "app/admin/editor-actions.ts › createArticleAction": { roles: ["EDITOR"], rule: slugTaken, wellFormed: (k) => ({ slug: k.articleSlug, kind: "PROCEDURE", title: "Dubblett" }) },
  "app/admin/editor-actions.ts › createRiskListAction": {
    roles: ["EDITOR"],
    rule: slugTaken,
    wellFormed: (k) => ({ slug: k.riskListSlug, title: "Dubblett", firstRisk: { text: "Huvudvärk", severity: "MILD", frequency: "COMMON", temporary: true } }),
  },
  "app/admin/editor-actions.ts › isSignedIn": { query: "signed-in" },
  "app/admin/editor-actions.ts › saveDraftAction": {
    roles: ["EDITOR"],
    rule: unknown,
    wellFormed: (k) => ({
      kind: "riskList",
      versionId: k.unknownId,
      baseRevision: 0,
      content: { title: "Risker", groups: [{ key: crypto.randomUUID(), items: [{ key: crypto.randomUUID(), text: "Huvudvärk", severity: "MILD", frequency: "COMMON", temporary: true }] }] },
    }),
  },
  "app/admin/editor-actions.ts › startEditing": { roles: ["EDITOR"], rule: unknown, wellFormed: (k) => ({ articleId: k.unknownId }) },
  "app/admin/editor-actions.ts › submitForReviewAction": { roles: ["EDITOR"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, changeNote: "Ändring", readerNote: "Nytt" }) },
  "app/admin/kommentarer/actions.ts › deleteCommentAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ commentId: k.unknownId }) },
  "app/admin/kommentarer/actions.ts › moderateCommentAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ commentId: k.unknownId, decision: "APPROVED" }) },
  "app/admin/publishing-actions.ts › cancelScheduledPublishAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "app/admin/publishing-actions.ts › cancelScheduledUnpublishAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "app/admin/publishing-actions.ts › publishNowAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "app/admin/publishing-actions.ts › schedulePublishAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, at: "2099-01-01T10:00" }) },
  "app/admin/publishing-actions.ts › scheduleUnpublishAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, at: "2099-01-01T10:00" }) },
  "app/admin/publishing-actions.ts › unpublishNowAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "app/admin/versioner/[versionId]/review-actions.ts › addReviewCommentAction": { roles: ["REVIEWER"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, body: "Kommentar" }) },
  "app/admin/versioner/[versionId]/review-actions.ts › approveVersionAction": { roles: ["REVIEWER"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, contentHash: "a".repeat(64) }) },
  "app/admin/versioner/[versionId]/review-actions.ts › reattestVersionAction": { roles: ["REVIEWER"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "app/admin/versioner/[versionId]/review-actions.ts › requestChangesAction": { roles: ["REVIEWER"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, comment: "Ändra" }) },
  "app/admin/webhooks/actions.ts › createWebhookSubscriptionAction": { roles: ["ADMIN"], rule: credentialsInUrl, wellFormed: () => ({ url: "https://namn:losen@mottagare.example/krok", events: ["PUBLISHED"] }) },
  "app/admin/webhooks/actions.ts › deleteWebhookSubscriptionAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ subscriptionId: k.unknownId }) },
  "app/admin/webhooks/actions.ts › setWebhookSubscriptionActiveAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ subscriptionId: k.unknownId, active: false }) },
};

const callers = ["anonymous", "editor", "reviewer", "admin"] as const;
type Caller = (typeof callers)[number];
const callerRole: Record<Exclude<Caller, "anonymous">, Role> = { editor: "EDITOR", reviewer: "REVIEWER", admin: "ADMIN" };

/** Keys the voter hash of the feedback form (set by `npm start` in the app). */
process.env.NEXTAUTH_SECRET ??= "matrix-test-secret";

let database: ActionTestDatabase;
let discovered: DiscoveredExport[];
let known: Known;

beforeAll(async () => {
  database = await openActionTestDatabase("matrix");
  discovered = await discoverServerActionExports();
  const { db } = database;
  known = {
    unknownId: crypto.randomUUID(),
    articleSlug: (await db.article.findFirstOrThrow()).slug,
    riskListSlug: (await db.riskList.findFirstOrThrow()).slug,
    userEmail: database.users.editor.email,
  };
});

afterAll(async () => {
  await database?.close();
});

function signInAs(caller: Caller) {
  signedIn = caller === "anonymous" ? null : database.users[caller];
}

describe("role × action matrix", () => {
  it("has a row for every exported server action, and no row for an action that is gone", () => {
    const ids = discovered.map(({ id }) => id);
    expect(ids.filter((id) => !(id in matrix)), "actions without a row in the matrix").toEqual([]);
    expect(Object.keys(matrix).filter((id) => !ids.includes(id)), "rows for actions that do not exist").toEqual([]);
    expect(discovered.filter(({ value }) => typeof value !== "function").map(({ id }) => id), "exports that are not functions").toEqual([]);
  });

  it("refuses every caller outside the action's roles with a typed failure and writes nothing; lets the others through to validation and the rule", async () => {
    const before = await databaseFingerprint(database.db);
    for (const { id, value } of discovered) {
      const row = matrix[id];
      if (!row || "query" in row || "anyone" in row) continue;
      const act = value as (input: unknown) => Promise<ActionResult<unknown>>;
      for (const caller of callers) {
        signInAs(caller);
        const allowed = caller !== "anonymous" && row.roles.includes(callerRole[caller]);
        const empty = await act({});
        const wellFormed = await act(row.wellFormed(known));
        const where = `${id} as ${caller}`;
        if (allowed) {
          expect(empty, where).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: expect.any(Object) } });
          expect(wellFormed, where).toMatchObject({ ok: false, error: row.rule });
        } else {
          const message = caller === "anonymous" ? /inte inloggad/ : /roll får inte/;
          expect(empty, where).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringMatching(message) } });
          expect(wellFormed, where).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringMatching(message) } });
        }
      }
    }
    expect(await databaseFingerprint(database.db)).toEqual(before);
  });

  it("gives every caller the same answers from the public reader forms, and writes nothing for refused input", async () => {
    const withoutThrottleCounters = async () => {
      const fingerprint = await databaseFingerprint(database.db);
      delete fingerprint["public.RateLimit"];
      return fingerprint;
    };
    const before = await withoutThrottleCounters();
    const readerForms = discovered.filter(({ id }) => "anyone" in (matrix[id] ?? {}));
    expect(readerForms.map(({ id }) => id)).toHaveLength(2);
    for (const { id, value } of readerForms) {
      const row = matrix[id] as ReaderFormRow;
      const submit = value as (previous: { status: "idle" }, form: FormData) => Promise<Record<string, unknown>>;
      for (const caller of callers) {
        signInAs(caller);
        const where = `${id} as ${caller}`;
        expect(await submit({ status: "idle" }, new FormData()), where).toMatchObject({ status: expect.stringMatching(/^(invalid|failed)$/) });
        const form = new FormData();
        for (const [name, field] of Object.entries(row.wellFormed(known))) form.append(name, field);
        expect(await submit({ status: "idle" }, form), where).toMatchObject(row.refusal);
      }
    }
    expect(await withoutThrottleCounters()).toEqual(before);
  });

  it("answers the signed-in query for anyone, truthfully, and writes nothing", async () => {
    const before = await databaseFingerprint(database.db);
    for (const { id, value } of discovered) {
      if (!("query" in (matrix[id] ?? {}))) continue;
      for (const caller of callers) {
        signInAs(caller);
        expect(await (value as () => Promise<boolean>)(), `${id} as ${caller}`).toBe(caller !== "anonymous");
      }
    }
    expect(await databaseFingerprint(database.db)).toEqual(before);
  });
});
