import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkProperty } from "@/test/property-check";
import type { Db } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { reviewCommentAuthorName } from "@/lib/labels/sv";
import { startDraft } from "@/lib/workflow/draft-versions";
import { requestChanges, submitForReview } from "@/lib/workflow/review-versions";
import { findVersionForReview } from "@/lib/workflow/version-queries";
import { databaseFingerprint } from "@/test/integration/server-actions";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { addExternalComment } from "./expert-comment";
import { openExternalReview, readExternalReview } from "./expert-access";
import { hashExternalReviewToken, newExternalReviewToken } from "./external-review-token";
import { externalReviewRateLimits } from "@/lib/security/external-review-rate-limits";
import { inviteExternalReviewer } from "./invitations";
import { invitationEmailSubscriber } from "./invitation-email";
import type { MailMessage } from "@/lib/notifications/mailer";

const { inviteExternalReviewerAction, revokeExternalReviewAction, submitExternalCommentAction } = await import("@/lib/actions/external-review-actions");

let kit: TestKit;
let db: Db;
let outbox: string;
const previousOutbox = process.env.GRANSKAD_MAIL_OUTBOX_DIR;

beforeAll(async () => {
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), "granskad-external-outbox-"));
  process.env.GRANSKAD_MAIL_OUTBOX_DIR = outbox;
  kit = await openTestKit({ name: "external-review" });
  db = kit.db;
});

afterAll(async () => {
  await kit?.close();
  if (previousOutbox === undefined) delete process.env.GRANSKAD_MAIL_OUTBOX_DIR;
  else process.env.GRANSKAD_MAIL_OUTBOX_DIR = previousOutbox;
  fs.rmSync(outbox, { recursive: true, force: true });
});

/** Seeded items not used yet by a test: articles first (they have blocks), then risk lists. */
let unused: { kind: "article" | "riskList"; id: string }[] = [];

/** A new draft of the next unused seeded item, by the kit's editor. */
async function nextDraft(kind?: "riskList") {
  const index = kind ? unused.findIndex((item) => item.kind === kind) : 0;
  const [item] = unused.splice(index, 1);
  if (!item) throw new Error("no seeded item left for this test");
  const draft = await startDraft(db, kit.users.editor, { item });
  if (!draft.ok) throw new Error(draft.failure.message);
  return draft.value;
}

/** A new version of a seeded item (an article while there are any), submitted for review by the kit's editor. */
async function articleInReview(): Promise<ContentVersion> {
  const draft = { value: await nextDraft() };
  const submitted = await submitForReview(db, kit.users.editor, { versionId: draft.value.id, baseRevision: draft.value.revision, changeNote: "Kontroll", readerNote: "Genomläst" });
  if (!submitted.ok) throw new Error(submitted.failure.message);
  return submitted.value;
}

const expert = { expertName: "Eva Extern", expertTitle: "Överläkare, anestesi", expertEmail: "Eva.Extern@Sjukhus.example" };

async function invite(versionId: string, now?: Date) {
  const issued = await inviteExternalReviewer(db, kit.users.reviewer, { versionId, ...expert, expertEmail: expert.expertEmail.toLowerCase() }, now);
  if (!issued.ok) throw new Error(issued.failure.message);
  return { ...issued.value, token: issued.value.link.split("/").pop()! };
}

async function withoutRateLimits() {
  const fingerprint = await databaseFingerprint(db);
  delete fingerprint["public.RateLimit"];
  return fingerprint;
}

beforeAll(async () => {
  unused = [
    ...(await db.article.findMany({ select: { id: true }, orderBy: { slug: "asc" } })).map(({ id }) => ({ kind: "article" as const, id })),
    ...(await db.riskList.findMany({ select: { id: true }, orderBy: { slug: "asc" } })).map(({ id }) => ({ kind: "riskList" as const, id })),
  ];
});

describe("inviting an outside expert", () => {
  it("gives the reviewer a link once, stores only its hash, e-mails the link and audits the invitation", async () => {
    const version = await articleInReview();
    await kit.signIn(kit.users.reviewer);
    const result = await inviteExternalReviewerAction({ versionId: version.id, ...expert });
    expect(result).toMatchObject({ ok: true, value: { link: expect.stringMatching(/\/extern-granskning\/[A-Za-z0-9_-]{43}$/) } });
    if (!result.ok) return;
    const token = result.value.link.split("/").pop()!;
    const invitation = await db.externalReviewInvitation.findUniqueOrThrow({ where: { id: result.value.invitationId } });
    expect(invitation).toMatchObject({ versionId: version.id, contentHash: version.contentHash, tokenHash: hashExternalReviewToken(token), expertEmail: "eva.extern@sjukhus.example" });
    // Default expiry: 14 days.
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBe(14 * 24 * 60 * 60 * 1000);

    // The token itself is nowhere in the database: not in any table of the app, nor in the job queue.
    const tables = await db.$queryRaw<{ schema: string; table: string }[]>`SELECT schemaname AS schema, tablename AS "table" FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`;
    for (const { schema, table } of tables) {
      const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "${schema}"."${table}" t WHERE t::text LIKE '%' || $1 || '%'`, token);
      expect(Number(row!.count), `${schema}.${table}`).toBe(0);
    }

    const audited = await db.auditEvent.findFirstOrThrow({ where: { action: "external_review.invited" } });
    expect(audited).toMatchObject({ actorId: kit.users.reviewer.id, data: expect.objectContaining({ invitationId: invitation.id, versionId: version.id, expertName: expert.expertName }) });

    // E-mailed through the notifications' mailer: no SMTP here, so to the outbox folder.
    const mails = fs.readdirSync(outbox).map((file) => fs.readFileSync(path.join(outbox, file), "utf8"));
    const mail = mails.find((text) => text.includes(`external-review-${invitation.id}`));
    expect(mail).toBeDefined();
    expect(mail).toContain("To: eva.extern@sjukhus.example");
    expect(mail!.replace(/=\r?\n/g, "")).toContain(token);
    expect((await db.externalReviewInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).emailSentAt).not.toBeNull();
  });

  it("retries a failing e-mail, and says so on the invitation when it never went", async () => {
    const version = await articleInReview();
    const { invitationId, link } = await invite(version.id);
    await db.externalReviewInvitation.update({ where: { id: invitationId }, data: { emailSentAt: null } });
    const event = { type: "external_review.invited" as const, item: { kind: "article" as const, id: version.articleId! }, version: { id: version.id, number: version.number }, invitationId, link, actorId: kit.users.reviewer.id, occurredAt: new Date() };
    const sent: MailMessage[] = [];
    let attempts = 0;
    const flaky = {
      describe: "flaky",
      send: async (message: MailMessage) => {
        attempts += 1;
        if (attempts < 2) throw new Error("421 try later");
        sent.push(message);
      },
    };
    await invitationEmailSubscriber(() => db, () => flaky)(event, { background: false });
    expect(attempts).toBe(2);
    expect(sent).toEqual([expect.objectContaining({ to: "eva.extern@sjukhus.example", text: expect.stringContaining(link) })]);
    expect((await db.externalReviewInvitation.findUniqueOrThrow({ where: { id: invitationId } })).emailSentAt).not.toBeNull();

    await db.externalReviewInvitation.update({ where: { id: invitationId }, data: { emailSentAt: null } });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await invitationEmailSubscriber(() => db, () => ({ describe: "down", send: () => Promise.reject(new Error("connection refused")) }))(event, { background: false });
      expect((await db.externalReviewInvitation.findUniqueOrThrow({ where: { id: invitationId } })).emailSentAt).toBeNull();
      // Logged, without the link.
      expect(errors).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(errors.mock.calls[0])).not.toContain(link.split("/").pop()!);
    } finally {
      errors.mockRestore();
    }
  });

  it("lets only reviewers and admins invite, and only to a version in review; nothing is written otherwise", async () => {
    const version = await articleInReview();
    const draft = await nextDraft("riskList");
    const before = await databaseFingerprint(db);
    await kit.signIn(null);
    expect(await inviteExternalReviewerAction({ versionId: version.id, ...expert })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    await kit.signIn(kit.users.editor);
    expect(await inviteExternalReviewerAction({ versionId: version.id, ...expert })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    await kit.signIn(kit.users.admin);
    expect(await inviteExternalReviewerAction({ versionId: draft.id, ...expert })).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(await inviteExternalReviewerAction({ versionId: version.id, expertName: " ", expertTitle: "", expertEmail: "inte-en-adress" })).toMatchObject({
      ok: false,
      error: { kind: "invalid", fieldErrors: { expertName: expect.any(Array), expertTitle: expect.any(Array), expertEmail: expect.any(Array) } },
    });
    expect(await databaseFingerprint(db)).toEqual(before);
    expect(await inviteExternalReviewerAction({ versionId: version.id, ...expert })).toMatchObject({ ok: true });
  });
});

describe("the expert's link", () => {
  it("opens its own version only, with the diff against the published one and only the expert's own comments; views are audited at most hourly", async () => {
    const version = await articleInReview();
    const other = await articleInReview();
    const { token, invitationId } = await invite(version.id);
    await kit.signIn(kit.users.reviewer);
    const { addReviewCommentAction } = await import("@/lib/actions/review-actions");
    expect(await addReviewCommentAction({ versionId: version.id, body: "Intern kommentar som experten inte ska se" })).toMatchObject({ ok: true });

    expect(await openExternalReview(db, token, "192.0.2.1")).toEqual({ ok: true, invitationId });
    expect(await openExternalReview(db, token, "192.0.2.1")).toEqual({ ok: true, invitationId });
    expect(await db.auditEvent.count({ where: { action: "external_review.viewed", data: { path: ["invitationId"], equals: invitationId } } })).toBe(1);

    const view = await readExternalReview(db, token);
    expect(view).toMatchObject({ version: { id: version.id }, standing: "open", comments: [] });
    expect(view!.baseline?.version.status).toBe("PUBLISHED");

    // A comment lands on the invitation's version, whatever else the request names.
    const block = await db.articleBlock.findFirstOrThrow({ where: { versionId: version.id }, orderBy: { position: "asc" } });
    const posted = await submitExternalCommentAction({ token, blockKey: block.key, body: "Doseringen bör anges i mg.", versionId: other.id });
    expect(posted).toMatchObject({ ok: true });
    const whole = await submitExternalCommentAction({ token, blockKey: "", body: "Bra text i stort." });
    expect(whole).toMatchObject({ ok: true });
    const stored = await db.reviewComment.findMany({ where: { externalInvitationId: invitationId }, orderBy: { createdAt: "asc" } });
    expect(stored.map((comment) => [comment.versionId, comment.authorId, comment.blockKey])).toEqual([
      [version.id, null, block.key],
      [version.id, null, null],
    ]);
    expect(await db.reviewComment.count({ where: { versionId: other.id } })).toBe(0);
    expect((await readExternalReview(db, token))!.comments.map((comment) => comment.body)).toEqual(["Doseringen bör anges i mg.", "Bra text i stort."]);

    // The review screen shows them as the expert's, marked external; the authors are told.
    const review = await findVersionForReview(db, version.id);
    expect(review!.version.comments.map((comment) => reviewCommentAuthorName(comment))).toEqual([
      "Test reviewer",
      "Eva Extern, Överläkare, anestesi (extern granskare)",
      "Eva Extern, Överläkare, anestesi (extern granskare)",
    ]);
    expect(await db.auditEvent.count({ where: { action: "external_review.commented", actorId: null, data: { path: ["invitationId"], equals: invitationId } } })).toBe(2);
    const told = await db.notification.findMany({ where: { userId: kit.users.editor.id, kind: "REVIEW_COMMENT", linkPath: `/admin/versioner/${version.id}` } });
    expect(told.some((notification) => notification.body.includes("Eva Extern, Överläkare, anestesi (extern granskare)"))).toBe(true);

    // The database keeps an expert's comment to the invitation's version.
    await expect(db.reviewComment.create({ data: { versionId: other.id, externalInvitationId: invitationId, body: "Fel version" } })).rejects.toThrow(/version its invitation is for/);
    await expect(db.reviewComment.create({ data: { versionId: version.id, body: "Ingen författare" } })).rejects.toThrow();
  });

  it("stops working once it has expired: 410, and no comment is taken", async () => {
    const version = await articleInReview();
    const { token } = await invite(version.id, new Date(Date.now() - 15 * 24 * 60 * 60 * 1000));
    const before = await withoutRateLimits();
    expect(await openExternalReview(db, token, "192.0.2.2")).toEqual({ ok: false, refusal: { kind: "expired", status: 410 } });
    expect(await readExternalReview(db, token)).toBeNull();
    expect(await submitExternalCommentAction({ token, body: "För sent" })).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringContaining("gått ut") } });
    expect(await withoutRateLimits()).toEqual(before);
  });

  it("stops working once revoked: 410, no comment, audited; only reviewers and admins revoke, once", async () => {
    const version = await articleInReview();
    const { token, invitationId } = await invite(version.id);
    await kit.signIn(kit.users.editor);
    expect(await revokeExternalReviewAction({ invitationId })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    await kit.signIn(kit.users.admin);
    expect(await revokeExternalReviewAction({ invitationId })).toMatchObject({ ok: true });
    expect(await revokeExternalReviewAction({ invitationId })).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(await db.auditEvent.count({ where: { action: "external_review.revoked", actorId: kit.users.admin.id } })).toBe(1);
    const before = await withoutRateLimits();
    expect(await openExternalReview(db, token, "192.0.2.3")).toEqual({ ok: false, refusal: { kind: "revoked", status: 410 } });
    expect(await submitExternalCommentAction({ token, body: "Efter återkallelsen" })).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringContaining("återkallats") } });
    await expect(db.reviewComment.create({ data: { versionId: version.id, externalInvitationId: invitationId, body: "Direkt i databasen" } })).rejects.toThrow(/revoked or expired/);
    await expect(db.externalReviewInvitation.update({ where: { id: invitationId }, data: { revokedAt: null, revokedById: null } })).rejects.toThrow(/stays revoked/);
    expect(await withoutRateLimits()).toEqual(before);
  });

  it("says so when the version was decided, and refuses comments", async () => {
    const version = await articleInReview();
    const { token, invitationId } = await invite(version.id);
    const sentBack = await requestChanges(db, kit.users.reviewer, { versionId: version.id, comment: "Skriv om inledningen" });
    expect(sentBack.ok).toBe(true);
    expect(await readExternalReview(db, token)).toMatchObject({ standing: "decided" });
    const before = await withoutRateLimits();
    expect(await submitExternalCommentAction({ token, body: "För sent" })).toMatchObject({ ok: false, error: { kind: "conflict" } });
    await expect(db.reviewComment.create({ data: { versionId: version.id, externalInvitationId: invitationId, body: "Direkt" } })).rejects.toThrow(/no longer the one in review/);
    expect(await withoutRateLimits()).toEqual(before);
  });

  it("says so when the version's content is not what the link was issued for, and refuses comments", async () => {
    const version = await articleInReview();
    const { token, tokenHash } = newExternalReviewToken();
    await db.externalReviewInvitation.create({
      data: { versionId: version.id, contentHash: "0".repeat(64), tokenHash, ...expert, invitedById: kit.users.reviewer.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await readExternalReview(db, token)).toMatchObject({ standing: "changed" });
    const before = await withoutRateLimits();
    expect(await submitExternalCommentAction({ token, body: "Gammal text" })).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(await withoutRateLimits()).toEqual(before);
  });

  it("answers an unknown or malformed token with 404 and writes nothing; bad comment input is a field error with nothing written", async () => {
    const version = await articleInReview();
    const { token } = await invite(version.id);
    const before = await databaseFingerprint(db);
    for (const input of [{}, { token }, { token, body: "" }, { token, body: "x".repeat(5001) }, { token: "kort", body: "Hej" }, { token, body: "Hej", blockKey: "inte-en-uuid" }, { token, body: "a\u0000b" }, null, "sträng"]) {
      expect(await submitExternalCommentAction(input), JSON.stringify(input)).toMatchObject({ ok: false, error: { kind: "invalid" } });
    }
    expect(await submitExternalCommentAction({ token, body: "Hej", blockKey: crypto.randomUUID() })).toMatchObject({ ok: false, error: { kind: "invalid", fieldErrors: { blockKey: expect.any(Array) } } });
    expect(await databaseFingerprint(db)).toEqual({ ...before, "public.RateLimit": expect.any(String) });
    const beforeUnknown = await withoutRateLimits();
    const { token: unknownToken } = newExternalReviewToken();
    expect(await openExternalReview(db, unknownToken, "192.0.2.4")).toEqual({ ok: false, refusal: { kind: "unknown", status: 404 } });
    expect(await openExternalReview(db, "../../admin", "192.0.2.4")).toEqual({ ok: false, refusal: { kind: "unknown", status: 404 } });
    expect(await submitExternalCommentAction({ token: unknownToken, body: "Hej" })).toMatchObject({ ok: false, error: { kind: "not_found" } });
    expect(await withoutRateLimits()).toEqual(beforeUnknown);
  });

  it("rate-limits lookups and comments per client address", async () => {
    const version = await articleInReview();
    const { token } = await invite(version.id);
    const address = "198.51.100.7";
    for (let lookup = 0; lookup < externalReviewRateLimits.lookup.points; lookup++) expect((await openExternalReview(db, token, address)).ok).toBe(true);
    expect(await openExternalReview(db, token, address)).toMatchObject({ ok: false, refusal: { kind: "rateLimited", status: 429, secondsToWait: expect.any(Number) } });
    // Another address is not affected; an unknown token costs a lookup too.
    expect((await openExternalReview(db, token, "198.51.100.8")).ok).toBe(true);

    for (let comment = 0; comment < externalReviewRateLimits.comment.points; comment++) {
      expect((await addExternalComment(db, { token, body: `Kommentar ${comment}` }, address)).ok).toBe(true);
    }
    const before = await withoutRateLimits();
    expect(await addExternalComment(db, { token, body: "En för mycket" }, address)).toMatchObject({ ok: false, failure: { kind: "forbidden", message: expect.stringContaining("För många försök") } });
    expect(await withoutRateLimits()).toEqual(before);
  });

  it("answers random and hostile input at the expert's comment action with a typed failure and writes nothing but the address's counter", async () => {
    const version = await articleInReview();
    const { token } = await invite(version.id);
    const field = fc.oneof(
      fc.constantFrom<unknown>(null, undefined, "", " ", 0, true, [], {}, "\u0000", "a\u0000b", "\uD800", "x".repeat(5001), crypto.randomUUID(), "../../admin"),
      fc.string({ unit: "binary", maxLength: 50 }),
      fc.anything({ maxDepth: 2 }),
    );
    const payload = fc.oneof(
      fc.record({ token: field, body: field, blockKey: field }, { requiredKeys: [] }),
      fc.record({ token: fc.constant(token), body: field, blockKey: field }, { requiredKeys: ["token"] }),
      fc.record({ token: field, body: fc.constant("Hej") }),
      field,
    );
    await checkProperty(
      fc.asyncProperty(payload, async (input) => {
        const before = await withoutRateLimits();
        const result = await submitExternalCommentAction(input);
        if (result.ok) return;
        expect(["invalid", "not_found", "forbidden", "conflict"]).toContain(result.error.kind);
        expect(result.error.message).not.toMatch(/felkod/);
        expect(await withoutRateLimits()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});
