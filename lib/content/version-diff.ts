import { diffArrays, diffWordsWithSpace } from "diff";
import type { ArticleBlock, ArticleContent, GlossaryTermContent, RiskGroup, RiskItem, RiskListContent } from "./content-schemas";
import { diffRichText, type RichTextPart } from "./rich-text-diff";

/**
 * What changed between two versions of an article or a risk list, for the reviewer's side-by-side view
 * and the history's comparison. Blocks, groups and risks are matched by their stable `key`, so a block
 * that was moved and edited is one moved, changed block rather than a removal plus an addition.
 */

/** A run of words that both texts share, or that only the old ("removed") or new ("added") text has. */
export type TextPart = { kind: "same" | "added" | "removed"; text: string };
export type TextDiff = { changed: boolean; parts: TextPart[] };

/** One entry of a list (bullet points, indications, references): kept, added or removed. */
export type ListEntryDiff = { kind: "same" | "added" | "removed"; text: string };

export type FieldDiff =
  | { name: BlockFieldName; kind: "text"; changed: boolean; parts: TextPart[] }
  /** Paragraph and callout text: words with the formatting a reader sees (bold, italic, links). */
  | { name: BlockFieldName; kind: "richText"; changed: boolean; parts: RichTextPart[] }
  | { name: BlockFieldName; kind: "list"; changed: boolean; entries: ListEntryDiff[] }
  /** An id of another item (risk list, procedure article); the page shows its title. */
  | { name: BlockFieldName; kind: "reference"; changed: boolean; before?: string; after?: string };

export type BlockFieldName =
  | "text"
  | "level"
  | "intro"
  | "items"
  | "tone"
  | "title"
  | "medications"
  | "medicationNote"
  | "imaging"
  | "imagingNote"
  | "indications"
  | "reliefDuration"
  | "precautions"
  | "contraindications"
  | "riskListId"
  | "procedureArticleId";

export type ChangeStatus = "added" | "removed" | "changed" | "unchanged";

export type BlockDiff = {
  key: string;
  type: ArticleBlock["type"];
  status: ChangeStatus;
  /** Its place among the blocks both versions share changed (not merely shifted by an insertion). */
  moved: boolean;
  /** 1-based positions in the old and the new version. */
  beforePosition?: number;
  afterPosition?: number;
  fields: FieldDiff[];
};

export type ValueChange<T> = { before?: T; after?: T; changed: boolean };

export type RiskItemDiff = {
  key: string;
  status: ChangeStatus;
  moved: boolean;
  text: TextDiff;
  severity: ValueChange<RiskItem["severity"]>;
  frequency: ValueChange<RiskItem["frequency"]>;
  temporary: ValueChange<boolean>;
};

export type RiskGroupDiff = {
  key: string;
  status: ChangeStatus;
  moved: boolean;
  title: TextDiff;
  items: RiskItemDiff[];
};

export type ChangeCounts = { added: number; removed: number; changed: number; moved: number };

export type ArticleContentDiff = {
  kind: "article";
  title: TextDiff;
  summary: TextDiff;
  blocks: BlockDiff[];
  counts: ChangeCounts;
};

export type RiskListContentDiff = {
  kind: "riskList";
  title: TextDiff;
  summary: TextDiff;
  groups: RiskGroupDiff[];
  counts: ChangeCounts;
};

/** A glossary term: the term (title), its explanation and its forms (compared as one comma-separated text). */
export type GlossaryTermContentDiff = {
  kind: "glossaryTerm";
  title: TextDiff;
  explanation: TextDiff;
  forms: TextDiff;
  counts: ChangeCounts;
};

export type ContentDiff = ArticleContentDiff | RiskListContentDiff | GlossaryTermContentDiff;

type AnyContent = ArticleContent | RiskListContent | GlossaryTermContent;

/**
 * Word-level changes, grouped for reading: a space shared between two changed words belongs to the
 * change, and each run of changes shows all removed words before all added ones, so "att bära vikt på"
 * → "att stå på" reads as one removal ("bära vikt") and one addition ("stå").
 */
export function diffText(before: string | undefined, after: string | undefined): TextDiff {
  const parts: TextPart[] = diffWordsWithSpace(before ?? "", after ?? "").map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
  return { changed: (before ?? "") !== (after ?? ""), parts: groupChanges(parts) };
}

function groupChanges(parts: TextPart[]): TextPart[] {
  const isChange = (part: TextPart | undefined) => part !== undefined && part.kind !== "same";
  const expanded = parts.flatMap((part, index): TextPart[] =>
    part.kind === "same" && part.text.trim() === "" && isChange(parts[index - 1]) && isChange(parts[index + 1])
      ? [
          { kind: "removed", text: part.text },
          { kind: "added", text: part.text },
        ]
      : [part],
  );
  const grouped: TextPart[] = [];
  let removed = "";
  let added = "";
  const pushSame = (text: string) => {
    const last = grouped.at(-1);
    if (last?.kind === "same") last.text += text;
    else if (text) grouped.push({ kind: "same", text });
  };
  const flush = () => {
    // Whitespace that ends both the removal and the addition is shared text, not part of the change.
    const shared = removed && added ? (/\s+$/.exec(removed)?.[0] ?? "") : "";
    const trailing = shared && added.endsWith(shared) ? shared : "";
    if (removed) grouped.push({ kind: "removed", text: removed.slice(0, removed.length - trailing.length) });
    if (added) grouped.push({ kind: "added", text: added.slice(0, added.length - trailing.length) });
    pushSame(trailing);
    removed = "";
    added = "";
  };
  for (const part of expanded) {
    if (part.kind === "removed") removed += part.text;
    else if (part.kind === "added") added += part.text;
    else {
      flush();
      pushSame(part.text);
    }
  }
  flush();
  return grouped;
}

function diffList(before: readonly string[] | undefined, after: readonly string[] | undefined): ListEntryDiff[] {
  return diffArrays([...(before ?? [])], [...(after ?? [])]).flatMap((change) =>
    change.value.map((text) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text }) as ListEntryDiff),
  );
}

function valueChange<T>(before: T | undefined, after: T | undefined): ValueChange<T> {
  return { before, after, changed: before !== after };
}

type FieldValue = { kind: "text" | "richText"; value?: string } | { kind: "list"; value: string[] } | { kind: "reference"; value?: string };

/** The comparable fields of a block, in reading order. */
function blockFields(block: ArticleBlock): Partial<Record<BlockFieldName, FieldValue>> {
  const text = (value: string | undefined): FieldValue => ({ kind: "text", value });
  const list = (value: string[]): FieldValue => ({ kind: "list", value });
  const richText = (value: string | undefined): FieldValue => ({ kind: "richText", value });
  switch (block.type) {
    case "HEADING":
      return { level: text(String(block.level)), text: text(block.text) };
    case "PARAGRAPH":
      return { text: richText(block.text) };
    case "BULLET_LIST":
      return { intro: text(block.intro), items: list(block.items) };
    case "CALLOUT":
      return { tone: text(block.tone), title: text(block.title), text: richText(block.text) };
    case "PROCEDURE_FACTS": {
      const facts = block.facts;
      return {
        medications: list(facts.medications),
        medicationNote: text(facts.medicationNote),
        imaging: list(facts.imaging),
        imagingNote: text(facts.imagingNote),
        indications: list(facts.indications),
        reliefDuration: text(facts.reliefDuration),
        precautions: list(facts.precautions),
        contraindications: list(facts.contraindications),
      };
    }
    case "RISK_LIST":
      return { riskListId: { kind: "reference", value: block.riskListId } };
    case "PROCEDURE":
      return { procedureArticleId: { kind: "reference", value: block.procedureArticleId } };
    case "KEY_TAKEAWAYS":
      return { title: text(block.title), items: list(block.items) };
    case "REFERENCES":
      return { title: text(block.title), items: list(block.items.map((item) => (item.url ? `${item.title} (${item.url})` : item.title))) };
  }
}

function diffBlockFields(before: ArticleBlock | undefined, after: ArticleBlock | undefined): FieldDiff[] {
  const oldFields = before ? blockFields(before) : {};
  const newFields = after ? blockFields(after) : {};
  const names = [...new Set([...Object.keys(newFields), ...Object.keys(oldFields)])] as BlockFieldName[];
  return names.map((name): FieldDiff => {
    const kind = (newFields[name] ?? oldFields[name])!.kind;
    const oldValue = oldFields[name]?.value;
    const newValue = newFields[name]?.value;
    if (kind === "list") {
      const entries = diffList(oldValue as string[] | undefined, newValue as string[] | undefined);
      return { name, kind, entries, changed: entries.some((entry) => entry.kind !== "same") };
    }
    if (kind === "richText") {
      return { name, kind, ...diffRichText(oldValue as string | undefined, newValue as string | undefined) };
    }
    if (kind === "reference") {
      const reference = valueChange(oldValue as string | undefined, newValue as string | undefined);
      return { name, kind, ...reference };
    }
    return { name, kind, ...diffText(oldValue as string | undefined, newValue as string | undefined) };
  });
}

/**
 * Keys present in both versions whose relative order changed: those outside the longest common
 * subsequence of the two key orders. An insertion above a block shifts it but does not move it.
 */
function movedKeys(beforeKeys: string[], afterKeys: string[]): Set<string> {
  const shared = new Set(afterKeys.filter((key) => beforeKeys.includes(key)));
  const changes = diffArrays(
    beforeKeys.filter((key) => shared.has(key)),
    afterKeys.filter((key) => shared.has(key)),
  );
  return new Set(changes.filter((change) => change.added).flatMap((change) => change.value));
}

/**
 * Entries of the new order, with each removed entry placed after the nearest entry that preceded it in
 * the old order and still exists, so the side-by-side view shows a removal where it used to be.
 */
function mergedOrder(beforeKeys: string[], afterKeys: string[]): string[] {
  const merged = [...afterKeys];
  const kept = new Set(afterKeys);
  beforeKeys.forEach((key, index) => {
    if (kept.has(key)) return;
    const anchor = beforeKeys.slice(0, index).reverse().find((earlier) => merged.includes(earlier));
    merged.splice(anchor === undefined ? 0 : merged.indexOf(anchor) + 1, 0, key);
  });
  return merged;
}

type Keyed = { key: string };

function matchByKey<T extends Keyed, R>(
  before: readonly T[],
  after: readonly T[],
  compare: (old: T | undefined, next: T | undefined, place: { moved: boolean; beforePosition?: number; afterPosition?: number }) => R,
): R[] {
  const beforeKeys = before.map((entry) => entry.key);
  const afterKeys = after.map((entry) => entry.key);
  const moved = movedKeys(beforeKeys, afterKeys);
  return mergedOrder(beforeKeys, afterKeys).map((key) => {
    const oldIndex = beforeKeys.indexOf(key);
    const newIndex = afterKeys.indexOf(key);
    return compare(before[oldIndex], after[newIndex], {
      moved: moved.has(key),
      beforePosition: oldIndex >= 0 ? oldIndex + 1 : undefined,
      afterPosition: newIndex >= 0 ? newIndex + 1 : undefined,
    });
  });
}

function statusOf(before: unknown, after: unknown, changed: boolean): ChangeStatus {
  if (!before) return "added";
  if (!after) return "removed";
  return changed ? "changed" : "unchanged";
}

function countChanges(entries: { status: ChangeStatus; moved: boolean }[]): ChangeCounts {
  return {
    added: entries.filter((entry) => entry.status === "added").length,
    removed: entries.filter((entry) => entry.status === "removed").length,
    changed: entries.filter((entry) => entry.status === "changed").length,
    moved: entries.filter((entry) => entry.moved).length,
  };
}

export function diffArticleContent(before: ArticleContent | null, after: ArticleContent): ArticleContentDiff {
  const blocks = matchByKey(before?.blocks ?? [], after.blocks, (old, next, place): BlockDiff => {
    const fields = diffBlockFields(old, next);
    const changed = old?.type !== next?.type || fields.some((field) => field.changed);
    return { key: (next ?? old)!.key, type: (next ?? old)!.type, status: statusOf(old, next, changed), ...place, fields };
  });
  return {
    kind: "article",
    title: diffText(before?.title, after.title),
    summary: diffText(before?.summary, after.summary),
    blocks,
    counts: countChanges(blocks),
  };
}

function diffRiskItems(before: readonly RiskItem[], after: readonly RiskItem[]): RiskItemDiff[] {
  return matchByKey(before, after, (old, next, place): RiskItemDiff => {
    const text = diffText(old?.text, next?.text);
    const severity = valueChange(old?.severity, next?.severity);
    const frequency = valueChange(old?.frequency, next?.frequency);
    const temporary = valueChange(old?.temporary, next?.temporary);
    const changed = text.changed || severity.changed || frequency.changed || temporary.changed;
    return { key: (next ?? old)!.key, status: statusOf(old, next, changed), moved: place.moved, text, severity, frequency, temporary };
  });
}

export function diffRiskListContent(before: RiskListContent | null, after: RiskListContent): RiskListContentDiff {
  const groups = matchByKey<RiskGroup, RiskGroupDiff>(before?.groups ?? [], after.groups, (old, next, place) => {
    const title = diffText(old?.title, next?.title);
    const items = diffRiskItems(old?.items ?? [], next?.items ?? []);
    const changed = title.changed || items.some((item) => item.status !== "unchanged" || item.moved);
    return { key: (next ?? old)!.key, status: statusOf(old, next, changed), moved: place.moved, title, items };
  });
  const items = groups.flatMap((group) => group.items);
  return {
    kind: "riskList",
    title: diffText(before?.title, after.title),
    summary: diffText(before?.summary, after.summary),
    groups,
    counts: countChanges(items),
  };
}

function isArticleContent(content: AnyContent): content is ArticleContent {
  return "blocks" in content;
}

function isGlossaryTermContent(content: AnyContent): content is GlossaryTermContent {
  return "explanation" in content;
}

export function diffGlossaryTermContent(before: GlossaryTermContent | null, after: GlossaryTermContent): GlossaryTermContentDiff {
  const title = diffText(before?.title, after.title);
  const explanation = diffText(before?.explanation, after.explanation);
  const forms = diffText(before?.forms.join(", "), after.forms.join(", "));
  const changed = [title, explanation, forms].filter((field) => field.changed).length;
  return { kind: "glossaryTerm", title, explanation, forms, counts: { added: 0, removed: 0, changed, moved: 0 } };
}

/** Compares two versions of the same item; `before` is null when there is nothing to compare with. */
export function diffContent(before: AnyContent | null, after: AnyContent): ContentDiff {
  if (isArticleContent(after)) {
    return diffArticleContent(before && isArticleContent(before) ? before : null, after);
  }
  if (isGlossaryTermContent(after)) {
    return diffGlossaryTermContent(before && isGlossaryTermContent(before) ? before : null, after);
  }
  return diffRiskListContent(before && !isArticleContent(before) && !isGlossaryTermContent(before) ? before : null, after);
}

/** The blocks an article's newer version changed or removed: a comment anchored to one of them has been acted on. */
export function changedBlockKeys(diff: ContentDiff): Set<string> {
  if (diff.kind !== "article") return new Set();
  return new Set(diff.blocks.filter((block) => block.status === "changed" || block.status === "removed").map((block) => block.key));
}
