"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { LocalDraftCopy } from "./local-draft-copy";
import type { SaveStatus } from "./use-draft-autosave";

const clock = new Intl.DateTimeFormat("sv-SE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Stockholm" });

function statusText(status: SaveStatus): string {
  switch (status.state) {
    case "saved":
      return `Sparat ${clock.format(status.at)}`;
    case "unsaved":
      return "Osparade ändringar";
    case "saving":
      return "Sparar…";
    case "invalid":
      return "Inte sparat – rätta de markerade fälten";
    case "retrying":
      return "Kunde inte spara – försöker igen";
    case "conflict":
      return `Konflikt – ${status.savedBy ?? "någon annan"} har sparat utkastet`;
    case "signedOut":
      return "Du har loggats ut – logga in igen; dina ändringar finns kvar";
    case "refused":
      return `Kunde inte spara: ${status.message}`;
  }
}

/**
 * The autosave state, announced politely to screen readers, with "Spara nu", which is never disabled:
 * pressing it saves, or the status says why it cannot (what to do then has the focus).
 */
export function DraftStatus({ status, editorPath, onSaveNow }: { status: SaveStatus; editorPath: string; onSaveNow: () => void }) {
  return (
    <div className={`editor-status editor-status-${status.state}`}>
      <p role="status" aria-live="polite" data-testid="save-status">
        {statusText(status)}
        {status.note && ` ${status.note}`}
        {status.state === "signedOut" && (
          <>
            {" "}
            <Link href={`/logga-in?callbackUrl=${encodeURIComponent(editorPath)}`}>Logga in igen</Link>
          </>
        )}
      </p>
      <button type="button" onClick={onSaveNow}>
        Spara nu
      </button>
    </div>
  );
}

/**
 * The offer to bring back typing the server never received (reload, closed tab, expired session), with
 * what that typing changed compared with the saved text, so the editor decides knowing what is at stake.
 */
export function LocalCopyOffer({
  copy,
  differences,
  onRestore,
  onDiscard,
}: {
  copy: LocalDraftCopy;
  /** The saved text beside the stored copy, changes only; null when the copy cannot be compared. */
  differences: ReactNode;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  return (
    <section className="editor-offer" role="alertdialog" aria-labelledby="osparade-andringar" aria-describedby="osparade-andringar-text">
      <h2 id="osparade-andringar">Osparade ändringar</h2>
      <p id="osparade-andringar-text">
        Du har osparade ändringar från {clock.format(new Date(copy.changedAt))} i den här webbläsaren. Vill du återställa dem eller slänga dem?
      </p>
      {differences ?? <p>Ändringarna kan inte jämföras med den sparade texten här; återställ dem för att se dem i formuläret.</p>}
      <div className="editor-actions">
        <button type="button" onClick={onRestore}>
          Återställ
        </button>
        <button type="button" className="editor-secondary" onClick={onDiscard}>
          Släng
        </button>
      </div>
    </section>
  );
}
