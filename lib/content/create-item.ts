import { z } from "zod";
import type { Db, DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { fail, fieldErrorsOf, ok, type DomainResult } from "@/lib/errors/domain-result";
import { auditEntityOf, itemColumn, type Item } from "@/lib/items/item";
import type { WorkflowActor } from "@/lib/workflow/versioned-item";
import { createArticleSchema, createRiskListSchema } from "./create-item-schemas";
import { writeDraftContent } from "./version-content";

export type CreatedItem = { itemId: string; versionId: string };

const locale = "sv";
const slugTaken = fail<CreatedItem>({
  kind: "invalid",
  message: "Adressen används redan",
  fieldErrors: { slug: ["Adressen används redan av en annan artikel eller risklista av samma slag"] },
});

function parse<T extends z.ZodType>(schema: T, input: unknown): DomainResult<z.infer<T>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail({ kind: "invalid", message: "Kontrollera fälten", fieldErrors: fieldErrorsOf(parsed.error) });
}

function mayCreate(actor: WorkflowActor): boolean {
  return actor.roles.includes("EDITOR");
}

/** Postgres unique violation (SQLSTATE 23505), however Prisma's adapter wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${"code" in error ? String(error.code) : ""}` : "";
  return /P2002|23505|Unique constraint/i.test(text);
}

async function createFirstDraft(tx: DbTx, actorId: string, item: Item, title: string) {
  const version = await tx.contentVersion.create({ data: { ...itemColumn(item), number: 1, status: "DRAFT", title, createdById: actorId } });
  await tx.versionAuthor.create({ data: { versionId: version.id, userId: actorId } });
  return version;
}

/**
 * Creates an article with its first draft (version 1: the title and no blocks yet), audited, in one
 * transaction. A slug already used in the locale is a field error on the slug, never a half-created item.
 */
export async function createArticle(db: Db, actor: WorkflowActor & { id: string }, input: unknown): Promise<DomainResult<CreatedItem>> {
  if (!mayCreate(actor)) return fail({ kind: "forbidden", message: "Åtgärden kräver rollen EDITOR" });
  const parsed = parse(createArticleSchema, input);
  if (!parsed.ok) return parsed;
  const { slug, kind, title } = parsed.value;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.article.findUnique({ where: { slug_locale: { slug, locale } } })) return slugTaken;
      const article = await tx.article.create({ data: { slug, locale, kind } });
      const item = { kind: "article", id: article.id } as const;
      const version = await createFirstDraft(tx, actor.id, item, title);
      await writeDraftContent(tx, version.id, { title, blocks: [] });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "item.created",
        ...auditEntityOf(item),
        data: { slug, kind, versionId: version.id },
      });
      return ok({ itemId: article.id, versionId: version.id });
    });
  } catch (error) {
    // Two editors creating the same slug at once: the second loses at the unique index.
    if (isUniqueViolation(error)) return slugTaken;
    throw error;
  }
}

/** Creates a risk list with its first draft (version 1: the title and one group holding the first risk). */
export async function createRiskList(db: Db, actor: WorkflowActor & { id: string }, input: unknown): Promise<DomainResult<CreatedItem>> {
  if (!mayCreate(actor)) return fail({ kind: "forbidden", message: "Åtgärden kräver rollen EDITOR" });
  const parsed = parse(createRiskListSchema, input);
  if (!parsed.ok) return parsed;
  const { slug, title, firstRisk } = parsed.value;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.riskList.findUnique({ where: { slug_locale: { slug, locale } } })) return slugTaken;
      const riskList = await tx.riskList.create({ data: { slug, locale } });
      const item = { kind: "riskList", id: riskList.id } as const;
      const version = await createFirstDraft(tx, actor.id, item, title);
      await writeDraftContent(tx, version.id, {
        title,
        groups: [{ key: crypto.randomUUID(), items: [{ key: crypto.randomUUID(), ...firstRisk }] }],
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "item.created",
        ...auditEntityOf(item),
        data: { slug, versionId: version.id },
      });
      return ok({ itemId: riskList.id, versionId: version.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken;
    throw error;
  }
}
