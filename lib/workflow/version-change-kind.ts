import type { DbTx } from "@/lib/db/client";
import type { ContentVersion } from "@/lib/db/generated/client";
import { classifyChange, type ChangeClassification } from "@/lib/content/change-kind";
import { readVersionContent, type ItemContent } from "@/lib/content/item-content";
import { itemColumn, itemOfVersion } from "@/lib/items/item";

type VersionRow = Pick<ContentVersion, "id" | "articleId" | "riskListId" | "glossaryTermId">;

/** The item's published version other than this one, and its content: what a change is measured against. */
export async function publishedBaseOf(tx: DbTx, version: VersionRow): Promise<{ id: string; content: ItemContent } | null> {
  const published = await tx.contentVersion.findFirst({
    where: { ...itemColumn(itemOfVersion(version)), status: "PUBLISHED", id: { not: version.id } },
    select: { id: true, articleId: true, riskListId: true, glossaryTermId: true },
  });
  return published ? { id: published.id, content: await readVersionContent(tx, published) } : null;
}

/** What a version's change is against the item's published version now, and which version that is (null: none). */
export async function classifyAgainstPublished(
  tx: DbTx,
  version: VersionRow,
  markedClinical: boolean,
): Promise<{ classification: ChangeClassification; baseId: string | null }> {
  const [base, after] = await Promise.all([publishedBaseOf(tx, version), readVersionContent(tx, version)]);
  return { classification: classifyChange(base?.content ?? null, after, markedClinical), baseId: base?.id ?? null };
}

/**
 * The stored classification with its reasons, as the review screen explains it: against the version the
 * submit compared with (null base: a first version).
 */
export async function explainChangeKind(
  tx: DbTx,
  version: VersionRow & Pick<ContentVersion, "number" | "changeKind" | "changeKindBaseId" | "clinicalMarkedByEditor">,
): Promise<ChangeClassification> {
  if (version.changeKindBaseId === null && version.number > 1 && !(await classifiedAtSubmit(tx, version.id))) {
    // Submitted before changes were classified: clinical by the migration, with no computed reason.
    return { kind: version.changeKind, reasons: [] };
  }
  const base = version.changeKindBaseId ? await tx.contentVersion.findUnique({ where: { id: version.changeKindBaseId }, select: { id: true, articleId: true, riskListId: true, glossaryTermId: true } }) : null;
  const [before, after] = await Promise.all([base ? readVersionContent(tx, base) : Promise.resolve(null), readVersionContent(tx, version)]);
  const computed = classifyChange(before, after, version.clinicalMarkedByEditor);
  // A version from before classification existed is clinical without a computed reason.
  return { kind: version.changeKind, reasons: version.changeKind === computed.kind ? computed.reasons : [] };
}

/** Whether the version's submit recorded a classification (every submit since 20261203100200_clinical_change does). */
async function classifiedAtSubmit(tx: DbTx, versionId: string): Promise<boolean> {
  const submitted = await tx.auditEvent.findFirst({ where: { action: "version.submitted", data: { path: ["versionId"], equals: versionId } }, select: { data: true } });
  const data = submitted?.data;
  return typeof data === "object" && data !== null && !Array.isArray(data) && "changeKind" in data;
}

/**
 * The version readers were last shown, other than by this version's own publish: the published one, or
 * when none is published the one withdrawn last (which may be this version itself).
 */
async function lastShownVersionOf(tx: DbTx, version: VersionRow): Promise<VersionRow | null> {
  const item = itemColumn(itemOfVersion(version));
  const select = { id: true, articleId: true, riskListId: true, glossaryTermId: true } as const;
  const published = await tx.contentVersion.findFirst({ where: { ...item, status: "PUBLISHED", id: { not: version.id } }, select });
  return published ?? (await tx.contentVersion.findFirst({ where: { ...item, status: "UNPUBLISHED" }, orderBy: { unpublishedAt: "desc" }, select }));
}

/**
 * Whether an editorial classification still holds when the version is decided or published: it was made
 * against the version published at submit; if readers have been shown another one since (published, or
 * withdrawn with nothing in its place), the change is measured against that one again. A clinical
 * classification always holds (it is never taken away), and so does republishing the text readers were
 * shown last.
 */
export async function editorialStillHolds(tx: DbTx, version: VersionRow & Pick<ContentVersion, "changeKind" | "changeKindBaseId">): Promise<boolean> {
  if (version.changeKind === "CLINICAL") return true;
  const lastShown = await lastShownVersionOf(tx, version);
  // Readers were never shown anything: a first showing is clinical.
  if (lastShown === null) return false;
  if (lastShown.id === version.id || lastShown.id === version.changeKindBaseId) return true;
  const [before, after] = await Promise.all([readVersionContent(tx, lastShown), readVersionContent(tx, version)]);
  return classifyChange(before, after, false).kind === "EDITORIAL";
}
