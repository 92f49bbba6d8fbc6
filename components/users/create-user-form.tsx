"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/lib/actions/user-actions";
import { createUserSchema, type CreateUserFormInput, type CreateUserInput } from "@/lib/auth/user-schemas";
import { FormErrors, TextField } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import { RoleCheckboxes } from "./role-checkboxes";
import { clinicianLabels } from "@/lib/labels/sv";
import "./users.css";
import { adminPaths } from "@/lib/paths/admin-paths";

const fields: readonly string[] = ["email", "name", "title", "specialty", "roles", "password"];

/** An admin creates an account; the new user signs in with the password the admin gives them. */
export function CreateUserForm() {
  const router = useRouter();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const { register, handleSubmit, setError, formState } = useForm<CreateUserFormInput, unknown, CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: "", name: "", title: "", specialty: "", roles: [], clinician: false, password: "" },
  });

  const onSubmit = handleSubmit(async (input) => {
    setFormErrors([]);
    const result = await createUserAction(input);
    if (!result.ok) {
      setFormErrors(applyServerFieldErrors(result.error, setError, (path) => fields.includes(path)));
      return;
    }
    router.push(adminPaths.user(result.value.id, { justCreated: true }));
  });

  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="form" data-testid="create-user-form">
      <FormErrors messages={formErrors} />
      <TextField id="ny-email" label="E-post" type="email" autoComplete="off" field={register("email")} error={errors.email?.message} />
      <TextField id="ny-name" label="Namn" field={register("name")} error={errors.name?.message} />
      <TextField id="ny-title" label="Titel (t.ex. Överläkare)" field={register("title")} error={errors.title?.message} />
      <TextField id="ny-specialty" label="Specialitet" field={register("specialty")} error={errors.specialty?.message} />
      <RoleCheckboxes idPrefix="ny-roll" field={register("roles")} error={errors.roles?.message} />
      <div className="form-field">
        <label>
          <input type="checkbox" {...register("clinician")} /> {clinicianLabels.grantAtCreation}
        </label>
      </div>
      <TextField
        id="ny-password"
        label="Tillfälligt lösenord"
        type="password"
        autoComplete="new-password"
        hint="Minst 12 tecken. Lämna det till användaren på ett säkert sätt."
        field={register("password")}
        error={errors.password?.message}
      />
      <button type="submit" disabled={formState.isSubmitting}>
        Skapa användare
      </button>
    </form>
  );
}
