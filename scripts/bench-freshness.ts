// The benchmark's freshness check (issue 14, point 4): while readers load the benchmark article's page
// and API on every instance, new versions of it are published through the real workflow operations,
// each with a generation marker in its title. Every response is then checked against the commit times:
// stale (it started after a publish had committed, yet shows an older generation) or mixed (its parts
// show different generations: the page's <title> and <h1>, the API's title and version number).
import type { Db } from "@/lib/db/client";
import { readArticleContent } from "@/lib/content/version-content";
import { startDraft, saveDraft } from "@/lib/workflow/draft-versions";
import { publishVersion } from "@/lib/workflow/publish-versions";
import { approveVersion, submitForReview } from "@/lib/workflow/review-versions";
import { wireDomainEvents } from "@/lib/startup/domain-event-wiring";
import type { Role } from "@/lib/db/generated/enums";

/** The benchmark's reviewer confirms the whole-page checklist (lib/workflow/review-schemas.ts) on every approval. */
const fullReviewChecklist = { sourcesChecked: true, risksCurrent: true, linksChecked: true, feedbackReviewed: true } as const;

export type FreshnessResponse = { instance: number; surface: "page" | "api"; startedAt: number; generations: number[] };
export type FreshnessResult = { publishes: number; responses: number; stale: number; mixed: number; maxStaleLagMs: number; errors: number; errorKinds: Record<string, number> };

const markerOf = (text: string | undefined): number => Number(/generation (\d+)/.exec(text ?? "")?.[1] ?? 0);

/** The generations a response shows (one per part that names it). */
export function generationsIn(surface: "page" | "api", body: string): number[] {
  if (surface === "page") {
    const title = /<title>([^<]*)<\/title>/.exec(body)?.[1];
    const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(body)?.[1];
    return [markerOf(title), markerOf(heading)];
  }
  const parsed = JSON.parse(body) as { title?: string; version?: { number?: number } };
  return [markerOf(parsed.title), parsed.version?.number ?? -1];
}

/**
 * Counts stale and mixed responses. `commits[n - 1]` is when generation n committed (the publish call
 * returned); `versionOfGeneration(n)` the version number it published, to compare the API's.
 */
export function judgeFreshness(
  responses: FreshnessResponse[],
  commits: number[],
  versionOfGeneration: (generation: number) => number,
  /** The generation shown before the first of `commits`: 0 on a fresh corpus, the last run's on a reused one. */
  firstGeneration = 0,
): Omit<FreshnessResult, "publishes" | "errors" | "errorKinds"> {
  let stale = 0;
  let mixed = 0;
  let maxStaleLagMs = 0;
  for (const response of responses) {
    const [shown = 0, other = 0] = response.generations;
    const consistent = response.surface === "page" ? shown === other : versionOfGeneration(shown) === other;
    if (!consistent) mixed += 1;
    const committedBefore = commits.filter((committedAt) => committedAt < response.startedAt).length;
    if (shown < firstGeneration + committedBefore) {
      stale += 1;
      maxStaleLagMs = Math.max(maxStaleLagMs, response.startedAt - commits[committedBefore - 1]!);
    }
  }
  return { responses: responses.length, stale, mixed, maxStaleLagMs };
}

async function benchActor(db: Db, role: Role) {
  const email = `bench-freshness-${role.toLowerCase()}@granskad.local`;
  const user = await db.user.upsert({
    where: { email },
    create: { email, name: `Bench ${role.toLowerCase()}`, title: "Leg. läkare", specialty: "Smärtlindring", roles: [role], clinician: role === "REVIEWER" },
    update: {},
  });
  return { id: user.id, email: user.email, name: user.name, title: user.title, specialty: user.specialty, roles: user.roles, clinician: user.clinician };
}

/**
 * Publishes `count` new versions of the article (`articleId`, slug for the readers) while `readers`
 * connections per instance read its page and API on each origin, `spacingMs` apart.
 */
export async function runFreshnessCheck(db: Db, options: { articleId: string; slug: string; origins: string[]; readers: number; count: number; spacingMs: number }): Promise<FreshnessResult> {
  wireDomainEvents();
  const [editor, reviewer, admin] = [await benchActor(db, "EDITOR"), await benchActor(db, "REVIEWER"), await benchActor(db, "ADMIN")];
  const responses: FreshnessResponse[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string) => {
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  let running = true;
  const reader = async (origin: string, instance: number, index: number) => {
    for (let turn = index; running; turn += 1) {
      const surface = turn % 2 === 0 ? "page" : "api";
      const startedAt = Date.now();
      try {
        const response = await fetch(`${origin}${surface === "page" ? `/artiklar/${options.slug}` : `/api/v1/articles/${options.slug}`}`);
        const body = await response.text();
        if (response.status !== 200) failed(`${surface} ${response.status}`);
        else responses.push({ instance, surface, startedAt, generations: generationsIn(surface, body) });
      } catch (error) {
        failed(`${surface} ${error instanceof Error ? error.message : "fetch failed"}`);
      }
    }
  };
  const readers = options.origins.flatMap((origin, instance) => Array.from({ length: options.readers }, (_, index) => reader(origin, instance, index)));

  const commits: number[] = [];
  const versionNumbers = new Map<number, number>();
  const published = await db.contentVersion.findFirstOrThrow({ where: { articleId: options.articleId, status: "PUBLISHED" }, select: { id: true, number: true, title: true } });
  // A reused corpus already shows an earlier run's last generation: this run's publishes follow it.
  const firstGeneration = markerOf(published.title);
  versionNumbers.set(firstGeneration, published.number);
  try {
    for (let generation = firstGeneration + 1; generation <= firstGeneration + options.count; generation += 1) {
      await new Promise((resolve) => setTimeout(resolve, options.spacingMs));
      const draft = await startDraft(db, editor, { item: { kind: "article", id: options.articleId } });
      if (!draft.ok) throw new Error(`start draft: ${draft.failure.message}`);
      const content = await readArticleContent(db, draft.value.id);
      const title = `${content.title.replace(/ · generation \d+$/, "")} · generation ${generation}`;
      const saved = await saveDraft(db, editor, { kind: "article", versionId: draft.value.id, baseRevision: draft.value.revision, content: { ...content, title } });
      if (!saved.ok) throw new Error(`save: ${saved.failure.message}`);
      const submitted = await submitForReview(db, editor, { versionId: draft.value.id, baseRevision: saved.value.revision, changeNote: "Benchmark", readerNote: "Benchmark" });
      if (!submitted.ok) throw new Error(`submit: ${submitted.failure.message}`);
      const approved = await approveVersion(db, reviewer, { checklist: fullReviewChecklist, versionId: draft.value.id, contentHash: submitted.value.contentHash! });
      if (!approved.ok) throw new Error(`approve: ${approved.failure.message}`);
      const publishedNow = await publishVersion(db, admin, { versionId: draft.value.id });
      if (!publishedNow.ok) throw new Error(`publish: ${publishedNow.failure.message}`);
      commits.push(Date.now());
      versionNumbers.set(generation, submitted.value.number);
    }
    await new Promise((resolve) => setTimeout(resolve, options.spacingMs));
  } finally {
    running = false;
    await Promise.all(readers);
  }
  return { publishes: options.count, errors, errorKinds, ...judgeFreshness(responses, commits, (generation) => versionNumbers.get(generation) ?? -1, firstGeneration) };
}
