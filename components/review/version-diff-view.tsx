import Link from "next/link";
import type { ReactNode } from "react";
import type {
  BlockDiff,
  BlockFieldName,
  ChangeStatus,
  ContentDiff,
  FieldDiff,
  RiskGroupDiff,
  RiskItemDiff,
  TextDiff,
  TextPart,
  ValueChange,
} from "@/lib/content/version-diff";
import {
  blockTypeLabels,
  formatAdminDateTime,
  frequencyLabels,
  imagingLabels,
  lixDirectionLabels,
  lixSentence,
  medicationLabels,
  severityLabels,
} from "@/lib/labels/sv";
import { lixDirection, type LixChange, type LixFigure, type ReadabilityComparison } from "@/lib/readability/readability-comparison";
import "./review.css";

/**
 * The side-by-side diff: the older version on the left, the newer on the right. Removed words are <del>
 * and added words <ins>, each with a spoken and printed label, so nothing depends on colour alone.
 */

export type BlockComment = { id: string; authorName: string; body: string; createdAt: Date };

type Side = "before" | "after";

const fieldLabels: Record<BlockFieldName, string> = {
  text: "Text",
  level: "Nivå",
  intro: "Inledning",
  items: "Punkter",
  tone: "Typ",
  title: "Rubrik",
  medications: "Läkemedel",
  medicationNote: "Om läkemedlet",
  imaging: "Bildstyrning",
  imagingNote: "Om bildstyrningen",
  indications: "Kan hjälpa vid",
  reliefDuration: "Hur länge lindringen varar",
  precautions: "Tala med en läkare om",
  contraindications: "Rekommenderas inte vid",
  riskListId: "Risklista",
  procedureArticleId: "Procedur",
};

const statusLabels: Record<ChangeStatus, string> = {
  added: "Tillagt",
  removed: "Borttaget",
  changed: "Ändrat",
  unchanged: "Oförändrat",
};

/** Enum values inside lists and short fields, in the words editors use. */
function displayValue(field: BlockFieldName, value: string): string {
  if (field === "medications") return medicationLabels[value as keyof typeof medicationLabels] ?? value;
  if (field === "imaging") return imagingLabels[value as keyof typeof imagingLabels] ?? value;
  if (field === "tone") return value === "warning" ? "Varning" : value === "info" ? "Information" : value;
  return value;
}

function Removed({ children }: { children: ReactNode }) {
  return (
    <del className="review-del">
      <span className="review-sr">[borttaget: </span>
      {children}
      <span className="review-sr">]</span>
    </del>
  );
}

function Added({ children }: { children: ReactNode }) {
  return (
    <ins className="review-ins">
      <span className="review-sr">[tillagt: </span>
      {children}
      <span className="review-sr">]</span>
    </ins>
  );
}

function TextSide({ parts, side, map = (text) => text }: { parts: TextPart[]; side: Side; map?: (text: string) => string }) {
  const hidden = side === "before" ? "added" : "removed";
  return (
    <>
      {parts
        .filter((part) => part.kind !== hidden)
        .map((part, index) =>
          part.kind === "same" ? (
            <span key={index}>{map(part.text)}</span>
          ) : part.kind === "removed" ? (
            <Removed key={index}>{map(part.text)}</Removed>
          ) : (
            <Added key={index}>{map(part.text)}</Added>
          ),
        )}
    </>
  );
}

function FieldSide({ field, side, titles }: { field: FieldDiff; side: Side; titles: Record<string, string> }) {
  if (field.kind === "text") {
    if (!field.parts.some((part) => part.kind !== (side === "before" ? "added" : "removed"))) return null;
    return (
      <div className="review-field">
        <span className="review-field-label">{fieldLabels[field.name]}:</span>{" "}
        <TextSide parts={field.parts} side={side} map={(text) => displayValue(field.name, text)} />
      </div>
    );
  }
  if (field.kind === "list") {
    const entries = field.entries.filter((entry) => entry.kind !== (side === "before" ? "added" : "removed"));
    if (entries.length === 0) return null;
    return (
      <div className="review-field">
        <span className="review-field-label">{fieldLabels[field.name]}:</span>
        <ul>
          {entries.map((entry, index) => (
            <li key={index}>
              {entry.kind === "same" ? (
                displayValue(field.name, entry.text)
              ) : entry.kind === "removed" ? (
                <Removed>{displayValue(field.name, entry.text)}</Removed>
              ) : (
                <Added>{displayValue(field.name, entry.text)}</Added>
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const id = side === "before" ? field.before : field.after;
  if (!id) return null;
  const title = titles[id] ?? "okänd";
  return (
    <div className="review-field">
      <span className="review-field-label">{fieldLabels[field.name]}:</span>{" "}
      {!field.changed ? title : side === "before" ? <Removed>{title}</Removed> : <Added>{title}</Added>}
    </div>
  );
}

function StatusNote({ status, moved, beforePosition, afterPosition }: { status: ChangeStatus; moved: boolean; beforePosition?: number; afterPosition?: number }) {
  return (
    <p className="review-status">
      <span className={`review-badge review-badge-${status}`}>{statusLabels[status]}</span>
      {moved && (
        <span className="review-badge review-badge-moved">
          Flyttad{beforePosition && afterPosition ? ` från plats ${beforePosition} till ${afterPosition}` : ""}
        </span>
      )}
    </p>
  );
}

function Comments({ comments }: { comments: BlockComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ul className="review-block-comments" aria-label="Kommentarer på blocket">
      {comments.map((comment) => (
        <li key={comment.id}>
          <p>{comment.body}</p>
          <p className="review-hint">
            {comment.authorName}, {formatAdminDateTime(comment.createdAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** One side's LIX under a changed block: a hint for the reviewer, with the same rules as the editor's. */
function LixSide({ figure }: { figure: LixFigure }) {
  if (!figure) return null;
  return (
    <p className="review-lix" data-testid="diff-lix">
      {lixSentence(figure)}
    </p>
  );
}

function BlockRow({ block, titles, comments, lix }: { block: BlockDiff; titles: Record<string, string>; comments?: BlockComment[]; lix?: LixChange }) {
  // Only where the text changed: an unchanged block's LIX is the same on both sides.
  const showLix = lix !== undefined && block.status !== "unchanged";
  return (
    <tr className={`review-row review-row-${block.status}${block.moved ? " review-row-moved" : ""}`} data-testid="diff-block" data-block-key={block.key}>
      <th scope="row">
        <span className="review-block-type">{blockTypeLabels[block.type]}</span>
        <StatusNote status={block.status} moved={block.moved} beforePosition={block.beforePosition} afterPosition={block.afterPosition} />
      </th>
      {(["before", "after"] as const).map((side) => (
        <td key={side} className={`review-side review-side-${side}`}>
          {(side === "before" ? block.status === "added" : block.status === "removed") ? (
            <p className="review-absent">{side === "before" ? "(fanns inte)" : "(borttaget)"}</p>
          ) : (
            block.fields.map((field) => <FieldSide key={field.name} field={field} side={side} titles={titles} />)
          )}
          {showLix && <LixSide figure={side === "before" ? lix.before : lix.after} />}
        </td>
      ))}
      {comments && (
        <td className="review-comments-cell">
          <Comments comments={comments} />
        </td>
      )}
    </tr>
  );
}

function ValueSide<T extends string | boolean>({ change, side, label }: { change: ValueChange<T>; side: Side; label: (value: T) => string | null }) {
  const value = side === "before" ? change.before : change.after;
  if (value === undefined) return null;
  const text = label(value);
  if (!text) return null;
  if (!change.changed) return <span className="review-attribute">{text}</span>;
  return <span className="review-attribute">{side === "before" ? <Removed>{text}</Removed> : <Added>{text}</Added>}</span>;
}

function RiskItemRow({ item, side }: { item: RiskItemDiff; side: Side }) {
  if (side === "before" ? item.status === "added" : item.status === "removed") return <p className="review-absent">{side === "before" ? "(fanns inte)" : "(borttagen)"}</p>;
  return (
    <>
      <TextSide parts={item.text.parts} side={side} />
      <span className="review-attributes">
        <ValueSide change={item.severity} side={side} label={(severity) => severityLabels[severity]} />
        <ValueSide change={item.frequency} side={side} label={(frequency) => frequencyLabels[frequency]} />
        <ValueSide change={item.temporary} side={side} label={(temporary) => (temporary ? "Övergående" : "Bestående")} />
      </span>
    </>
  );
}

function GroupRows({ group, index }: { group: RiskGroupDiff; index: number }) {
  return (
    <>
      <tr className={`review-row review-group review-row-${group.status}`} data-testid="diff-group">
        <th scope="row">
          <span className="review-block-type">Grupp {index + 1}</span>
          <StatusNote status={group.status} moved={group.moved} />
        </th>
        {(["before", "after"] as const).map((side) => (
          <td key={side} className="review-side">
            {group.title.parts.length > 0 ? <TextSide parts={group.title.parts} side={side} /> : <span className="review-hint">(utan rubrik)</span>}
          </td>
        ))}
      </tr>
      {group.items.map((item) => (
        <tr key={item.key} className={`review-row review-row-${item.status}`} data-testid="diff-risk">
          <th scope="row">
            <span className="review-block-type">Risk</span>
            <StatusNote status={item.status} moved={item.moved} />
          </th>
          {(["before", "after"] as const).map((side) => (
            <td key={side} className="review-side">
              <RiskItemRow item={item} side={side} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** The whole article's LIX in both versions, and whether the change made it harder to read. */
function WholeArticleLix({ readability, beforeLabel, afterLabel }: { readability: ReadabilityComparison; beforeLabel: string; afterLabel: string }) {
  const { whole, target } = readability;
  const direction = lixDirection(whole);
  return (
    <div className="review-lix-summary" data-testid="diff-article-lix">
      <p>
        <strong>Läsbarhet för hela artikeln</strong>
        {direction && <> ({direction === "same" ? "oförändrad" : `blev ${lixDirectionLabels[direction]}`})</>}:
      </p>
      <ul>
        <li>
          {beforeLabel}: {whole.before ? lixSentence(whole.before) : "ingen text att jämföra med"}
        </li>
        <li>
          {afterLabel}: {whole.after ? lixSentence(whole.after) : "ingen text att mäta"}
          {whole.after && whole.after.lix > target && ` (över målet för patienttext, högst ${target})`}
        </li>
      </ul>
    </div>
  );
}

function textStatus(diff: TextDiff): ChangeStatus {
  if (!diff.changed) return "unchanged";
  if (diff.parts.every((part) => part.kind === "added")) return "added";
  if (diff.parts.every((part) => part.kind === "removed")) return "removed";
  return "changed";
}

function TitleRow({ label, diff }: { label: string; diff: TextDiff }) {
  if (diff.parts.length === 0) return null;
  const status = textStatus(diff);
  return (
    <tr className={`review-row review-row-${status}`}>
      <th scope="row">
        <span className="review-block-type">{label}</span>
        {diff.changed && <StatusNote status={status} moved={false} />}
      </th>
      {(["before", "after"] as const).map((side) => (
        <td key={side} className="review-side">
          <TextSide parts={diff.parts} side={side} />
        </td>
      ))}
    </tr>
  );
}

export function VersionDiffView({
  diff,
  beforeLabel,
  afterLabel,
  titles,
  commentsByBlock,
  onlyChanges,
  toggleHref,
  readability,
}: {
  diff: ContentDiff;
  beforeLabel: string;
  afterLabel: string;
  titles: Record<string, string>;
  commentsByBlock?: Record<string, BlockComment[]>;
  /** Hide what is unchanged (and not moved or commented on); `toggleHref`, when given, links to the other view. */
  onlyChanges: boolean;
  toggleHref?: string;
  /** For articles: the LIX before and after (lib/readability/readability-comparison.ts). */
  readability?: ReadabilityComparison;
}) {
  const showComments = diff.kind === "article" && commentsByBlock !== undefined && Object.keys(commentsByBlock).length > 0;
  const { counts } = diff;
  const unit = diff.kind === "article" ? "block" : "risker";
  const shown = <T extends { status: ChangeStatus; moved: boolean }>(entry: T, key?: string) =>
    !onlyChanges || entry.status !== "unchanged" || entry.moved || (key !== undefined && (commentsByBlock?.[key]?.length ?? 0) > 0);
  return (
    <div className="review-diff">
      {toggleHref && (
        <p className="review-hint">
          <Link href={toggleHref} scroll={false}>
            {onlyChanges ? "Visa allt innehåll" : "Visa bara ändringar"}
          </Link>
        </p>
      )}
      <p className="review-summary" data-testid="diff-summary">
        {counts.added + counts.removed + counts.changed + counts.moved === 0
          ? `Inga ändringar i ${unit === "block" ? "blocken" : "riskerna"}.`
          : `${unit[0]!.toUpperCase()}${unit.slice(1)}: ${counts.added} tillagda, ${counts.removed} borttagna, ${counts.changed} ändrade, ${counts.moved} flyttade.`}{" "}
        <span className="review-legend">
          Förklaring: <Removed>borttagen text</Removed> <Added>tillagd text</Added>
        </span>
      </p>
      {readability && <WholeArticleLix readability={readability} beforeLabel={beforeLabel} afterLabel={afterLabel} />}
      <div className="review-table-scroll">
        <table className="review-table">
          <caption className="review-sr">Jämförelse sida vid sida: {beforeLabel} och {afterLabel}</caption>
          <thead>
            <tr>
              <th scope="col" className="review-col-what">
                Del
              </th>
              <th scope="col">{beforeLabel}</th>
              <th scope="col">{afterLabel}</th>
              {showComments && <th scope="col">Kommentarer</th>}
            </tr>
          </thead>
          <tbody>
            {(!onlyChanges || diff.title.changed) && <TitleRow label="Rubrik" diff={diff.title} />}
            {(!onlyChanges || diff.summary.changed) && <TitleRow label="Sammanfattning" diff={diff.summary} />}
            {diff.kind === "article"
              ? diff.blocks.filter((block) => shown(block, block.key)).map((block) => (
                  <BlockRow
                    key={block.key}
                    block={block}
                    titles={titles}
                    comments={showComments ? (commentsByBlock?.[block.key] ?? []) : undefined}
                    lix={readability?.blocks[block.key]}
                  />
                ))
              : diff.groups.map(
                  (group, index) =>
                    shown(group) && <GroupRows key={group.key} group={{ ...group, items: group.items.filter((item) => shown(item)) }} index={index} />,
                )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The ids a diff refers to, so the page can look up the titles to show instead. */
export function referencedIds(diff: ContentDiff): { riskListIds: string[]; articleIds: string[] } {
  const fields = diff.kind === "article" ? diff.blocks.flatMap((block) => block.fields) : [];
  const ids = (name: BlockFieldName) =>
    fields.flatMap((field) => (field.kind === "reference" && field.name === name ? [field.before, field.after] : [])).filter((id): id is string => Boolean(id));
  return { riskListIds: ids("riskListId"), articleIds: ids("procedureArticleId") };
}
