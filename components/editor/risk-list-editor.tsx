"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Fragment } from "react";
import { FormProvider, useFieldArray, useForm, useFormContext, useWatch } from "react-hook-form";
import type { z } from "zod";
import { riskListContentSchema, type RiskListContent } from "@/lib/content/content-schemas";
import { RiskFrequency, RiskSeverity } from "@/lib/db/generated/enums";
import { BlockList, BlockListHeading, RemovedNotice, SortableBlock, useBlockList } from "./block-list";
import { CheckboxField, SelectField, TextField } from "./content-fields";
import { DraftEditorFrame } from "./draft-editor-frame";
import { contentFieldLabels, frequencyLabels, severityLabels } from "@/lib/labels/sv";
import { useDraftAutosave } from "./use-draft-autosave";

type RiskListFormValues = z.input<typeof riskListContentSchema>;

function toFormValues(content: RiskListContent): RiskListFormValues {
  return { ...content, summary: content.summary ?? "", groups: content.groups.map((group) => ({ ...group, title: group.title ?? "" })) };
}

const newItem = () => ({ key: crypto.randomUUID(), text: "", severity: "MILD" as const, frequency: "COMMON" as const, temporary: false });

const severityOptions = Object.values(RiskSeverity).map((value) => ({ value, label: severityLabels[value] }));
const frequencyOptions = Object.values(RiskFrequency).map((value) => ({ value, label: frequencyLabels[value] }));

type FormGroup = RiskListFormValues["groups"][number];
type FormItem = FormGroup["items"][number];

function groupSummary(group: FormGroup | undefined): string {
  if (!group) return "";
  const items = group.items.map((item) => item.text.trim()).filter(Boolean);
  return `${group.title?.trim() || "Utan rubrik"} – ${items.length === 1 ? "1 risk" : `${items.length} risker`}${items.length ? `: ${items.join("; ")}` : ""}`;
}

function GroupItems({ groupIndex, groupLabel }: { groupIndex: number; groupLabel: string }) {
  const { control, formState, getValues } = useFormContext<RiskListFormValues>();
  const items = useFieldArray({ control, name: `groups.${groupIndex}.items` });
  const list = useBlockList<FormItem>(items, (index) => getValues(`groups.${groupIndex}.items.${index}`));
  const listError = formState.errors.groups?.[groupIndex]?.items;
  const listMessage = listError?.message ?? listError?.root?.message;
  const labelOf = (index: number) => `Risk ${index + 1} i ${groupLabel.toLowerCase()}`;
  return (
    <>
      {listMessage && <p className="field-error">{listMessage}</p>}
      <BlockList state={list} className="editor-nested" ids={items.fields.map((field) => field.id)} labelOf={labelOf}>
        {items.fields.map((field, index) => {
          const path = `groups.${groupIndex}.items.${index}` as const;
          return (
            <Fragment key={field.id}>
              <RemovedNotice list={list} index={index} />
              <SortableBlock
                id={field.id}
                index={index}
                count={items.fields.length}
                label={labelOf(index)}
                headingLevel={4}
                invalid={Boolean(listError?.[index])}
                onMove={(to) => list.move(index, to)}
                onDuplicate={() => list.duplicate(index, { ...getValues(path), key: crypto.randomUUID() })}
                onRemove={() => {
                  const text = getValues(`${path}.text`).trim();
                  list.remove(index, text ? `${labelOf(index)} (”${text}”)` : labelOf(index));
                }}
                testId="risk-item"
              >
                <TextField name={`${path}.text`} label="Risk" />
                <div className="editor-inline-fields">
                  <SelectField name={`${path}.severity`} label="Allvarlighet" options={severityOptions} />
                  <SelectField name={`${path}.frequency`} label="Hur vanlig" options={frequencyOptions} />
                  <CheckboxField name={`${path}.temporary`} label="Övergående" />
                </div>
              </SortableBlock>
            </Fragment>
          );
        })}
        <RemovedNotice list={list} index={items.fields.length} />
      </BlockList>
      <button type="button" className="editor-small-button" onClick={() => list.insert(items.fields.length, newItem())}>
        Lägg till risk<span className="editor-visually-hidden"> i {groupLabel.toLowerCase()}</span>
      </button>
    </>
  );
}

type RiskListEditorProps = { versionId: string; revision: number; updatedAt: string; content: RiskListContent; published: RiskListContent | null; previewPath: string };

/** The risk-list draft editor: title, summary, groups and their risks (reorder, collapse, duplicate, remove), autosaved. */
export function RiskListEditor({ versionId, revision, updatedAt, content, published, previewPath }: RiskListEditorProps) {
  const form = useForm<RiskListFormValues, unknown, RiskListContent>({
    resolver: zodResolver(riskListContentSchema),
    defaultValues: toFormValues(content),
  });
  const draft = useDraftAutosave({ form, kind: "riskList", versionId, initialRevision: revision, updatedAt, schema: riskListContentSchema, toFormValues });
  const groups = useFieldArray({ control: form.control, name: "groups" });
  const list = useBlockList<FormGroup>(groups, (index) => form.getValues(`groups.${index}`));
  const groupsError = draft.fieldError("groups");
  const groupErrors = form.formState.errors.groups;
  const values = useWatch({ control: form.control, name: "groups" });
  const labelOf = (index: number) => `Grupp ${index + 1}`;

  return (
    <FormProvider {...form}>
      <DraftEditorFrame draft={draft} versionId={versionId} titles={{}} previewPath={previewPath} savedContent={content} published={published}>
        <TextField name="title" label={contentFieldLabels.title} />
        <TextField name="summary" label={contentFieldLabels.summary} optional multiline />
        <BlockListHeading heading="Grupper och risker" list={list} ids={groups.fields.map((field) => field.id)} />
        {groupsError && <p className="field-error">{groupsError}</p>}
        <BlockList state={list} ids={groups.fields.map((field) => field.id)} labelOf={labelOf}>
          {groups.fields.map((field, index) => (
            <Fragment key={field.id}>
              <RemovedNotice list={list} index={index} />
              <SortableBlock
                id={field.id}
                index={index}
                count={groups.fields.length}
                label={labelOf(index)}
                headingLevel={3}
                summary={groupSummary(values?.[index] as FormGroup | undefined)}
                collapsed={list.collapsed.has(field.id)}
                onToggle={() => list.toggle(field.id)}
                invalid={Boolean(groupErrors?.[index])}
                onMove={(to) => list.move(index, to)}
                onDuplicate={() => {
                  const group = form.getValues(`groups.${index}`);
                  list.duplicate(index, { ...group, key: crypto.randomUUID(), items: group.items.map((item) => ({ ...item, key: crypto.randomUUID() })) });
                }}
                onRemove={() => list.remove(index, `${labelOf(index)} (”${groupSummary(form.getValues(`groups.${index}`))}”)`)}
                testId="risk-group"
              >
                <TextField name={`groups.${index}.title`} label="Grupprubrik" optional hint="T.ex. ”I vissa situationer … hjärta”; tom för en lista utan rubrik." />
                <GroupItems groupIndex={index} groupLabel={labelOf(index)} />
              </SortableBlock>
            </Fragment>
          ))}
          <RemovedNotice list={list} index={groups.fields.length} />
        </BlockList>
        <button type="button" onClick={() => list.insert(groups.fields.length, { key: crypto.randomUUID(), title: "", items: [newItem()] })}>
          Lägg till grupp
        </button>
      </DraftEditorFrame>
    </FormProvider>
  );
}
