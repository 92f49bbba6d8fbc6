import type { Db, DbTx } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { writeDraftContent } from "@/lib/content/version-content";
import { fail, ok, type DomainFailure } from "@/lib/errors/domain-result";
import type { EmitEvent } from "@/lib/events/unit-of-work";
import { commitWithEvents, type Refusal } from "@/lib/events/unit-of-work";
import { auditEntityOf, itemColumn, type Item } from "@/lib/items/item";
import type { CreateArticleInput, CreateRiskListInput } from "./create-item-schemas";
import { checkMayOwn } from "./item-owner";
import type { WorkflowActor } from "./version-workflow";

export type CreatedItem = { itemId: string; versionId: string };
type SignedInActor = WorkflowActor & { id: string };

const locale = "sv";
const slugTaken = {
  ok: false,
  failure: {
    kind: "invalid",
    message: "Adressen används redan",
    fieldErrors: { slug: ["Adressen används redan av en annan artikel eller risklista av samma slag"] },
  },
} as const satisfies { ok: false; failure: DomainFailure };

function mayCreate(actor: WorkflowActor): boolean {
  return actor.roles.includes("EDITOR");
}

/** Postgres unique violation (SQLSTATE 23505), however Prisma's adapter wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${"code" in error ? String(error.code) : ""}` : "";
  return /P2002|23505|Unique constraint/i.test(text);
}

/** Version 1 of a new item, a draft authored by its creator, audited and announced. */
async function createFirstDraft(tx: DbTx, emit: EmitEvent, actor: SignedInActor, item: Item, title: string, audited: Record<string, string>) {
  const version = await tx.contentVersion.create({ data: { ...itemColumn(item), number: 1, status: "DRAFT", title, createdById: actor.id } });
  await tx.versionAuthor.create({ data: { versionId: version.id, userId: actor.id } });
  await recordAuditEvent(tx, { actorId: actor.id, action: "item.created", ...auditEntityOf(item), data: { ...audited, versionId: version.id } });
  emit({ type: "item.created", item, version: { id: version.id, number: version.number }, actorId: actor.id, occurredAt: version.createdAt });
  return version;
}

/** The new item's owner: the one chosen, who must be allowed to own it, or the creator. */
async function ownerOfNewItem(tx: DbTx, actor: SignedInActor, ownerId: string | undefined): Promise<{ ownerId: string } | { ok: false; failure: DomainFailure }> {
  const chosen = ownerId ?? actor.id;
  const refusal = await checkMayOwn(tx, chosen);
  return refusal ? { ok: false, failure: refusal } : { ownerId: chosen };
}

/** A slug is unique per kind and locale; two editors creating the same one at once: the second loses at the unique index. */
async function refusingTakenSlug<T>(create: () => Promise<T>): Promise<T | typeof slugTaken> {
  try {
    return await create();
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken;
    throw error;
  }
}

/**
 * Creates an article with its first draft (version 1: the title and no blocks yet), audited, in one
 * transaction. A slug already used in the locale is a field error on the slug, never a half-created item.
 */
export function createArticle(db: Db, actor: SignedInActor, input: CreateArticleInput) {
  if (!mayCreate(actor)) return Promise.resolve(fail({ kind: "forbidden", message: "Bara en redaktör kan skapa nytt innehåll." }));
  const { slug, kind, title } = input;
  return refusingTakenSlug(() =>
    commitWithEvents<CreatedItem, Refusal>(db, async (tx, emit) => {
      if (await tx.article.findUnique({ where: { slug_locale: { slug, locale } } })) return slugTaken;
      const owner = await ownerOfNewItem(tx, actor, input.ownerId);
      if ("failure" in owner) return owner;
      const article = await tx.article.create({ data: { slug, locale, kind, ownerId: owner.ownerId } });
      const version = await createFirstDraft(tx, emit, actor, { kind: "article", id: article.id }, title, { slug, kind });
      await writeDraftContent(tx, version.id, { title, blocks: [] });
      return ok({ itemId: article.id, versionId: version.id });
    }),
  );
}

/** Creates a risk list with its first draft (version 1: the title and one group holding the first risk). */
export function createRiskList(db: Db, actor: SignedInActor, input: CreateRiskListInput) {
  if (!mayCreate(actor)) return Promise.resolve(fail({ kind: "forbidden", message: "Bara en redaktör kan skapa nytt innehåll." }));
  const { slug, title, firstRisk } = input;
  return refusingTakenSlug(() =>
    commitWithEvents<CreatedItem, Refusal>(db, async (tx, emit) => {
      if (await tx.riskList.findUnique({ where: { slug_locale: { slug, locale } } })) return slugTaken;
      const owner = await ownerOfNewItem(tx, actor, input.ownerId);
      if ("failure" in owner) return owner;
      const riskList = await tx.riskList.create({ data: { slug, locale, ownerId: owner.ownerId } });
      const version = await createFirstDraft(tx, emit, actor, { kind: "riskList", id: riskList.id }, title, { slug });
      await writeDraftContent(tx, version.id, { title, groups: [{ key: crypto.randomUUID(), items: [{ key: crypto.randomUUID(), ...firstRisk }] }] });
      return ok({ itemId: riskList.id, versionId: version.id });
    }),
  );
}
