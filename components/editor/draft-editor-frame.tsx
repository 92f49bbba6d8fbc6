"use client";

import Link from "next/link";
import { useRef, type ReactNode } from "react";
import type { ArticleContent, GlossaryTermContent, RiskListContent } from "@/lib/content/content-schemas";
import { diffContent, type ContentDiff } from "@/lib/content/version-diff";
import { VersionDiffView } from "@/components/review/version-diff-view";
import type { ReferenceTitles } from "./content-outline";
import { ConflictPanel, OtherTextReference } from "./conflict-panel";
import { DraftStatus, LocalCopyOffer } from "./draft-status";
import { FormErrors } from "@/components/forms/form-field";
import { SubmitForReviewForm } from "./submit-for-review-form";
import type { useDraftAutosave } from "./use-draft-autosave";
import "./editor.css";
import { adminPaths } from "@/lib/paths/admin-paths";

type Draft = Pick<
  ReturnType<typeof useDraftAutosave<never, ArticleContent | RiskListContent | GlossaryTermContent>>,
  | "status"
  | "formErrors"
  | "conflict"
  | "reference"
  | "closeReference"
  | "offer"
  | "restoreLocalCopy"
  | "discardLocalCopy"
  | "keepMine"
  | "takeTheirs"
  | "mergeByHand"
  | "save"
  | "saveNow"
  | "revision"
>;

type Content = ArticleContent | RiskListContent | GlossaryTermContent;

/**
 * What the stored copy changed compared with the saved text. The copy is this editor's own form state
 * (useDraftAutosave writes it), so it has the content's shape even where a field is not valid yet, which
 * is why it is compared as it is; a copy of another shape (written by another release) cannot be.
 */
function copyDifferences(saved: Content, copy: unknown): ContentDiff | null {
  try {
    return diffContent(saved, copy as Content);
  } catch {
    return null;
  }
}

/**
 * What both content editors share around their fields: the save status, the offer of a stored copy,
 * the conflict panel, the other text while merging by hand, the preview link and submitting for review.
 */
export function DraftEditorFrame({
  draft,
  versionId,
  titles,
  previewPath,
  savedContent,
  published,
  children,
}: {
  draft: Draft;
  versionId: string;
  titles: ReferenceTitles;
  previewPath: string;
  /** The text the server held when the editor opened, which a stored copy is compared with. */
  savedContent: Content;
  /** The item's published content (null: nothing is published), for the change kind shown at submit. */
  published: Content | null;
  children: ReactNode;
}) {
  const editorPath = adminPaths.editDraft(versionId);
  const frame = useRef<HTMLDivElement>(null);

  /** After "Spara nu" could not save, the focus goes to what has to be done first. */
  const saveNow = async () => {
    const outcome = await draft.saveNow();
    const target =
      outcome === "invalid"
        ? '.editor-form [aria-invalid="true"]'
        : outcome === "conflict"
          ? "#konflikt-rubrik"
          : outcome === "signedOut"
            ? ".editor-status a"
            : null;
    if (!target) return;
    // The errors are on the fields after the next render.
    requestAnimationFrame(() => frame.current?.querySelector<HTMLElement>(target)?.focus());
  };

  if (draft.offer) {
    const differences = copyDifferences(savedContent, draft.offer.content);
    return (
      <LocalCopyOffer
        copy={draft.offer}
        differences={
          differences && (
            <VersionDiffView diff={differences} beforeLabel="Sparad text" afterLabel="Osparat i den här webbläsaren" titles={titles} onlyChanges />
          )
        }
        onRestore={draft.restoreLocalCopy}
        onDiscard={draft.discardLocalCopy}
      />
    );
  }
  return (
    <div className="editor" ref={frame}>
      <div className="editor-toolbar">
        <DraftStatus status={draft.status} editorPath={editorPath} onSaveNow={() => void saveNow()} />
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
      <SubmitForReviewForm versionId={versionId} saveDraft={draft.save} revision={draft.revision} published={published} />
    </div>
  );
}
