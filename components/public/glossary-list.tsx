import Link from "next/link";
import type { PublishedGlossaryEntry } from "@/lib/content/public-content";
import { glossaryTitle } from "@/lib/labels/sv";
import { glossaryEntryId, glossaryExplanationId } from "./glossary-anchors";
import { Heading, type HeadingLevel } from "./heading";

/**
 * The explanations of the glossary terms a page marks, as a list at its end (footnote style): each marked
 * term in the text links here, so the explanation is one link away without JavaScript, and a screen reader
 * reads it as the link's description. Nothing when the page marks no published term.
 */
export function GlossaryList({ entries, level, glossaryPath }: { entries: PublishedGlossaryEntry[]; level: HeadingLevel; glossaryPath: string }) {
  if (entries.length === 0) return null;
  return (
    <section className="glossary" aria-labelledby="ordlista-rubrik" data-testid="glossary">
      <Heading level={level} id="ordlista-rubrik">
        {glossaryTitle}
      </Heading>
      <dl>
        {entries.map((entry) => (
          <div key={entry.id} id={glossaryEntryId(entry.slug)} className="glossary-entry">
            <dt>
              <dfn>{entry.title}</dfn>
            </dt>
            <dd id={glossaryExplanationId(entry.slug)}>{entry.explanation}</dd>
          </div>
        ))}
      </dl>
      <p className="glossary-more">
        <Link href={glossaryPath}>Alla förklarade ord</Link>
      </p>
    </section>
  );
}
