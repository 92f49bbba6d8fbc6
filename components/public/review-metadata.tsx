import type { PublicReviewer, ReviewMetadata } from "@/lib/content/public-content";
import { isReviewOverdue } from "@/lib/content/review-due";
import { formatSwedishCalendarDate, formatSwedishDate, isoCalendarDate } from "./swedish-labels";

/** The reviewer as they signed: name, title and, when given, specialty. */
function reviewerDescription({ name, title, specialty }: PublicReviewer): string {
  return [name, title, specialty].filter((part) => part.trim() !== "").join(", ");
}

/**
 * Who reviewed the text and when, and when it is reviewed again, in words a reader uses: "Senast granskad
 * 9 januari 2026 av Anna Berg, Överläkare, Smärtlindring" and "Texten granskas igen senast 9 januari 2027".
 * Version numbers are for the feed and the admin, not for readers. Past the next review date the reader is
 * told plainly instead that the text may be out of date.
 */
export function ReviewLine({ review, now = new Date() }: { review: ReviewMetadata; now?: Date }) {
  const { lastReviewedAt, nextReviewDue, reviewer } = review;
  const overdue = isReviewOverdue(nextReviewDue, now);
  return (
    <div className="review-line">
      {overdue && nextReviewDue && (
        <p className="review-overdue" role="note">
          <strong>Granskningen är försenad.</strong> Texten skulle ha granskats igen senast{" "}
          <time dateTime={isoCalendarDate(nextReviewDue)}>{formatSwedishCalendarDate(nextReviewDue)}</time> och kan vara inaktuell. Fråga
          din läkare om du är osäker.
        </p>
      )}
      {lastReviewedAt && (
        <p>
          Senast granskad <time dateTime={lastReviewedAt.toISOString()}>{formatSwedishDate(lastReviewedAt)}</time>
          {reviewer && ` av ${reviewerDescription(reviewer)}`}
        </p>
      )}
      {nextReviewDue && !overdue && (
        <p>
          Texten granskas igen senast <time dateTime={isoCalendarDate(nextReviewDue)}>{formatSwedishCalendarDate(nextReviewDue)}</time>
        </p>
      )}
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
