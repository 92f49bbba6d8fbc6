"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { get, useWatch, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ArticleContent, GlossaryTermContent, RiskListContent } from "@/lib/content/content-schemas";
import { isSignedIn, saveDraftAction } from "@/lib/actions/editor-actions";
import { localCopyToOffer, localDraftCopyKey, parseLocalDraftCopy, sameContent, type LocalDraftCopy } from "./local-draft-copy";
import type { SaveDraftFormInput } from "@/lib/workflow/draft-schemas";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";

/** Saving starts this long after typing stops. */
const autosaveDelayMs = 2000;
/** After a failed request (network, server down), the next attempt. */
const retryDelayMs = 5000;

/** Where saving stands; `note` is what the last "Spara nu" adds to it, until the state changes. */
export type SaveStatus = (
  | { state: "saved"; at: Date }
  | { state: "unsaved" }
  | { state: "saving" }
  | { state: "invalid" }
  | { state: "retrying" }
  | { state: "conflict"; savedBy: string | null }
  | { state: "signedOut" }
  | { state: "refused"; message: string }
) & { note?: string };

/** The text another editor saved since this editor's base revision, and who saved it (null: unknown). */
export type OtherText<Content> = { revision: number; content: Content; updatedAt: string; savedBy: string | null };
export type Conflict<Content> = { mine: Content; theirs: OtherText<Content> };

/** What "Spara nu" did: saved, nothing to save, or why it could not. */
export type SaveNowOutcome = "saved" | "unchanged" | "invalid" | "conflict" | "signedOut" | "failed";

/** Why saving waits for the editor: a stored copy to restore or discard, a conflict, an expired session. */
type Pause = "offer" | "conflict" | "signedOut" | null;

type ShownError = { path: string; type: string; message: string };

/** The error messages under the form's fields, by dotted path ("blocks.2.text"; "blocks" for the list's own). */
function shownErrors(errors: unknown, prefix = ""): ShownError[] {
  if (typeof errors !== "object" || errors === null) return [];
  return Object.entries(errors).flatMap(([key, value]): ShownError[] => {
    if (["ref", "types", "type", "message"].includes(key) || typeof value !== "object" || value === null) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const { type, message } = value as { type?: unknown; message?: unknown };
    const own = typeof type === "string" && typeof message === "string" ? [{ path: key === "root" && prefix ? prefix : path, type, message }] : [];
    return [...own, ...shownErrors(value, path)];
  });
}

type Options<Values extends FieldValues, Content extends ArticleContent | RiskListContent | GlossaryTermContent> = {
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
export function useDraftAutosave<Values extends FieldValues, Content extends ArticleContent | RiskListContent | GlossaryTermContent>({
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
  /** The server's messages that belong to no field, and the form values they were about. */
  const [refusal, setRefusal] = useState<{ messages: string[]; values: unknown } | null>(null);

  const baseRevision = useRef(initialRevision);
  /** The form values the server is known to hold, and when it stored them. */
  const synced = useRef<unknown>(form.getValues());
  const syncedAt = useRef(new Date(updatedAt));
  /** The form values when the server last refused a field; its error stands until that field changes. */
  const refusedValues = useRef<unknown>(null);
  /** Saving waits while a stored copy (until it is checked), a conflict or an expired session awaits the editor. */
  const paused = useRef<Pause>("offer");
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
        paused.current = "signedOut";
        setStatus({ state: "signedOut" });
        return false;
      }
      if (failure.kind === "invalid") {
        const values = form.getValues();
        refusedValues.current = structuredClone(values);
        const isLeafField = (path: string) => {
          const value: unknown = get(values, path);
          return value !== undefined && (typeof value !== "object" || value === null);
        };
        setRefusal({ messages: applyServerFieldErrors(failure, form.setError, isLeafField, "content."), values: refusedValues.current });
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
      syncedAt.current = new Date(outcome.savedAt);
      setRefusal(null);
      if (isUnsaved()) {
        // Typed while the save was under way: keep the copy, now based on the new revision, and save again.
        writeLocalCopy(versionId, { baseRevision: baseRevision.current, changedAt: new Date().toISOString(), content: form.getValues() });
        setStatus({ state: "unsaved" });
        schedule(autosaveDelayMs);
      } else {
        removeLocalCopy(versionId);
        setStatus({ state: "saved", at: syncedAt.current });
      }
      return true;
    }
    paused.current = "conflict";
    // The server read the other text from this version, so it has this form's content type.
    setConflict({ mine: parsed.data, theirs: outcome.stale as OtherText<Content> });
    setStatus({ state: "conflict", savedBy: outcome.stale.savedBy });
    return false;
  }, [form, kind, versionId, schema, schedule, isUnsaved]);

  /**
   * After a change, the errors shown are brought up to date: a field the schema now accepts loses its
   * error (a server's refusal stands until its field changes), a message still true stays. No new error
   * is shown while typing; the next save shows those. True if errors remain.
   */
  const refreshShownErrors = useCallback((): boolean => {
    const shown = shownErrors(form.formState.errors);
    if (shown.length === 0) return false;
    const values = form.getValues();
    const parsed = schema.safeParse(values);
    const issues = new Map<string, string>();
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const path = issue.path.map(String).join(".") || "root";
      if (!issues.has(path)) issues.set(path, issue.message);
    }
    const unchanged = (path: string) => JSON.stringify(get(values, path)) === JSON.stringify(get(refusedValues.current, path));
    const remaining = shown.flatMap((error): ShownError[] => {
      if (error.type === "server") return unchanged(error.path) ? [error] : [];
      const message = issues.get(error.path);
      return message === undefined ? [] : [{ ...error, message }];
    });
    const same = remaining.length === shown.length && remaining.every((error, index) => error.message === shown[index]!.message);
    if (!same) {
      form.clearErrors();
      for (const error of remaining) form.setError(error.path as Path<Values>, { type: error.type, message: error.message });
    }
    return remaining.length > 0;
  }, [form, schema]);

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
      paused.current = null;
    }
  }, [versionId]);

  const values = useWatch({ control: form.control });
  useEffect(() => {
    if (offer) return;
    const errorsRemain = refreshShownErrors();
    if (!isUnsaved()) {
      // Back at what the server holds (typed back, or undone): nothing to save and nothing wrong.
      if (paused.current) return;
      if (timer.current) clearTimeout(timer.current);
      removeLocalCopy(versionId);
      setStatus((current) => (current.state === "saving" ? current : { state: "saved", at: syncedAt.current }));
      return;
    }
    writeLocalCopy(versionId, { baseRevision: baseRevision.current, changedAt: new Date().toISOString(), content: values });
    if (paused.current) return;
    setStatus((current) => (current.state === "saving" ? current : errorsRemain ? { state: "invalid" } : { state: "unsaved" }));
    schedule(autosaveDelayMs);
  }, [values, offer, versionId, isUnsaved, schedule, refreshShownErrors]);

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
    paused.current = null;
    void saveRef.current();
  }, [form, offer]);

  const discardLocalCopy = useCallback(() => {
    removeLocalCopy(versionId);
    setOffer(null);
    paused.current = null;
  }, [versionId]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    baseRevision.current = conflict.theirs.revision;
    setConflict(null);
    paused.current = null;
    void saveRef.current();
  }, [conflict]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const theirs = toFormValues(conflict.theirs.content);
    synced.current = theirs;
    syncedAt.current = new Date(conflict.theirs.updatedAt);
    baseRevision.current = conflict.theirs.revision;
    form.reset(theirs);
    removeLocalCopy(versionId);
    setConflict(null);
    setReference(null);
    paused.current = null;
    setStatus({ state: "saved", at: syncedAt.current });
  }, [conflict, form, toFormValues, versionId]);

  /** Keep editing with the other text beside; the next save is based on its revision. */
  const mergeByHand = useCallback(() => {
    if (!conflict) return;
    baseRevision.current = conflict.theirs.revision;
    setReference(conflict.theirs);
    setConflict(null);
    paused.current = null;
    setStatus({ state: "unsaved" });
  }, [conflict]);

  /**
   * "Spara nu": saves whatever the server does not have yet, or says why it cannot; with nothing to
   * save it says so. Never silently does nothing.
   */
  const saveNow = useCallback(async (): Promise<SaveNowOutcome> => {
    if (paused.current === "conflict") {
      setStatus((current) => ({ ...current, note: "Välj först vilken text som ska gälla, i konflikten nedan." }));
      return "conflict";
    }
    if (paused.current === "signedOut") return "signedOut";
    if (!isUnsaved() && !inFlight.current) {
      setStatus({ state: "saved", at: syncedAt.current, note: "Det fanns inget nytt att spara." });
      return "unchanged";
    }
    if (await save()) return "saved";
    // The save may have ended in a conflict or found the session expired.
    const reason = paused.current as Pause;
    if (reason === "conflict" || reason === "signedOut") return reason;
    return shownErrors(form.formState.errors).length > 0 ? "invalid" : "failed";
  }, [isUnsaved, save, form]);

  return {
    status,
    // A message that belongs to no field cannot be told fixed by any one change; after a change it is
    // withdrawn, and the next save says again if it still holds.
    formErrors: refusal && sameContent(values, refusal.values) ? refusal.messages : [],
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
    saveNow,
    /** The revision the server holds as far as this editor knows: the one their last save (or the page) was based on. */
    revision: () => baseRevision.current,
    /** The error message at a path, including a list's own error ("Minst en grupp"). */
    fieldError: (path: Path<Values>): string | undefined => {
      const error = get(form.formState.errors, path) as { message?: string; root?: { message?: string } } | undefined;
      return error?.message ?? error?.root?.message;
    },
  };
}
