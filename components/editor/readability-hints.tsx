"use client";

import { useDeferredValue, useId, useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import type { ArticleBlock } from "@/lib/content/content-schemas";
import { lixBandLabels, lixSentence } from "@/lib/labels/sv";
import { articleLix, blockLix } from "@/lib/readability/article-readability";
import { isLongToken, longestSentences, type LixAnalysis, type LixSentence } from "@/lib/readability/lix";
import { lixFigureOf } from "@/lib/readability/readability-comparison";

/**
 * LIX as the editor types (lib/readability, the same rules as the feed and the review screen): for the
 * whole article and for each text block. A hint, never an error: nothing here touches validation or
 * saving. The figures follow the form's values (useWatch), deferred so that typing stays smooth.
 */

/** How many of a block's longest sentences are highlighted on request. */
const highlightedSentences = 2;

function Figure({ analysis, target }: { analysis: LixAnalysis | null; target: number }) {
  const figure = lixFigureOf(analysis);
  if (!figure || !analysis) return <span>Ingen text att mäta än.</span>;
  return (
    <>
      <strong data-testid="lix-value">{lixSentence(figure)}</strong>
      <span className="readability-counts">
        {" "}
        ({analysis.words} ord, {analysis.sentences} {analysis.sentences === 1 ? "mening" : "meningar"}, {analysis.longWords} långa ord)
      </span>
      {figure.lix > target && <span className="readability-over"> Över målet för patienttext (högst {target}): korta meningarna eller byt långa ord där det går.</span>}
    </>
  );
}

/** One sentence with its long words marked. */
function MarkedSentence({ sentence }: { sentence: LixSentence }) {
  const pieces = sentence.text.split(/(\s+)/u);
  return (
    <>
      {pieces.map((piece, index) =>
        isLongToken(piece) ? (
          <mark key={index} className="readability-long-word" data-testid="lix-long-word">
            {piece}
          </mark>
        ) : (
          <span key={index}>{piece}</span>
        ),
      )}
    </>
  );
}

function Highlights({ analysis }: { analysis: LixAnalysis }) {
  const longest = new Set(longestSentences(analysis, Math.min(highlightedSentences, analysis.sentences > 1 ? highlightedSentences : 0)));
  return (
    <div className="readability-highlights" data-testid="lix-highlights">
      <p className="readability-legend">
        De <span className="readability-long-sentence">längsta meningarna</span> och <mark className="readability-long-word">långa ord</mark> (fler än sex bokstäver). Sammansatta ord
        är ofta långa men lätta: se dem som ett tips, inte ett fel.
      </p>
      <p>
        {analysis.sentenceList.map((sentence, index) => (
          <span key={index}>
            {longest.has(sentence) ? (
              <span className="readability-long-sentence" data-testid="lix-long-sentence" title={`${sentence.words} ord`}>
                <MarkedSentence sentence={sentence} />
              </span>
            ) : (
              <MarkedSentence sentence={sentence} />
            )}{" "}
          </span>
        ))}
      </p>
    </div>
  );
}

/** Under a text block: its LIX, and on request its longest sentences and long words. */
export function BlockReadability({ path, target }: { path: `blocks.${number}`; target: number }) {
  const block = useDeferredValue(useWatch({ name: path }) as ArticleBlock | undefined);
  const analysis = useMemo(() => (block ? blockLix(block) : null), [block]);
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!analysis) return null;
  return (
    <div className="readability-hint" data-testid="block-readability">
      <p>
        <span className="readability-label">Läsbarhet: </span>
        <Figure analysis={analysis} target={target} />{" "}
        {analysis.words > 0 && (
          <button type="button" className="editor-small-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
            {open ? "Dölj långa meningar och ord" : "Visa långa meningar och ord"}
          </button>
        )}
      </p>
      <div id={id} hidden={!open}>
        {open && <Highlights analysis={analysis} />}
      </div>
    </div>
  );
}

/** Above the blocks: the whole article's LIX (summary and text blocks), with the bands explained. */
export function ArticleReadability({ target }: { target: number }) {
  const [summary, blocks] = useDeferredValue(useWatch({ name: ["summary", "blocks"] }) as [string | undefined, ArticleBlock[] | undefined]);
  const analysis = useMemo(() => articleLix({ summary, blocks: blocks ?? [] }), [summary, blocks]);
  return (
    <section className="readability-article" aria-labelledby="lasbarhet-rubrik" data-testid="article-readability">
      <h2 id="lasbarhet-rubrik">Läsbarhet för hela artikeln</h2>
      <p>
        <Figure analysis={analysis} target={target} />
      </p>
      <details>
        <summary>Vad betyder LIX?</summary>
        <p>
          LIX (läsbarhetsindex) är ord per mening plus andelen långa ord i procent. Målet för patienttext är högst {target}. Siffran är en hjälp, den stoppar aldrig
          att du sparar.
        </p>
        <ul>
          <li>Under 30: {lixBandLabels.very_easy.name}, {lixBandLabels.very_easy.like}</li>
          <li>30–40: {lixBandLabels.easy.name}, {lixBandLabels.easy.like}</li>
          <li>41–50: {lixBandLabels.medium.name}, {lixBandLabels.medium.like}</li>
          <li>51–60: {lixBandLabels.hard.name}, {lixBandLabels.hard.like}</li>
          <li>Över 60: {lixBandLabels.very_hard.name}, {lixBandLabels.very_hard.like}</li>
        </ul>
      </details>
    </section>
  );
}
