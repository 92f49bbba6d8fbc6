import type { Db, DbTx } from "@/lib/db/client";
import type { ContentVersion, VersionStatus } from "@/lib/db/generated/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { writeDraftContent } from "@/lib/content/version-content";
import { unknownReferenceErrors } from "@/lib/content/content-references";
import { articleContentSchema, riskListContentSchema, type ArticleContent, type RiskListContent } from "@/lib/content/content-schemas";
import { fail, fieldErrorsOf, ok, type DomainFailure, type DomainResult } from "@/lib/errors/domain-result";
import { checkTransition } from "./version-workflow";
import { auditEntityOf, isAuthorOf, itemWhere, lockVersionFor, readVersionContent, type ItemRef, type WorkflowActor } from "./versioned-item";

const openStatuses = ["DRAFT", "IN_REVIEW", "APPROVED"] as const;
const approvedStatuses: readonly VersionStatus[] = ["APPROVED", "PUBLISHED", "SUPERSEDED", "UNPUBLISHED"];

/**
 * Opens the draft an editor works in. If the item already has a draft, that draft is returned (two
 * editors share it; their saves are guarded by revisions). Otherwise a new version is created from
 * `fromVersionId` (restore, or revise after changes were requested) or from the latest version.
 * An item with a version in review or approved-but-unpublished takes no new draft until that is decided.
 */
export async function startDraft(
  db: Db,
  actor: WorkflowActor & { id: string },
  item: ItemRef,
  fromVersionId?: string,
): Promise<DomainResult<ContentVersion>> {
  return db.$transaction(async (tx) => {
    const open = await tx.contentVersion.findFirst({ where: { ...itemWhere(item), status: { in: [...openStatuses] } } });
    if (open?.status === "DRAFT" && !fromVersionId) {
      const check = checkTransition("editDraft", open, actor, false);
      return check.allowed ? ok(open) : fail({ kind: check.reason, message: check.message });
    }
    if (open) {
      return fail({ kind: "conflict", message: `Det finns redan en version ${open.number} med status ${open.status}; avgör den först` });
    }
    const base = fromVersionId
      ? await tx.contentVersion.findFirst({ where: { id: fromVersionId, ...itemWhere(item) } })
      : await tx.contentVersion.findFirst({ where: itemWhere(item), orderBy: { number: "desc" } });
    if (!base) return fail({ kind: "not_found", message: "Versionen finns inte" });
    const check = checkTransition("startDraftFrom", base, actor, await isAuthorOf(tx, base.id, actor.id));
    if (!check.allowed) return fail({ kind: check.reason, message: check.message });

    const latest = await tx.contentVersion.aggregate({ where: itemWhere(item), _max: { number: true } });
    const draft = await tx.contentVersion.create({
      data: {
        ...itemWhere(item),
        number: (latest._max.number ?? 0) + 1,
        status: "DRAFT",
        title: base.title,
        summary: base.summary,
        createdById: actor.id,
        basedOnId: base.id,
      },
    });
    await addAuthor(tx, draft.id, actor.id);
    // Unapproved text carried over keeps its authors: whoever wrote any part of a version may not approve it.
    if (!approvedStatuses.includes(base.status)) {
      const carried = await tx.versionAuthor.findMany({ where: { versionId: base.id }, select: { userId: true } });
      for (const { userId } of carried) await addAuthor(tx, draft.id, userId);
    }
    await writeDraftContent(tx, draft.id, await readVersionContent(tx, base));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: fromVersionId ? "version.restored" : "version.draft_started",
      ...auditEntityOf(item),
      data: { versionId: draft.id, number: draft.number, basedOn: base.number },
    });
    return ok(await tx.contentVersion.findUniqueOrThrow({ where: { id: draft.id } }));
  });
}

/** The text stored since the refused save's base revision, and the name of who saved it (null: nobody yet). */
export type StaleDraft = { revision: number; content: ArticleContent | RiskListContent; updatedAt: Date; savedBy: string | null };
export type SaveDraftResult =
  | { ok: true; value: { revision: number; updatedAt: Date } }
  | { ok: false; failure: DomainFailure; stale?: StaleDraft };

/**
 * Saves a draft's whole content, if and only if nobody saved it since `baseRevision`. A stale save is
 * refused with the text now stored and who saved it, so the editor can keep theirs, take the other or
 * merge; nothing is overwritten silently. Whoever saves becomes an author of the version (and so can never approve it).
 */
export async function saveDraft(
  db: Db,
  actor: WorkflowActor & { id: string },
  input: { versionId: string; baseRevision: number; content: ArticleContent | RiskListContent },
): Promise<SaveDraftResult> {
  return db.$transaction(async (tx) => {
    const locked = await lockVersionFor(tx, input.versionId, "editDraft", actor);
    if (!locked.ok) return locked;
    const version = locked.value;
    if (version.revision !== input.baseRevision) {
      return {
        ok: false,
        failure: { kind: "conflict", message: "Någon annan har sparat utkastet sedan du öppnade det" },
        stale: {
          revision: version.revision,
          content: await readVersionContent(tx, version),
          updatedAt: version.updatedAt,
          savedBy: version.savedById ? ((await tx.user.findUnique({ where: { id: version.savedById }, select: { name: true } }))?.name ?? null) : null,
        },
      };
    }
    const parsed = (version.articleId ? articleContentSchema : riskListContentSchema).safeParse(input.content);
    if (!parsed.success) {
      return { ok: false, failure: { kind: "invalid", message: "Innehållet är ogiltigt", fieldErrors: fieldErrorsOf(parsed.error) } };
    }
    const unknownReferences = "blocks" in parsed.data ? await unknownReferenceErrors(tx, parsed.data) : {};
    if (Object.keys(unknownReferences).length > 0) {
      return { ok: false, failure: { kind: "invalid", message: "Innehållet är ogiltigt", fieldErrors: unknownReferences } };
    }
    await writeDraftContent(tx, version.id, parsed.data);
    const saved = await tx.contentVersion.update({ where: { id: version.id }, data: { revision: { increment: 1 }, savedById: actor.id } });
    await addAuthor(tx, version.id, actor.id);
    return { ok: true, value: { revision: saved.revision, updatedAt: saved.updatedAt } };
  });
}

async function addAuthor(tx: DbTx, versionId: string, userId: string): Promise<void> {
  await tx.versionAuthor.upsert({ where: { versionId_userId: { versionId, userId } }, create: { versionId, userId }, update: {} });
}
