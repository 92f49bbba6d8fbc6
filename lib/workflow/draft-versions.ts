import type { Db, DbTx } from "@/lib/db/client";
import type { ContentVersion, VersionStatus } from "@/lib/db/generated/client";
import { unknownReferenceErrors } from "@/lib/content/content-references";
import { readVersionContent, type ItemContent } from "@/lib/content/item-content";
import { writeDraftContent } from "@/lib/content/version-content";
import { fail, invalidInput, ok, type DomainFailure } from "@/lib/errors/domain-result";
import { commitWithEvents } from "@/lib/events/unit-of-work";
import { itemColumn } from "@/lib/items/item";
import type { SaveDraftInput, StartDraftInput } from "./draft-schemas";
import { applyTransition, runTransition, versionReference } from "./transition-runner";
import { checkTransition, type WorkflowActor } from "./version-workflow";

type SignedInActor = WorkflowActor & { id: string };

const openStatuses = ["DRAFT", "IN_REVIEW", "APPROVED"] as const;
const approvedStatuses: readonly VersionStatus[] = ["APPROVED", "PUBLISHED", "SUPERSEDED", "UNPUBLISHED"];

/**
 * Opens the draft an editor works in. If the item already has a draft, that draft is returned (two
 * editors share it; their saves are guarded by revisions). Otherwise a new version is started from
 * `fromVersionId` (restore, or revise after changes were requested) or from the latest version.
 * An item with a version in review or approved-but-unpublished takes no new draft until that is decided.
 */
export function startDraft(db: Db, actor: SignedInActor, input: StartDraftInput) {
  const { item, fromVersionId } = input;
  return commitWithEvents<ContentVersion>(db, async (tx, emit) => {
    const open = await tx.contentVersion.findFirst({ where: { ...itemColumn(item), status: { in: [...openStatuses] } } });
    if (open?.status === "DRAFT" && !fromVersionId) {
      const check = checkTransition("editDraft", open, actor, "independent");
      return check.allowed ? ok(open) : fail({ kind: check.reason, message: check.message });
    }
    if (open) {
      return fail({ kind: "conflict", message: `Det finns redan en version ${open.number} med status ${open.status}; avgör den först` });
    }
    const base = fromVersionId
      ? await tx.contentVersion.findFirst({ where: { id: fromVersionId, ...itemColumn(item) } })
      : await tx.contentVersion.findFirst({ where: itemColumn(item), orderBy: { number: "desc" } });
    if (!base) return fail({ kind: "not_found", message: "Versionen finns inte" });

    return applyTransition(tx, emit, { action: "startDraftFrom", versionId: base.id, actor }, async ({ version, apply, audit, emit }) => {
      const draft = await apply();
      await addAuthor(tx, draft.id, actor.id);
      // Unapproved text carried over keeps its authors: whoever wrote any part of a version may not approve it.
      if (!approvedStatuses.includes(version.status)) {
        const carried = await tx.versionAuthor.findMany({ where: { versionId: version.id }, select: { userId: true } });
        for (const { userId } of carried) await addAuthor(tx, draft.id, userId);
      }
      await writeDraftContent(tx, draft.id, await readVersionContent(tx, version));
      await audit(fromVersionId ? "version.restored" : "version.draft_started", { versionId: draft.id, number: draft.number, basedOn: version.number });
      emit({
        type: "draft.started",
        item,
        version: versionReference(draft),
        basedOn: versionReference(version),
        restored: fromVersionId !== undefined,
        actorId: actor.id,
        occurredAt: draft.createdAt,
      });
      return ok(await tx.contentVersion.findUniqueOrThrow({ where: { id: draft.id } }));
    });
  });
}

/** The text stored since the refused save's base revision, and the name of who saved it (null: nobody yet). */
export type StaleDraft = { revision: number; content: ItemContent; updatedAt: Date; savedBy: string | null };
/** A save refused because someone saved in between, with the text now stored. */
export type StaleDraftRefusal = { ok: false; failure: DomainFailure; stale: StaleDraft };

/**
 * Saves a draft's whole content, if and only if nobody saved it since `baseRevision`. A stale save is
 * refused with the text now stored and who saved it, so the editor can keep theirs, take the other or
 * merge; nothing is overwritten silently. Whoever saves becomes an author of the version (and so can never approve it).
 */
export function saveDraft(db: Db, actor: SignedInActor, input: SaveDraftInput) {
  return runTransition<{ revision: number; updatedAt: Date }, StaleDraftRefusal>(
    db,
    {
      action: "editDraft",
      versionId: input.versionId,
      actor,
      expectedRevision: {
        revision: input.baseRevision,
        refuse: async (tx, current) => ({
          ok: false,
          failure: { kind: "conflict", message: "Någon annan har sparat utkastet sedan du öppnade det" },
          stale: {
            revision: current.revision,
            content: await readVersionContent(tx, current),
            updatedAt: current.updatedAt,
            savedBy: current.savedById ? ((await tx.user.findUnique({ where: { id: current.savedById }, select: { name: true } }))?.name ?? null) : null,
          },
        }),
      },
    },
    async ({ tx, version, item, apply }) => {
      if (item.kind !== input.kind) return fail(invalidInput({ kind: ["Innehållet hör till en annan sorts version"] }));
      const unknownReferences = input.kind === "article" ? await unknownReferenceErrors(tx, input.content) : {};
      if (Object.keys(unknownReferences).length > 0) return fail(invalidInput(unknownReferences));
      await writeDraftContent(tx, version.id, input.content);
      const saved = await apply({ revision: { increment: 1 }, savedById: actor.id });
      await addAuthor(tx, version.id, actor.id);
      return ok({ revision: saved.revision, updatedAt: saved.updatedAt });
    },
  );
}

async function addAuthor(tx: DbTx, versionId: string, userId: string): Promise<void> {
  await tx.versionAuthor.upsert({ where: { versionId_userId: { versionId, userId } }, create: { versionId, userId }, update: {} });
}
