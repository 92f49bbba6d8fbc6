import type { ReviewMetadata } from "@/lib/content/public-content";
import { PrintDate } from "./print-date";
import { ReviewLine } from "./review-metadata";

/**
 * The footer of a printed page (a patient leaflet): who reviewed the text and when, where it is online,
 * and when it was printed. It is shown only in print (app/(public)/print.css).
 */
export function PrintFooter({ review, url }: { review: ReviewMetadata; url: string }) {
  return (
    <footer className="print-footer">
      <ReviewLine review={review} />
      <p>
        Utskriven <PrintDate fetchedAt={new Date().toISOString()} /> från <span className="print-url">{url}</span>
      </p>
    </footer>
  );
}
