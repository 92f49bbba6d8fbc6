"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updateUserRolesAction } from "@/lib/actions/user-actions";
import type { ManagedUser } from "@/lib/auth/manage-users";
import { updateUserRolesSchema, type UpdateUserRolesFormInput } from "@/lib/auth/user-schemas";
import { FormErrors } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import { RoleCheckboxes } from "./role-checkboxes";
import "./users.css";

/** Roles as checkboxes; saving ends the user's sessions so the change applies everywhere at once. */
export function UserRolesForm({ user, isSelf }: { user: ManagedUser; isSelf: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  /** The roles this page knows the user has: a change made by another admin meanwhile is refused, not undone. */
  const [knownRoles, setKnownRoles] = useState(user.roles);
  const { register, handleSubmit, setError, formState } = useForm<UpdateUserRolesFormInput>({
    resolver: zodResolver(updateUserRolesSchema),
    defaultValues: { userId: user.id, roles: user.roles },
  });

  const onSubmit = handleSubmit(async (input) => {
    setSaved(false);
    setFormErrors([]);
    const result = await updateUserRolesAction({ ...input, expectedRoles: knownRoles });
    if (!result.ok) {
      setFormErrors(applyServerFieldErrors(result.error, setError, (path) => path === "roles"));
      return;
    }
    setKnownRoles(result.value.roles);
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="roller-rubrik" data-testid="user-roles-form">
      <h2 id="roller-rubrik">Roller</h2>
      <RoleCheckboxes
        idPrefix="roll"
        field={register("roles")}
        error={formState.errors.roles?.message}
        note={
          isSelf
            ? "Du kan inte ta bort din egen administratörsroll; be en annan administratör om det behövs."
            : "När rollerna ändras loggas användaren ut överallt och får logga in igen."
        }
      />
      <div role="status">{saved && <p className="users-saved">Rollerna är sparade.</p>}</div>
      <FormErrors messages={formErrors} />
      <button type="submit" disabled={formState.isSubmitting}>
        Spara roller
      </button>
    </form>
  );
}
