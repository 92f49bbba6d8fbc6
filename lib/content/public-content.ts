import { cache } from "react";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ArticleKind, ChangeKind } from "@/lib/db/generated/enums";
import { itemKindNames, itemKinds, type ItemKind } from "@/lib/items/item";
import type { ArticleBlock, RiskGroup } from "./content-schemas";
import { cachedPublicRead } from "./public-cache";
import { markedGlossaryTermIds } from "./inline-markdown-document";
import {
  articleContentOf,
  articleContentSelect,
  glossaryTermContentOf,
  glossaryTermContentSelect,
  riskListContentOf,
  riskListContentSelect,
} from "./version-content";

/**
 * The one read layer of the public site: public pages (and, later, the feed and the API) read content
 * through these functions and nothing else, and these read PUBLISHED versions only. A draft cannot reach
 * a reader through here because no query below can select one; a reference (risk list, embedded
 * procedure) whose target has no published version is left out, never replaced by another version.
 *
 * Published versions are immutable snapshots, so each piece read is a complete approved text even if a
 * publish commits between two of the reads of one page.
 */

/**
 * Every read is wrapped here: in the cross-request cache of lib/content/public-cache.ts (tagged, so that
 * publishing invalidates it; results keep their Dates), and in React `cache`, so a page and its
 * `generateMetadata` share one read per request. `name` keys the cache and must be unique per read.
 */
function publicRead<Args extends (string | number | boolean | undefined)[], Result>(
  name: string,
  read: (db: DbTx, ...args: Args) => Promise<Result>,
) {
  return cache(cachedPublicRead(name, read));
}

/** Where a published article (overview or procedure) lives on the public site; pages, feed, API and sitemap link here. */
export function publicArticlePath(slug: string): string {
  return `/artiklar/${slug}`;
}

/** Where a published risk list lives on the public site. */
export function publicRiskListPath(slug: string): string {
  return `/risklistor/${slug}`;
}

/** The public glossary: every published term with its explanation. */
export const publicGlossaryPath = "/ordlista";

/** Where a published glossary term is explained on the public site: its entry on the glossary page. */
export function publicGlossaryTermPath(slug: string): string {
  return `${publicGlossaryPath}#ordlista-${slug}`;
}

/** Where any published item lives on the public site. */
export function publicItemPath(kind: ItemKind, slug: string): string {
  return kind === "article" ? publicArticlePath(slug) : kind === "riskList" ? publicRiskListPath(slug) : publicGlossaryTermPath(slug);
}

/** As the reviewer signed: name, professional title and medical specialty (empty when not given). */
export type PublicReviewer = { name: string; title: string; specialty: string };

/** What a reader is told about a version's clinical review ("Granskad av …"). */
export type ReviewMetadata = {
  versionId: string;
  versionNumber: number;
  /** Whether the version changed clinical content (lib/content/change-kind.ts). */
  changeKind: ChangeKind;
  publishedAt: Date | null;
  lastReviewedAt: Date | null;
  /** A calendar date (midnight UTC): read it in UTC. */
  nextReviewDue: Date | null;
  /** From the latest approval or re-attestation: the name and title as they were when the reviewer signed. */
  reviewer: PublicReviewer | null;
  /** The reader-facing "Vad har ändrats" note. */
  readerNote: string | null;
};

export type PublishedRiskList = {
  id: string;
  slug: string;
  title: string;
  summary?: string;
  versionId: string;
  versionNumber: number;
  changeKind: ChangeKind;
  groups: RiskGroup[];
};

export type ResolvedRiskListBlock = { type: "RISK_LIST"; key: string; riskList: PublishedRiskList };

/** The blocks of an embedded procedure: its own blocks with risk lists resolved; it embeds no procedures. */
export type ProcedureBodyBlock = Exclude<ArticleBlock, { type: "RISK_LIST" | "PROCEDURE" }> | ResolvedRiskListBlock;

export type PublishedProcedure = {
  slug: string;
  title: string;
  summary?: string;
  review: ReviewMetadata;
  blocks: ProcedureBodyBlock[];
};

export type ResolvedProcedureBlock = { type: "PROCEDURE"; key: string; procedure: PublishedProcedure };

export type PublicBlock = ProcedureBodyBlock | ResolvedProcedureBlock;

/** A glossary term's published explanation, as the pages that mark the term show it. */
export type PublishedGlossaryEntry = {
  id: string;
  slug: string;
  /** The term as the glossary heads it. */
  title: string;
  explanation: string;
  forms: string[];
  versionId: string;
  versionNumber: number;
};

export type PublishedArticle = {
  id: string;
  slug: string;
  locale: string;
  kind: ArticleKind;
  title: string;
  summary?: string;
  review: ReviewMetadata;
  blocks: PublicBlock[];
  /**
   * The published glossary terms the article's text marks (its embedded procedures' too), in order of
   * first use; a marked term without a published version is not here, and the page shows it as plain text.
   */
  glossary: PublishedGlossaryEntry[];
};

export type PublishedArticleSummary = {
  slug: string;
  title: string;
  summary: string | null;
  kind: ArticleKind;
  publishedAt: Date | null;
  lastReviewedAt: Date | null;
};

export type PublishedRiskListSummary = {
  slug: string;
  title: string;
  summary: string | null;
  publishedAt: Date | null;
  lastReviewedAt: Date | null;
};

/** A risk list's own page: its current published version, its review, and the published articles that show it. */
export type PublishedRiskListPage = Omit<PublishedRiskList, "id"> & {
  review: ReviewMetadata;
  usedBy: { slug: string; title: string }[];
};

/** The only versions this module reads. Each query also requires the article or risk list not to be archived. */
const publishedVersion = { status: "PUBLISHED" } satisfies Prisma.ContentVersionWhereInput;

/**
 * What the public review metadata of a version is read from: its dates, its reader note and the latest
 * approval or re-attestation, whose reviewer is the one named publicly. The read API builds on it.
 */
export const reviewMetadataSelect = {
  id: true,
  number: true,
  changeKind: true,
  publishedAt: true,
  lastReviewedAt: true,
  nextReviewDue: true,
  readerNote: true,
  decisions: {
    where: { kind: { in: ["APPROVE", "REATTEST"] } },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { reviewerName: true, reviewerTitle: true, reviewerSpecialty: true },
  },
} satisfies Prisma.ContentVersionSelect;

type ReviewMetadataRow = Prisma.ContentVersionGetPayload<{ select: typeof reviewMetadataSelect }>;

/** The public review metadata of a version read with reviewMetadataSelect. */
export function toReviewMetadata(version: ReviewMetadataRow): ReviewMetadata {
  const decision = version.decisions[0];
  return {
    versionId: version.id,
    versionNumber: version.number,
    changeKind: version.changeKind,
    publishedAt: version.publishedAt,
    lastReviewedAt: version.lastReviewedAt,
    nextReviewDue: version.nextReviewDue,
    reviewer: decision ? { name: decision.reviewerName, title: decision.reviewerTitle, specialty: decision.reviewerSpecialty } : null,
    readerNote: version.readerNote,
  };
}

const kindOrder: Record<ArticleKind, number> = { OVERVIEW: 0, PROCEDURE: 1 };

/** Published articles in one locale: overviews first, then procedures, each by title. */
export const listPublishedArticles = publicRead("listPublishedArticles", async (db: DbTx, locale: string = "sv"): Promise<PublishedArticleSummary[]> => {
  const versions = await db.contentVersion.findMany({
    where: { ...publishedVersion, article: { locale, archivedAt: null } },
    select: { title: true, summary: true, publishedAt: true, lastReviewedAt: true, article: { select: { slug: true, kind: true } } },
  });
  return versions
    .flatMap(({ article, ...version }) => (article ? [{ slug: article.slug, kind: article.kind, ...version }] : []))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.title.localeCompare(b.title, "sv"));
});

/** Published risk lists in one locale, by title. */
export const listPublishedRiskLists = publicRead("listPublishedRiskLists", async (db: DbTx, locale: string = "sv"): Promise<PublishedRiskListSummary[]> => {
  const versions = await db.contentVersion.findMany({
    where: { ...publishedVersion, riskList: { locale, archivedAt: null } },
    select: { title: true, summary: true, publishedAt: true, lastReviewedAt: true, riskList: { select: { slug: true } } },
  });
  return versions
    .flatMap(({ riskList, ...version }) => (riskList ? [{ slug: riskList.slug, ...version }] : []))
    .sort((a, b) => a.title.localeCompare(b.title, "sv"));
});

/**
 * A risk list's public page by slug, or null when it has no published version. `usedBy` lists the
 * published articles whose published version includes the list, by title.
 */
export const getPublishedRiskListPage = publicRead(
  "getPublishedRiskListPage",
  async (db: DbTx, slug: string, locale: string = "sv"): Promise<PublishedRiskListPage | null> => {
    const version = await db.contentVersion.findFirst({
      where: { ...publishedVersion, riskList: { slug, locale, archivedAt: null } },
      select: { ...reviewMetadataSelect, ...riskListContentSelect, riskList: { select: { id: true, slug: true } } },
    });
    if (!version?.riskList) return null;
    const content = riskListContentOf(version.id, version);
    const articles = await db.contentVersion.findMany({
      where: { ...publishedVersion, article: { locale, archivedAt: null }, blocks: { some: { riskListId: version.riskList.id } } },
      select: { title: true, article: { select: { slug: true } } },
    });
    return {
      slug: version.riskList.slug,
      title: content.title,
      ...(content.summary === undefined ? {} : { summary: content.summary }),
      versionId: version.id,
      versionNumber: version.number,
      changeKind: version.changeKind,
      groups: content.groups,
      review: toReviewMetadata(version),
      usedBy: articles
        .flatMap(({ title, article }) => (article ? [{ slug: article.slug, title }] : []))
        .sort((a, b) => a.title.localeCompare(b.title, "sv")),
    };
  },
);

/** The current published version of a risk list, or null when it has none. */
const getPublishedRiskList = publicRead("getPublishedRiskList", async (db: DbTx, riskListId: string): Promise<PublishedRiskList | null> => {
  const version = await db.contentVersion.findFirst({
    where: { ...publishedVersion, riskList: { id: riskListId, archivedAt: null } },
    select: { id: true, number: true, changeKind: true, ...riskListContentSelect, riskList: { select: { slug: true } } },
  });
  if (!version?.riskList) return null;
  const content = riskListContentOf(version.id, version);
  return {
    id: riskListId,
    slug: version.riskList.slug,
    title: content.title,
    ...(content.summary === undefined ? {} : { summary: content.summary }),
    versionId: version.id,
    versionNumber: version.number,
    changeKind: version.changeKind,
    groups: content.groups,
  };
});

async function resolveProcedureBodyBlock(db: DbTx, block: ArticleBlock): Promise<ProcedureBodyBlock | null> {
  // Embedding is one level deep: an overview shows procedures, a procedure shows no further ones
  // (which also rules out reference cycles).
  if (block.type === "PROCEDURE") return null;
  if (block.type !== "RISK_LIST") return block;
  const riskList = await getPublishedRiskList(db, block.riskListId);
  return riskList && { type: "RISK_LIST", key: block.key, riskList };
}

async function resolvePublicBlock(db: DbTx, block: ArticleBlock): Promise<PublicBlock | null> {
  if (block.type !== "PROCEDURE") return resolveProcedureBodyBlock(db, block);
  const procedure = await getPublishedProcedure(db, block.procedureArticleId);
  return procedure && { type: "PROCEDURE", key: block.key, procedure };
}

/** Drops the references that resolved to nothing published. */
function withoutSkipped<Block>(blocks: (Block | null)[]): Block[] {
  return blocks.filter((block): block is Block => block !== null);
}

/**
 * Any version's blocks (a draft being previewed) resolved as a published article's are: risk lists and
 * procedures to their current published versions, unpublished references left out. Only the signed-in
 * preview calls this; the public pages read published versions through getPublishedArticle.
 */
export async function resolveBlocksForPreview(db: DbTx, blocks: ArticleBlock[]): Promise<PublicBlock[]> {
  return withoutSkipped(await Promise.all(blocks.map((block) => resolvePublicBlock(db, block))));
}

/** The published version of the procedure article with this id, as embedded in an overview. */
const getPublishedProcedure = publicRead("getPublishedProcedure", async (db: DbTx, articleId: string): Promise<PublishedProcedure | null> => {
  const version = await db.contentVersion.findFirst({
    where: { ...publishedVersion, article: { id: articleId, archivedAt: null } },
    select: { ...reviewMetadataSelect, ...articleContentSelect, article: { select: { slug: true } } },
  });
  if (!version?.article) return null;
  const content = articleContentOf(version.id, version);
  return {
    slug: version.article.slug,
    title: content.title,
    ...(content.summary === undefined ? {} : { summary: content.summary }),
    review: toReviewMetadata(version),
    blocks: withoutSkipped(await Promise.all(content.blocks.map((block) => resolveProcedureBodyBlock(db, block)))),
  };
});

/** The glossary terms marked in paragraph and callout text, each once, in order of first use. */
function markedTermIdsOf(blocks: readonly PublicBlock[]): string[] {
  const ids = blocks.flatMap((block): string[] => {
    if (block.type === "PARAGRAPH" || block.type === "CALLOUT") return markedGlossaryTermIds(block.text);
    if (block.type === "PROCEDURE") return markedTermIdsOf(block.procedure.blocks);
    return [];
  });
  return [...new Set(ids)];
}

/** The current published entries of these glossary terms (none for a term without one), in the given order. */
export async function publishedGlossaryEntries(db: DbTx, termIds: string[], locale: string = "sv"): Promise<PublishedGlossaryEntry[]> {
  if (termIds.length === 0) return [];
  const versions = await db.contentVersion.findMany({
    where: { ...publishedVersion, glossaryTerm: { id: { in: termIds }, locale, archivedAt: null } },
    select: { id: true, number: true, ...glossaryTermContentSelect, glossaryTerm: { select: { id: true, slug: true } } },
  });
  const entries = versions.map((version): PublishedGlossaryEntry => {
    const content = glossaryTermContentOf(version.id, version);
    return { id: version.glossaryTerm!.id, slug: version.glossaryTerm!.slug, ...content, versionId: version.id, versionNumber: version.number };
  });
  return entries.sort((a, b) => termIds.indexOf(a.id) - termIds.indexOf(b.id));
}

/** Every published glossary term in one locale, by term: the public glossary page and the editor's hint list. */
export const listPublishedGlossary = publicRead("listPublishedGlossary", async (db: DbTx, locale: string = "sv"): Promise<PublishedGlossaryEntry[]> => {
  const terms = await db.contentVersion.findMany({
    where: { ...publishedVersion, glossaryTerm: { locale, archivedAt: null } },
    select: { glossaryTermId: true },
  });
  const entries = await publishedGlossaryEntries(db, terms.map((term) => term.glossaryTermId!), locale);
  return entries.sort((a, b) => a.title.localeCompare(b.title, "sv"));
});

/** The glossary of any version's resolved blocks (a draft being previewed), as a published article's is read. */
export function glossaryForPreview(db: DbTx, blocks: PublicBlock[], locale: string = "sv"): Promise<PublishedGlossaryEntry[]> {
  return publishedGlossaryEntries(db, markedTermIdsOf(blocks), locale);
}

/** A published article with its references resolved, or null when the slug has no published version. */
export const getPublishedArticle = publicRead(
  "getPublishedArticle",
  async (db: DbTx, slug: string, locale: string = "sv"): Promise<PublishedArticle | null> => {
    const version = await db.contentVersion.findFirst({
      where: { ...publishedVersion, article: { slug, locale, archivedAt: null } },
      select: { ...reviewMetadataSelect, ...articleContentSelect, article: { select: { id: true, slug: true, locale: true, kind: true } } },
    });
    if (!version?.article) return null;
    const content = articleContentOf(version.id, version);
    const blocks = withoutSkipped(await Promise.all(content.blocks.map((block) => resolvePublicBlock(db, block))));
    return {
      ...version.article,
      title: content.title,
      ...(content.summary === undefined ? {} : { summary: content.summary }),
      review: toReviewMetadata(version),
      blocks,
      glossary: await publishedGlossaryEntries(db, markedTermIdsOf(blocks), locale),
    };
  },
);

/**
 * The read each public item page renders from, by the kind whose page it is. The proxy asks the same
 * read with the same arguments as the page, so inside a request's pin (./public-read-pin.ts) the page
 * reuses it: checking a slug costs no query of its own. A kind without a page of its own per slug (a
 * glossary term: the glossary is one page) is checked with one indexed query.
 */
const publicPageReads: Partial<Record<ItemKind, (db: DbTx, slug: string) => Promise<unknown>>> = {
  article: (db, slug) => getPublishedArticle(db, slug),
  riskList: (db, slug) => getPublishedRiskListPage(db, slug),
};

/**
 * Whether `pathname` is a public article or risk-list page whose slug has no published version (the
 * page's own read, through the per-generation memo). The proxy answers such a request with the
 * not-found page before any page renders: a page that calls notFound() is streamed as an empty error
 * shell (vercel/next.js#62228), which a reader without JavaScript would see as a blank page.
 */
export async function isUnpublishedContentPath(db: DbTx, pathname: string): Promise<boolean> {
  const [, section, encodedSlug = "", ...rest] = pathname.split("/");
  const kind = itemKindNames.find((candidate) => itemKinds[candidate].publicSegment === section);
  if (!kind || !encodedSlug || rest.length > 0) return false;
  let slug: string;
  try {
    slug = decodeURIComponent(encodedSlug);
  } catch {
    return true;
  }
  const pageRead = publicPageReads[kind];
  return pageRead ? (await pageRead(db, slug)) === null : !(await hasPublishedVersion(db, kind, slug));
}

const hasPublishedVersion = cachedPublicRead(
  "hasPublishedVersion",
  async (db: DbTx, kind: ItemKind, slug: string, locale: string = "sv"): Promise<boolean> => {
    // Each kind's identity is the ContentVersion relation named like the kind.
    const version = await db.contentVersion.findFirst({
      where: { ...publishedVersion, [kind]: { slug, locale, archivedAt: null } },
      select: { id: true },
    });
    return version !== null;
  },
);
