"use client";

import { useDeferredValue, useMemo } from "react";
import { useWatch } from "react-hook-form";
import { classifyChange } from "@/lib/content/change-kind";
import type { ArticleContent, GlossaryTermContent, RiskListContent } from "@/lib/content/content-schemas";
import { changeKindSentence } from "@/lib/labels/sv";

type Content = ArticleContent | RiskListContent | GlossaryTermContent;

/**
 * What kind of change the draft is as the editor types, against the published version: the same pure
 * rule (lib/content/change-kind.ts) that the server applies to the saved text when it is submitted.
 * Rendered inside the content form's FormProvider, whose values it watches.
 */
export function ChangeKindPreview({ published, markedClinical }: { published: Content | null; markedClinical: boolean }) {
  const values = useDeferredValue(useWatch()) as Content;
  const classification = useMemo(() => {
    try {
      return classifyChange(published, values, markedClinical);
    } catch {
      // A field the editor is half-way through may not have the content's shape yet.
      return null;
    }
  }, [published, values, markedClinical]);
  if (!classification) return null;
  return (
    <p className="editor-notice" role="status" data-testid="submit-change-kind" data-change-kind={classification.kind}>
      {changeKindSentence(classification.kind, classification.reasons)}{" "}
      {classification.kind === "CLINICAL" ? "Bara en granskare med klinisk behörighet kan godkänna den." : ""}
    </p>
  );
}
