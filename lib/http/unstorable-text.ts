/**
 * PostgreSQL's text and jsonb cannot hold U+0000 (the insert fails), and `pg` silently turns an unpaired
 * UTF-16 surrogate into U+FFFD. Strings with either are refused at the door with a field error, so they
 * neither fail deep inside a transaction nor get stored altered.
 */
const unstorableCharacter = /[\u0000\p{Cs}]/u;

/** How deep the walk goes; the action schemas are far shallower, so deeper junk is refused by them. */
const maxDepth = 32;

export const unstorableTextMessage = "Texten innehåller ett tecken som inte kan sparas";

/** Field errors, keyed by dotted path like zod's, for every string in `input` that cannot be stored. */
export function unstorableTextErrors(input: unknown): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  const visit = (value: unknown, path: string[]) => {
    if (typeof value === "string") {
      if (unstorableCharacter.test(value)) fieldErrors[path.join(".") || "_form"] = [unstorableTextMessage];
      return;
    }
    if (typeof value !== "object" || value === null || path.length >= maxDepth) return;
    for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  visit(input, []);
  return fieldErrors;
}
