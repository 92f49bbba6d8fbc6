import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOverviewArticle } from "@/lib/content/seed-content";
import { idleComment, idleFeedback } from "@/lib/actions/reader-form-state";
import { checkProperty } from "@/test/property-check";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";

/*
 * The reader forms and the moderation actions as a POST reaches them. The test kit's request comes from a
 * new client address each time (so no limit interferes) and keeps the reader's cookie between calls.
 */
const { voteFeedbackAction, submitCommentAction } = await import("./reader-actions");
const { moderateCommentAction, deleteCommentAction } = await import("@/lib/actions/moderation-actions");

let kit: TestKit;
let pendingCommentId: string;

/** Everything the reader forms and the moderation actions can write. */
async function snapshot() {
  const { db } = kit;
  const [feedback, comments, audit] = await Promise.all([
    db.feedback.findMany({ orderBy: { id: "asc" }, select: { id: true, helpful: true, versionId: true } }),
    db.publicComment.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, email: true, body: true, status: true } }),
    db.auditEvent.count(),
  ]);
  return { feedback, comments, audit };
}

const text = fc.oneof(fc.string(), fc.string({ minLength: 2000, maxLength: 2100 }), fc.constantFrom("", "   ", "<script>alert(1)</script>", "läsare@example.org", "anna@example.se", "Anna", "\u0000", "a".repeat(300)));
const articleIds = fc.oneof(fc.constant(seedOverviewArticle.id), fc.uuid(), fc.string());
const formFields = fc.record(
  { articleId: articleIds, helpful: fc.oneof(fc.constantFrom("ja", "nej"), fc.string()), name: text, email: text, body: text, webbplats: fc.oneof(fc.constant(""), fc.string()), extra: fc.string() },
  { requiredKeys: [] },
);
const formDataOf = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
/** A comment as the form sends it, with random (mostly valid) text, sometimes with the honeypot filled in. */
const wellFormedComment = fc.record({
  articleId: fc.constant(seedOverviewArticle.id),
  name: fc.string({ minLength: 1, maxLength: 80 }),
  email: fc.constantFrom("anna@example.se", "b.c+kommentar@example.org"),
  body: fc.string({ minLength: 1, maxLength: 2000 }),
  webbplats: fc.oneof(fc.constant(""), fc.string()),
});
/** A vote as the form sends it, on the seeded article. */
const wellFormedVote = fc.record({ articleId: fc.constant(seedOverviewArticle.id), helpful: fc.constantFrom("ja", "nej") });
/**
 * What a crafted request could send instead of a form: anything at all, a form with random fields, or a
 * real one. Each property expects several outcomes, so known-valid forms are drawn often enough (one in
 * four) that every outcome occurs in every run, whatever the seed.
 */
const payloads = fc.oneof(fc.anything(), formFields.map(formDataOf), wellFormedComment.map(formDataOf), wellFormedVote.map(formDataOf));

beforeAll(async () => {
  kit = await openTestKit({ name: "reader" });
  await kit.signIn(kit.users.admin);
  const pending = await kit.db.publicComment.create({ data: { articleId: seedOverviewArticle.id, name: "Väntande", email: "vantande@example.org", body: "Text" } });
  pendingCommentId = pending.id;
}, 120_000);

afterAll(async () => {
  await kit?.close();
});

describe("random and malformed input to the reader forms and the moderation actions", () => {
  it("feedback: a vote for the article, or a failure with nothing written; never an exception", async () => {
    const outcomes = new Set<string>();
    await checkProperty(
      fc.asyncProperty(payloads, async (payload) => {
        const before = await snapshot();
        const state = await voteFeedbackAction(idleFeedback, payload);
        const after = await snapshot();
        expect(state.status).not.toBe("idle");
        outcomes.add(state.status);
        if (state.status === "failed") {
          expect(state.message).not.toMatch(/felkod/);
          expect(after).toEqual(before);
        } else expect(after.feedback.length - before.feedback.length).toBeLessThanOrEqual(1);
        expect(after.comments).toEqual(before.comments);
      }),
      { numRuns: 60 },
      () => expect([...outcomes].sort()).toEqual(["failed", "recorded"]),
    );
  });

  it("comments: held (one complete row, or none for the honeypot), or field errors with nothing written; never an exception", async () => {
    const outcomes = new Set<string>();
    await checkProperty(
      fc.asyncProperty(payloads, async (payload) => {
        const before = await snapshot();
        const state = await submitCommentAction(idleComment, payload);
        const after = await snapshot();
        outcomes.add(state.status);
        expect(after.feedback).toEqual(before.feedback);
        if (state.status === "invalid") {
          expect(after).toEqual(before);
          expect(state.message).not.toMatch(/felkod/);
          return;
        }
        expect(state.status).toBe("held");
        const fields = payload instanceof FormData ? Object.fromEntries(payload) : {};
        const added = after.comments.filter((comment) => !before.comments.some((old) => old.id === comment.id));
        if (fields.webbplats) expect(added).toEqual([]);
        else expect(added).toEqual([{ id: expect.any(String), status: "PENDING", name: String(fields.name).trim(), email: String(fields.email).trim(), body: String(fields.body).trim() }]);
      }),
      { numRuns: 60 },
      () => expect([...outcomes].sort()).toEqual(["held", "invalid"]),
    );
  });

  it("moderation: a decision on a real comment, or a typed failure with nothing written; never an exception", async () => {
    const commentIds = fc.oneof(fc.constant(pendingCommentId), fc.uuid(), fc.string());
    const moderation = fc.oneof(fc.anything(), fc.record({ commentId: commentIds, decision: fc.oneof(fc.constantFrom("APPROVED", "REJECTED"), fc.string()) }, { requiredKeys: [] }));
    const deletion = fc.oneof(fc.anything(), fc.record({ commentId: fc.oneof(fc.uuid(), fc.string()) }, { requiredKeys: [] }));
    await checkProperty(
      fc.asyncProperty(moderation, deletion, async (decision, removal) => {
        const before = await snapshot();
        const moderated = await moderateCommentAction(decision);
        const afterDecision = await snapshot();
        if (moderated.ok) expect(afterDecision.audit).toBe(before.audit + 1);
        else {
          expect(["invalid", "not_found", "conflict"]).toContain(moderated.error.kind);
          expect(moderated.error.message).not.toMatch(/felkod/);
          expect(afterDecision).toEqual(before);
        }
        const deleted = await deleteCommentAction(removal);
        expect(deleted.ok).toBe(false);
        if (!deleted.ok) expect(["invalid", "not_found"]).toContain(deleted.error.kind);
        expect(await snapshot()).toEqual(afterDecision);
      }),
      { numRuns: 60 },
    );
  });
});
