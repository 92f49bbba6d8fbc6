"use client";

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";

/**
 * The block editor's list: blocks (or risk groups, or risks) that can be reordered by dragging their
 * handle or with the keyboard (dnd-kit: Space or Enter lifts, the arrow keys move, Space or Enter drops,
 * Escape cancels), moved one step by buttons, collapsed to a one-line summary, duplicated, removed and
 * the removal undone. After every action the focus is put back where the editor can go on: the same
 * button of the moved block, the new block's first field, the undo button, the restored block.
 */

/** Where the focus goes once the list has rendered after an action. */
export type FocusTarget = "heading" | "handle" | "move-up" | "move-down" | "first-field" | "undo";
type FocusRequest = { index: number; target: FocusTarget };

const fieldSelector = 'input:not([type="hidden"]), select, textarea, [contenteditable="true"]';

/** The last removal, offered for undoing where the item was until the list changes otherwise. */
export type Removal<Value> = { index: number; value: Value; label: string };

/** What the list does to the form's array (react-hook-form's useFieldArray). */
type ItemArray<Value> = {
  insert: (index: number, value: Value, options: { shouldFocus: false }) => void;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
};

/**
 * One list's actions on the form's array, and its state: which items are collapsed, the last removal
 * and the pending focus request. Every action but undoing lets the last removal stand. The focus
 * request is applied after the next render, retrying for a few frames because a rich-text field
 * creates its editing area only after it mounts.
 */
export function useBlockList<Value>(items: ItemArray<Value>, valueAt: (index: number) => Value) {
  const container = useRef<HTMLOListElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [removal, setRemoval] = useState<Removal<Value> | null>(null);
  const [request, setRequest] = useState<FocusRequest | null>(null);

  useLayoutEffect(() => {
    if (!request) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const root = container.current;
      // Only this list's own items and controls: an item may hold a list of its own (a group's risks).
      const item = root?.querySelector<HTMLElement>(`:scope > [data-block-index="${request.index}"]`);
      const own = (target: string) => item?.querySelector<HTMLElement>(`:scope > [role="group"] > :not([data-block-body]) > [data-focus="${target}"]`);
      const firstField = item?.querySelector<HTMLElement>(`:scope > [role="group"] > [data-block-body] :is(${fieldSelector})`);
      // A new rich-text field has no editing area yet in its first frames; wait for it briefly.
      if (request.target === "first-field" && !firstField && frames < 30) {
        frames += 1;
        handle = requestAnimationFrame(attempt);
        return;
      }
      const candidates =
        request.target === "first-field"
          ? [firstField, own("heading")]
          : request.target === "undo"
            ? [root?.querySelector<HTMLElement>(':scope > .editor-removed [data-focus="undo"]')]
            : [own(request.target), own("handle"), own("heading")];
      candidates.find((element) => element && !(element as HTMLButtonElement).disabled)?.focus();
      setRequest(null);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [request]);

  const toggle = useCallback((id: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const focus = (index: number, target: FocusTarget) => setRequest({ index, target });
  const insert = (index: number, value: Value, target: FocusTarget = "first-field") => {
    setRemoval(null);
    items.insert(index, value, { shouldFocus: false });
    focus(index, target);
  };

  return {
    container,
    collapsed,
    toggle,
    collapseAll: (ids: string[]) => setCollapsed(new Set(ids)),
    expandAll: () => setCollapsed(new Set()),
    removal,
    dismissRemoval: () => setRemoval(null),
    focus,
    /** A new item at `index`, the focus in its first field. */
    insert,
    /** `copy` (with new keys) right after the item at `index`, the focus on its heading. */
    duplicate: (index: number, copy: Value) => insert(index + 1, copy, "heading"),
    /** One step up or down by button; the focus stays on that button of the moved item. */
    move: (from: number, to: number) => {
      setRemoval(null);
      items.move(from, to);
      focus(to, to < from ? "move-up" : "move-down");
    },
    /** A drop after dragging; BlockList puts the focus on the handle. */
    reorder: (from: number, to: number) => {
      setRemoval(null);
      items.move(from, to);
    },
    /** Removes the item and offers it back in its place, with the focus on the undo button. */
    remove: (index: number, label: string) => {
      setRemoval({ index, value: valueAt(index), label });
      items.remove(index);
      focus(index, "undo");
    },
    undo: () => {
      if (!removal) return;
      setRemoval(null);
      items.insert(removal.index, removal.value, { shouldFocus: false });
      focus(removal.index, "heading");
    },
  };
}

export type BlockListState<Value> = ReturnType<typeof useBlockList<Value>>;

type BlockListProps = {
  /** The list's useBlockList state: its element, the reordering and where the focus goes after a drag. */
  state: Pick<BlockListState<unknown>, "container" | "focus" | "reorder">;
  /** The items' stable ids (react-hook-form's field ids), in order. */
  ids: string[];
  /** How an item is named in announcements: "Block 2: Stycke". */
  labelOf: (index: number) => string;
  className?: string;
  children: ReactNode;
};

/** The drag-and-drop context and the list element; the items are SortableBlock children. */
export function BlockList({ state: { container: listRef, focus, reorder }, ids, labelOf, className = "editor-blocks", children }: BlockListProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  // A stable id keeps dnd-kit's description ids the same on the server and in the browser.
  const contextId = useId();
  const position = (id: UniqueIdentifier) => ids.indexOf(String(id));
  /** Lifting is followed at once by "over its own place", which would cut the lift's announcement short. */
  const justLifted = useRef(false);
  const lifted = (id: UniqueIdentifier) => `${labelOf(position(id))} är lyft, på plats ${position(id) + 1} av ${ids.length}.`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      justLifted.current = true;
      return lifted(active.id);
    },
    onDragOver: ({ active, over }) => {
      const first = justLifted.current;
      justLifted.current = false;
      if (first && over?.id === active.id) return lifted(active.id);
      return over ? `${labelOf(position(active.id))} är över plats ${position(over.id) + 1} av ${ids.length}.` : `${labelOf(position(active.id))} är utanför listan.`;
    },
    onDragEnd: ({ active, over }) =>
      over ? `${labelOf(position(active.id))} släpptes på plats ${position(over.id) + 1} av ${ids.length}.` : `${labelOf(position(active.id))} släpptes utanför listan och ligger kvar.`,
    onDragCancel: ({ active }) => `Flytten avbröts. ${labelOf(position(active.id))} ligger kvar.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const from = position(active.id);
    const to = position(over.id);
    if (from < 0 || to < 0 || from === to) {
      focus(from, "handle");
      return;
    }
    reorder(from, to);
    focus(to, "handle");
  };
  return (
    <DndContext
      id={contextId}
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: "Tryck mellanslag eller Enter för att lyfta. Flytta med pil upp och pil ned. Tryck mellanslag eller Enter igen för att släppa, eller Escape för att avbryta.",
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className={className} ref={listRef}>
          {children}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

type SortableBlockProps = {
  id: string;
  index: number;
  count: number;
  /** The item's name: "Block 2: Stycke", "Grupp 1", "Risk 3 i grupp 1". */
  label: string;
  headingLevel: 3 | 4;
  /** One line shown beside the name when collapsed; without it the item cannot be collapsed. */
  summary?: string;
  collapsed?: boolean;
  onToggle?: () => void;
  /** Something in the item has an error: it stays open and says so. */
  invalid: boolean;
  onMove: (to: number) => void;
  onDuplicate?: () => void;
  onRemove: () => void;
  testId: string;
  /** Shown above the item, outside it (the inserter for this position). */
  before?: ReactNode;
  children: ReactNode;
};

/** One item of a BlockList: a drag handle, its name, collapse, its fields, and its actions. */
export function SortableBlock({
  id,
  index,
  count,
  label,
  headingLevel,
  summary,
  collapsed = false,
  onToggle,
  invalid,
  onMove,
  onDuplicate,
  onRemove,
  testId,
  before,
  children,
}: SortableBlockProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    attributes: { roleDescription: "flyttbart" },
  });
  const headingId = useId();
  const bodyId = useId();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const closed = collapsed && !invalid;
  const hidden = <span className="editor-visually-hidden"> {label}</span>;
  return (
    <li
      ref={setNodeRef}
      data-block-index={index}
      className={`editor-sortable${isDragging ? " editor-sortable-dragging" : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {before}
      <div role="group" aria-labelledby={headingId} className={`editor-block${invalid ? " editor-block-invalid" : ""}`} data-testid={testId}>
        <div className="editor-block-header">
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="editor-drag-handle"
            data-focus="handle"
            {...attributes}
            {...listeners}
            aria-label={`Dra och släpp ${label}`}
          >
            <span aria-hidden="true">⠿</span>
          </button>
          <Heading id={headingId} className="editor-block-title" tabIndex={-1} data-focus="heading">
            {label}
          </Heading>
          {closed && summary !== undefined && <p className="editor-block-summary">{summary || "(tomt)"}</p>}
          {invalid && <p className="editor-block-flag">Innehåller fel</p>}
          {onToggle && summary !== undefined && (
            <button type="button" className="editor-small-button editor-toggle" aria-expanded={!closed} aria-controls={bodyId} onClick={onToggle} disabled={invalid}>
              {closed ? "Fäll ut" : "Fäll ihop"}
              {hidden}
            </button>
          )}
        </div>
        <div id={bodyId} className="editor-block-body" hidden={closed} data-block-body>
          {children}
        </div>
        <div className="editor-block-actions">
          <button type="button" className="editor-small-button" data-focus="move-up" disabled={index === 0} onClick={() => onMove(index - 1)}>
            Flytta upp{hidden}
          </button>
          <button type="button" className="editor-small-button" data-focus="move-down" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            Flytta ned{hidden}
          </button>
          {onDuplicate && (
            <button type="button" className="editor-small-button" onClick={onDuplicate}>
              Duplicera{hidden}
            </button>
          )}
          <button type="button" className="editor-small-button editor-danger" onClick={onRemove}>
            Ta bort{hidden}
          </button>
        </div>
      </div>
    </li>
  );
}

/** Where the list's last removed item was, if it was at `index`: what it was and the button that brings it back. */
export function RemovedNotice({ list, index }: { list: Pick<BlockListState<unknown>, "removal" | "undo" | "dismissRemoval">; index: number }) {
  if (list.removal?.index !== index) return null;
  return <RemovedNote label={list.removal.label} onUndo={list.undo} onDismiss={list.dismissRemoval} />;
}

function RemovedNote({ label, onUndo, onDismiss }: { label: string; onUndo: () => void; onDismiss: () => void }) {
  const notice = useRef<HTMLLIElement>(null);
  useEffect(() => {
    notice.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <li className="editor-removed" ref={notice} data-testid="removed-notice">
      <p role="status">{label} togs bort.</p>
      <button type="button" data-focus="undo" onClick={onUndo}>
        Ångra borttagningen
      </button>
      <button type="button" className="editor-small-button editor-secondary" onClick={onDismiss}>
        Stäng
      </button>
    </li>
  );
}

/** A list's heading with "Fäll ihop alla" and "Fäll ut alla" once there is more than one item to fold. */
export function BlockListHeading({ heading, list, ids }: { heading: string; list: Pick<BlockListState<unknown>, "collapseAll" | "expandAll">; ids: string[] }) {
  return (
    <div className="editor-blocks-heading">
      <h2>{heading}</h2>
      {ids.length > 1 && (
        <div className="editor-actions">
          <button type="button" className="editor-small-button" onClick={() => list.collapseAll(ids)}>
            Fäll ihop alla
          </button>
          <button type="button" className="editor-small-button" onClick={list.expandAll}>
            Fäll ut alla
          </button>
        </div>
      )}
    </div>
  );
}

type InsertOption = { value: string; label: string };

/**
 * "Infoga block här": opens a choice of block type in place, inserts the chosen one at this position,
 * or closes again (Avbryt, Escape) with the focus back on its button.
 */
export function BlockInserter({ position, options, onInsert }: { position: string; options: InsertOption[]; onInsert: (value: string) => void }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(options[0]?.value ?? "");
  const trigger = useRef<HTMLButtonElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  /** Closing by Avbryt or Escape returns the focus to the button; inserting hands it to the new block. */
  const returnFocus = useRef(false);
  const id = useId();

  useEffect(() => {
    if (open) select.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [open]);

  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };

  if (!open) {
    return (
      <div className="editor-inserter">
        <button type="button" ref={trigger} className="editor-inserter-button" onClick={() => setOpen(true)}>
          <span aria-hidden="true">＋ </span>Infoga block<span className="editor-visually-hidden"> {position}</span>
        </button>
      </div>
    );
  }
  return (
    <div
      className="editor-inserter editor-inserter-open"
      role="group"
      aria-label={`Infoga block ${position}`}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        close();
      }}
    >
      <label htmlFor={id}>Typ av block</label>
      <select id={id} ref={select} value={choice} onChange={(event) => setChoice(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          onInsert(choice);
        }}
      >
        Infoga
      </button>
      <button type="button" className="editor-secondary" onClick={close}>
        Avbryt
      </button>
    </div>
  );
}
