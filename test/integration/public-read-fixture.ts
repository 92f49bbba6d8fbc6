import { readArticleContent } from "@/lib/content/version-content";
import { seedOverviewArticle, seedProcedureArticles } from "@/lib/content/seed-content";
import { saveDraft, startDraft } from "@/lib/workflow/draft-versions";
import { unpublishVersion } from "@/lib/workflow/publish-versions";
import { openTestKit, type TestKit } from "./test-kit";

/**
 * A test kit (the seed behind the app's own client, as the route handlers use it) with the three things
 * the public surfaces must keep out of sight: a draft version 2 of the overview with a distinctive text,
 * a withdrawn (unpublished) procedure, and a public comment carrying an e-mail.
 */
export type PublicReadFixture = {
  kit: TestKit;
  draftMarker: string;
  withdrawnSlug: string;
  commenterEmail: string;
};

export async function setUpPublicReadFixture(name: string): Promise<PublicReadFixture> {
  const kit = await openTestKit({ name });
  const { db, users } = kit;

  const draftMarker = "Utkastmarkör-7f3c: får aldrig synas publikt";
  const draft = await startDraft(db, users.editor, { item: { kind: "article", id: seedOverviewArticle.id } });
  if (!draft.ok) throw new Error(draft.failure.message);
  const content = await readArticleContent(db, draft.value.id);
  const blocks = content.blocks.map((block) => (block.type === "PARAGRAPH" ? { ...block, text: `${block.text} ${draftMarker}` } : block));
  const saved = await saveDraft(db, users.editor, { kind: "article", versionId: draft.value.id, baseRevision: draft.value.revision, content: { ...content, title: draftMarker, blocks } });
  if (!saved.ok) throw new Error(saved.failure.message);

  const withdrawn = seedProcedureArticles.at(-1)!;
  const unpublished = await unpublishVersion(db, users.admin, { versionId: withdrawn.versionId });
  if (!unpublished.ok) throw new Error(unpublished.failure.message);

  const commenterEmail = "lasare.fixture@example.org";
  await db.publicComment.create({
    data: { articleId: seedOverviewArticle.id, name: "En läsare", email: commenterEmail, body: "Tack för texten", status: "APPROVED" },
  });

  return { kit, draftMarker, withdrawnSlug: withdrawn.slug, commenterEmail };
}

type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/**
 * Calls a route handler as Next.js would, with an absolute URL on the default public base URL; like
 * Next.js, `params` resolves to undefined on a route without dynamic segments.
 */
export function callRoute(handler: RouteHandler, path: string, options: { params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  return handler(new Request(`http://localhost:3000${path}`, { headers: options.headers }), { params: Promise.resolve(options.params) });
}
