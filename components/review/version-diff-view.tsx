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
import type { RichTextPart } from "@/lib/content/rich-text-diff";
import type { RiskListContent } from "@/lib/content/content-schemas";
import { isWebUrl } from "@/lib/content/inline-markdown-document";
import {
  blockFieldLabels,
  blockTypeLabels,
  calloutToneLabels,
  contentFieldLabels,
  glossaryFieldLabels,
  formatAdminDateTime,
  frequencyLabels,
  headingLevelLabels,
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

export type BlockComment = {
  id: string;
  authorName: string;
  body: string;
  createdAt: Date;
  /** A comment from the review of the version sent back: whether its block has changed since. */
  earlier?: { versionNumber: number; addressed: boolean };
};

/** Whether the block an earlier review comment was about has changed since: said in words, not colour. */
export function CommentState({ addressed }: { addressed: boolean }) {
  return addressed ? (
    <p className="review-comment-state review-comment-addressed" data-testid="comment-addressed">
      Åtgärdad: blocket har ändrats sedan dess
    </p>
  ) : (
    <p className="review-comment-state review-comment-open" data-testid="comment-open">
      Inte åtgärdad: blocket är oförändrat
    </p>
  );
}

type Side = "before" | "after";

const fieldLabels: Record<BlockFieldName, string> = blockFieldLabels;

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
  if (field === "tone") return calloutToneLabels[value as keyof typeof calloutToneLabels] ?? value;
  if (field === "level") return headingLevelLabels[Number(value) as keyof typeof headingLevelLabels] ?? value;
  return value;
}

function Removed({ children }: { children: ReactNode }) {
  return (
    <del className="review-del">
      <span className="visually-hidden">[borttaget: </span>
      {children}
      <span className="visually-hidden">]</span>
    </del>
  );
}

function Added({ children }: { children: ReactNode }) {
  return (
    <ins className="review-ins">
      <span className="visually-hidden">[tillagt: </span>
      {children}
      <span className="visually-hidden">]</span>
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

/** A run of words as the reader sees them: bold, italic, a link (web addresses only, as on the public page). */
function Formatted({ part }: { part: RichTextPart }) {
  let node: ReactNode = part.text;
  if (part.marks.italic) node = <em>{node}</em>;
  if (part.marks.bold) node = <strong>{node}</strong>;
  if (part.marks.href && isWebUrl(part.marks.href)) node = <a href={part.marks.href}>{node}</a>;
  return <>{node}</>;
}

/** Paragraph and callout text with its formatting, and the change marks (<ins>, <del>) on top of it. */
function RichTextSide({ parts, side }: { parts: RichTextPart[]; side: Side }) {
  const hidden = side === "before" ? "added" : "removed";
  return (
    <span className="review-rich-text">
      {parts
        .filter((part) => part.kind !== hidden)
        .map((part, index) => {
          if (part.paragraphBreak) {
            const mark = part.kind === "same" ? null : <span className="visually-hidden">{part.kind === "added" ? "[nytt stycke]" : "[stycke borttaget]"}</span>;
            return (
              <span key={index} className={`review-paragraph-break review-paragraph-break-${part.kind}`}>
                {mark}
                <br />
                <br />
              </span>
            );
          }
          const text = <Formatted part={part} />;
          return part.kind === "same" ? <span key={index}>{text}</span> : part.kind === "removed" ? <Removed key={index}>{text}</Removed> : <Added key={index}>{text}</Added>;
        })}
    </span>
  );
}

/** What readers see from an embedded risk list: the items of its published version, in groups. */
function RiskListItems({ content }: { content: RiskListContent | null | undefined }) {
  if (content === undefined) return null;
  if (content === null) return <p className="review-hint">Risklistan har ingen publicerad version: läsarna ser inga risker från den.</p>;
  return (
    <div className="review-embedded-risks" data-testid="diff-embedded-risks">
      {content.groups.map((group) => (
        <div key={group.key}>
          {group.title && <p className="review-embedded-group">{group.title}</p>}
          <ul>
            {group.items.map((item) => (
              <li key={item.key}>
                {item.text}{" "}
                <span className="review-hint">
                  ({[severityLabels[item.severity], frequencyLabels[item.frequency], item.temporary ? "Övergående" : null].filter(Boolean).join(", ")})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function FieldSide({ field, side, titles, riskLists }: { field: FieldDiff; side: Side; titles: Record<string, string>; riskLists: Record<string, RiskListContent | null> }) {
  if (field.kind === "richText") {
    if (!field.parts.some((part) => part.kind !== (side === "before" ? "added" : "removed"))) return null;
    return (
      <div className="review-field">
        <span className="review-field-label">{fieldLabels[field.name]}:</span> <RichTextSide parts={field.parts} side={side} />
      </div>
    );
  }
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
  const items = field.name === "riskListId" ? <RiskListItems content={riskLists[id] ?? null} /> : null;
  return (
    <div className="review-field">
      <span className="review-field-label">{fieldLabels[field.name]}:</span>{" "}
      {!field.changed ? (
        <>
          {title}
          {items}
        </>
      ) : side === "before" ? (
        <Removed>
          {title}
          {items}
        </Removed>
      ) : (
        <Added>
          {title}
          {items}
        </Added>
      )}
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
        <li key={comment.id} className={comment.earlier ? "review-earlier-comment" : undefined} data-testid={comment.earlier ? "earlier-block-comment" : "block-comment"}>
          {comment.earlier && <p className="review-hint">Från granskningen av version {comment.earlier.versionNumber}</p>}
          <p>{comment.body}</p>
          <p className="review-hint">
            {comment.authorName}, {formatAdminDateTime(comment.createdAt)}
          </p>
          {comment.earlier && <CommentState addressed={comment.earlier.addressed} />}
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

function BlockRow({
  block,
  titles,
  riskLists,
  comments,
  lix,
}: {
  block: BlockDiff;
  titles: Record<string, string>;
  riskLists: Record<string, RiskListContent | null>;
  comments?: BlockComment[];
  lix?: LixChange;
}) {
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
            block.fields.map((field) => <FieldSide key={field.name} field={field} side={side} titles={titles} riskLists={riskLists} />)
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
  riskLists = {},
  commentsByBlock,
  onlyChanges,
  toggleHref,
  readability,
}: {
  diff: ContentDiff;
  beforeLabel: string;
  afterLabel: string;
  titles: Record<string, string>;
  /** The published content of each embedded risk list (null: it has none), to show its items. */
  riskLists?: Record<string, RiskListContent | null>;
  commentsByBlock?: Record<string, BlockComment[]>;
  /** Hide what is unchanged (and not moved or commented on); `toggleHref`, when given, links to the other view. */
  onlyChanges: boolean;
  toggleHref?: string;
  /** For articles: the LIX before and after (lib/readability/readability-comparison.ts). */
  readability?: ReadabilityComparison;
}) {
  const showComments = diff.kind === "article" && commentsByBlock !== undefined && Object.keys(commentsByBlock).length > 0;
  const { counts } = diff;
  const unit = diff.kind === "article" ? "block" : diff.kind === "glossaryTerm" ? "fält" : "risker";
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
          ? `Inga ändringar i ${unit === "block" ? "blocken" : unit === "fält" ? "fälten" : "riskerna"}.`
          : `${unit[0]!.toUpperCase()}${unit.slice(1)}: ${counts.added} tillagda, ${counts.removed} borttagna, ${counts.changed} ändrade, ${counts.moved} flyttade.`}{" "}
        <span className="review-legend">
          Förklaring: <Removed>borttagen text</Removed> <Added>tillagd text</Added>
        </span>
      </p>
      {readability && <WholeArticleLix readability={readability} beforeLabel={beforeLabel} afterLabel={afterLabel} />}
      <div className="table-scroll">
        <table className="review-table">
          <caption className="visually-hidden">Jämförelse sida vid sida: {beforeLabel} och {afterLabel}</caption>
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
            {(!onlyChanges || diff.title.changed) && <TitleRow label={diff.kind === "glossaryTerm" ? glossaryFieldLabels.title : contentFieldLabels.title} diff={diff.title} />}
            {diff.kind !== "glossaryTerm" && (!onlyChanges || diff.summary.changed) && <TitleRow label={contentFieldLabels.summary} diff={diff.summary} />}
            {diff.kind === "glossaryTerm" && (
              <>
                {(!onlyChanges || diff.explanation.changed) && <TitleRow label={glossaryFieldLabels.explanation} diff={diff.explanation} />}
                {(!onlyChanges || diff.forms.changed) && <TitleRow label={glossaryFieldLabels.forms} diff={diff.forms} />}
              </>
            )}
            {diff.kind === "glossaryTerm" ? null : diff.kind === "article"
              ? diff.blocks.filter((block) => shown(block, block.key)).map((block) => (
                  <BlockRow
                    key={block.key}
                    block={block}
                    titles={titles}
                    riskLists={riskLists}
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
