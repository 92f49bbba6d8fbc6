/**
 * An audit event's data as compact "key: value" text, e.g. `before: EDITOR; after: EDITOR, REVIEWER`.
 * Nested objects are written the same way inside braces, so a change record stays on one line.
 */
export function auditDataText(data: unknown): string {
  if (data === null || data === undefined) return "";
  if (Array.isArray(data)) return data.map((item) => (isObject(item) ? `{${auditDataText(item)}}` : auditDataText(item))).join(", ");
  if (isObject(data)) {
    return Object.entries(data)
      .map(([key, value]) => `${key}: ${isObject(value) ? `{${auditDataText(value)}}` : Array.isArray(value) && value.length === 0 ? "–" : auditDataText(value)}`)
      .join("; ");
  }
  return String(data);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
