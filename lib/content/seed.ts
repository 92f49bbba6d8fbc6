import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import type { Db, DbTx } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { auditEntityOf } from "@/lib/items/item";
import { contentHash } from "./content-hash";
import type { ArticleContent, GlossaryTermContent, RiskListContent } from "./content-schemas";
import { glossaryTermHref } from "./inline-markdown-document";
import { seedArticles, seedGlossaryTerms, seedLocale, seedRiskLists, seedUuid, type SeedArticle, type SeedGlossaryTerm, type SeedRiskList } from "./seed-content";
import { writeDraftContent } from "./version-content";

/**
 * Loads the seed content into a migrated database as published version 1 of every risk list and
 * article, so a new install shows real, reviewed content. Idempotent: an item whose slug exists is
 * left exactly as it is (editors may have changed it since), and so is an existing user, so a second
 * run changes no row. Each item is created in its own transaction: all of it or none of it.
 */

/** The moment the seed content counts as submitted, approved and published; fixed so every install agrees. */
export const seedTimestamp = new Date("2026-11-24T12:00:00.000Z");

/**
 * The seed's version history, in the order it happened: each version was written, then submitted, then
 * approved, and published at `seedTimestamp` (the date readers see as the review's).
 */
export const seedTimeline = {
  created: new Date(seedTimestamp.getTime() - 3 * 86_400_000),
  submitted: new Date(seedTimestamp.getTime() - 86_400_000),
  decided: new Date(seedTimestamp.getTime() - 2 * 3_600_000),
  published: seedTimestamp,
} as const;
/** Review is due twelve months after the seed review (a calendar date). */
export const seedNextReviewDue = new Date(Date.UTC(seedTimestamp.getUTCFullYear() + 1, seedTimestamp.getUTCMonth(), seedTimestamp.getUTCDate()));

export const seedChangeNote = "Importerad från källartikeln";
export const seedReaderNote = "Första publicerade versionen.";

type SystemUser = { id: string; email: string; name: string; title: string; specialty: string; clinician?: boolean };

/** Creates the seed versions. No password and no roles: nobody can sign in as it. */
export const seedAuthor: SystemUser = {
  id: seedUuid("user/import"),
  email: "import@granskad.local",
  name: "Granskad import",
  title: "Systemkonto",
  specialty: "Import",
};

/** Approves the seed versions (four-eyes holds for the seed too); shown publicly as "Granskad av …". */
export const seedReviewer: SystemUser = {
  id: seedUuid("user/seed-reviewer"),
  email: "seed-granskare@granskad.local",
  name: "Seed-granskare",
  title: "Leg. läkare",
  specialty: "Smärtlindring",
  /** The seed content is first versions, clinical by construction: only a clinician may approve it. */
  clinician: true,
};

export type DemoUser = { email: string; password: string; role: Role; name: string; title: string; specialty: string };

/**
 * One user per role with a fixed, published password, for trying Granskad on the embedded database.
 * Never created on a DATABASE_URL database (see scripts/db-seed.ts and scripts/serve.ts).
 */
export const demoUsers: readonly DemoUser[] = [
  { email: "editor@granskad.local", password: "granskad-editor", role: "EDITOR", name: "Elin Redaktör", title: "Medicinsk redaktör", specialty: "Patientinformation" },
  { email: "reviewer@granskad.local", password: "granskad-reviewer", role: "REVIEWER", name: "Dr. Rasmus Granskare", title: "Överläkare", specialty: "Ortopedi" },
  { email: "admin@granskad.local", password: "granskad-admin", role: "ADMIN", name: "Agnes Administratör", title: "Systemadministratör", specialty: "Förvaltning" },
];

export type SeedEntry = { kind: "user" | "riskList" | "glossaryTerm" | "article"; name: string };
export type SeedSummary = { created: SeedEntry[]; skipped: SeedEntry[] };

const transactionOptions = { timeout: 30_000, maxWait: 10_000 };

async function ensureSystemUser(db: Db, user: SystemUser, summary: SeedSummary): Promise<string> {
  const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (existing) {
    summary.skipped.push({ kind: "user", name: user.email });
    return existing.id;
  }
  await db.user.create({ data: { ...user, roles: [], passwordHash: null } });
  summary.created.push({ kind: "user", name: user.email });
  return user.id;
}

async function ensureDemoUser(db: Db, user: DemoUser, summary: SeedSummary): Promise<void> {
  const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (existing) {
    summary.skipped.push({ kind: "user", name: user.email });
    return;
  }
  const passwordHash = await hashPassword(user.password);
  await db.$transaction(async (tx) => {
    const id = seedUuid(`user/${user.email}`);
    await tx.user.create({
      data: { id, email: user.email, name: user.name, title: user.title, specialty: user.specialty, roles: [user.role], clinician: user.role === "REVIEWER", passwordHash },
    });
    await recordAuditEvent(tx, { actorId: null, action: "user.seeded", entityType: "user", entityId: id, data: { email: user.email, roles: [user.role], demo: true } });
  });
  summary.created.push({ kind: "user", name: user.email });
}

type Reviewer = { id: string; name: string; title: string; specialty: string };

/**
 * Turns the version, created as a DRAFT with its content written, into published version 1: the
 * database accepts content rows only while a version is a draft, and an approval only with a hash.
 */
async function publishSeedVersion(tx: DbTx, versionId: string, hash: string, authorId: string, reviewer: Reviewer): Promise<void> {
  await tx.versionAuthor.create({ data: { versionId, userId: authorId } });
  await tx.contentVersion.update({
    where: { id: versionId },
    data: {
      status: "PUBLISHED",
      contentHash: hash,
      approvedContentHash: hash,
      submittedAt: seedTimeline.submitted,
      reviewerId: reviewer.id,
      decision: "APPROVE",
      decidedAt: seedTimeline.decided,
      lastReviewedAt: seedTimeline.decided,
      nextReviewDue: seedNextReviewDue,
      publishedAt: seedTimeline.published,
    },
  });
  await tx.reviewDecision.create({
    data: {
      versionId,
      reviewerId: reviewer.id,
      kind: "APPROVE",
      contentHash: hash,
      reviewerName: reviewer.name,
      reviewerTitle: reviewer.title,
      reviewerSpecialty: reviewer.specialty,
      nextReviewDue: seedNextReviewDue,
      createdAt: seedTimeline.decided,
    },
  });
}

function draftVersionData(versionId: string, content: ArticleContent | RiskListContent | GlossaryTermContent, authorId: string) {
  return {
    id: versionId,
    number: 1,
    status: "DRAFT" as const,
    title: content.title,
    summary: "summary" in content ? (content.summary ?? null) : null,
    createdById: authorId,
    createdAt: seedTimeline.created,
    changeNote: seedChangeNote,
    readerNote: seedReaderNote,
  };
}

async function seedRiskList(db: Db, list: SeedRiskList, authorId: string, reviewer: Reviewer): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.riskList.create({ data: { id: list.id, slug: list.slug, locale: seedLocale, ownerId: authorId } });
    await tx.contentVersion.create({ data: { ...draftVersionData(list.versionId, list.content, authorId), riskListId: list.id } });
    const stored = await writeDraftContent(tx, list.versionId, list.content);
    const hash = contentHash(stored);
    await publishSeedVersion(tx, list.versionId, hash, authorId, reviewer);
    await recordAuditEvent(tx, {
      actorId: authorId,
      action: "content.seeded",
      ...auditEntityOf({ kind: "riskList", id: list.id }),
      data: { slug: list.slug, versionId: list.versionId, contentHash: hash },
    });
  }, transactionOptions);
}

async function seedGlossaryTerm(db: Db, term: SeedGlossaryTerm, authorId: string, reviewer: Reviewer): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.glossaryTerm.create({ data: { id: term.id, slug: term.slug, locale: seedLocale, ownerId: authorId } });
    await tx.contentVersion.create({ data: { ...draftVersionData(term.versionId, term.content, authorId), glossaryTermId: term.id } });
    const stored = await writeDraftContent(tx, term.versionId, term.content);
    const hash = contentHash(stored);
    await publishSeedVersion(tx, term.versionId, hash, authorId, reviewer);
    await recordAuditEvent(tx, {
      actorId: authorId,
      action: "content.seeded",
      ...auditEntityOf({ kind: "glossaryTerm", id: term.id }),
      data: { slug: term.slug, versionId: term.versionId, contentHash: hash },
    });
  }, transactionOptions);
}

/** Text whose marked glossary terms point at the rows this database has. */
function withDatabaseTermIds(text: string, databaseId: (seedId: string) => string): string {
  return seedGlossaryTerms.reduce((current, term) => current.replaceAll(glossaryTermHref(term.id), glossaryTermHref(databaseId(term.id))), text);
}

/**
 * The article's content with its references pointed at the rows this database has: a referenced item
 * that existed before the seed ran keeps its own id, and the seed does not create a duplicate of it.
 */
function withDatabaseIds(content: ArticleContent, idsBySeedId: ReadonlyMap<string, string>): ArticleContent {
  const databaseId = (seedId: string) => idsBySeedId.get(seedId) ?? seedId;
  return {
    ...content,
    blocks: content.blocks.map((block) => {
      if (block.type === "RISK_LIST") return { ...block, riskListId: databaseId(block.riskListId) };
      if (block.type === "PROCEDURE") return { ...block, procedureArticleId: databaseId(block.procedureArticleId) };
      if (block.type === "PARAGRAPH" || block.type === "CALLOUT") return { ...block, text: withDatabaseTermIds(block.text, databaseId) };
      return block;
    }),
  };
}

async function seedArticle(db: Db, item: SeedArticle, content: ArticleContent, authorId: string, reviewer: Reviewer): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.article.create({ data: { id: item.id, slug: item.slug, locale: seedLocale, kind: item.kind, ownerId: authorId } });
    await tx.contentVersion.create({ data: { ...draftVersionData(item.versionId, content, authorId), articleId: item.id } });
    const stored = await writeDraftContent(tx, item.versionId, content);
    const hash = contentHash(stored);
    await publishSeedVersion(tx, item.versionId, hash, authorId, reviewer);
    await recordAuditEvent(tx, {
      actorId: authorId,
      action: "content.seeded",
      ...auditEntityOf({ kind: "article", id: item.id }),
      data: { slug: item.slug, kind: item.kind, versionId: item.versionId, contentHash: hash },
    });
  }, transactionOptions);
}

export async function seedDatabase(db: Db, options: { demoUsers: boolean }): Promise<SeedSummary> {
  const summary: SeedSummary = { created: [], skipped: [] };
  const authorId = await ensureSystemUser(db, seedAuthor, summary);
  const reviewerId = await ensureSystemUser(db, seedReviewer, summary);
  // The snapshot on the decision is what the reviewer's record says now (an admin may have edited it).
  const reviewer = await db.user.findUniqueOrThrow({ where: { id: reviewerId }, select: { id: true, name: true, title: true, specialty: true } });

  const idsBySeedId = new Map<string, string>();
  for (const list of seedRiskLists) {
    const existing = await db.riskList.findUnique({ where: { slug_locale: { slug: list.slug, locale: seedLocale } }, select: { id: true } });
    if (existing) {
      idsBySeedId.set(list.id, existing.id);
      summary.skipped.push({ kind: "riskList", name: list.slug });
      continue;
    }
    await seedRiskList(db, list, authorId, reviewer);
    summary.created.push({ kind: "riskList", name: list.slug });
  }

  for (const term of seedGlossaryTerms) {
    const existing = await db.glossaryTerm.findUnique({ where: { slug_locale: { slug: term.slug, locale: seedLocale } }, select: { id: true } });
    if (existing) {
      idsBySeedId.set(term.id, existing.id);
      summary.skipped.push({ kind: "glossaryTerm", name: term.slug });
      continue;
    }
    await seedGlossaryTerm(db, term, authorId, reviewer);
    summary.created.push({ kind: "glossaryTerm", name: term.slug });
  }

  for (const item of seedArticles) {
    const existing = await db.article.findUnique({ where: { slug_locale: { slug: item.slug, locale: seedLocale } }, select: { id: true } });
    if (existing) {
      idsBySeedId.set(item.id, existing.id);
      summary.skipped.push({ kind: "article", name: item.slug });
      continue;
    }
    await seedArticle(db, item, withDatabaseIds(item.content, idsBySeedId), authorId, reviewer);
    summary.created.push({ kind: "article", name: item.slug });
  }

  if (options.demoUsers) {
    for (const user of demoUsers) await ensureDemoUser(db, user, summary);
  }
  return summary;
}
