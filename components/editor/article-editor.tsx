"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { FormProvider, useFieldArray, useForm, useFormContext } from "react-hook-form";
import type { z } from "zod";
import { articleContentSchema, type ArticleBlock, type ArticleContent } from "@/lib/content/content-schemas";
import { ImagingGuidance, Medication } from "@/lib/db/generated/enums";
import { blockTypeLabels, imagingLabels, medicationLabels } from "@/lib/labels/sv";
import { CheckboxGroupField, SelectField, TextField, TextListField, UrlField } from "./content-fields";
import { DraftEditorFrame } from "./draft-editor-frame";
import type { ReferenceTitles } from "./content-outline";
import { useDraftAutosave } from "./use-draft-autosave";

type ArticleFormValues = z.input<typeof articleContentSchema>;
type FormBlock = ArticleFormValues["blocks"][number];
type Choice = { id: string; title: string };

function toFormValues(content: ArticleContent): ArticleFormValues {
  return { ...content, summary: content.summary ?? "" };
}

const markdownHint = "Du kan skriva *kursiv*, **fet** och [länktext](https://…).";

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
          <SelectField name={`${path}.level`} label="Nivå" numeric options={[{ value: "2", label: "Rubrik" }, { value: "3", label: "Underrubrik" }]} />
          <TextField name={`${path}.text`} label="Rubriktext" />
        </>
      );
    case "PARAGRAPH":
      return <TextField name={`${path}.text`} label="Text" hint={markdownHint} multiline />;
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
          <SelectField name={`${path}.tone`} label="Sort" options={[{ value: "info", label: "Information" }, { value: "warning", label: "Varning" }]} />
          <TextField name={`${path}.title`} label="Rubrik" optional />
          <TextField name={`${path}.text`} label="Text" hint={markdownHint} multiline />
        </>
      );
    case "PROCEDURE_FACTS":
      return (
        <>
          <CheckboxGroupField
            name={`${path}.facts.medications`}
            legend="Medicin"
            options={Object.values(Medication).map((value) => ({ value, label: medicationLabels[value] }))}
          />
          <TextField name={`${path}.facts.medicationNote`} label="Om medicinen" optional />
          <CheckboxGroupField
            name={`${path}.facts.imaging`}
            legend="Bildstyrning"
            options={Object.values(ImagingGuidance).map((value) => ({ value, label: imagingLabels[value] }))}
          />
          <TextField name={`${path}.facts.imagingNote`} label="Om bildstyrningen" optional />
          <TextListField name={`${path}.facts.indications`} legend="Kan hjälpa vid" itemLabel="Tillstånd" />
          <TextField name={`${path}.facts.reliefDuration`} label="Hur länge lindringen varar" optional />
          <TextListField name={`${path}.facts.precautions`} legend="Tala med en läkare om" itemLabel="Försiktighet" />
          <TextListField name={`${path}.facts.contraindications`} legend="Rekommenderas inte vid" itemLabel="Kontraindikation" />
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
  riskLists: Choice[];
  procedures: Choice[];
  previewPath: string;
};

/** The article draft editor: title, summary and typed blocks (add, move, remove), autosaved. */
export function ArticleEditor({ versionId, revision, updatedAt, content, riskLists, procedures, previewPath }: ArticleEditorProps) {
  const form = useForm<ArticleFormValues, unknown, ArticleContent>({
    resolver: zodResolver(articleContentSchema),
    defaultValues: toFormValues(content),
  });
  const draft = useDraftAutosave({ form, kind: "article", versionId, initialRevision: revision, updatedAt, schema: articleContentSchema, toFormValues });
  const blocks = useFieldArray({ control: form.control, name: "blocks" });
  const [newType, setNewType] = useState<ArticleBlock["type"]>("PARAGRAPH");
  const titles: ReferenceTitles = Object.fromEntries([...riskLists, ...procedures].map((choice) => [choice.id, choice.title]));
  const blocksError = draft.fieldError("blocks");

  return (
    <FormProvider {...form}>
      <DraftEditorFrame draft={draft} versionId={versionId} titles={titles} previewPath={previewPath}>
        <TextField name="title" label="Rubrik / Title" />
        <TextField name="summary" label="Ingress / Summary" optional multiline />
        <h2>Block</h2>
        {blocksError && <p className="field-error">{blocksError}</p>}
        {blocks.fields.length === 0 && <p>Artikeln har inga block än. Lägg till det första nedan.</p>}
        <ol className="editor-blocks">
          {blocks.fields.map((field, index) => {
            const label = `Block ${index + 1}: ${blockTypeLabels[field.type]}`;
            return (
              <li key={field.id}>
                <fieldset className="editor-block" data-testid="editor-block">
                  <legend>{label}</legend>
                  <BlockFields block={field} path={`blocks.${index}`} riskLists={riskLists} procedures={procedures} />
                  <div className="editor-block-actions">
                    <button type="button" className="editor-small-button" disabled={index === 0} onClick={() => blocks.move(index, index - 1)}>
                      Flytta upp<span className="editor-visually-hidden"> {label}</span>
                    </button>
                    <button
                      type="button"
                      className="editor-small-button"
                      disabled={index === blocks.fields.length - 1}
                      onClick={() => blocks.move(index, index + 1)}
                    >
                      Flytta ned<span className="editor-visually-hidden"> {label}</span>
                    </button>
                    <button type="button" className="editor-small-button editor-danger" onClick={() => blocks.remove(index)}>
                      Ta bort<span className="editor-visually-hidden"> {label}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="editor-add">
          <label htmlFor="ny-blocktyp">Nytt block</label>
          <select id="ny-blocktyp" value={newType} onChange={(event) => setNewType(event.target.value as ArticleBlock["type"])}>
            {Object.entries(blockTypeLabels)
              // Only an overview embeds procedures, and only where there are procedures to choose from.
              .filter(([type]) => type !== "PROCEDURE" || procedures.length > 0)
              .map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
          </select>
          <button type="button" onClick={() => blocks.append(newBlock(newType))}>
            Lägg till block
          </button>
        </div>
      </DraftEditorFrame>
    </FormProvider>
  );
}
