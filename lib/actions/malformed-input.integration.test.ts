import crypto from "node:crypto";
import fc from "fast-check";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { readArticleContent } from "@/lib/content/version-content";
import type { ActionResult } from "@/lib/actions/action-wrapper";
import { startDraft } from "@/lib/workflow/draft-versions";
import { submitForReview } from "@/lib/workflow/review-versions";
import { inviteExternalReviewer } from "@/lib/external-review/invitations";
import { createWebhookSubscription } from "@/lib/webhooks/webhook-subscriptions";
import { checkProperty } from "@/test/property-check";
import { approvedRiskListVersion, fullReviewChecklist } from "@/test/integration/editorial-fixtures";
import { databaseFingerprint, discoverServerActionExports, isRedirect } from "@/test/integration/server-actions";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";

/*
 * Random and malformed payloads at every mutating server action, sent by a user the action allows (so
 * the input reaches validation and the rules), signed in through the test kit: the answer is a typed
 * failure, never a throw or an "unexpected error", and a refused input changes nothing in the database.
 */

const userActions = await import("./user-actions");
const editorActions = await import("./editor-actions");
const publishingActions = await import("./publishing-actions");
const reviewActions = await import("./review-actions");
const notificationActions = await import("./notification-actions");
const webhookActions = await import("./webhook-actions");
const commentActions = await import("./moderation-actions");
const ownerActions = await import("./owner-actions");
const externalReviewActions = await import("./external-review-actions");

type Payload = Record<string, unknown>;
/**
 * `template` is a valid payload over real ids, for mutations to start from; `examples` (built from it)
 * are always tried first: inputs that once failed inside the database instead of being refused.
 */
type Subject = {
  as: keyof TestKit["users"];
  act: (input: unknown) => Promise<ActionResult<unknown>>;
  template: () => Promise<Payload>;
  examples?: (template: Payload) => Payload[];
};

let kit: TestKit;
/** Real ids, so that mutated payloads reach the rules and the writes, not only "not found". */
type InReview = { id: string; contentHash: string };
let ids: {
  draftArticle: string;
  draftRiskList: string;
  toApprove: InReview;
  toSendBack: InReview;
  toComment: InReview;
  approved: string;
  published: string;
  article: string;
  user: string;
  webhookSubscription: string;
  comment: string;
  invitation: string;
};

beforeAll(async () => {
  kit = await openTestKit({ name: "malformed", startJobQueue: true });
  const { db, users } = kit;
  const [article, ...others] = await db.article.findMany({ where: { kind: "PROCEDURE" }, orderBy: { slug: "asc" } });
  const [forDraft, forApproval] = await db.riskList.findMany({ orderBy: { slug: "asc" }, take: 2 });
  if (!article || others.length < 3 || !forDraft || !forApproval) throw new Error("the seed lacks procedure articles or risk lists");
  const draftArticle = await startDraft(db, users.editor, { item: { kind: "article", id: article.id } });
  const draftRiskList = await startDraft(db, users.editor, { item: { kind: "riskList", id: forDraft.id } });
  if (!draftArticle.ok || !draftRiskList.ok) throw new Error("could not start drafts");
  // One version in review per review action, so that an approval one of them accepts leaves the others in review.
  const inReview = async (articleId: string) => {
    const draft = await startDraft(db, users.editor, { item: { kind: "article", id: articleId } });
    if (!draft.ok) throw new Error(draft.failure.message);
    const submitted = await submitForReview(db, users.editor, { versionId: draft.value.id, baseRevision: draft.value.revision, changeNote: "Kontroll", readerNote: "Genomläst" });
    if (!submitted.ok) throw new Error(submitted.failure.message);
    return { id: submitted.value.id, contentHash: submitted.value.contentHash ?? "" };
  };
  const approved = await approvedRiskListVersion(db, users, forApproval.slug);
  const published = await db.contentVersion.findFirstOrThrow({ where: { status: "PUBLISHED", articleId: article.id } });
  const subscription = await createWebhookSubscription(db, users.admin, { url: "https://mottagare.example/krok", events: ["PUBLISHED"] });
  if (!subscription.ok) throw new Error(subscription.failure.message);
  const comment = await db.publicComment.create({ data: { articleId: article.id, name: "Läsare", email: "lasare@example.se", body: "Tack för texten" } });
  const toComment = await inReview(others[2]!.id);
  const invitation = await inviteExternalReviewer(db, users.reviewer, { versionId: toComment.id, expertName: "Eva Extern", expertTitle: "Överläkare", expertEmail: "eva@sjukhus.example" });
  if (!invitation.ok) throw new Error(invitation.failure.message);
  const other = await db.user.create({ data: { email: "malformed-target@actions.test", name: "Mål", title: "", specialty: "", roles: ["EDITOR"] } });
  ids = {
    draftArticle: draftArticle.value.id,
    draftRiskList: draftRiskList.value.id,
    toApprove: await inReview(others[0]!.id),
    toSendBack: await inReview(others[1]!.id),
    toComment,
    approved: approved.id,
    published: published.id,
    article: article.id,
    user: other.id,
    webhookSubscription: subscription.value.id,
    comment: comment.id,
    invitation: invitation.value.invitationId,
  };
});

afterAll(async () => {
  await kit?.close();
});

const future = "2030-01-15T10:00";
const subjects: Record<string, Subject> = {
  createUser: {
    as: "admin",
    act: userActions.createUserAction,
    template: async () => ({ email: "ny@actions.test", name: "Ny", title: "Läkare", specialty: "Smärta", roles: ["EDITOR"], password: "ett-langt-losenord" }),
  },
  updateUserProfile: {
    as: "admin",
    act: userActions.updateUserProfileAction,
    template: async () => ({ userId: ids.user, name: "Mål", title: "Läkare", specialty: "Smärta" }),
    examples: (template) => [{ ...template, name: "Mål\u0000" }, { ...template, title: "\uD83E" }],
  },
  updateUserRoles: { as: "admin", act: userActions.updateUserRolesAction, template: async () => ({ userId: ids.user, roles: ["EDITOR", "REVIEWER"] }) },
  changeItemOwner: { as: "admin", act: ownerActions.changeItemOwnerAction, template: async () => ({ item: { kind: "article", id: ids.article }, ownerId: ids.user }) },
  setUserActive: { as: "admin", act: userActions.setUserActiveAction, template: async () => ({ userId: ids.user, active: true }) },
  setUserClinician: { as: "admin", act: userActions.setUserClinicianAction, template: async () => ({ userId: ids.user, clinician: true }) },
  startEditing: { as: "editor", act: editorActions.startEditing, template: async () => ({ item: { kind: "article", id: ids.article }, fromVersionId: ids.published }) },
  createArticle: { as: "editor", act: editorActions.createArticleAction, template: async () => ({ slug: "ny-artikel", kind: "PROCEDURE", title: "Ny artikel" }) },
  createRiskList: {
    as: "editor",
    act: editorActions.createRiskListAction,
    template: async () => ({ slug: "ny-risklista", title: "Ny lista", firstRisk: { text: "Huvudvärk", severity: "MILD", frequency: "COMMON", temporary: true } }),
  },
  createGlossaryTerm: {
    as: "editor",
    act: editorActions.createGlossaryTermAction,
    template: async () => ({ slug: "ny-term", title: "Ny term", explanation: "En förklaring." }),
  },
  saveDraft: {
    as: "editor",
    act: editorActions.saveDraftAction,
    template: async () => {
      const version = await kit.db.contentVersion.findUniqueOrThrow({ where: { id: ids.draftArticle } });
      const content = await readArticleContent(kit.db, version.id);
      return { kind: "article", versionId: version.id, baseRevision: version.revision, content };
    },
    examples: (template) => {
      const content = template.content as { title: string; blocks: unknown[] };
      const withBlock = (block: Payload) => ({ ...template, content: { ...content, blocks: [...content.blocks, { key: crypto.randomUUID(), ...block }] } });
      return [
        withBlock({ type: "RISK_LIST", riskListId: crypto.randomUUID() }),
        withBlock({ type: "PROCEDURE", procedureArticleId: crypto.randomUUID() }),
        withBlock({ type: "PARAGRAPH", text: "Före\u0000efter" }),
        { ...template, content: { ...content, title: "\uDC00" } },
      ];
    },
  },
  submitForReview: { as: "editor", act: editorActions.submitForReviewAction, template: async () => ({ versionId: ids.draftRiskList, baseRevision: 0, changeNote: "Ändring", readerNote: "Nytt" }) },
  approveVersion: {
    as: "reviewer",
    act: reviewActions.approveVersionAction,
    template: async () => ({ checklist: fullReviewChecklist, versionId: ids.toApprove.id, contentHash: ids.toApprove.contentHash, nextReviewDue: "2027-06-30" }),
  },
  requestChanges: { as: "reviewer", act: reviewActions.requestChangesAction, template: async () => ({ versionId: ids.toSendBack.id, comment: "Förtydliga" }) },
  addReviewComment: {
    as: "reviewer",
    act: reviewActions.addReviewCommentAction,
    template: async () => ({ versionId: ids.toComment.id, body: "Bra" }),
    examples: (template) => [{ ...template, body: "a\u0000b" }],
  },
  reattestVersion: { as: "reviewer", act: reviewActions.reattestVersionAction, template: async () => ({ checklist: fullReviewChecklist, versionId: ids.published, nextReviewDue: "2027-06-30" }) },
  publishNow: { as: "admin", act: publishingActions.publishNowAction, template: async () => ({ versionId: ids.approved }) },
  unpublishNow: { as: "admin", act: publishingActions.unpublishNowAction, template: async () => ({ versionId: ids.published }) },
  schedulePublish: { as: "admin", act: publishingActions.schedulePublishAction, template: async () => ({ versionId: ids.approved, at: future }) },
  cancelScheduledPublish: { as: "admin", act: publishingActions.cancelScheduledPublishAction, template: async () => ({ versionId: ids.approved }) },
  scheduleUnpublish: { as: "admin", act: publishingActions.scheduleUnpublishAction, template: async () => ({ versionId: ids.published, at: future }) },
  cancelScheduledUnpublish: { as: "admin", act: publishingActions.cancelScheduledUnpublishAction, template: async () => ({ versionId: ids.published }) },
  createWebhookSubscription: {
    as: "admin",
    act: webhookActions.createWebhookSubscriptionAction,
    template: async () => ({ url: "https://mottagare.example/krok", events: ["PUBLISHED", "UNPUBLISHED"] }),
  },
  setWebhookSubscriptionActive: { as: "admin", act: webhookActions.setWebhookSubscriptionActiveAction, template: async () => ({ subscriptionId: ids.webhookSubscription, active: false }) },
  deleteWebhookSubscription: { as: "admin", act: webhookActions.deleteWebhookSubscriptionAction, template: async () => ({ subscriptionId: ids.webhookSubscription }) },
  moderateComment: { as: "admin", act: commentActions.moderateCommentAction, template: async () => ({ commentId: ids.comment, decision: "APPROVED" }) },
  deleteComment: { as: "admin", act: commentActions.deleteCommentAction, template: async () => ({ commentId: ids.comment }) },
  markNotificationRead: {
    as: "reviewer",
    act: notificationActions.markNotificationReadAction,
    template: async () => ({ notificationId: (await kit.db.notification.findFirstOrThrow({ where: { userId: kit.users.reviewer.id } })).id }),
  },
  markAllNotificationsRead: { as: "reviewer", act: notificationActions.markAllNotificationsReadAction, template: async () => ({ shownAt: new Date().toISOString() }) },
  inviteExternalReviewer: {
    as: "reviewer",
    act: externalReviewActions.inviteExternalReviewerAction,
    template: async () => ({ versionId: ids.toComment.id, expertName: "Eva Extern", expertTitle: "Överläkare", expertEmail: "eva@sjukhus.example" }),
    examples: (template) => [{ ...template, expertName: "Eva\u0000" }, { ...template, expertEmail: "eva@\uD800.example" }],
  },
  revokeExternalReview: { as: "admin", act: externalReviewActions.revokeExternalReviewAction, template: async () => ({ invitationId: ids.invitation }) },
  updateNotificationPreferences: {
    as: "editor",
    act: notificationActions.updateNotificationPreferencesAction,
    template: async () => ({ preferences: { REVIEW_REQUESTED: "DAILY_DIGEST", REVIEW_ESCALATED: "IMMEDIATE", PUBLISHED: "OFF" } }),
  },
};

/**
 * The public reader forms take (previous state, form data); they and the outside expert's comment count
 * every attempt against a rate limit (a write), so their own property tests are beside them.
 */
const coveredBesideThem = [
  "lib/actions/reader-actions.ts › submitCommentAction",
  "lib/actions/reader-actions.ts › voteFeedbackAction",
  "lib/actions/external-review-actions.ts › submitExternalCommentAction",
];

/** Keys that would pollute Object.prototype if anything merged input naively. */
const pollutionKeys = fc.constantFrom("__proto__", "constructor", "prototype");
const pollution = fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"polluted":"yes"}}'), { constructor: { prototype: { polluted: "yes" } } });

/** Text that is valid for a form but hostile to a database, a page or a log. */
const hostileText = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\u202Etxet", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🩺", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00"),
  fc.tuple(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("\u0000", "\uD800", "\uDFFF")).map(([text, bad]) => `${text}${bad}${text}`),
);

/** Values of the wrong type, wrong size or wrong shape for any field. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, "", " ", true, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, [], {}, "null", "true", "0"),
  fc.string({ unit: "binary", maxLength: 60 }),
  hostileText,
  hostileText,
  fc.integer({ min: 5_001, max: 60_000 }).map((length) => "å".repeat(length)),
  fc.uuid().map(String),
  fc.constantFrom("+275760-09-13", "+200000-01-01", "-000001-01-01", "0000-00-00", "2026-02-30T10:00", "9999-12-31T23:59", "1970-01-01", "2030-13-01", "2030-01-15T24:00"),
  fc.date({ noInvalidDate: false }),
  fc.bigInt(),
  fc.double(),
  pollution,
  fc.integer({ min: 50, max: 2_000 }).map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), "deep")),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withBigInt: true, withTypedArray: true, withSparseArray: true, key: fc.oneof(fc.string(), pollutionKeys) }),
);

type Mutation = { kind: "replace" | "remove"; at: number; value: unknown } | { kind: "pollute"; at: number; key: string; value: unknown } | { kind: "whole"; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: junk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), at: fc.nat(), value: fc.constant(undefined) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("pollute" as const), at: fc.nat(), key: pollutionKeys, value: pollution }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("whole" as const), value: junk }) },
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string };
/** Every field of the payload, however deep (content.blocks.3.facts.indications.0 included). */
function slotsOf(value: unknown): Slot[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.keys(value).flatMap((key) => [{ parent: value as Record<string, unknown>, key }, ...slotsOf((value as Record<string, unknown>)[key])]);
}

function mutate(template: Payload, change: Mutation): unknown {
  if (change.kind === "whole") return change.value;
  const payload = structuredClone(template);
  const slots = slotsOf(payload);
  const slot = slots[change.at % slots.length];
  if (!slot) return payload;
  const parent = slot.parent as Record<string, unknown>;
  if (change.kind === "replace") parent[slot.key] = change.value;
  else if (change.kind === "remove") delete parent[slot.key];
  else if (change.kind === "pollute") {
    const target = parent[slot.key];
    const holder = typeof target === "object" && target !== null ? (target as Record<string, unknown>) : parent;
    Object.defineProperty(holder, change.key, { value: change.value, enumerable: true, configurable: true, writable: true });
  }
  return payload;
}

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});
afterEach(() => {
  consoleError.mockRestore();
});

const typedFailures = ["invalid", "not_found", "conflict", "forbidden"];

describe("malformed and random input at every mutating server action", () => {
  it("has a subject for every exported server action but the signed-in query and the reader forms", async () => {
    const covered = new Set<unknown>(Object.values(subjects).map(({ act }) => act));
    const uncovered = (await discoverServerActionExports()).filter(({ id, value }) => !id.endsWith("› isSignedIn") && !coveredBesideThem.includes(id) && !covered.has(value)).map(({ id }) => id);
    expect(uncovered).toEqual([]);
  });

  it.each(Object.keys(subjects))("%s answers with a typed failure and writes nothing, or accepts the input", async (name) => {
    const subject = subjects[name]!;
    await kit.signIn(kit.users[subject.as]);
    const template = await subject.template();
    const examples = (subject.examples?.(template) ?? []).map((value): [Mutation] => [{ kind: "whole", value }]);
    await checkProperty(
      fc.asyncProperty(mutation, async (change) => {
        consoleError.mockClear();
        const payload = mutate(await subject.template(), change);
        const before = await databaseFingerprint(kit.db);
        let result: ActionResult<unknown> | "redirected";
        try {
          result = await subject.act(payload);
        } catch (error) {
          if (!isRedirect(error)) throw error;
          result = "redirected";
        }
        expect(consoleError, "an unexpected error was logged").not.toHaveBeenCalled();
        if (result === "redirected" || result.ok) return;
        expect(typedFailures).toContain(result.error.kind);
        expect(result.error.message).not.toMatch(/felkod/);
        expect(await databaseFingerprint(kit.db)).toEqual(before);
      }),
      { numRuns: 40, examples },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("dates out of range", () => {
  it("refuses a next review centuries ahead (it was stored, and broke the feed's dates)", async () => {
    await kit.signIn(kit.users.reviewer);
    for (const nextReviewDue of ["+200000-01-01", "9999-12-31"]) {
      expect(await reviewActions.reattestVersionAction({ checklist: fullReviewChecklist, versionId: ids.published, nextReviewDue })).toMatchObject({
        ok: false,
        error: { kind: "invalid", fieldErrors: { nextReviewDue: [expect.stringContaining("högst 5 år")] } },
      });
    }
  });
});

describe("random credentials at sign-in", () => {
  const provider = authOptions.providers[0] as unknown as { options: Pick<CredentialsConfig, "authorize"> };
  /** Addresses the sign-in schema accepts, so that these attempts reach the password check and the throttle. */
  const plainEmail = fc.stringMatching(/^[a-z0-9]{1,12}$/).map((local) => `${local}@example.se`);
  const credentials = fc.oneof(
    { weight: 3, arbitrary: fc.record({ email: plainEmail, password: fc.string({ unit: "binary", maxLength: 50 }) }) },
    fc.record({ email: fc.oneof(fc.emailAddress(), junk), password: fc.oneof(fc.string({ unit: "binary" }), junk) }, { requiredKeys: [] }),
    junk,
  );
  const headers = fc.record(
    { "x-granskad-client-address": fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ unit: "binary", maxLength: 50 }), fc.string({ unit: "binary-ascii", minLength: 6_000, maxLength: 8_000 })) },
    { requiredKeys: [] },
  );

  it("refuse sign-in (no user, or throttled) and never fail otherwise", async () => {
    const usersBefore = await kit.db.user.findMany({ orderBy: { id: "asc" } });
    await checkProperty(
      fc.asyncProperty(credentials, headers, async (input, requestHeaders) => {
        consoleError.mockClear();
        try {
          const user = await provider.options.authorize(input as Record<string, string>, { headers: requestHeaders, body: {}, query: {}, method: "POST" });
          expect(user).toBeNull();
        } catch (error) {
          expect(error).toEqual(new Error("Throttled"));
        }
        expect(consoleError).not.toHaveBeenCalled();
      }),
      { numRuns: 60 },
    );
    expect(await kit.db.user.findMany({ orderBy: { id: "asc" } })).toEqual(usersBefore);
  });
});
