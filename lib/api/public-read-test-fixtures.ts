import { readArticleContent } from "@/lib/content/version-content";
import { seedDatabase } from "@/lib/content/seed";
import { seedOverviewArticle, seedProcedureArticles } from "@/lib/content/seed-content";
import { getDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase } from "@/lib/db/test-database";
import { createPublishingActors } from "@/lib/jobs/publishing-test-fixtures";
import { saveDraft, startDraft } from "@/lib/workflow/draft-versions";
import { unpublishVersion } from "@/lib/workflow/publish-versions";

/**
 * A seeded database behind the app's own client (`getDb`, as the route handlers use it) with the three
 * things the public surfaces must keep out of sight: a draft version 2 of the overview with a
 * distinctive text, a withdrawn (unpublished) procedure, and a public comment carrying an e-mail.
 */
export type PublicReadFixture = {
  db: Db;
  draftMarker: string;
  withdrawnSlug: string;
  commenterEmail: string;
  tearDown: () => Promise<void>;
};

export async function setUpPublicReadFixture(): Promise<PublicReadFixture> {
  const database = await createTestDatabase();
  await applyMigrations(database.url);
  const serverUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  const db = getDb();
  await seedDatabase(db, { demoUsers: false });
  const actors = await createPublishingActors(db, "public-read");

  const draftMarker = "Utkastmarkör-7f3c: får aldrig synas publikt";
  const draft = await startDraft(db, actors.editor, { articleId: seedOverviewArticle.id });
  if (!draft.ok) throw new Error(draft.failure.message);
  const content = await readArticleContent(db, draft.value.id);
  const blocks = content.blocks.map((block) => (block.type === "PARAGRAPH" ? { ...block, text: `${block.text} ${draftMarker}` } : block));
  const saved = await saveDraft(db, actors.editor, { versionId: draft.value.id, baseRevision: draft.value.revision, content: { ...content, title: draftMarker, blocks } });
  if (!saved.ok) throw new Error(saved.failure.message);

  const withdrawn = seedProcedureArticles.at(-1)!;
  const unpublished = await unpublishVersion(db, actors.admin, { versionId: withdrawn.versionId });
  if (!unpublished.ok) throw new Error(unpublished.failure.message);

  const commenterEmail = "lasare.fixture@example.org";
  await db.publicComment.create({
    data: { articleId: seedOverviewArticle.id, name: "En läsare", email: commenterEmail, body: "Tack för texten", status: "APPROVED" },
  });

  return {
    db,
    draftMarker,
    withdrawnSlug: withdrawn.slug,
    commenterEmail,
    tearDown: async () => {
      await db.$disconnect();
      process.env.DATABASE_URL = serverUrl;
      await database.drop();
    },
  };
}

type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/**
 * Calls a route handler as Next.js would, with an absolute URL on the default public base URL; like
 * Next.js, `params` resolves to undefined on a route without dynamic segments.
 */
export function callRoute(handler: RouteHandler, path: string, options: { params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  return handler(new Request(`http://localhost:3000${path}`, { headers: options.headers }), { params: Promise.resolve(options.params) });
}
