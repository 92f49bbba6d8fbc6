import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedArticle } from "@/lib/content/public-content";
import { retainedPublicReadMemos } from "@/lib/content/public-cache";
import { currentPublicReadPin } from "@/lib/content/public-read-pin";
import { readArticleContent } from "@/lib/content/version-content";
import { seedOverviewArticle } from "@/lib/content/seed-content";
import { getDb } from "@/lib/db/client";
import { saveDraft, startDraft } from "@/lib/workflow/draft-versions";
import { publishVersion } from "@/lib/workflow/publish-versions";
import { approveVersion, submitForReview } from "@/lib/workflow/review-versions";
import { fullReviewChecklist } from "@/test/integration/editorial-fixtures";
import { openTestKit, type TestKit } from "@/test/integration/test-kit";
import { PageCache, pageCacheHandler } from "./page-cache";
import { proxyTrustFrom } from "./proxy-trust";
import { pinPublicReads } from "./public-read-pin";
import { createRequestPipeline } from "./request-pipeline";

/**
 * Never a mixed page (issue 14, point 4): the server entry's composition (the edge pipeline, the page
 * cache, `pinPublicReads` around the handler) in front of a stand-in for the article page that reads
 * the way Next.js does, `generateMetadata` first (the `<title>`), then the page body (the `<h1>`), each
 * through the app's own public read, with a barrier between them where the test commits a publish
 * through the workflow operations. Real database, real after-commit generation advance.
 */
let kit: TestKit;
let server: http.Server;
let origin: string;
let cache: PageCache;
/** Set by a test: the stand-in waits on it between the metadata read and the body read. */
let between: { reached: () => void; release: Promise<void> } | undefined;
/** Set by a test: the stand-in waits on it before its first read. */
let beforeReads: { reached: () => void; release: Promise<void> } | undefined;
const straddled: boolean[] = [];

async function articlePage(request: http.IncomingMessage, response: http.ServerResponse) {
  const slug = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname.split("/")[2] ?? "");
  const hold = beforeReads;
  beforeReads = undefined;
  if (hold) {
    hold.reached();
    await hold.release;
  }
  const metadata = await getPublishedArticle(getDb(), slug);
  const gate = between;
  between = undefined;
  if (gate) {
    gate.reached();
    await gate.release;
  }
  const body = await getPublishedArticle(getDb(), slug);
  straddled.push(currentPublicReadPin()?.straddled ?? false);
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=0, s-maxage=60" });
  response.end(`<!DOCTYPE html><html><head><title>${metadata?.title}</title></head><body><h1>${body?.title}</h1></body></html>`);
}

function barrier() {
  let reached!: () => void;
  let release!: () => void;
  const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
  const releasePromise = new Promise<void>((resolve) => (release = resolve));
  return { gate: { reached, release: releasePromise }, reached: reachedPromise, release };
}

async function get(path: string) {
  const response = await fetch(`${origin}${path}`);
  const html = await response.text();
  return { cache: response.headers.get("granskad-cache"), title: /<title>(.*?)<\/title>/.exec(html)?.[1], h1: /<h1>(.*?)<\/h1>/.exec(html)?.[1] };
}

/** A new version of the overview with `title`, written, reviewed, approved and published (advances the generation at commit). */
async function publishTitle(title: string) {
  const { db, users } = kit;
  const draft = await startDraft(db, users.editor, { item: { kind: "article", id: seedOverviewArticle.id } });
  if (!draft.ok) throw new Error(draft.failure.message);
  const content = await readArticleContent(db, draft.value.id);
  const saved = await saveDraft(db, users.editor, { kind: "article", versionId: draft.value.id, baseRevision: draft.value.revision, content: { ...content, title } });
  if (!saved.ok) throw new Error(saved.failure.message);
  const submitted = await submitForReview(db, users.editor, { versionId: draft.value.id, baseRevision: saved.value.revision, changeNote: "Ny rubrik", readerNote: "Ny rubrik" });
  if (!submitted.ok) throw new Error(submitted.failure.message);
  const approved = await approveVersion(db, users.reviewer, { checklist: fullReviewChecklist, versionId: draft.value.id, contentHash: submitted.value.contentHash! });
  if (!approved.ok) throw new Error(approved.failure.message);
  const published = await publishVersion(db, users.admin, { versionId: draft.value.id });
  if (!published.ok) throw new Error(published.failure.message);
}

const path = `/artiklar/${seedOverviewArticle.slug}`;

beforeAll(async () => {
  kit = await openTestKit({ name: "public-read-pin" });
  cache = new PageCache(4 * 2 ** 20);
  server = http.createServer(createRequestPipeline({ trust: proxyTrustFrom({}), earlyHandlers: [pageCacheHandler(cache)], next: pinPublicReads(articlePage) }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await kit?.close();
});

describe("a request's public reads are pinned to the generation it started in", () => {
  it("a publish committed between the metadata and the body: title and heading agree (the older text), the page is not stored, the next request shows the new one", async () => {
    // With a query: rendered (the reads memoised) but never stored, so the next request renders too.
    const before = await get(`${path}?before`);
    expect(before.title).toBe(before.h1);
    const oldTitle = before.title!;

    const { gate, reached, release } = barrier();
    between = gate;
    const pending = get(path);
    await reached;
    await publishTitle("Ny rubrik A");
    release();
    const during = await pending;
    expect(during).toMatchObject({ title: oldTitle, h1: oldTitle, cache: "miss" });

    const after = await get(path);
    expect(after).toMatchObject({ title: "Ny rubrik A", h1: "Ny rubrik A", cache: "miss" });
    expect(await get(path)).toMatchObject({ title: "Ny rubrik A", h1: "Ny rubrik A", cache: "hit" });
  });

  it("a read after the commit still returns the pinned generation's data from its memo, which goes when the request is done", async () => {
    const warm = await get(`${path}?warm`); // a query: rendered, never stored, but the read is memoised
    const oldTitle = warm.title!;
    expect(warm.h1).toBe(oldTitle);

    // Pinned before any read, both reads after the commit.
    const { gate, reached, release } = barrier();
    beforeReads = gate;
    straddled.length = 0;
    const pending = get(`${path}?pinned`);
    await reached;
    await publishTitle("Ny rubrik B");
    expect(retainedPublicReadMemos()).toBeGreaterThanOrEqual(1);
    release();
    expect(await pending).toMatchObject({ title: oldTitle, h1: oldTitle });
    expect(straddled).toEqual([false]);

    expect(await get(path)).toMatchObject({ title: "Ny rubrik B", h1: "Ny rubrik B" });
    await expect.poll(() => retainedPublicReadMemos()).toBe(0);
  });

  it("a read the pinned generation never memoised, made after the commit, marks the request straddled and is not stored", async () => {
    // A generation in which the overview was never read.
    await publishTitle("Ny rubrik C");
    const { gate, reached, release } = barrier();
    beforeReads = gate;
    straddled.length = 0;
    const pending = get(path);
    await reached;
    await publishTitle("Ny rubrik D");
    release();
    const during = await pending;
    expect(during.title).toBe(during.h1);
    expect(during.cache).toBe("miss");
    expect(straddled).toEqual([true]);
    expect(await get(path)).toMatchObject({ title: "Ny rubrik D", h1: "Ny rubrik D", cache: "miss" });
    expect(await get(path)).toMatchObject({ cache: "hit" });
  });
});
