import Link from "next/link";
import { auditActions, auditEntityTypes } from "@/lib/audit/record-audit-event";
import { auditActionLabel, auditEntityLabels } from "@/lib/labels/sv";
import "./audit.css";
import { adminPaths } from "@/lib/paths/admin-paths";

/** What the form shows: the raw values sent (so a rejected one can be corrected) and their errors. */
export type AuditFilterValues = { actorId: string; entityType: string; entityId: string; action: string; from: string; to: string };

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(" ")}
    </p>
  );
}

/** The audit trail's filter: a GET form, so a filtered view has an address and works without JavaScript. */
export function AuditFilterForm({ values, errors, users }: { values: AuditFilterValues; errors: Record<string, string[]>; users: { id: string; name: string; email: string }[] }) {
  const invalid = (field: keyof AuditFilterValues) => ({ "aria-invalid": !!errors[field], "aria-describedby": errors[field] ? `logg-${field}-fel` : undefined });
  return (
    <form method="get" action={adminPaths.auditLog} className="audit-filter" aria-label="Filtrera loggen" data-testid="audit-filter">
      <div className="field">
        <label htmlFor="logg-actorId">Användare</label>
        <select id="logg-actorId" name="actorId" defaultValue={values.actorId} {...invalid("actorId")}>
          <option value="">Alla</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.email})
            </option>
          ))}
        </select>
        <FieldError id="logg-actorId-fel" messages={errors.actorId} />
      </div>
      <div className="field">
        <label htmlFor="logg-action">Händelse</label>
        <select id="logg-action" name="action" defaultValue={values.action} {...invalid("action")}>
          <option value="">Alla</option>
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {auditActionLabel(action)}
            </option>
          ))}
        </select>
        <FieldError id="logg-action-fel" messages={errors.action} />
      </div>
      <div className="field">
        <label htmlFor="logg-entityType">Gäller</label>
        <select id="logg-entityType" name="entityType" defaultValue={values.entityType} {...invalid("entityType")}>
          <option value="">Allt</option>
          {auditEntityTypes.map((type) => (
            <option key={type} value={type}>
              {auditEntityLabels[type]}
            </option>
          ))}
        </select>
        <FieldError id="logg-entityType-fel" messages={errors.entityType} />
      </div>
      <div className="field">
        <label htmlFor="logg-entityId">Id (valfritt)</label>
        <input id="logg-entityId" name="entityId" defaultValue={values.entityId} maxLength={100} {...invalid("entityId")} />
        <FieldError id="logg-entityId-fel" messages={errors.entityId} />
      </div>
      <div className="field">
        <label htmlFor="logg-from">Från och med</label>
        <input id="logg-from" name="from" type="date" defaultValue={values.from} {...invalid("from")} />
        <FieldError id="logg-from-fel" messages={errors.from} />
      </div>
      <div className="field">
        <label htmlFor="logg-to">Till och med</label>
        <input id="logg-to" name="to" type="date" defaultValue={values.to} {...invalid("to")} />
        <FieldError id="logg-to-fel" messages={errors.to} />
      </div>
      <div className="audit-filter-buttons">
        <button type="submit">Filtrera</button>
        <Link href={adminPaths.auditLog}>Rensa</Link>
      </div>
    </form>
  );
}
