"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";
import { linkTargetSchema } from "@/lib/content/content-schemas";

export type LinkDialogRequest = {
  /** The link's address when the cursor is in a link, else "". */
  href: string;
  /** Nothing is selected: the dialog also asks for the words to link. */
  needsText: boolean;
};

type LinkDialogProps = {
  request: LinkDialogRequest;
  onSave: (link: { href: string; text: string }) => void;
  onRemove: () => void;
  /** The dialog closed (after saving or removing too, and on Avbryt or Escape). */
  onClose: () => void;
};

/**
 * The small dialog in which a link of a text field is added, changed or removed. A modal <dialog>,
 * so the browser moves the focus to its first field, keeps it inside and closes it on Escape; it is
 * rendered outside the editor's
 * form so that its own form submits on Enter. Only web addresses are accepted, as on the public page.
 */
export function LinkDialog({ request, onSave, onRemove, onClose }: LinkDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [href, setHref] = useState(request.href);
  const [text, setText] = useState("");
  const [error, setError] = useState<{ field: "href" | "text"; message: string } | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.needsText && text.trim() === "") {
      setError({ field: "text", message: "Skriv texten som ska bli en länk" });
      return;
    }
    const target = linkTargetSchema.safeParse(href);
    if (!target.success) {
      setError({ field: "href", message: target.error.issues[0]?.message ?? "Ogiltig webbadress" });
      return;
    }
    // Closed first, so that the text field can take the focus back at once.
    dialog.current?.close();
    onSave({ href: target.data, text: text.trim() });
  };

  const described = (field: "href" | "text") => (error?.field === field ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {});

  return createPortal(
    <dialog ref={dialog} className="editor-link-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="link-dialog">
      <form onSubmit={submit} noValidate className="form">
        <h2 id={`${id}-title`}>{request.href ? "Ändra länk" : "Lägg till länk"}</h2>
        {request.needsText && (
          <div className="field">
            <label htmlFor={`${id}-text`}>Länktext</label>
            <input id={`${id}-text`} type="text" value={text} onChange={(event) => setText(event.target.value)} {...described("text")} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-href`}>Webbadress</label>
          <input
            id={`${id}-href`}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={href}
            onChange={(event) => setHref(event.target.value)}
            {...described("href")}
          />
        </div>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="editor-actions">
          <button type="submit">Spara länken</button>
          {request.href && (
            <button
              type="button"
              className="editor-danger"
              onClick={() => {
                dialog.current?.close();
                onRemove();
              }}
            >
              Ta bort länken
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
