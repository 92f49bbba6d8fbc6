import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import type { DomainFailure } from "@/lib/errors/domain-result";
import type { ActionResult } from "@/lib/actions/action-wrapper";
import { databaseFingerprint, discoverServerActionExports, type DiscoveredExport } from "@/test/integration/server-actions";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";

/*
 * Who may do what, for every export of every server-action module ("use server"), as a browser's POST reaches
 * it, signed in through the test kit (the reader forms get a new client address per call, so throttling
 * stays out of the way).
 */

type Known = { unknownId: string; articleSlug: string; riskListSlug: string; glossaryTermSlug: string; userEmail: string };
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
 * The outside expert's comment (lib/external-review): no sign-in, the link's token is the credential.
 * Anyone, signed in or not, gets the same answers; `wellFormed` carries a token no invitation has.
 */
type ExpertRow = { expert: true; wellFormed: () => Record<string, string>; refusal: Partial<DomainFailure> };

/**
 * The expected matrix, written out rather than read from the actions' own role lists. A new action
 * fails "every action has a row" until it gets its line here.
 */
const unknown = { kind: "not_found" } as const;
const taken = { kind: "conflict" } as const;
const slugTaken = { kind: "invalid", message: "Adressen används redan" } as const;
/** A subscriber URL may not carry a user name and password (the receiver checks the signature instead). */
const credentialsInUrl: Partial<DomainFailure> = { kind: "invalid", fieldErrors: { url: ["Adressen får inte innehålla användarnamn eller lösenord"] } };

const matrix: Record<string, ActionRow | QueryRow | ReaderFormRow | ExpertRow> = {
  "lib/actions/external-review-actions.ts › inviteExternalReviewerAction": {
    roles: ["REVIEWER", "ADMIN"],
    rule: unknown,
    wellFormed: (k) => ({ versionId: k.unknownId, expertName: "Eva Extern", expertTitle: "Överläkare", expertEmail: "eva@sjukhus.example" }),
  },
  "lib/actions/external-review-actions.ts › revokeExternalReviewAction": { roles: ["REVIEWER", "ADMIN"], rule: unknown, wellFormed: (k) => ({ invitationId: k.unknownId }) },
  "lib/actions/external-review-actions.ts › submitExternalCommentAction": { expert: true, wellFormed: () => ({ token: crypto.randomBytes(32).toString("base64url"), body: "Kommentar" }), refusal: unknown },
  "lib/actions/reader-actions.ts › submitCommentAction": {
    anyone: true,
    wellFormed: (k) => ({ articleId: k.unknownId, name: "Anna", email: "anna@example.se", body: "Tack" }),
    refusal: { status: "invalid", message: "Artikeln finns inte längre." },
  },
  "lib/actions/reader-actions.ts › voteFeedbackAction": { anyone: true, wellFormed: (k) => ({ articleId: k.unknownId, helpful: "ja" }), refusal: { status: "failed", message: "Artikeln finns inte längre." } },
  "lib/actions/user-actions.ts › createUserAction": { roles: ["ADMIN"], rule: taken, wellFormed: (k) => ({ email: k.userEmail, name: "Dubblett", roles: ["EDITOR"], password: "ett-langt-losenord" }) },
  "lib/actions/user-actions.ts › setUserActiveAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ userId: k.unknownId, active: false }) },
  "lib/actions/user-actions.ts › setUserClinicianAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ userId: k.unknownId, clinician: true }) },
  "lib/actions/user-actions.ts › updateUserProfileAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ userId: k.unknownId, name: "Namn", title: "", specialty: "" }) },
  "lib/actions/user-actions.ts › updateUserRolesAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ userId: k.unknownId, roles: ["EDITOR"] }) },
  "lib/actions/editor-actions.ts › createArticleAction": { roles: ["EDITOR"], rule: slugTaken, wellFormed: (k) => ({ slug: k.articleSlug, kind: "PROCEDURE", title: "Dubblett" }) },
  "lib/actions/editor-actions.ts › createRiskListAction": {
    roles: ["EDITOR"],
    rule: slugTaken,
    wellFormed: (k) => ({ slug: k.riskListSlug, title: "Dubblett", firstRisk: { text: "Huvudvärk", severity: "MILD", frequency: "COMMON", temporary: true } }),
  },
  "lib/actions/editor-actions.ts › createGlossaryTermAction": {
    roles: ["EDITOR"],
    rule: slugTaken,
    wellFormed: (k) => ({ slug: k.glossaryTermSlug, title: "Dubblett", explanation: "En förklaring." }),
  },
  "lib/actions/editor-actions.ts › isSignedIn": { query: "signed-in" },
  "lib/actions/editor-actions.ts › saveDraftAction": {
    roles: ["EDITOR"],
    rule: unknown,
    wellFormed: (k) => ({
      kind: "riskList",
      versionId: k.unknownId,
      baseRevision: 0,
      content: { title: "Risker", groups: [{ key: crypto.randomUUID(), items: [{ key: crypto.randomUUID(), text: "Huvudvärk", severity: "MILD", frequency: "COMMON", temporary: true }] }] },
    }),
  },
  "lib/actions/editor-actions.ts › startEditing": { roles: ["EDITOR"], rule: unknown, wellFormed: (k) => ({ item: { kind: "article", id: k.unknownId } }) },
  "lib/actions/editor-actions.ts › submitForReviewAction": { roles: ["EDITOR"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, baseRevision: 0, changeNote: "Ändring", readerNote: "Nytt" }) },
  "lib/actions/owner-actions.ts › changeItemOwnerAction": {
    roles: ["EDITOR", "REVIEWER", "ADMIN"],
    rule: unknown,
    wellFormed: (k) => ({ item: { kind: "article", id: k.unknownId }, ownerId: k.unknownId }),
  },
  "lib/actions/moderation-actions.ts › deleteCommentAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ commentId: k.unknownId }) },
  "lib/actions/moderation-actions.ts › moderateCommentAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ commentId: k.unknownId, decision: "APPROVED" }) },
  "lib/actions/publishing-actions.ts › cancelScheduledPublishAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "lib/actions/publishing-actions.ts › cancelScheduledUnpublishAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "lib/actions/publishing-actions.ts › publishNowAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "lib/actions/publishing-actions.ts › schedulePublishAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, at: "2099-01-01T10:00" }) },
  "lib/actions/publishing-actions.ts › scheduleUnpublishAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, at: "2099-01-01T10:00" }) },
  "lib/actions/publishing-actions.ts › unpublishNowAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId }) },
  "lib/actions/review-actions.ts › addReviewCommentAction": { roles: ["REVIEWER"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, body: "Kommentar" }) },
  "lib/actions/review-actions.ts › approveVersionAction": { roles: ["REVIEWER"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, contentHash: "a".repeat(64), checklist: fullReviewChecklist }) },
  "lib/actions/review-actions.ts › reattestVersionAction": { roles: ["REVIEWER"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, checklist: fullReviewChecklist }) },
  "lib/actions/review-actions.ts › requestChangesAction": { roles: ["REVIEWER"], rule: unknown, wellFormed: (k) => ({ versionId: k.unknownId, comment: "Ändra" }) },
  "lib/actions/notification-actions.ts › markNotificationReadAction": { roles: ["EDITOR", "REVIEWER", "ADMIN"], rule: unknown, wellFormed: (k) => ({ notificationId: k.unknownId }) },
  "lib/actions/notification-actions.ts › markAllNotificationsReadAction": {
    roles: ["EDITOR", "REVIEWER", "ADMIN"],
    rule: { kind: "invalid", fieldErrors: { shownAt: ["Tidpunkten ligger i framtiden"] } },
    wellFormed: () => ({ shownAt: "2099-01-01T00:00:00Z" }),
  },
  "lib/actions/notification-actions.ts › updateNotificationPreferencesAction": {
    roles: ["EDITOR", "REVIEWER", "ADMIN"],
    rule: { kind: "invalid", fieldErrors: { "preferences.REVIEW_ESCALATED": ["Eskaleringar av försenade granskningar kan inte stängas av"] } },
    wellFormed: () => ({ preferences: { REVIEW_ESCALATED: "OFF" } }),
  },
  "lib/actions/webhook-actions.ts › createWebhookSubscriptionAction": { roles: ["ADMIN"], rule: credentialsInUrl, wellFormed: () => ({ url: "https://namn:losen@mottagare.example/krok", events: ["PUBLISHED"] }) },
  "lib/actions/webhook-actions.ts › deleteWebhookSubscriptionAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ subscriptionId: k.unknownId }) },
  "lib/actions/webhook-actions.ts › setWebhookSubscriptionActiveAction": { roles: ["ADMIN"], rule: unknown, wellFormed: (k) => ({ subscriptionId: k.unknownId, active: false }) },
};

const callers = ["anonymous", "editor", "reviewer", "admin"] as const;
type Caller = (typeof callers)[number];
const callerRole: Record<Exclude<Caller, "anonymous">, Role> = { editor: "EDITOR", reviewer: "REVIEWER", admin: "ADMIN" };

let kit: TestKit;
let discovered: DiscoveredExport[];
let known: Known;

beforeAll(async () => {
  kit = await openTestKit({ name: "matrix", startJobQueue: true });
  discovered = await discoverServerActionExports();
  const { db } = kit;
  known = {
    unknownId: crypto.randomUUID(),
    articleSlug: (await db.article.findFirstOrThrow()).slug,
    riskListSlug: (await db.riskList.findFirstOrThrow()).slug,
    glossaryTermSlug: (await db.glossaryTerm.findFirstOrThrow()).slug,
    userEmail: kit.users.editor.email,
  };
});

afterAll(async () => {
  await kit?.close();
});

function signInAs(caller: Caller) {
  return kit.signIn(caller === "anonymous" ? null : kit.users[caller]);
}

describe("role × action matrix", () => {
  it("has a row for every exported server action, and no row for an action that is gone", () => {
    const ids = discovered.map(({ id }) => id);
    expect(ids.filter((id) => !(id in matrix)), "actions without a row in the matrix").toEqual([]);
    expect(Object.keys(matrix).filter((id) => !ids.includes(id)), "rows for actions that do not exist").toEqual([]);
    expect(discovered.filter(({ value }) => typeof value !== "function").map(({ id }) => id), "exports that are not functions").toEqual([]);
  });

  it("refuses every caller outside the action's roles with a typed failure and writes nothing; lets the others through to validation and the rule", async () => {
    const before = await databaseFingerprint(kit.db);
    for (const { id, value } of discovered) {
      const row = matrix[id];
      if (!row || "query" in row || "anyone" in row || "expert" in row) continue;
      const act = value as (input: unknown) => Promise<ActionResult<unknown>>;
      for (const caller of callers) {
        await signInAs(caller);
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
    expect(await databaseFingerprint(kit.db)).toEqual(before);
  });

  it("gives every caller the same answers from the public reader forms, and writes nothing for refused input", async () => {
    const withoutThrottleCounters = async () => {
      const fingerprint = await databaseFingerprint(kit.db);
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
        await signInAs(caller);
        const where = `${id} as ${caller}`;
        expect(await submit({ status: "idle" }, new FormData()), where).toMatchObject({ status: expect.stringMatching(/^(invalid|failed)$/) });
        const form = new FormData();
        for (const [name, field] of Object.entries(row.wellFormed(known))) form.append(name, field);
        expect(await submit({ status: "idle" }, form), where).toMatchObject(row.refusal);
      }
    }
    expect(await withoutThrottleCounters()).toEqual(before);
  });

  it("gives every caller the same answers from the expert's comment action, and writes nothing without a valid link", async () => {
    const before = await databaseFingerprint(kit.db);
    const expertActions = discovered.filter(({ id }) => "expert" in (matrix[id] ?? {}));
    expect(expertActions).toHaveLength(1);
    for (const { id, value } of expertActions) {
      const row = matrix[id] as ExpertRow;
      const act = value as (input: unknown) => Promise<ActionResult<unknown>>;
      for (const caller of callers) {
        await signInAs(caller);
        const where = `${id} as ${caller}`;
        expect(await act({}), where).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: expect.any(Object) } });
        expect(await act(row.wellFormed()), where).toMatchObject({ ok: false, error: row.refusal });
      }
    }
    const after = await databaseFingerprint(kit.db);
    expect({ ...after, "public.RateLimit": "" }).toEqual({ ...before, "public.RateLimit": "" });
  });

  it("answers the signed-in query for anyone, truthfully, and writes nothing", async () => {
    const before = await databaseFingerprint(kit.db);
    for (const { id, value } of discovered) {
      if (!("query" in (matrix[id] ?? {}))) continue;
      for (const caller of callers) {
        await signInAs(caller);
        expect(await (value as () => Promise<boolean>)(), `${id} as ${caller}`).toBe(caller !== "anonymous");
      }
    }
    expect(await databaseFingerprint(kit.db)).toEqual(before);
  });
});
