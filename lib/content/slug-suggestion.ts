import { slugSchema } from "./content-schemas";

/** Letters that Unicode does not decompose into a base letter and a mark. */
const spelledOut: Record<string, string> = { æ: "ae", ø: "o", œ: "oe", ß: "ss", ð: "d", þ: "th", ł: "l", đ: "d", ı: "i" };

const maxSlugLength = slugSchema.maxLength ?? 120;

/**
 * The address suggested for a new article or risk list from its title: lower case, letters without
 * their marks (å, ä → a, ö → o, é → e), everything that is not a letter or digit a single hyphen, at
 * most as long as an address may be, cut at a word. Always a valid slug, or "" for a title without
 * letters or digits.
 */
export function suggestSlug(title: string): string {
  const words = title
    .toLocaleLowerCase("sv")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x00-\x7f]/g, (character) => spelledOut[character] ?? " ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxSlugLength) return slug || word.slice(0, maxSlugLength);
    slug = next;
  }
  return slug;
}
