import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/current-user";
import { seedDatabase } from "@/lib/content/seed";
import { seedOverviewArticle } from "@/lib/content/seed-content";
import { getDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { idleComment, idleFeedback } from "@/components/public/reader-response-state";

/** The request around a server action: a new client address per call (so no limit interferes) and a cookie jar. */
const request = vi.hoisted(() => ({ address: 0, cookies: new Map<string, string>(), user: null as SessionUser | null }));

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-granskad-client-address": `10.0.${Math.floor(++request.address / 250)}.${request.address % 250}` }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
}));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => request.user }));

const { voteFeedbackAction, submitCommentAction } = await import("./reader-actions");
const { moderateCommentAction, deleteCommentAction } = await import("@/app/admin/kommentarer/actions");

let database: TestDatabase;
let db: Db;
let serverUrl: string | undefined;
let pendingCommentId: string;

/** Everything the reader forms and the moderation actions can write. */
async function snapshot() {
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
  database = await createTestDatabase();
  await applyMigrations(database.url);
  serverUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "reader-actions-test-secret";
  db = getDb();
  await seedDatabase(db, { demoUsers: false });
  const admin = await db.user.create({ data: { email: "moderator@reader.test", name: "Moderator", title: "Redaktör", specialty: "", roles: ["ADMIN"] } });
  request.user = { id: admin.id, email: admin.email, name: admin.name, title: admin.title, specialty: admin.specialty, roles: admin.roles };
  const pending = await db.publicComment.create({ data: { articleId: seedOverviewArticle.id, name: "Väntande", email: "vantande@example.org", body: "Text" } });
  pendingCommentId = pending.id;
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  process.env.DATABASE_URL = serverUrl;
  await database?.drop();
});

describe("random and malformed input to the reader forms and the moderation actions", () => {
  it("feedback: a vote for the article, or a failure with nothing written; never an exception", async () => {
    const outcomes = new Set<string>();
    await fc.assert(
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
    );
    expect([...outcomes].sort()).toEqual(["failed", "recorded"]);
  });

  it("comments: held (one complete row, or none for the honeypot), or field errors with nothing written; never an exception", async () => {
    const outcomes = new Set<string>();
    await fc.assert(
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
    );
    expect([...outcomes].sort()).toEqual(["held", "invalid"]);
  });

  it("moderation: a decision on a real comment, or a typed failure with nothing written; never an exception", async () => {
    const commentIds = fc.oneof(fc.constant(pendingCommentId), fc.uuid(), fc.string());
    const moderation = fc.oneof(fc.anything(), fc.record({ commentId: commentIds, decision: fc.oneof(fc.constantFrom("APPROVED", "REJECTED"), fc.string()) }, { requiredKeys: [] }));
    const deletion = fc.oneof(fc.anything(), fc.record({ commentId: fc.oneof(fc.uuid(), fc.string()) }, { requiredKeys: [] }));
    await fc.assert(
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
