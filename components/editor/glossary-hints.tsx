"use client";

import { useDeferredValue, useMemo } from "react";
import { useWatch } from "react-hook-form";
import type { ArticleBlock } from "@/lib/content/content-schemas";
import { unexplainedGlossaryTerms } from "@/lib/content/glossary-usage";
import { useGlossaryChoices } from "./glossary-context";

/**
 * The glossary terms the article uses but does not mark (lib/content/glossary-usage.ts), as the editor
 * types: a hint, like the LIX, never an error and never a block on saving. Each names the words found and
 * the blocks they are in; marking one occurrence (”Förklara ord”) explains the term for the whole article.
 */
export function GlossaryHints({ blockLabel }: { blockLabel: (key: string) => string | null }) {
  const glossary = useGlossaryChoices();
  const blocks = useDeferredValue(useWatch({ name: "blocks" }) as ArticleBlock[] | undefined);
  const unexplained = useMemo(() => unexplainedGlossaryTerms(blocks ?? [], glossary), [blocks, glossary]);
  if (glossary.length === 0) return null;
  return (
    <section className="readability-article glossary-hints" aria-labelledby="ordlista-tips-rubrik" data-testid="glossary-hints">
      <h2 id="ordlista-tips-rubrik">Ord i ordlistan</h2>
      {unexplained.length === 0 ? (
        <p>Alla ord från ordlistan som texten använder är förklarade.</p>
      ) : (
        <>
          <p>De här orden finns i ordlistan men är inte markerade i texten. Markera ordet där det först används med ”Förklara ord”, så visas förklaringen för läsaren.</p>
          <ul>
            {unexplained.map((term) => (
              <li key={term.termId} data-testid="glossary-hint">
                <strong>{term.title}</strong>: {term.found.map((word) => `”${word}”`).join(", ")} i{" "}
                {term.blockKeys
                  .map(blockLabel)
                  .filter((label): label is string => label !== null)
                  .join(", ")}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
