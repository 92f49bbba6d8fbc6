"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ArticleContent, RiskListContent } from "@/lib/content/content-schemas";
import type { ReferenceTitles } from "./content-outline";
import { ConflictPanel, OtherTextReference } from "./conflict-panel";
import { DraftStatus, LocalCopyOffer } from "./draft-status";
import { FormErrors } from "@/components/forms/form-field";
import { SubmitForReviewForm } from "./submit-for-review-form";
import type { useDraftAutosave } from "./use-draft-autosave";
import "./editor.css";
import { adminPaths } from "@/lib/paths/admin-paths";

type Draft = Pick<
  ReturnType<typeof useDraftAutosave<never, ArticleContent | RiskListContent>>,
  "status" | "formErrors" | "conflict" | "reference" | "closeReference" | "offer" | "restoreLocalCopy" | "discardLocalCopy" | "keepMine" | "takeTheirs" | "mergeByHand" | "save"
>;

/**
 * What both content editors share around their fields: the save status, the offer of a stored copy,
 * the conflict panel, the other text while merging by hand, the preview link and submitting for review.
 */
export function DraftEditorFrame({
  draft,
  versionId,
  titles,
  previewPath,
  children,
}: {
  draft: Draft;
  versionId: string;
  titles: ReferenceTitles;
  previewPath: string;
  children: ReactNode;
}) {
  const editorPath = adminPaths.editDraft(versionId);
  if (draft.offer) return <LocalCopyOffer copy={draft.offer} onRestore={draft.restoreLocalCopy} onDiscard={draft.discardLocalCopy} />;
  return (
    <div className="editor">
      <div className="editor-toolbar">
        <DraftStatus status={draft.status} editorPath={editorPath} onSaveNow={() => void draft.save()} />
        <Link href={previewPath} target="_blank">
          Förhandsvisa (sparad text)
        </Link>
      </div>
      {draft.conflict && (
        <ConflictPanel conflict={draft.conflict} titles={titles} onKeepMine={draft.keepMine} onTakeTheirs={draft.takeTheirs} onMerge={draft.mergeByHand} />
      )}
      <div className={draft.reference ? "editor-columns" : undefined}>
        <form className="form editor-form" noValidate onSubmit={(event) => event.preventDefault()} aria-label="Utkastets innehåll">
          <FormErrors messages={draft.formErrors} />
          {children}
        </form>
        {draft.reference && <OtherTextReference other={draft.reference} titles={titles} onClose={draft.closeReference} />}
      </div>
      <SubmitForReviewForm versionId={versionId} saveDraft={draft.save} />
    </div>
  );
}
