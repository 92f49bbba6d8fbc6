import crypto from "node:crypto";
import { z } from "zod";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { BlockType } from "@/lib/db/generated/enums";
import {
  articleContentSchema,
  glossaryTermContentSchema,
  riskListContentSchema,
  type ArticleBlock,
  type ArticleContent,
  type GlossaryTermContent,
  type ProcedureFacts,
  type RiskListContent,
} from "./content-schemas";

/**
 * The one mapping between content objects (lib/content/content-schemas.ts) and rows. A version's
 * title and summary live on ContentVersion; an article's body is ArticleBlock rows (fields of the block
 * type in `data`, references in their foreign-key columns, procedure facts in ProcedureFacts); a risk
 * list is RiskGroup and RiskItem rows. Reading back what was written gives the same object, so the
 * content hash of a frozen version can always be recomputed from its rows.
 */

export class VersionContentError extends Error {
  override name = "VersionContentError";
}

type BlockRow = {
  type: BlockType;
  data: Prisma.InputJsonObject;
  riskListId: string | null;
  procedureArticleId: string | null;
  facts: ProcedureFacts | null;
};

/** Omits undefined optional fields, which JSON would drop anyway, so `data` holds exactly what is set. */
function definedFields(fields: Record<string, Prisma.InputJsonValue | undefined>): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Prisma.InputJsonObject;
}

function toBlockRow(block: ArticleBlock): BlockRow {
  const row = { type: block.type, riskListId: null, procedureArticleId: null, facts: null };
  switch (block.type) {
    case "HEADING":
      return { ...row, data: { text: block.text, level: block.level } };
    case "PARAGRAPH":
      return { ...row, data: { text: block.text } };
    case "BULLET_LIST":
      return { ...row, data: definedFields({ intro: block.intro, items: block.items }) };
    case "CALLOUT":
      return { ...row, data: definedFields({ tone: block.tone, title: block.title, text: block.text }) };
    case "PROCEDURE_FACTS":
      return { ...row, data: {}, facts: block.facts };
    case "RISK_LIST":
      return { ...row, data: {}, riskListId: block.riskListId };
    case "PROCEDURE":
      return { ...row, data: {}, procedureArticleId: block.procedureArticleId };
    case "KEY_TAKEAWAYS":
      return { ...row, data: definedFields({ title: block.title, items: block.items }) };
    case "REFERENCES":
      return {
        ...row,
        data: definedFields({ title: block.title, items: block.items.map((item) => definedFields({ title: item.title, url: item.url })) }),
      };
  }
}

type StoredFacts = {
  medications: ProcedureFacts["medications"];
  medicationNote: string | null;
  imaging: ProcedureFacts["imaging"];
  imagingNote: string | null;
  indications: string[];
  reliefDuration: string | null;
  precautions: string[];
  contraindications: string[];
};

function factsFromRow(row: StoredFacts): ProcedureFacts {
  return {
    medications: row.medications,
    ...(row.medicationNote === null ? {} : { medicationNote: row.medicationNote }),
    imaging: row.imaging,
    ...(row.imagingNote === null ? {} : { imagingNote: row.imagingNote }),
    indications: row.indications,
    ...(row.reliefDuration === null ? {} : { reliefDuration: row.reliefDuration }),
    precautions: row.precautions,
    contraindications: row.contraindications,
  };
}

/** Rows that do not form valid content mean the database was changed behind the application's back. */
function validStoredContent<T>(schema: z.ZodType<T>, versionId: string, stored: unknown): T {
  const parsed = schema.safeParse(stored);
  if (!parsed.success) throw new VersionContentError(`stored content of version ${versionId} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function draftVersionOwner(tx: DbTx, versionId: string): Promise<"article" | "riskList" | "glossaryTerm"> {
  const version = await tx.contentVersion.findUnique({ where: { id: versionId }, select: { status: true, articleId: true, glossaryTermId: true } });
  if (!version) throw new VersionContentError(`version ${versionId} does not exist`);
  if (version.status !== "DRAFT") throw new VersionContentError(`version ${versionId} is ${version.status}; only a draft's content can change`);
  return version.articleId !== null ? "article" : version.glossaryTermId !== null ? "glossaryTerm" : "riskList";
}

/**
 * Replaces the whole content of a DRAFT version (title, summary and every block, facts, group and item)
 * inside the caller's transaction. The content is validated first, so invalid input writes nothing.
 * Returns the content as stored (validated and normalised): hash this, not the input.
 */
export async function writeDraftContent(tx: DbTx, versionId: string, content: ArticleContent): Promise<ArticleContent>;
export async function writeDraftContent(tx: DbTx, versionId: string, content: RiskListContent): Promise<RiskListContent>;
export async function writeDraftContent(tx: DbTx, versionId: string, content: GlossaryTermContent): Promise<GlossaryTermContent>;
export async function writeDraftContent(
  tx: DbTx,
  versionId: string,
  content: ArticleContent | RiskListContent | GlossaryTermContent,
): Promise<ArticleContent | RiskListContent | GlossaryTermContent>;
export async function writeDraftContent(
  tx: DbTx,
  versionId: string,
  content: ArticleContent | RiskListContent | GlossaryTermContent,
): Promise<ArticleContent | RiskListContent | GlossaryTermContent> {
  const owner = await draftVersionOwner(tx, versionId);
  if ("explanation" in content) {
    if (owner !== "glossaryTerm") throw new VersionContentError(`version ${versionId} does not belong to a glossary term`);
    const term = glossaryTermContentSchema.parse(content);
    await tx.contentVersion.update({ where: { id: versionId }, data: { title: term.title, summary: null } });
    await tx.glossaryEntry.upsert({
      where: { versionId },
      create: { versionId, explanation: term.explanation, forms: term.forms },
      update: { explanation: term.explanation, forms: term.forms },
    });
    return term;
  }
  if ("blocks" in content) {
    if (owner !== "article") throw new VersionContentError(`version ${versionId} belongs to a risk list, not an article`);
    const article = articleContentSchema.parse(content);
    await writeArticleRows(tx, versionId, article);
    return article;
  }
  if (owner !== "riskList") throw new VersionContentError(`version ${versionId} does not belong to a risk list`);
  const riskList = riskListContentSchema.parse(content);
  await writeRiskListRows(tx, versionId, riskList);
  return riskList;
}

/**
 * The rows that store an article version's body: blocks in order, and the procedure facts of its facts
 * block. Ids are made here so that blocks and their facts are two inserts, not one round trip per block
 * (and so that loading many versions at once, as the benchmark corpus does, stays two inserts).
 */
export function articleContentRows(versionId: string, content: ArticleContent) {
  const rows = content.blocks.map((block, position) => ({ id: crypto.randomUUID(), key: block.key, position, ...toBlockRow(block) }));
  return {
    blocks: rows.map(({ id, key, position, type, data, riskListId, procedureArticleId }) => ({
      id,
      versionId,
      key,
      position,
      type,
      data,
      riskListId,
      procedureArticleId,
    })) satisfies Prisma.ArticleBlockCreateManyInput[],
    facts: rows.flatMap(({ id, facts }) =>
      facts
        ? [
            {
              blockId: id,
              medications: facts.medications,
              medicationNote: facts.medicationNote ?? null,
              imaging: facts.imaging,
              imagingNote: facts.imagingNote ?? null,
              indications: facts.indications,
              reliefDuration: facts.reliefDuration ?? null,
              precautions: facts.precautions,
              contraindications: facts.contraindications,
            },
          ]
        : [],
    ) satisfies Prisma.ProcedureFactsCreateManyInput[],
  };
}

/** The rows that store a risk-list version: its groups in order and their items in order. */
export function riskListContentRows(versionId: string, content: RiskListContent) {
  const groups = content.groups.map((group, position) => ({ id: crypto.randomUUID(), position, group }));
  return {
    groups: groups.map(({ id, position, group }) => ({
      id,
      versionId,
      position,
      key: group.key,
      title: group.title ?? null,
    })) satisfies Prisma.RiskGroupCreateManyInput[],
    items: groups.flatMap(({ id, group }) =>
      group.items.map((item, position) => ({
        groupId: id,
        key: item.key,
        position,
        text: item.text,
        severity: item.severity,
        frequency: item.frequency,
        temporary: item.temporary,
      })),
    ) satisfies Prisma.RiskItemCreateManyInput[],
  };
}

async function writeArticleRows(tx: DbTx, versionId: string, content: ArticleContent): Promise<void> {
  await tx.contentVersion.update({ where: { id: versionId }, data: { title: content.title, summary: content.summary ?? null } });
  // Facts rows go with their blocks (ON DELETE CASCADE).
  await tx.articleBlock.deleteMany({ where: { versionId } });
  const rows = articleContentRows(versionId, content);
  if (rows.blocks.length > 0) await tx.articleBlock.createMany({ data: rows.blocks });
  if (rows.facts.length > 0) await tx.procedureFacts.createMany({ data: rows.facts });
}

async function writeRiskListRows(tx: DbTx, versionId: string, content: RiskListContent): Promise<void> {
  await tx.contentVersion.update({ where: { id: versionId }, data: { title: content.title, summary: content.summary ?? null } });
  // Items go with their groups (ON DELETE CASCADE).
  await tx.riskGroup.deleteMany({ where: { versionId } });
  const rows = riskListContentRows(versionId, content);
  await tx.riskGroup.createMany({ data: rows.groups });
  await tx.riskItem.createMany({ data: rows.items });
}

/**
 * What an article version's content is read from; a read that needs more of the version (its review
 * metadata, its article) selects this beside it, so the version and its content are one query.
 */
export const articleContentSelect = {
  articleId: true,
  title: true,
  summary: true,
  blocks: { orderBy: { position: "asc" }, include: { procedureFacts: true } },
} satisfies Prisma.ContentVersionSelect;

type ArticleContentRow = Prisma.ContentVersionGetPayload<{ select: typeof articleContentSelect }>;

/** The content of an article version from its rows read with articleContentSelect, blocks in order. */
export function articleContentOf(versionId: string, version: ArticleContentRow): ArticleContent {
  if (version.articleId === null) throw new VersionContentError(`version ${versionId} belongs to a risk list, not an article`);
  const blocks = version.blocks.map((row) => ({
    ...(row.data as Prisma.JsonObject),
    key: row.key,
    type: row.type,
    ...(row.riskListId === null ? {} : { riskListId: row.riskListId }),
    ...(row.procedureArticleId === null ? {} : { procedureArticleId: row.procedureArticleId }),
    ...(row.procedureFacts === null ? {} : { facts: factsFromRow(row.procedureFacts) }),
  }));
  return validStoredContent(articleContentSchema, versionId, {
    title: version.title,
    ...(version.summary === null ? {} : { summary: version.summary }),
    blocks,
  });
}

/** The content of an article version, blocks in order. */
export async function readArticleContent(tx: DbTx, versionId: string): Promise<ArticleContent> {
  const version = await tx.contentVersion.findUnique({ where: { id: versionId }, select: articleContentSelect });
  if (!version) throw new VersionContentError(`version ${versionId} does not exist`);
  return articleContentOf(versionId, version);
}

/** What a risk-list version's content is read from (as articleContentSelect for articles). */
export const riskListContentSelect = {
  riskListId: true,
  title: true,
  summary: true,
  riskGroups: { orderBy: { position: "asc" }, include: { items: { orderBy: { position: "asc" } } } },
} satisfies Prisma.ContentVersionSelect;

type RiskListContentRow = Prisma.ContentVersionGetPayload<{ select: typeof riskListContentSelect }>;

/** The content of a risk-list version from its rows read with riskListContentSelect, groups and items in order. */
export function riskListContentOf(versionId: string, version: RiskListContentRow): RiskListContent {
  if (version.riskListId === null) throw new VersionContentError(`version ${versionId} belongs to an article, not a risk list`);
  return validStoredContent(riskListContentSchema, versionId, {
    title: version.title,
    ...(version.summary === null ? {} : { summary: version.summary }),
    groups: version.riskGroups.map((group) => ({
      key: group.key,
      ...(group.title === null ? {} : { title: group.title }),
      items: group.items.map((item) => ({
        key: item.key,
        text: item.text,
        severity: item.severity,
        frequency: item.frequency,
        temporary: item.temporary,
      })),
    })),
  });
}

/** The content of a risk-list version, groups and items in order. */
export async function readRiskListContent(tx: DbTx, versionId: string): Promise<RiskListContent> {
  const version = await tx.contentVersion.findUnique({ where: { id: versionId }, select: riskListContentSelect });
  if (!version) throw new VersionContentError(`version ${versionId} does not exist`);
  return riskListContentOf(versionId, version);
}

/** What a glossary version's content is read from (as articleContentSelect for articles). */
export const glossaryTermContentSelect = { glossaryTermId: true, title: true, glossaryEntry: true } satisfies Prisma.ContentVersionSelect;

type GlossaryTermContentRow = Prisma.ContentVersionGetPayload<{ select: typeof glossaryTermContentSelect }>;

/** The content of a glossary version from its rows read with glossaryTermContentSelect. */
export function glossaryTermContentOf(versionId: string, version: GlossaryTermContentRow): GlossaryTermContent {
  if (version.glossaryTermId === null) throw new VersionContentError(`version ${versionId} does not belong to a glossary term`);
  return validStoredContent(glossaryTermContentSchema, versionId, {
    title: version.title,
    forms: version.glossaryEntry?.forms ?? [],
    explanation: version.glossaryEntry?.explanation ?? "",
  });
}

/** The content of a glossary version: its term (the title), forms and explanation. */
export async function readGlossaryTermContent(tx: DbTx, versionId: string): Promise<GlossaryTermContent> {
  const version = await tx.contentVersion.findUnique({ where: { id: versionId }, select: glossaryTermContentSelect });
  if (!version) throw new VersionContentError(`version ${versionId} does not exist`);
  return glossaryTermContentOf(versionId, version);
}
