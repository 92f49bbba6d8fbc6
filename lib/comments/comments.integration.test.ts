import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOverviewArticle, seedProcedureArticles } from "@/lib/content/seed-content";
import type { Db } from "@/lib/db/client";
import { openTestKit, type TestKit, type TestUser } from "@/test/integration/test-kit";
import { readerRateLimits } from "@/lib/security/reader-rate-limits";
import { listApprovedComments } from "./approved-comments";
import { submitCommentSchema } from "./comment-schemas";
import { deleteComment, moderateComment } from "./moderate-comment";
import { listCommentsForModeration } from "./moderation-queue";
import { submitComment } from "./submit-comment";

let kit: TestKit;
let db: Db;
let admin: TestUser;
let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;

/** Submits through the form's schema, as the server action does. */
async function submit(fields: Record<string, string>, clientAddress = freshAddress()) {
  const input = submitCommentSchema.parse({ articleId: seedOverviewArticle.id, ...fields });
  return submitComment(db, input, clientAddress);
}

async function pendingCommentWithEmail(email: string) {
  expect(await submit({ name: "Läsare", email, body: "En fråga om kortison" })).toEqual({ ok: true, value: { held: true } });
  return db.publicComment.findFirstOrThrow({ where: { email } });
}

beforeAll(async () => {
  kit = await openTestKit({ name: "comments" });
  db = kit.db;
  admin = kit.users.admin;
});

afterAll(async () => {
  await kit?.close();
});

describe("reader comments", () => {
  it("holds a comment for moderation on the published version, trimmed, and shows it only once approved, without the e-mail", async () => {
    const email = "vantar.godkannande@example.org";
    const comment = await pendingCommentWithEmail(email);
    expect(comment).toMatchObject({ status: "PENDING", versionId: seedOverviewArticle.versionId, name: "Läsare", moderatedById: null });
    expect(await listApprovedComments(db, seedOverviewArticle.id)).toEqual([]);

    expect(await moderateComment(db, admin, { commentId: comment.id, decision: "APPROVED" })).toEqual({
      ok: true,
      value: { id: comment.id },
      events: [{ type: "comment.moderated", commentId: comment.id, articleId: comment.articleId, decision: "APPROVED", actorId: admin.id, occurredAt: expect.any(Date) }],
    });
    const shown = await listApprovedComments(db, seedOverviewArticle.id);
    expect(shown).toEqual([{ id: comment.id, name: "Läsare", body: "En fråga om kortison", createdAt: comment.createdAt }]);
    expect(JSON.stringify(shown)).not.toContain("@");

    expect((await moderateComment(db, admin, { commentId: comment.id, decision: "REJECTED" })).ok).toBe(true);
    expect(await listApprovedComments(db, seedOverviewArticle.id)).toEqual([]);

    const events = await db.auditEvent.findMany({ where: { entityId: comment.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.actorId, event.data])).toEqual([
      ["comment.approved", admin.id, { articleId: seedOverviewArticle.id, from: "PENDING", to: "APPROVED" }],
      ["comment.rejected", admin.id, { articleId: seedOverviewArticle.id, from: "APPROVED", to: "REJECTED" }],
    ]);
  });

  it("lists comments per state for moderators without e-mail addresses", async () => {
    const email = "moderation.lista@example.org";
    const comment = await pendingCommentWithEmail(email);
    const pending = await listCommentsForModeration(db, "PENDING");
    expect(pending.comments.map((row) => row.id)).toContain(comment.id);
    expect(pending.counts.PENDING).toBe(await db.publicComment.count({ where: { status: "PENDING" } }));
    expect(JSON.stringify(pending)).not.toContain(email);
  });

  it("refuses a decision the comment already has, and unknown comments, without audit events", async () => {
    const comment = await pendingCommentWithEmail("dubbelbeslut@example.org");
    expect((await moderateComment(db, admin, { commentId: comment.id, decision: "APPROVED" })).ok).toBe(true);
    expect(await moderateComment(db, admin, { commentId: comment.id, decision: "APPROVED" })).toMatchObject({ ok: false, failure: { kind: "conflict" } });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await moderateComment(db, admin, { commentId: unknown, decision: "REJECTED" })).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await deleteComment(db, admin, { commentId: unknown })).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await db.auditEvent.count({ where: { entityId: { in: [comment.id, unknown] } } })).toBe(1);
  });

  it("deletes a comment with its e-mail, leaving an audit event with ids and state only", async () => {
    const email = "raderas@example.org";
    const comment = await pendingCommentWithEmail(email);
    expect(await deleteComment(db, admin, { commentId: comment.id })).toEqual({
      ok: true,
      value: { id: comment.id },
      events: [{ type: "comment.deleted", commentId: comment.id, articleId: comment.articleId, actorId: admin.id, occurredAt: expect.any(Date) }],
    });
    expect(await db.publicComment.count({ where: { email } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: comment.id } });
    expect(event).toMatchObject({ action: "comment.deleted", entityType: "public_comment", data: { articleId: seedOverviewArticle.id, status: "PENDING" } });
    const trail = await db.auditEvent.findMany({ where: { entityType: "public_comment" }, select: { data: true } });
    expect(JSON.stringify(trail)).not.toContain("@");
  });

  it("accepts a filled-in honeypot like a real comment and stores nothing", async () => {
    const before = await db.publicComment.count();
    expect(await submit({ name: "Bot", email: "bot@example.org", body: "Köp nu", webbplats: "https://spam.example" })).toEqual({ ok: true, value: { held: true } });
    expect(await db.publicComment.count()).toBe(before);
  });

  it("refuses comments on an article that is not published", async () => {
    const input = submitCommentSchema.parse({ articleId: "00000000-0000-4000-8000-000000000001", name: "A", email: "a@example.org", body: "Hej" });
    expect(await submitComment(db, input, freshAddress())).toMatchObject({ ok: false, failure: { kind: "not_found" } });
  });

  it("rejects over-long and missing fields with Swedish messages per field", () => {
    const parsed = submitCommentSchema.safeParse({ articleId: seedProcedureArticles[0]!.id, name: "x".repeat(81), email: "inte-en-adress", body: "   " });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      name: "Namnet får vara högst 80 tecken",
      email: "Skriv en giltig e-postadress, till exempel namn@exempel.se",
      body: "Skriv din kommentar",
    });
  });

  it("throttles comments per client address", async () => {
    const address = "203.0.113.50";
    const before = await db.publicComment.count();
    for (let i = 0; i < readerRateLimits.comment.points; i += 1) expect((await submit({ name: "N", email: "n@example.org", body: `Nr ${i}` }, address)).ok).toBe(true);
    expect(await submit({ name: "N", email: "n@example.org", body: "En för mycket" }, address)).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    expect(await db.publicComment.count()).toBe(before + readerRateLimits.comment.points);
  });
});
