"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { get, useWatch, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ArticleContent, RiskListContent } from "@/lib/content/content-schemas";
import { isSignedIn, saveDraftAction } from "@/lib/actions/editor-actions";
import { localCopyToOffer, localDraftCopyKey, parseLocalDraftCopy, sameContent, type LocalDraftCopy } from "./local-draft-copy";
import type { SaveDraftFormInput } from "@/lib/workflow/draft-schemas";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";

/** Saving starts this long after typing stops. */
const autosaveDelayMs = 2000;
/** After a failed request (network, server down), the next attempt. */
const retryDelayMs = 5000;

export type SaveStatus =
  | { state: "saved"; at: Date }
  | { state: "unsaved" }
  | { state: "saving" }
  | { state: "invalid" }
  | { state: "retrying" }
  | { state: "conflict" }
  | { state: "signedOut" }
  | { state: "refused"; message: string };

/** The text another editor saved since this editor's base revision. */
export type OtherText<Content> = { revision: number; content: Content; updatedAt: string };
export type Conflict<Content> = { mine: Content; theirs: OtherText<Content> };

type Options<Values extends FieldValues, Content extends ArticleContent | RiskListContent> = {
  form: UseFormReturn<Values, unknown, Content>;
  kind: SaveDraftFormInput["kind"];
  versionId: string;
  initialRevision: number;
  updatedAt: string;
  schema: z.ZodType<Content, Values>;
  toFormValues: (content: Content) => Values;
};

function writeLocalCopy(versionId: string, copy: LocalDraftCopy) {
  try {
    localStorage.setItem(localDraftCopyKey(versionId), JSON.stringify(copy));
  } catch {
    // A full or disabled storage must not stop the editor; the server save still runs.
  }
}

function removeLocalCopy(versionId: string) {
  try {
    localStorage.removeItem(localDraftCopyKey(versionId));
  } catch {
    // See writeLocalCopy.
  }
}

/**
 * Autosave for a draft form: saves ~2 s after typing stops, when the page is hidden and on demand; every
 * save carries the revision it was based on. Unsaved form state is mirrored to localStorage on every
 * change and offered back on the next visit. A stale save becomes a conflict for the editor to resolve;
 * an expired session pauses saving (the local copy stays) until the editor signs in again.
 */
export function useDraftAutosave<Values extends FieldValues, Content extends ArticleContent | RiskListContent>({
  form,
  kind,
  versionId,
  initialRevision,
  updatedAt,
  schema,
  toFormValues,
}: Options<Values, Content>) {
  const [status, setStatus] = useState<SaveStatus>({ state: "saved", at: new Date(updatedAt) });
  const [conflict, setConflict] = useState<Conflict<Content> | null>(null);
  const [reference, setReference] = useState<OtherText<Content> | null>(null);
  const [offer, setOffer] = useState<LocalDraftCopy | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const baseRevision = useRef(initialRevision);
  /** The form values the server is known to hold. */
  const synced = useRef<unknown>(form.getValues());
  /** Saving waits while a conflict, an expired session or a stored copy awaits the editor's decision. */
  const paused = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const saveRef = useRef<() => Promise<boolean>>(async () => false);

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const isUnsaved = useCallback(() => !sameContent(form.getValues(), synced.current), [form]);

  const send = useCallback(async (): Promise<boolean> => {
    const current = form.getValues();
    const parsed = schema.safeParse(current);
    if (!parsed.success) {
      // The schema's messages go under their fields straight from this synchronous parse: RHF's own
      // asynchronous validation, racing a block being added, could drop the new block.
      form.clearErrors();
      const shown = new Set<string>();
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join(".");
        if (shown.has(path)) continue;
        shown.add(path);
        form.setError((path || "root") as Path<Values>, { type: "validate", message: issue.message });
      }
      setStatus({ state: "invalid" });
      return false;
    }
    form.clearErrors();
    setStatus({ state: "saving" });
    let result: Awaited<ReturnType<typeof saveDraftAction>>;
    try {
      result = await saveDraftAction({ kind, versionId, baseRevision: baseRevision.current, content: parsed.data } as SaveDraftFormInput);
    } catch {
      setStatus({ state: "retrying" });
      schedule(retryDelayMs);
      return false;
    }
    if (!result.ok) {
      const failure = result.error;
      if (failure.kind === "forbidden" && !(await isSignedIn().catch(() => true))) {
        paused.current = true;
        setStatus({ state: "signedOut" });
        return false;
      }
      if (failure.kind === "invalid") {
        const values = form.getValues();
        const isLeafField = (path: string) => {
          const value: unknown = get(values, path);
          return value !== undefined && (typeof value !== "object" || value === null);
        };
        setFormErrors(applyServerFieldErrors(failure, form.setError, isLeafField, "content."));
        setStatus({ state: "invalid" });
        return false;
      }
      setStatus({ state: "refused", message: failure.message });
      return false;
    }
    const outcome = result.value;
    if (outcome.saved) {
      baseRevision.current = outcome.revision;
      synced.current = current;
      setFormErrors([]);
      if (isUnsaved()) {
        // Typed while the save was under way: keep the copy, now based on the new revision, and save again.
        writeLocalCopy(versionId, { baseRevision: baseRevision.current, changedAt: new Date().toISOString(), content: form.getValues() });
        setStatus({ state: "unsaved" });
        schedule(autosaveDelayMs);
      } else {
        removeLocalCopy(versionId);
        setStatus({ state: "saved", at: new Date(outcome.savedAt) });
      }
      return true;
    }
    paused.current = true;
    // The server read the other text from this version, so it has this form's content type.
    setConflict({ mine: parsed.data, theirs: outcome.stale as OtherText<Content> });
    setStatus({ state: "conflict" });
    return false;
  }, [form, kind, versionId, schema, schedule, isUnsaved]);

  /** Saves now unless nothing changed; true once the server holds what the form shows. */
  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    if (paused.current) return false;
    // Several callers (timer, hidden page, button) may wait here; each re-checks once the one before is done,
    // and from the check to setting inFlight nothing awaits, so two saves never leave with the same revision.
    while (inFlight.current) await inFlight.current;
    if (paused.current) return false;
    if (!isUnsaved()) return true;
    inFlight.current = send();
    try {
      return (await inFlight.current) && !isUnsaved();
    } finally {
      inFlight.current = null;
    }
  }, [send, isUnsaved]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // A copy left by a reload, a closed tab or an expired session is offered before anything else happens.
  useEffect(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(localDraftCopyKey(versionId));
    } catch {
      stored = null;
    }
    const copy = localCopyToOffer(parseLocalDraftCopy(stored), { content: synced.current });
    if (copy) setOffer(copy);
    else {
      removeLocalCopy(versionId);
      paused.current = false;
    }
  }, [versionId]);

  const values = useWatch({ control: form.control });
  useEffect(() => {
    if (offer) return;
    if (!isUnsaved()) return;
    writeLocalCopy(versionId, { baseRevision: baseRevision.current, changedAt: new Date().toISOString(), content: values });
    if (paused.current) return;
    setStatus((current) => (current.state === "saving" ? current : { state: "unsaved" }));
    schedule(autosaveDelayMs);
  }, [values, offer, versionId, isUnsaved, schedule]);

  useEffect(() => {
    const onVisibilityChange = () => {
      if (document.visibilityState === "hidden") void saveRef.current();
    };
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      document.removeEventListener("visibilitychange", onVisibilityChange);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const restoreLocalCopy = useCallback(() => {
    if (!offer) return;
    form.reset(offer.content as Values, { keepDefaultValues: true });
    baseRevision.current = offer.baseRevision;
    setOffer(null);
    paused.current = false;
    void saveRef.current();
  }, [form, offer]);

  const discardLocalCopy = useCallback(() => {
    removeLocalCopy(versionId);
    setOffer(null);
    paused.current = false;
  }, [versionId]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    baseRevision.current = conflict.theirs.revision;
    setConflict(null);
    paused.current = false;
    void saveRef.current();
  }, [conflict]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const theirs = toFormValues(conflict.theirs.content);
    synced.current = theirs;
    baseRevision.current = conflict.theirs.revision;
    form.reset(theirs);
    removeLocalCopy(versionId);
    setConflict(null);
    setReference(null);
    paused.current = false;
    setStatus({ state: "saved", at: new Date(conflict.theirs.updatedAt) });
  }, [conflict, form, toFormValues, versionId]);

  /** Keep editing with the other text beside; the next save is based on its revision. */
  const mergeByHand = useCallback(() => {
    if (!conflict) return;
    baseRevision.current = conflict.theirs.revision;
    setReference(conflict.theirs);
    setConflict(null);
    paused.current = false;
    setStatus({ state: "unsaved" });
  }, [conflict]);

  return {
    status,
    formErrors,
    conflict,
    reference,
    closeReference: () => setReference(null),
    offer,
    restoreLocalCopy,
    discardLocalCopy,
    keepMine,
    takeTheirs,
    mergeByHand,
    save,
    /** The error message at a path, including a list's own error ("Minst en grupp"). */
    fieldError: (path: Path<Values>): string | undefined => {
      const error = get(form.formState.errors, path) as { message?: string; root?: { message?: string } } | undefined;
      return error?.message ?? error?.root?.message;
    },
  };
}
