import type { Db, DbTx } from "@/lib/db/client";
import type { VersionStatus } from "@/lib/db/generated/enums";
import { syncSearchDocuments } from "@/lib/search/search-documents";
import { contentHash } from "@/lib/content/content-hash";
import { articleContentSchema, riskListContentSchema } from "@/lib/content/content-schemas";
import { seedUuid } from "@/lib/content/seed-content";
import { articleContentRows, riskListContentRows } from "@/lib/content/version-content";
import {
  corpusArticle,
  corpusArticleVersion,
  corpusRiskList,
  corpusRiskListVersion,
  corpusVersionId,
  type CorpusItem,
  type CorpusShape,
} from "./bench-corpus";

/**
 * Writes the synthetic corpus as valid history: every version passes the database's integrity rules
 * (prisma/migrations/*integrity*) the way real ones do. Content rows may only be written while a version
 * is a DRAFT, and an item may have only one draft at a time, so each batch of items goes through its
 * versions in rounds: insert version n of every item as a draft carrying its hash and approval, write
 * the content rows, authors and review decisions, then move them all to SUPERSEDED (or PUBLISHED for
 * the last) in one statement. One transaction per batch; a batch already published is skipped, so an
 * interrupted load resumes. The corpus is complete when the marker user exists.
 */

const batchSize = 50;
const transactionOptions = { timeout: 300_000, maxWait: 30_000 };

type BenchUser = { id: string; email: string; name: string; title: string; specialty: string };

function benchUser(role: "author" | "reviewer", index: number, name: string, title: string, specialty: string): BenchUser {
  return { id: seedUuid(`bench/user/${role}/${index}`), email: `bench-${role}-${index}@granskad.local`, name, title, specialty };
}

/** System accounts (no password, no roles): nobody can sign in as them. Reviewers never author. */
const authors = [
  benchUser("author", 0, "Bench Redaktör Ett", "Medicinsk redaktör", "Patientinformation"),
  benchUser("author", 1, "Bench Redaktör Två", "Medicinsk redaktör", "Patientinformation"),
  benchUser("author", 2, "Bench Redaktör Tre", "Sjuksköterska", "Smärtlindring"),
];
const reviewers = [
  benchUser("reviewer", 0, "Bench Granskare Ett", "Överläkare", "Ortopedi"),
  benchUser("reviewer", 1, "Bench Granskare Två", "Specialistläkare", "Anestesi"),
];

/** The item's owner: the author of its version 1, as the owners migration backfills. */
const firstAuthorOf = (item: { index: number }) => authors[(item.index + 1) % authors.length]!;

/** Records which corpus the database holds; written last, so its presence means the load finished. */
function corpusMarker(shape: CorpusShape): BenchUser {
  return {
    id: seedUuid("bench/user/corpus-marker"),
    email: "bench-corpus@granskad.local",
    name: "Benchmark corpus",
    title: "Systemkonto",
    specialty: `${shape.articles}x${shape.versionsPerArticle} articles, ${shape.riskLists}x${shape.versionsPerRiskList} risk lists`,
  };
}

export type CorpusLoadResult = "reused" | "loaded";

const dayMs = 24 * 60 * 60 * 1000;
const corpusStart = Date.UTC(2024, 0, 1);

function versionDates(number: number, itemIndex: number) {
  const decidedAt = new Date(corpusStart + number * 30 * dayMs + itemIndex * 60_000);
  const nextReviewDue = new Date(Date.UTC(decidedAt.getUTCFullYear() + 1, decidedAt.getUTCMonth(), decidedAt.getUTCDate()));
  return { submittedAt: new Date(decidedAt.getTime() - dayMs), decidedAt, lastReviewedAt: decidedAt, nextReviewDue, publishedAt: new Date(decidedAt.getTime() + dayMs) };
}

type RoundVersion = { item: CorpusItem; id: string; number: number; title: string; summary: string | undefined; hash: string };

/** Inserts version `number` of each item as an approved draft, its authorship and its review decision. */
async function insertApprovedDrafts(tx: DbTx, owner: "articleId" | "riskListId", versions: RoundVersion[], readerNote: (number: number) => string) {
  await tx.contentVersion.createMany({
    data: versions.map(({ item, id, number, title, summary, hash }) => {
      const author = authors[(item.index + number) % authors.length]!;
      const reviewer = reviewers[(item.index + number) % reviewers.length]!;
      return {
        id,
        [owner]: item.id,
        number,
        status: "DRAFT" as const,
        title,
        summary: summary ?? null,
        contentHash: hash,
        approvedContentHash: hash,
        createdById: author.id,
        reviewerId: reviewer.id,
        decision: "APPROVE" as const,
        basedOnId: number > 1 ? corpusVersionId(item, number - 1) : null,
        supersedesId: number > 1 ? corpusVersionId(item, number - 1) : null,
        changeNote: `Revision ${number}`,
        readerNote: readerNote(number),
        ...versionDates(number, item.index),
      };
    }),
  });
  await tx.versionAuthor.createMany({ data: versions.map(({ item, id, number }) => ({ versionId: id, userId: authors[(item.index + number) % authors.length]!.id })) });
  await tx.reviewDecision.createMany({
    data: versions.map(({ item, id, number, hash }) => {
      const reviewer = reviewers[(item.index + number) % reviewers.length]!;
      const { decidedAt, nextReviewDue } = versionDates(number, item.index);
      return {
        versionId: id,
        reviewerId: reviewer.id,
        kind: "APPROVE" as const,
        contentHash: hash,
        reviewerName: reviewer.name,
        reviewerTitle: reviewer.title,
        reviewerSpecialty: reviewer.specialty,
        nextReviewDue,
        createdAt: decidedAt,
      };
    }),
  });
}

async function freezeRound(tx: DbTx, versions: RoundVersion[], status: VersionStatus) {
  await tx.contentVersion.updateMany({ where: { id: { in: versions.map((version) => version.id) } }, data: { status } });
}

const readerNote = (number: number) => (number === 1 ? "Första publicerade versionen." : `Texten är uppdaterad (version ${number}).`);

async function loadRiskListBatch(tx: DbTx, shape: CorpusShape, lists: CorpusItem[]) {
  await tx.riskList.createMany({ data: lists.map((list) => ({ id: list.id, slug: list.slug, locale: "sv", ownerId: firstAuthorOf(list).id })) });
  for (let number = 1; number <= shape.versionsPerRiskList; number += 1) {
    const round = lists.map((list) => {
      const version = corpusRiskListVersion(list, number);
      const content = riskListContentSchema.parse(version.content);
      return { item: list, id: version.id, number, title: content.title, summary: content.summary, hash: contentHash(content), content };
    });
    await insertApprovedDrafts(tx, "riskListId", round, readerNote);
    const rows = round.map(({ id, content }) => riskListContentRows(id, content));
    await tx.riskGroup.createMany({ data: rows.flatMap((row) => row.groups) });
    await tx.riskItem.createMany({ data: rows.flatMap((row) => row.items) });
    await freezeRound(tx, round, number === shape.versionsPerRiskList ? "PUBLISHED" : "SUPERSEDED");
  }
}

async function loadArticleVersions(tx: DbTx, shape: CorpusShape, articles: ReturnType<typeof corpusArticle>[]) {
  for (let number = 1; number <= shape.versionsPerArticle; number += 1) {
    const round = articles.map((article) => {
      const version = corpusArticleVersion(shape, article, number);
      const content = articleContentSchema.parse(version.content);
      return { item: article, id: version.id, number, title: content.title, summary: content.summary, hash: contentHash(content), content };
    });
    await insertApprovedDrafts(tx, "articleId", round, readerNote);
    const rows = round.map(({ id, content }) => articleContentRows(id, content));
    await tx.articleBlock.createMany({ data: rows.flatMap((row) => row.blocks) });
    const facts = rows.flatMap((row) => row.facts);
    if (facts.length > 0) await tx.procedureFacts.createMany({ data: facts });
    await freezeRound(tx, round, number === shape.versionsPerArticle ? "PUBLISHED" : "SUPERSEDED");
  }
}

function batches<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / batchSize) }, (_, index) => items.slice(index * batchSize, (index + 1) * batchSize));
}

/**
 * Loads the corpus unless the marker says this database already holds it. `log` gets one line per
 * batch so a few minutes of loading are visibly progressing.
 */
export async function loadCorpus(db: Db, shape: CorpusShape, log: (line: string) => void): Promise<CorpusLoadResult> {
  const marker = corpusMarker(shape);
  const existingMarker = await db.user.findUnique({ where: { email: marker.email }, select: { specialty: true } });
  if (existingMarker?.specialty === marker.specialty) return "reused";
  if (existingMarker) throw new Error(`this database holds another benchmark corpus (${existingMarker.specialty}); use --reload on the embedded database or a fresh database`);

  // The reviewers approve first versions, which are clinical changes: they are clinicians.
  await db.user.createMany({
    data: [...authors.map((user) => ({ ...user, clinician: false })), ...reviewers.map((user) => ({ ...user, clinician: true }))].map((user) => ({ ...user, roles: [], passwordHash: null })),
    skipDuplicates: true,
  });

  const lists = Array.from({ length: shape.riskLists }, (_, index) => corpusRiskList(index));
  for (const [batchIndex, batch] of batches(lists).entries()) {
    const loaded = await db.riskList.count({ where: { id: { in: batch.map((list) => list.id) } } });
    if (loaded === batch.length) continue;
    await db.$transaction((tx) => loadRiskListBatch(tx, shape, batch), transactionOptions);
    log(`risk lists: batch ${batchIndex + 1} of ${Math.ceil(lists.length / batchSize)}`);
  }

  // Every article row exists before any version, because overviews embed procedures from later batches.
  const articles = Array.from({ length: shape.articles }, (_, index) => corpusArticle(index));
  await db.article.createMany({ data: articles.map((article) => ({ id: article.id, slug: article.slug, kind: article.kind, locale: "sv", ownerId: firstAuthorOf(article).id })), skipDuplicates: true });
  const started = Date.now();
  for (const [batchIndex, batch] of batches(articles).entries()) {
    const published = await db.contentVersion.count({ where: { status: "PUBLISHED", articleId: { in: batch.map((article) => article.id) } } });
    if (published === batch.length) continue;
    await db.$transaction((tx) => loadArticleVersions(tx, shape, batch), transactionOptions);
    log(`articles: batch ${batchIndex + 1} of ${Math.ceil(articles.length / batchSize)} (${Math.round((Date.now() - started) / 1000)} s)`);
  }

  // The corpus is written as rows, not through publish: index its published versions for search as the server's start-up would.
  const search = await syncSearchDocuments(db);
  log(`search documents: ${search.written} written`);
  await db.user.create({ data: { ...marker, roles: [], passwordHash: null } });
  return "loaded";
}
