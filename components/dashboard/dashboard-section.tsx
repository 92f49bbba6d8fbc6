import Link from "next/link";
import { formatAdminDateTime, formatElapsed, itemTypeName, versionStatusLabels } from "@/lib/labels/sv";
import type { LoadedDashboardSection } from "@/lib/workflow/dashboard";
import "./dashboard.css";

/**
 * One dashboard section: a heading, and a table whose every row says what it is, its state, how long it
 * has waited, and links to the one screen of its next step; or a sentence saying there is nothing.
 */
export function DashboardSection({ section, now }: { section: LoadedDashboardSection; now: Date }) {
  const { definition, rows } = section;
  const headingId = `${definition.id}-rubrik`;
  return (
    <section aria-labelledby={headingId} data-testid={definition.id} id={definition.id} className="dashboard-section">
      <h3 id={headingId}>
        {definition.title} <span className="dashboard-count">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="dashboard-empty">{definition.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="dashboard-table">
            <thead>
              <tr>
                <th scope="col">Titel</th>
                <th scope="col">Typ och version</th>
                <th scope="col">Status</th>
                <th scope="col">{definition.sinceHeading}</th>
                <th scope="col">Nästa steg</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.versionId} data-testid="dashboard-row">
                  <th scope="row">{row.itemTitle}</th>
                  <td>
                    {itemTypeName(row)}, version {row.number}
                  </td>
                  <td>
                    {versionStatusLabels[row.status]}
                    {row.detail && <span className="dashboard-detail">: {row.detail}</span>}
                  </td>
                  <td>
                    {row.since ? (
                      <time dateTime={row.since.toISOString()} title={formatAdminDateTime(row.since)}>
                        {formatElapsed(row.since, now)}
                      </time>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="dashboard-next">
                    <Link href={row.href}>
                      {definition.nextStep}
                      <span className="visually-hidden">: {row.itemTitle}</span>
                    </Link>
                    {row.publicHref && (
                      <>
                        {" "}
                        · <Link href={row.publicHref}>Publicerad sida<span className="visually-hidden">: {row.itemTitle}</span></Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
