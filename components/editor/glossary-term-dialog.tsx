"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";
import type { GlossaryTermChoice } from "@/lib/content/reference-choices";

type GlossaryTermDialogProps = {
  choices: GlossaryTermChoice[];
  /** The term the selection is marked as already, if any. */
  current: string | null;
  onSave: (termId: string) => void;
  onRemove: () => void;
  onClose: () => void;
};

/**
 * The small dialog in which the selected words are marked as a glossary term (or the mark is removed).
 * A modal <dialog>, like the link dialog: the focus moves in, stays in and Escape closes it.
 */
export function GlossaryTermDialog({ choices, current, onSave, onRemove, onClose }: GlossaryTermDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [termId, setTermId] = useState(current ?? choices[0]?.id ?? "");

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!termId) return;
    dialog.current?.close();
    onSave(termId);
  };

  return createPortal(
    <dialog ref={dialog} className="editor-link-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="glossary-term-dialog">
      <form onSubmit={submit} noValidate className="form">
        <h2 id={`${id}-title`}>{current ? "Ändra förklarat ord" : "Förklara ordet med ordlistan"}</h2>
        {choices.length === 0 ? (
          <p>Ordlistan har inga termer än. Skapa en under ”Ny ordlisteterm”.</p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-term`}>Term i ordlistan</label>
            <select id={`${id}-term`} value={termId} onChange={(event) => setTermId(event.target.value)}>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.title}
                  {choice.published ? "" : " (inte publicerad än)"}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="editor-actions">
          {choices.length > 0 && <button type="submit">Markera</button>}
          {current && (
            <button
              type="button"
              className="editor-secondary"
              onClick={() => {
                dialog.current?.close();
                onRemove();
              }}
            >
              Ta bort markeringen
            </button>
          )}
          <button type="button" className="editor-secondary" onClick={() => dialog.current?.close()}>
            Avbryt
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
