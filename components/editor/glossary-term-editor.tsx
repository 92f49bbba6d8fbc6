"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { glossaryTermContentSchema, type GlossaryTermContent } from "@/lib/content/content-schemas";
import { glossaryFieldLabels } from "@/lib/labels/sv";
import { TextField, TextListField } from "./content-fields";
import { DraftEditorFrame } from "./draft-editor-frame";
import { useDraftAutosave } from "./use-draft-autosave";

type GlossaryTermFormValues = z.input<typeof glossaryTermContentSchema>;

const toFormValues = (content: GlossaryTermContent): GlossaryTermFormValues => ({ ...content });

type GlossaryTermEditorProps = {
  versionId: string;
  revision: number;
  updatedAt: string;
  content: GlossaryTermContent;
  /** The term's published content (null: nothing is published), for the change kind shown at submit. */
  published: GlossaryTermContent | null;
  previewPath: string;
};

/** The glossary-term draft editor: the term, its plain-Swedish explanation and its other forms, autosaved. */
export function GlossaryTermEditor({ versionId, revision, updatedAt, content, published, previewPath }: GlossaryTermEditorProps) {
  const form = useForm<GlossaryTermFormValues, unknown, GlossaryTermContent>({
    resolver: zodResolver(glossaryTermContentSchema),
    defaultValues: toFormValues(content),
  });
  const draft = useDraftAutosave({ form, kind: "glossaryTerm", versionId, initialRevision: revision, updatedAt, schema: glossaryTermContentSchema, toFormValues });
  return (
    <FormProvider {...form}>
      <DraftEditorFrame draft={draft} versionId={versionId} titles={{}} previewPath={previewPath} savedContent={content} published={published}>
        <TextField name="title" label={glossaryFieldLabels.title} />
        <TextField name="explanation" label={glossaryFieldLabels.explanation} multiline />
        <p className="field-hint">{glossaryFieldLabels.formsHint}</p>
        <TextListField name="forms" legend={glossaryFieldLabels.forms} itemLabel="Form" />
      </DraftEditorFrame>
    </FormProvider>
  );
}
