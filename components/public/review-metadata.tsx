import type { ReviewMetadata } from "@/lib/content/public-content";
import { formatSwedishCalendarDate, formatSwedishDate, isoCalendarDate } from "./swedish-labels";

/** "Granskad av <namn, titel>, <datum>", "Nästa granskning …" and the version number of one published version. */
export function ReviewLine({ review }: { review: ReviewMetadata }) {
  const { lastReviewedAt, nextReviewDue, reviewer, versionNumber } = review;
  return (
    <div className="review-line">
      {lastReviewedAt && (
        <p>
          Granskad {reviewer && `av ${reviewer.name}, ${reviewer.title}, `}
          <time dateTime={lastReviewedAt.toISOString()}>{formatSwedishDate(lastReviewedAt)}</time>
        </p>
      )}
      {nextReviewDue && (
        <p>
          Nästa granskning <time dateTime={isoCalendarDate(nextReviewDue)}>{formatSwedishCalendarDate(nextReviewDue)}</time>
        </p>
      )}
      <p>Version {versionNumber}</p>
    </div>
  );
}

/** The reader-facing "Vad har ändrats" note of the published version, when it has one. */
export function ReaderNote({ note }: { note: string | null }) {
  if (!note) return null;
  return (
    <section className="reader-note" aria-labelledby="vad-har-andrats">
      <h2 id="vad-har-andrats">Vad har ändrats</h2>
      <p>{note}</p>
    </section>
  );
}
