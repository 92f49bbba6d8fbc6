import Link from "next/link";
import type { AuditEventRow } from "@/lib/audit/audit-query";
import { auditDataText } from "./audit-data-text";
import { auditActionLabel, auditEntityLabels, formatAdminDateTime } from "@/lib/labels/sv";
import { adminPaths, auditEntityPath } from "@/lib/paths/admin-paths";
import "./audit.css";

function entityLabel(entityType: string): string {
  return auditEntityLabels[entityType as keyof typeof auditEntityLabels] ?? entityType;
}

/** Audit events, newest first: when, who, what, on what, and the event's data. Users are named by `userNames`. */
export function AuditEventTable({ events, userNames }: { events: AuditEventRow[]; userNames: ReadonlyMap<string, string> }) {
  return (
    <div className="table-scroll">
      <table className="audit-table" data-testid="audit-events">
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Användare</th>
            <th scope="col">Händelse</th>
            <th scope="col">Gäller</th>
            <th scope="col">Uppgifter</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const href = auditEntityPath(event.entityType, event.entityId);
            return (
              <tr key={String(event.id)}>
                <td>
                  <time dateTime={event.at.toISOString()}>{formatAdminDateTime(event.at)}</time>
                </td>
                <td>{event.actor ? <Link href={adminPaths.user(event.actor.id)}>{event.actor.name}</Link> : <span className="audit-muted">systemet / okänd</span>}</td>
                <td>
                  {auditActionLabel(event.action)} <code className="audit-code audit-muted">{event.action}</code>
                </td>
                <td>
                  {entityLabel(event.entityType)}{" "}
                  {href ? (
                    <Link href={href}>{(event.entityType === "user" && event.entityId && userNames.get(event.entityId)) || event.entityId}</Link>
                  ) : (
                    event.entityId && <span className="audit-muted">{event.entityId}</span>
                  )}
                </td>
                <td className="audit-data">{auditDataText(event.data)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
