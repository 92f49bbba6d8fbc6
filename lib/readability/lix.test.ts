import { describe, expect, it } from "vitest";
import { analyseLix, lixBandOf, longestSentences } from "./lix";

/**
 * Each sample was counted by hand: words (W), sentences (S) and long words (L, more than six letters);
 * LIX = W/S + 100·L/W.
 */
describe("analyseLix on hand-counted Swedish samples", () => {
  it.each([
    {
      name: "two plain sentences, one ending in '!'",
      // Injektioner(11) kan hjälpa(6) många typer av ryggsmärtor(11). | Fråga din läkare(6)!
      units: ["Injektioner kan hjälpa många typer av ryggsmärtor. Fråga din läkare!"],
      words: 10,
      sentences: 2,
      longWords: 2,
      lix: 10 / 2 + (100 * 2) / 10,
    },
    {
      name: "a question, and abbreviations that do not end sentences",
      // Har du t.ex. diabetes(8)? | Tala med en läkare, bl.a. om blodsockret(11).
      units: ["Har du t.ex. diabetes? Tala med en läkare, bl.a. om blodsockret."],
      words: 11,
      sentences: 2,
      longWords: 2,
      lix: 11 / 2 + (100 * 2) / 11,
    },
    {
      name: "numbers are words but never long ones",
      // Effekten(8) varar 1 vecka till 1 år. | Dosen är 2,5 mg per dag.
      units: ["Effekten varar 1 vecka till 1 år. Dosen är 2,5 mg per dag."],
      words: 13,
      sentences: 2,
      longWords: 1,
      lix: 13 / 2 + (100 * 1) / 13,
    },
    {
      name: "a period between digits is no sentence end; one before a capital is",
      // Ta 1.5 ml. | Sedan vilar du.
      units: ["Ta 1.5 ml. Sedan vilar du."],
      words: 6,
      sentences: 2,
      longWords: 0,
      lix: 6 / 2,
    },
    {
      name: "an abbreviation with one period, and a long number",
      // Ring oss kl. 8 eller läs Språklagen(10) 2009:600 om klarspråk(9).
      units: ["Ring oss kl. 8 eller läs Språklagen 2009:600 om klarspråk."],
      words: 10,
      sentences: 1,
      longWords: 2,
      lix: 10 / 1 + (100 * 2) / 10,
    },
    {
      name: "'?!' is one end",
      // Vad händer sen?! | Du får åka hem.
      units: ["Vad händer sen?! Du får åka hem."],
      words: 7,
      sentences: 2,
      longWords: 0,
      lix: 7 / 2,
    },
    {
      name: "a colon before a capital ends a sentence; quotes are not words",
      // Läkaren(7) sa: | ”Det blir bra.” | Du kan gå hem.
      units: ["Läkaren sa: ”Det blir bra.” Du kan gå hem."],
      words: 9,
      sentences: 3,
      longWords: 1,
      lix: 9 / 3 + (100 * 1) / 9,
    },
    {
      name: "a colon before a lower-case word, and a dash, do not",
      // Du får: kortison(8) och ett bedövningsmedel(15) – ibland(6) också kontrastfärg(12).
      units: ["Du får: kortison och ett bedövningsmedel – ibland också kontrastfärg."],
      words: 9,
      sentences: 1,
      longWords: 3,
      lix: 9 / 1 + (100 * 3) / 9,
    },
    {
      name: "each list item is a sentence, punctuated or not",
      // Hjärtsvikt(10) | Diabetes(8) | Fibromyalgi(11)
      units: ["Hjärtsvikt", "Diabetes", "Fibromyalgi"],
      words: 3,
      sentences: 3,
      longWords: 3,
      lix: 3 / 3 + 100,
    },
    {
      name: "hyphenated compounds are one word counted by their letters",
      // Skicka e-post(5) till röntgen-mottagningen(18).
      units: ["Skicka e-post till röntgen-mottagningen."],
      words: 4,
      sentences: 1,
      longWords: 1,
      lix: 4 + 25,
    },
  ])("$name", ({ units, words, sentences, longWords, lix }) => {
    const analysis = analyseLix(units);
    expect({ words: analysis.words, sentences: analysis.sentences, longWords: analysis.longWords }).toEqual({ words, sentences, longWords });
    expect(analysis.lix).toBeCloseTo(lix, 10);
  });

  it("has no LIX for text without words", () => {
    expect(analyseLix([]).lix).toBeNull();
    expect(analyseLix(["", "  – … "]).lix).toBeNull();
  });

  it("lists each long word once, as written, and the sentences in reading order", () => {
    const analysis = analyseLix(["Steroidinjektioner hjälper. Steroidinjektioner kan ge biverkningar, t.ex. rodnad."]);
    expect(analysis.longWordList).toEqual(["Steroidinjektioner", "hjälper", "biverkningar"]);
    expect(analysis.sentenceList).toEqual([
      { text: "Steroidinjektioner hjälper.", words: 2 },
      { text: "Steroidinjektioner kan ge biverkningar, t.ex. rodnad.", words: 6 },
    ]);
    expect(longestSentences(analysis, 1)).toEqual([{ text: "Steroidinjektioner kan ge biverkningar, t.ex. rodnad.", words: 6 }]);
  });
});

describe("lixBandOf", () => {
  it.each([
    [0, "very_easy"],
    [29.9, "very_easy"],
    [30, "easy"],
    [40, "easy"],
    [40.1, "medium"],
    [50, "medium"],
    [55, "hard"],
    [60, "hard"],
    [60.5, "very_hard"],
    [101, "very_hard"],
  ] as const)("LIX %d is %s", (lix, band) => {
    expect(lixBandOf(lix)).toBe(band);
  });
});
