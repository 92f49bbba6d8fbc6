/**
 * The browser's copy of a draft's unsaved form state, so that a reload, a closed tab or an expired
 * session loses nothing that was typed. One copy per version, in localStorage; removed once the server
 * holds the same text.
 */
export type LocalDraftCopy = {
  /** The server revision the typing started from: a save of this copy is checked against it. */
  baseRevision: number;
  /** When the last change was typed (ISO 8601). */
  changedAt: string;
  content: unknown;
};

export function localDraftCopyKey(versionId: string): string {
  return `granskad:utkast:${versionId}`;
}

/** Reads a stored copy; anything unreadable counts as no copy (it was not written by this code). */
export function parseLocalDraftCopy(stored: string | null): LocalDraftCopy | null {
  if (!stored) return null;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== "object" || value === null) return null;
    const { baseRevision, changedAt, content } = value as Record<string, unknown>;
    if (typeof baseRevision !== "number" || typeof changedAt !== "string" || Number.isNaN(Date.parse(changedAt))) return null;
    if (typeof content !== "object" || content === null) return null;
    return { baseRevision, changedAt, content };
  } catch {
    return null;
  }
}

/**
 * Form state in a comparable form: object keys sorted, and empty optional fields ("" or undefined
 * properties, which the schema treats as absent) dropped. Array entries are kept as they are.
 */
function normalised(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalised);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined && field !== "")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => [key, normalised(field)]),
  );
}

export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

/**
 * Whether to offer the stored copy on opening the editor: only if it holds text the server does not
 * have. A copy equal to the server's text was saved after all (the tab closed before the copy was
 * cleared) and is not worth a question.
 */
export function localCopyToOffer(copy: LocalDraftCopy | null, server: { content: unknown }): LocalDraftCopy | null {
  if (!copy) return null;
  return sameContent(copy.content, server.content) ? null : copy;
}
