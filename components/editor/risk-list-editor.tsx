"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useFieldArray, useForm, useFormContext } from "react-hook-form";
import type { z } from "zod";
import { riskListContentSchema, type RiskListContent } from "@/lib/content/content-schemas";
import { RiskFrequency, RiskSeverity } from "@/lib/db/generated/enums";
import { CheckboxField, SelectField, TextField } from "./content-fields";
import { DraftEditorFrame } from "./draft-editor-frame";
import { frequencyLabels, severityLabels } from "@/lib/labels/sv";
import { useDraftAutosave } from "./use-draft-autosave";

type RiskListFormValues = z.input<typeof riskListContentSchema>;

function toFormValues(content: RiskListContent): RiskListFormValues {
  return { ...content, summary: content.summary ?? "", groups: content.groups.map((group) => ({ ...group, title: group.title ?? "" })) };
}

const newItem = () => ({ key: crypto.randomUUID(), text: "", severity: "MILD" as const, frequency: "COMMON" as const, temporary: false });

const severityOptions = Object.values(RiskSeverity).map((value) => ({ value, label: severityLabels[value] }));
const frequencyOptions = Object.values(RiskFrequency).map((value) => ({ value, label: frequencyLabels[value] }));

function MoveButtons({ index, count, label, onMove, onRemove }: { index: number; count: number; label: string; onMove: (to: number) => void; onRemove: () => void }) {
  return (
    <div className="editor-block-actions">
      <button type="button" className="editor-small-button" disabled={index === 0} onClick={() => onMove(index - 1)}>
        Flytta upp<span className="editor-visually-hidden"> {label}</span>
      </button>
      <button type="button" className="editor-small-button" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        Flytta ned<span className="editor-visually-hidden"> {label}</span>
      </button>
      <button type="button" className="editor-small-button editor-danger" onClick={onRemove}>
        Ta bort<span className="editor-visually-hidden"> {label}</span>
      </button>
    </div>
  );
}

function GroupItems({ groupIndex, groupLabel }: { groupIndex: number; groupLabel: string }) {
  const { control, formState } = useFormContext<RiskListFormValues>();
  const items = useFieldArray({ control, name: `groups.${groupIndex}.items` });
  const listError = formState.errors.groups?.[groupIndex]?.items;
  const listMessage = listError?.message ?? listError?.root?.message;
  return (
    <>
      {listMessage && <p className="field-error">{listMessage}</p>}
      <ol className="editor-nested">
        {items.fields.map((field, index) => {
          const label = `Risk ${index + 1} i ${groupLabel.toLowerCase()}`;
          const path = `groups.${groupIndex}.items.${index}`;
          return (
            <li key={field.id}>
              <fieldset className="editor-item" data-testid="risk-item">
                <legend>{label}</legend>
                <TextField name={`${path}.text`} label="Risk" />
                <div className="editor-inline-fields">
                  <SelectField name={`${path}.severity`} label="Allvarlighet" options={severityOptions} />
                  <SelectField name={`${path}.frequency`} label="Hur vanlig" options={frequencyOptions} />
                  <CheckboxField name={`${path}.temporary`} label="Övergående" />
                </div>
                <MoveButtons index={index} count={items.fields.length} label={label} onMove={(to) => items.move(index, to)} onRemove={() => items.remove(index)} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="editor-small-button" onClick={() => items.append(newItem())}>
        Lägg till risk<span className="editor-visually-hidden"> i {groupLabel.toLowerCase()}</span>
      </button>
    </>
  );
}

type RiskListEditorProps = { versionId: string; revision: number; updatedAt: string; content: RiskListContent; previewPath: string };

/** The risk-list draft editor: title, summary, groups and their risks (add, move, remove), autosaved. */
export function RiskListEditor({ versionId, revision, updatedAt, content, previewPath }: RiskListEditorProps) {
  const form = useForm<RiskListFormValues, unknown, RiskListContent>({
    resolver: zodResolver(riskListContentSchema),
    defaultValues: toFormValues(content),
  });
  const draft = useDraftAutosave({ form, kind: "riskList", versionId, initialRevision: revision, updatedAt, schema: riskListContentSchema, toFormValues });
  const groups = useFieldArray({ control: form.control, name: "groups" });
  const groupsError = draft.fieldError("groups");

  return (
    <FormProvider {...form}>
      <DraftEditorFrame draft={draft} versionId={versionId} titles={{}} previewPath={previewPath}>
        <TextField name="title" label="Rubrik / Title" />
        <TextField name="summary" label="Ingress / Summary" optional multiline />
        <h2>Grupper och risker</h2>
        {groupsError && <p className="field-error">{groupsError}</p>}
        <ol className="editor-blocks">
          {groups.fields.map((field, index) => {
            const label = `Grupp ${index + 1}`;
            return (
              <li key={field.id}>
                <fieldset className="editor-block" data-testid="risk-group">
                  <legend>{label}</legend>
                  <TextField name={`groups.${index}.title`} label="Grupprubrik" optional hint="T.ex. ”I vissa situationer … hjärta”; tom för en lista utan rubrik." />
                  <GroupItems groupIndex={index} groupLabel={label} />
                  <MoveButtons index={index} count={groups.fields.length} label={label} onMove={(to) => groups.move(index, to)} onRemove={() => groups.remove(index)} />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" onClick={() => groups.append({ key: crypto.randomUUID(), title: "", items: [newItem()] })}>
          Lägg till grupp
        </button>
      </DraftEditorFrame>
    </FormProvider>
  );
}
