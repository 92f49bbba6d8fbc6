import { z } from "zod";
import type { AuditEntityType } from "@/lib/audit/record-audit-event";
import type { DbTx } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";

/**
 * The reviewed things Granskad publishes, each with its own versions and review lifecycle: articles
 * (overviews and procedures) and the risk lists they reuse. Everything that differs between the kinds,
 * apart from their content (lib/content/item-content.ts) and their Swedish names (lib/labels/sv.ts), is a
 * row of this table. A new kind (a glossary term is planned) is a row here, its content module, its names
 * and a migration (its column on ContentVersion, and the one-published/one-in-progress indexes); the
 * types make every table that lacks it a compile error.
 */
export const itemKinds = {
  article: {
    /** The ContentVersion column, and the relation named like the kind, that tie a version to the item. */
    versionColumn: "articleId",
    auditEntityType: "article",
    /** How the feed, the API and webhook bodies name the kind. */
    externalType: "article",
    /** /admin/artiklar/<id>, /artiklar/<slug>, /api/v1/articles/<slug>. */
    adminSegment: "artiklar",
    publicSegment: "artiklar",
    apiSegment: "articles",
    /** Whether webhook bodies carry the reader's page (`urls.page`); see README, Webhooks. */
    webhookPage: true,
    slugOf: async (tx: DbTx, id: string) => (await tx.article.findUnique({ where: { id }, select: { slug: true } }))?.slug ?? null,
    /** The item's review cycle in months (null: no such item), and setting it. */
    reviewIntervalOf: async (tx: DbTx, id: string) => (await tx.article.findUnique({ where: { id }, select: { reviewIntervalMonths: true } }))?.reviewIntervalMonths ?? null,
    setReviewInterval: async (tx: DbTx, id: string, months: number) => {
      await tx.article.update({ where: { id }, data: { reviewIntervalMonths: months } });
    },
  },
  riskList: {
    versionColumn: "riskListId",
    auditEntityType: "risk_list",
    externalType: "risk_list",
    adminSegment: "risklistor",
    publicSegment: "risklistor",
    apiSegment: "risk-lists",
    webhookPage: false,
    slugOf: async (tx: DbTx, id: string) => (await tx.riskList.findUnique({ where: { id }, select: { slug: true } }))?.slug ?? null,
    /** The item's review cycle in months (null: no such item), and setting it. */
    reviewIntervalOf: async (tx: DbTx, id: string) => (await tx.riskList.findUnique({ where: { id }, select: { reviewIntervalMonths: true } }))?.reviewIntervalMonths ?? null,
    setReviewInterval: async (tx: DbTx, id: string, months: number) => {
      await tx.riskList.update({ where: { id }, data: { reviewIntervalMonths: months } });
    },
  },
  /** One medical term explained in plain Swedish (README, "Glossary"); shown on the pages that mark it. */
  glossaryTerm: {
    versionColumn: "glossaryTermId",
    auditEntityType: "glossary_term",
    externalType: "glossary_term",
    adminSegment: "ordlista",
    publicSegment: "ordlista",
    apiSegment: "glossary",
    webhookPage: false,
    slugOf: async (tx: DbTx, id: string) => (await tx.glossaryTerm.findUnique({ where: { id }, select: { slug: true } }))?.slug ?? null,
    /** The item's review cycle in months (null: no such item), and setting it. */
    reviewIntervalOf: async (tx: DbTx, id: string) => (await tx.glossaryTerm.findUnique({ where: { id }, select: { reviewIntervalMonths: true } }))?.reviewIntervalMonths ?? null,
    setReviewInterval: async (tx: DbTx, id: string, months: number) => {
      await tx.glossaryTerm.update({ where: { id }, data: { reviewIntervalMonths: months } });
    },
  },
} as const satisfies Record<
  string,
  {
    versionColumn: keyof ContentVersion;
    auditEntityType: AuditEntityType;
    externalType: string;
    adminSegment: string;
    publicSegment: string;
    apiSegment: string;
    webhookPage: boolean;
    slugOf: (tx: DbTx, id: string) => Promise<string | null>;
    reviewIntervalOf: (tx: DbTx, id: string) => Promise<number | null>;
    setReviewInterval: (tx: DbTx, id: string, months: number) => Promise<void>;
  }
>;

export type ItemKind = keyof typeof itemKinds;
type VersionColumn = (typeof itemKinds)[ItemKind]["versionColumn"];
export const itemKindNames = Object.keys(itemKinds) as ItemKind[];

/** One article or risk list: the one way code names an item, in memory, in forms and in events. */
export type Item = { kind: ItemKind; id: string };

export const itemSchema = z.object({ kind: z.enum(itemKindNames), id: z.uuid("Okänt innehåll") });

/** The item a version belongs to (exactly one column is set; the database checks it). */
export function itemOfVersion(version: Pick<ContentVersion, VersionColumn>): Item {
  for (const kind of itemKindNames) {
    const id = version[itemKinds[kind].versionColumn];
    if (id) return { kind, id };
  }
  throw new Error("a version without an item: the database's one-owner check was bypassed");
}

/**
 * The ContentVersion column that ties versions to `item`, with its id: a filter for the item's versions
 * (`where: { ...itemColumn(item), status: "PUBLISHED" }`) and the owner of a version being created.
 */
export function itemColumn(item: Item): Partial<Record<VersionColumn, string>> {
  return { [itemKinds[item.kind].versionColumn]: item.id };
}

export function sameItem(a: Item, b: Item): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** What an audit event about the item names. */
export function auditEntityOf(item: Item): { entityType: AuditEntityType; entityId: string } {
  return { entityType: itemKinds[item.kind].auditEntityType, entityId: item.id };
}

/** The item's address (slug), or null when no such item exists. */
export function slugOfItem(tx: DbTx, item: Item): Promise<string | null> {
  return itemKinds[item.kind].slugOf(tx, item.id);
}
