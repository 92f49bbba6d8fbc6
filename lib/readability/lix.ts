/**
 * LIX, Björnsson's läsbarhetsindex: words per sentence plus the percentage of long words (more than six
 * letters). Pure and dependency-free, so the editor computes it in the browser with the same rules as the
 * feed and the API on the server.
 *
 * The Swedish rules, as a reader would count by hand:
 * - A word is a whitespace-separated token with at least one letter or digit; punctuation around it is
 *   not part of it. A number ("1", "2009:600", "3,5") is a word, but never a long one: only letters count
 *   towards length. A hyphenated compound ("e-post") is one word, its letters counted without the hyphen.
 * - A sentence ends at "!" or "?" (any run of them, "?!" is one end), and at "." or ":" when the next
 *   word does not start with a lower-case letter. An abbreviation ("t.ex.", "bl.a.", "m.m.", "ca.",
 *   "dvs.") never ends a sentence inside a text; neither does a "." between digits ("1.5 mg").
 * - Every text unit (a paragraph, a list item) ends a sentence, punctuated or not, so a bullet list of
 *   five points is five sentences.
 */

export type LixSentence = { text: string; words: number };

export type LixAnalysis = {
  /** null when there is no word to measure. */
  lix: number | null;
  words: number;
  sentences: number;
  longWords: number;
  /** The sentences in reading order, with their word counts. */
  sentenceList: LixSentence[];
  /** Each long word once, in the order it first appears, as written (without the punctuation around it). */
  longWordList: string[];
};

/** Björnsson's bands, as codes; lib/labels/sv.ts says them in words. */
export const lixBands = ["very_easy", "easy", "medium", "hard", "very_hard"] as const;
export type LixBand = (typeof lixBands)[number];

/** Under 30 very easy, 30–40 easy, over 40 to 50 medium, over 50 to 60 hard, over 60 very hard. */
export function lixBandOf(lix: number): LixBand {
  if (lix < 30) return "very_easy";
  if (lix <= 40) return "easy";
  if (lix <= 50) return "medium";
  if (lix <= 60) return "hard";
  return "very_hard";
}

/** More letters than this make a word long. */
export const longWordLetters = 6;

/**
 * Swedish abbreviations written with one final period that is not also an ordinary word ("med.", "min."
 * and "s." are left out: "Kom med." ends a sentence). Those with two or more periods ("t.ex.", "bl.a.",
 * "d.v.s.", "m.fl.") are recognised by their shape.
 */
const abbreviations = new Set([
  "dvs.", "osv.", "pga.", "ca.", "c:a.", "resp.", "kl.", "nr.", "jfr.", "etc.", "ev.", "inkl.", "exkl.", "obs.", "mfl.", "sid.",
  "prof.", "leg.", "tf.", "vard.", "bl.", "t.", "f.", "enl.", "avd.", "tfn.", "forts.",
]);
/** Groups of one to three letters, each followed by a period, at least two of them: "t.ex.", "bl.a.", "fr.o.m.". */
const abbreviationPattern = /^\p{L}{1,3}(\.\p{L}{1,3})+\.$/u;

const letter = /\p{L}/gu;
const wordCharacter = /[\p{L}\p{N}]/u;
/** Punctuation that may stand before or after a word: quotes, brackets, dashes. */
const leadingPunctuation = /^[\p{Ps}\p{Pi}\p{Pd}"'«»”“‘’*_]+/u;
const trailingPunctuation = /[\p{Pe}\p{Pf}"'«»”“‘’*_,;]+$/u;

type Token = { word: string; raw: string };

function tokensOf(unit: string): Token[] {
  return unit
    .split(/\s+/u)
    .filter((raw) => raw !== "")
    .map((raw) => ({ raw, word: raw.replace(leadingPunctuation, "").replace(trailingPunctuation, "") }));
}

function isWord(token: Token): boolean {
  return wordCharacter.test(token.word);
}

function isAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  return abbreviations.has(lower) || abbreviationPattern.test(lower);
}

function startsLowerCase(token: Token | undefined): boolean {
  const first = token?.word.match(/\p{L}|\p{N}/u)?.[0];
  return first !== undefined && /\p{Ll}/u.test(first);
}

/** Whether the token closes its sentence, given the token after it in the same unit. */
function endsSentence(token: Token, next: Token | undefined): boolean {
  const word = token.word;
  if (/[!?]+[.!?:]*$/u.test(word)) return true;
  if (!/[.:]$/u.test(word)) return false;
  if (word.endsWith(".") && isAbbreviation(word)) return false;
  return !startsLowerCase(next);
}

function lettersIn(word: string): number {
  return word.match(letter)?.length ?? 0;
}

/** The word as shown in a list of long words: without the sentence's closing punctuation. */
function bareWord(word: string): string {
  return word.replace(/[.:!?]+$/u, "");
}

/** Whether a whitespace-separated token, as written, counts as a long word (the editor marks these). */
export function isLongToken(raw: string): boolean {
  const token = { raw, word: raw.replace(leadingPunctuation, "").replace(trailingPunctuation, "") };
  return isWord(token) && !isAbbreviation(token.word) && lettersIn(bareWord(token.word)) > longWordLetters;
}

/** LIX of text units (paragraphs, list items), each ending a sentence. Units are plain text, not Markdown. */
export function analyseLix(units: readonly string[]): LixAnalysis {
  let words = 0;
  let longWords = 0;
  const sentenceList: LixSentence[] = [];
  const longWordList: string[] = [];
  const seenLong = new Set<string>();
  for (const unit of units) {
    const tokens = tokensOf(unit);
    let sentence: string[] = [];
    let sentenceWords = 0;
    const close = () => {
      if (sentenceWords > 0) sentenceList.push({ text: sentence.join(" "), words: sentenceWords });
      sentence = [];
      sentenceWords = 0;
    };
    tokens.forEach((token, index) => {
      sentence.push(token.raw);
      if (!isWord(token)) return;
      words += 1;
      sentenceWords += 1;
      const bare = bareWord(token.word);
      if (!isAbbreviation(token.word) && lettersIn(bare) > longWordLetters) {
        longWords += 1;
        const key = bare.toLowerCase();
        if (!seenLong.has(key)) {
          seenLong.add(key);
          longWordList.push(bare);
        }
      }
      if (endsSentence(token, tokens[index + 1])) close();
    });
    close();
  }
  const sentences = sentenceList.length;
  const lix = words === 0 ? null : words / sentences + (100 * longWords) / words;
  return { lix, words, sentences, longWords, sentenceList, longWordList };
}

/** LIX rounded as it is shown and served: whole numbers read best, and nobody acts on the decimals. */
export function roundedLix(lix: number): number {
  return Math.round(lix);
}

/** The `count` longest sentences (most words), longest first; ties keep reading order. */
export function longestSentences(analysis: LixAnalysis, count: number): LixSentence[] {
  return [...analysis.sentenceList]
    .map((sentence, index) => ({ sentence, index }))
    .sort((a, b) => b.sentence.words - a.sentence.words || a.index - b.index)
    .slice(0, count)
    .map(({ sentence }) => sentence);
}
