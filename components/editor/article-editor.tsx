"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Fragment, useState } from "react";
import { FormProvider, useFieldArray, useForm, useFormContext, useWatch } from "react-hook-form";
import type { z } from "zod";
import { articleContentSchema, type ArticleBlock, type ArticleContent } from "@/lib/content/content-schemas";
import { ImagingGuidance, Medication } from "@/lib/db/generated/enums";
import { blockFieldLabels, blockTypeLabels, contentFieldLabels, calloutToneLabels, headingLevelLabels, imagingLabels, medicationLabels, procedureFactLabels } from "@/lib/labels/sv";
import { BlockInserter, BlockList, BlockListHeading, RemovedNotice, SortableBlock, useBlockList } from "./block-list";
import { blockSummary } from "./block-summary";
import { CheckboxGroupField, SelectField, TextField, TextListField, UrlField } from "./content-fields";
import { DraftEditorFrame } from "./draft-editor-frame";
import { ArticleReadability, BlockReadability } from "./readability-hints";
import { RichTextField } from "./rich-text-field";
import { GlossaryChoicesContext } from "./glossary-context";
import { GlossaryHints } from "./glossary-hints";
import type { GlossaryTermChoice } from "@/lib/content/reference-choices";
import type { ReferenceTitles } from "./content-outline";
import { useDraftAutosave } from "./use-draft-autosave";

type ArticleFormValues = z.input<typeof articleContentSchema>;
type FormBlock = ArticleFormValues["blocks"][number];
type Choice = { id: string; title: string };

function toFormValues(content: ArticleContent): ArticleFormValues {
  return { ...content, summary: content.summary ?? "" };
}

const formattingHint = "Markera text och välj Fet, Kursiv eller Länk (Ctrl+B, Ctrl+I, Ctrl+K; ⌘ på Mac).";

/** A new, empty block of a type, with a fresh stable key. */
function newBlock(type: ArticleBlock["type"]): FormBlock {
  const key = crypto.randomUUID();
  switch (type) {
    case "HEADING":
      return { key, type, level: 2, text: "" };
    case "PARAGRAPH":
      return { key, type, text: "" };
    case "BULLET_LIST":
      return { key, type, items: [""] };
    case "CALLOUT":
      return { key, type, tone: "info", text: "" };
    case "PROCEDURE_FACTS":
      return { key, type, facts: { medications: [], imaging: [], indications: [], precautions: [], contraindications: [] } };
    case "RISK_LIST":
      return { key, type, riskListId: "" };
    case "PROCEDURE":
      return { key, type, procedureArticleId: "" };
    case "KEY_TAKEAWAYS":
      return { key, type, items: [""] };
    case "REFERENCES":
      return { key, type, items: [] };
  }
}

function ReferenceItems({ name }: { name: string }) {
  const { control } = useFormContext<ArticleFormValues>();
  const items = useFieldArray({ control, name: name as `blocks.${number}.items` as never });
  return (
    <fieldset className="editor-fieldset">
      <legend>Källor</legend>
      <ol className="editor-nested">
        {items.fields.map((field, index) => (
          <li key={field.id}>
            <TextField name={`${name}.${index}.title`} label={`Källa ${index + 1}: titel`} />
            <UrlField name={`${name}.${index}.url`} label={`Källa ${index + 1}: webbadress`} />
            <button type="button" className="editor-small-button" onClick={() => items.remove(index)}>
              Ta bort källa {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="editor-small-button" onClick={() => items.append({ title: "" } as never)}>
        Lägg till källa
      </button>
    </fieldset>
  );
}

function BlockFields({ block, path, riskLists, procedures }: { block: FormBlock; path: string; riskLists: Choice[]; procedures: Choice[] }) {
  switch (block.type) {
    case "HEADING":
      return (
        <>
          <SelectField
            name={`${path}.level`}
            label={blockFieldLabels.level}
            numeric
            options={([2, 3] as const).map((level) => ({ value: String(level), label: headingLevelLabels[level] }))}
          />
          <TextField name={`${path}.text`} label="Rubriktext" />
        </>
      );
    case "PARAGRAPH":
      return <RichTextField name={`${path}.text`} label="Text" hint={formattingHint} />;
    case "BULLET_LIST":
      return (
        <>
          <TextField name={`${path}.intro`} label="Inledning" optional />
          <TextListField name={`${path}.items`} legend="Punkter" itemLabel="Punkt" />
        </>
      );
    case "CALLOUT":
      return (
        <>
          <SelectField
            name={`${path}.tone`}
            label={blockFieldLabels.tone}
            options={(["info", "warning"] as const).map((tone) => ({ value: tone, label: calloutToneLabels[tone] }))}
          />
          <TextField name={`${path}.title`} label="Rubrik" optional />
          <RichTextField name={`${path}.text`} label="Text" hint={formattingHint} />
        </>
      );
    case "PROCEDURE_FACTS":
      return (
        <>
          <CheckboxGroupField
            name={`${path}.facts.medications`}
            legend={procedureFactLabels.medications}
            options={Object.values(Medication).map((value) => ({ value, label: medicationLabels[value] }))}
          />
          <TextField name={`${path}.facts.medicationNote`} label={procedureFactLabels.medicationNote} optional />
          <CheckboxGroupField
            name={`${path}.facts.imaging`}
            legend={procedureFactLabels.imaging}
            options={Object.values(ImagingGuidance).map((value) => ({ value, label: imagingLabels[value] }))}
          />
          <TextField name={`${path}.facts.imagingNote`} label={procedureFactLabels.imagingNote} optional />
          <TextListField name={`${path}.facts.indications`} legend={procedureFactLabels.indications} itemLabel="Tillstånd" />
          <TextField name={`${path}.facts.reliefDuration`} label={procedureFactLabels.reliefDuration} optional />
          <TextListField name={`${path}.facts.precautions`} legend={procedureFactLabels.precautions} itemLabel="Försiktighet" />
          <TextListField name={`${path}.facts.contraindications`} legend={procedureFactLabels.contraindications} itemLabel="Kontraindikation" />
        </>
      );
    case "RISK_LIST":
      return (
        <SelectField
          name={`${path}.riskListId`}
          label="Risklista"
          placeholder="Välj en risklista"
          options={riskLists.map((riskList) => ({ value: riskList.id, label: riskList.title }))}
        />
      );
    case "PROCEDURE":
      return (
        <SelectField
          name={`${path}.procedureArticleId`}
          label="Procedur"
          placeholder="Välj en procedur"
          options={procedures.map((procedure) => ({ value: procedure.id, label: procedure.title }))}
        />
      );
    case "KEY_TAKEAWAYS":
      return (
        <>
          <TextField name={`${path}.title`} label="Rubrik" optional hint="Tom: ”Viktiga punkter”." />
          <TextListField name={`${path}.items`} legend="Punkter" itemLabel="Punkt" />
        </>
      );
    case "REFERENCES":
      return (
        <>
          <TextField name={`${path}.title`} label="Rubrik" optional hint="Tom: ”Källor”." />
          <ReferenceItems name={`${path}.items`} />
        </>
      );
  }
}

type ArticleEditorProps = {
  versionId: string;
  revision: number;
  updatedAt: string;
  content: ArticleContent;
  /** The published version's content, which the change kind is measured against (null: none). */
  published: ArticleContent | null;
  riskLists: Choice[];
  procedures: Choice[];
  previewPath: string;
  /** The LIX target for patient text (lib/readability/readability-target.ts, read on the server). */
  lixTarget: number;
  /** The glossary terms the text may mark, and that the hint list looks for. */
  glossary: GlossaryTermChoice[];
};

/** The article draft editor: title, summary and typed blocks (insert, reorder, collapse, duplicate, remove), autosaved. */
export function ArticleEditor({ versionId, revision, updatedAt, content, published, riskLists, procedures, previewPath, lixTarget, glossary }: ArticleEditorProps) {
  const form = useForm<ArticleFormValues, unknown, ArticleContent>({
    resolver: zodResolver(articleContentSchema),
    defaultValues: toFormValues(content),
  });
  const draft = useDraftAutosave({ form, kind: "article", versionId, initialRevision: revision, updatedAt, schema: articleContentSchema, toFormValues });
  const blocks = useFieldArray({ control: form.control, name: "blocks" });
  const list = useBlockList<FormBlock>(blocks, (index) => form.getValues(`blocks.${index}`));
  const [newType, setNewType] = useState<ArticleBlock["type"]>("PARAGRAPH");
  const titles: ReferenceTitles = Object.fromEntries([...riskLists, ...procedures].map((choice) => [choice.id, choice.title]));
  const blocksError = draft.fieldError("blocks");
  const blockErrors = form.formState.errors.blocks;
  const values = useWatch({ control: form.control, name: "blocks" });
  // Only an overview embeds procedures, and only where there are procedures to choose from.
  const typeOptions = Object.entries(blockTypeLabels)
    .filter(([type]) => type !== "PROCEDURE" || procedures.length > 0)
    .map(([value, label]) => ({ value, label }));

  const labelOf = (index: number) => `Block ${index + 1}: ${blockTypeLabels[blocks.fields[index]?.type ?? "PARAGRAPH"]}`;
  const summaryOf = (index: number) => {
    const block = values?.[index];
    return block ? blockSummary(block as ArticleBlock, titles) : "";
  };
  const remove = (index: number) => {
    const summary = summaryOf(index);
    list.remove(index, summary ? `${labelOf(index)} (”${summary}”)` : labelOf(index));
  };

  return (
    <GlossaryChoicesContext.Provider value={glossary}>
    <FormProvider {...form}>
      <DraftEditorFrame draft={draft} versionId={versionId} titles={titles} previewPath={previewPath} savedContent={content} published={published}>
        <TextField name="title" label={contentFieldLabels.title} />
        <TextField name="summary" label={contentFieldLabels.summary} optional multiline />
        <ArticleReadability target={lixTarget} />
        <GlossaryHints blockLabel={(key) => {
          const index = blocks.fields.findIndex((field) => field.key === key);
          return index < 0 ? null : labelOf(index).toLowerCase();
        }} />
        <BlockListHeading heading="Block" list={list} ids={blocks.fields.map((field) => field.id)} />
        {blocksError && <p className="field-error">{blocksError}</p>}
        {blocks.fields.length === 0 && !list.removal && <p>Artikeln har inga block än. Lägg till det första nedan.</p>}
        <BlockList state={list} ids={blocks.fields.map((field) => field.id)} labelOf={labelOf}>
          {blocks.fields.map((field, index) => (
            <Fragment key={field.id}>
              <RemovedNotice list={list} index={index} />
              <SortableBlock
                id={field.id}
                index={index}
                count={blocks.fields.length}
                label={labelOf(index)}
                headingLevel={3}
                summary={summaryOf(index)}
                collapsed={list.collapsed.has(field.id)}
                onToggle={() => list.toggle(field.id)}
                invalid={Boolean(blockErrors?.[index])}
                onMove={(to) => list.move(index, to)}
                onDuplicate={
                  field.type === "PROCEDURE_FACTS" ? undefined : () => list.duplicate(index, { ...structuredClone(form.getValues(`blocks.${index}`)), key: crypto.randomUUID() })
                }
                onRemove={() => remove(index)}
                testId="editor-block"
                before={<BlockInserter position={`före ${labelOf(index)}`} options={typeOptions} onInsert={(type) => list.insert(index, newBlock(type as ArticleBlock["type"]))} />}
              >
                <BlockFields block={field} path={`blocks.${index}`} riskLists={riskLists} procedures={procedures} />
                <BlockReadability path={`blocks.${index}`} target={lixTarget} />
              </SortableBlock>
            </Fragment>
          ))}
          <RemovedNotice list={list} index={blocks.fields.length} />
        </BlockList>
        <div className="editor-add">
          <label htmlFor="ny-blocktyp">Nytt block</label>
          <select id="ny-blocktyp" value={newType} onChange={(event) => setNewType(event.target.value as ArticleBlock["type"])}>
            {typeOptions.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => list.insert(blocks.fields.length, newBlock(newType))}>
            Lägg till block
          </button>
        </div>
      </DraftEditorFrame>
    </FormProvider>
    </GlossaryChoicesContext.Provider>
  );
}
