import Link from "next/link";
import { formatAdminDateTime, formatCalendarDate, itemTypeName, versionStatusLabels } from "@/lib/labels/sv";
import type { DashboardRow } from "@/lib/workflow/dashboard";
import "./dashboard.css";

/** Which date a section is about, shown in its date column. */
export type DashboardDateColumn = "updated" | "submitted" | "decided" | "scheduled" | "nextReviewDue" | "published";

const dateHeadings: Record<DashboardDateColumn, string> = {
  updated: "Senast ändrad",
  submitted: "Inskickad",
  decided: "Beslut",
  scheduled: "Schemalagd",
  nextReviewDue: "Granskas senast",
  published: "Publicerad",
};

function dateOf(row: DashboardRow, column: DashboardDateColumn): string {
  const at = (moment: Date | null) => (moment ? formatAdminDateTime(moment) : "–");
  switch (column) {
    case "updated":
      return at(row.updatedAt);
    case "submitted":
      return at(row.submittedAt);
    case "decided":
      return at(row.decidedAt);
    case "published":
      return at(row.publishedAt);
    case "nextReviewDue":
      return row.nextReviewDue ? formatCalendarDate(row.nextReviewDue) : "–";
    case "scheduled":
      return [
        row.scheduledPublishAt && `publiceras ${formatAdminDateTime(row.scheduledPublishAt)}`,
        row.scheduledUnpublishAt && `avpubliceras ${formatAdminDateTime(row.scheduledUnpublishAt)}`,
      ]
        .filter(Boolean)
        .join(", ");
  }
}

/** One dashboard section: a heading, a table of versions, or a sentence saying there are none. */
export function DashboardSection({ id, title, empty, rows, dateColumn }: { id: string; title: string; empty: string; rows: DashboardRow[]; dateColumn: DashboardDateColumn }) {
  const headingId = `${id}-rubrik`;
  return (
    <section aria-labelledby={headingId} data-testid={id}>
      <h2 id={headingId}>
        {title} <span className="dashboard-empty">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="dashboard-empty">{empty}</p>
      ) : (
        <table className="dashboard-table">
          <thead>
            <tr>
              <th scope="col">Titel</th>
              <th scope="col">Typ</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">{dateHeadings[dateColumn]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.versionId}>
                <th scope="row">
                  <Link href={row.href}>{row.itemTitle}</Link>
                </th>
                <td>{itemTypeName(row)}</td>
                <td>{row.number}</td>
                <td>{versionStatusLabels[row.status]}</td>
                <td>{dateOf(row, dateColumn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
