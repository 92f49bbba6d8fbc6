import type { ReviewMetadata } from "@/lib/content/public-content";
import { isReviewOverdue } from "@/lib/content/review-due";
import { formatSwedishCalendarDate, formatSwedishDate, isoCalendarDate } from "./swedish-labels";

/**
 * "Senast granskad <datum> av <namn, titel>", "Nästa granskning …" and the version number of one published
 * version; past its next review date the reader is told plainly that the text may be out of date.
 */
export function ReviewLine({ review, now = new Date() }: { review: ReviewMetadata; now?: Date }) {
  const { lastReviewedAt, nextReviewDue, reviewer, versionNumber } = review;
  return (
    <div className="review-line">
      {isReviewOverdue(nextReviewDue, now) && nextReviewDue && (
        <p className="review-overdue" role="note">
          <strong>Granskningen är försenad.</strong> Texten skulle ha granskats igen senast{" "}
          <time dateTime={isoCalendarDate(nextReviewDue)}>{formatSwedishCalendarDate(nextReviewDue)}</time> och kan vara inaktuell. Fråga
          din läkare om du är osäker.
        </p>
      )}
      {lastReviewedAt && (
        <p>
          Senast granskad <time dateTime={lastReviewedAt.toISOString()}>{formatSwedishDate(lastReviewedAt)}</time>
          {reviewer && ` av ${reviewer.name}, ${reviewer.title}`}
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
