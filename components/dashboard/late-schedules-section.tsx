import Link from "next/link";
import { formatAdminDateTime, itemTypeName } from "@/lib/labels/sv";
import type { LateScheduleRow } from "@/lib/workflow/dashboard";
import "./dashboard.css";

const releaseNames = { publish: "Publicering", unpublish: "Avpublicering" } as const;

/**
 * "Försenade schemaläggningar": schedules still waiting past their time and those applied late in the
 * last week, each with the time it was due. Shown to everyone who sees the schedule above it.
 */
export function LateSchedulesSection({ rows, days }: { rows: LateScheduleRow[]; days: number }) {
  return (
    <section aria-labelledby="forsenade-schemalaggningar-rubrik" data-testid="forsenade-schemalaggningar">
      <h2 id="forsenade-schemalaggningar-rubrik">
        Försenade schemaläggningar <span className="dashboard-empty">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="dashboard-empty">Ingen schemalagd publicering eller avpublicering har blivit försenad de senaste {days} dagarna.</p>
      ) : (
        <table className="dashboard-table">
          <thead>
            <tr>
              <th scope="col">Titel</th>
              <th scope="col">Typ</th>
              <th scope="col">Version</th>
              <th scope="col">Åtgärd</th>
              <th scope="col">Skulle ha skett</th>
              <th scope="col">Genomförd</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.versionId}-${row.release}-${row.dueAt.toISOString()}`}>
                <th scope="row">
                  <Link href={row.href}>{row.itemTitle}</Link>
                </th>
                <td>{itemTypeName(row)}</td>
                <td>{row.number}</td>
                <td>{releaseNames[row.release]}</td>
                <td>{formatAdminDateTime(row.dueAt)}</td>
                <td>{row.appliedAt ? formatAdminDateTime(row.appliedAt) : <strong>Inte ännu: väntar på schemaläggaren</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
