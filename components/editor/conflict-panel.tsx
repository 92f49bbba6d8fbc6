"use client";

import { useEffect, useRef } from "react";
import type { ArticleContent, GlossaryTermContent, RiskListContent } from "@/lib/content/content-schemas";
import { InlineMarkdown } from "@/components/public/inline-markdown";
import { contentOutline, type OutlineLine, type ReferenceTitles } from "./content-outline";
import type { Conflict, OtherText } from "./use-draft-autosave";

const clock = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });

/** The lines of `lines`, those missing from `other` marked (in words too, not only by colour). */
function Outline({ lines, other }: { lines: OutlineLine[]; other?: OutlineLine[] }) {
  const otherLines = new Set(other?.map((line) => `${line.label}\n${line.text}`));
  return (
    <dl className="editor-outline">
      {lines.map((line, index) => {
        const differs = other !== undefined && !otherLines.has(`${line.label}\n${line.text}`);
        return (
          <div key={index} className={differs ? "editor-outline-differs" : undefined}>
            <dt>
              {line.label}
              {differs && <span className="editor-outline-flag"> – skiljer sig</span>}
            </dt>
            <dd>{line.formatted ? <InlineMarkdown text={line.text} /> : line.text}</dd>
          </div>
        );
      })}
    </dl>
  );
}

type Content = ArticleContent | RiskListContent | GlossaryTermContent;

/** Who saved the other text and when: "sparad av Anna Berg 2026-12-01 14:32". */
function savedByWhen(other: OtherText<Content>): string {
  return `sparad ${other.savedBy ? `av ${other.savedBy} ` : ""}${clock.format(new Date(other.updatedAt))}`;
}

/** Both texts side by side and the three ways out; nothing is saved until the editor picks one. */
export function ConflictPanel({
  conflict,
  titles,
  onKeepMine,
  onTakeTheirs,
  onMerge,
}: {
  conflict: Conflict<Content>;
  titles: ReferenceTitles;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The conflict stops saving, so it takes the focus: keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), []);
  const mine = contentOutline(conflict.mine, titles);
  const theirs = contentOutline(conflict.theirs.content, titles);
  return (
    <section className="editor-conflict" aria-labelledby="konflikt-rubrik" data-testid="conflict-panel">
      <h2 id="konflikt-rubrik" tabIndex={-1} ref={heading}>
        Konflikt: {conflict.theirs.savedBy ?? "någon annan"} har sparat utkastet
      </h2>
      <p data-testid="conflict-saved-by">
        {conflict.theirs.savedBy ?? "Någon annan"} sparade utkastet {clock.format(new Date(conflict.theirs.updatedAt))} medan du skrev. Ingenting har
        skrivits över. Välj vilken text som ska gälla.
      </p>
      <div className="editor-actions">
        <button type="button" onClick={onKeepMine}>
          Behåll min version
        </button>
        <button type="button" onClick={onTakeTheirs}>
          Ta deras version
        </button>
        <button type="button" onClick={onMerge}>
          Slå ihop för hand
        </button>
      </div>
      <div className="editor-columns">
        <div>
          <h3>Din version</h3>
          <Outline lines={mine} other={theirs} />
        </div>
        <div>
          <h3>Den andras version ({savedByWhen(conflict.theirs)})</h3>
          <Outline lines={theirs} other={mine} />
        </div>
      </div>
    </section>
  );
}

/** While merging by hand: the other text, for reference beside the form. */
export function OtherTextReference({ other, titles, onClose }: { other: OtherText<Content>; titles: ReferenceTitles; onClose: () => void }) {
  return (
    <aside className="editor-reference" aria-labelledby="andras-text">
      <h2 id="andras-text">Den andras version ({savedByWhen(other)})</h2>
      <p>Nästa sparning ersätter den här texten med formulärets; för över det du vill behålla.</p>
      <Outline lines={contentOutline(other.content, titles)} />
      <button type="button" className="editor-secondary" onClick={onClose}>
        Dölj
      </button>
    </aside>
  );
}
