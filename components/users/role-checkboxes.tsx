import type { UseFormRegisterReturn } from "react-hook-form";
import { roleLabels } from "@/lib/labels/sv";
import { Role } from "@/lib/db/generated/enums";

const roleHints: Record<Role, string> = {
  EDITOR: "skriver och skickar in artiklar och risklistor",
  REVIEWER: "granskar, godkänner eller begär ändringar",
  ADMIN: "publicerar, hanterar användare och ser loggen",
};

/** The roles as a group of checkboxes with one legend; the error (at least one role) belongs to the group. */
export function RoleCheckboxes({ idPrefix, field, error, note }: { idPrefix: string; field: UseFormRegisterReturn<"roles">; error?: string; note?: string }) {
  const describedBy = [note && `${idPrefix}-note`, error && `${idPrefix}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="users-roles" aria-describedby={describedBy} aria-invalid={!!error}>
      <legend>Roller</legend>
      {Object.values(Role).map((role) => (
        <label key={role} htmlFor={`${idPrefix}-${role}`}>
          <input id={`${idPrefix}-${role}`} type="checkbox" value={role} {...field} /> {roleLabels[role]} <span className="users-note">– {roleHints[role]}</span>
        </label>
      ))}
      {note && (
        <p id={`${idPrefix}-note`} className="users-note">
          {note}
        </p>
      )}
      {error && (
        <p id={`${idPrefix}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
