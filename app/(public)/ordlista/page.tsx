import type { Metadata } from "next";
import { glossaryEntryId, glossaryExplanationId } from "@/components/public/glossary-anchors";
import { listPublishedGlossary, publicGlossaryPath } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";
import { glossaryTitle } from "@/lib/labels/sv";
import { contentPageMetadata } from "@/lib/seo/page-metadata";

// Read at request time: the build has no database, and a publish must show without a rebuild.
export const dynamic = "force-dynamic";

export const metadata: Metadata = contentPageMetadata({
  title: glossaryTitle,
  description: "Medicinska ord som används i artiklarna, förklarade på enkel svenska och granskade av en läkare.",
  path: publicGlossaryPath,
  modifiedAt: null,
});

/** The public glossary: every published term with its explanation; the entries of search hits for a term. */
export default async function GlossaryPage() {
  const entries = await listPublishedGlossary(getDb());
  return (
    <article className="article glossary-page">
      <header className="article-header">
        <h1>{glossaryTitle}</h1>
        <p className="lead">Medicinska ord som används i artiklarna, förklarade på enkel svenska. Varje förklaring är granskad.</p>
      </header>
      {entries.length === 0 ? (
        <p>Det finns inga förklarade ord ännu.</p>
      ) : (
        <dl className="glossary">
          {entries.map((entry) => (
            <div key={entry.id} id={glossaryEntryId(entry.slug)} className="glossary-entry">
              <dt>
                <dfn>{entry.title}</dfn>
              </dt>
              <dd id={glossaryExplanationId(entry.slug)}>{entry.explanation}</dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
}
