import { z } from "zod";

/**
 * What a reader may search for: one to 200 characters of text (the search box on every public page, the
 * /sok page and /api/v1/search use this one schema). Control characters, U+0000 and unpaired surrogates
 * are refused as input a reader did not type; they are a 400, never a database error.
 */
export const searchPhraseMaxLength = 200;

export const searchPhraseSchema = z
  .string({ error: "Skriv vad du vill söka efter" })
  .trim()
  .min(1, "Skriv vad du vill söka efter")
  .max(searchPhraseMaxLength, `Högst ${searchPhraseMaxLength} tecken`)
  .refine((phrase) => !/[\p{Cc}\p{Cs}]/u.test(phrase), "Sökningen innehåller ett tecken som inte kan sökas på");

/** At most this many words of a phrase are searched for; the rest are ignored (said on the page). */
export const maxSearchTerms = 8;
/** A single word longer than this is no Swedish word; it is cut (compounds of 40 letters are rare enough). */
const maxTermLength = 60;

/** The words of a phrase, lower-cased and each once, in the order typed: letters and digits only, so no query syntax gets through. */
export function searchTermsOf(phrase: string): string[] {
  const words = phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, maxTermLength)))].slice(0, maxSearchTerms);
}

/** Results per page on /sok and by default in the API. */
export const searchPageSize = 10;
/** The deepest result a search pages to: ranked results past it are not worth reading, and deep offsets cost. */
export const maxSearchOffset = 1000;
