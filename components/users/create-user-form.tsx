"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/lib/actions/user-actions";
import { createUserSchema, type CreateUserFormInput, type CreateUserInput } from "@/lib/auth/user-schemas";
import { showFailure } from "./form-failure";
import { RoleCheckboxes } from "./role-checkboxes";
import { TextField } from "./text-field";
import "./users.css";
import { adminPaths } from "@/lib/paths/admin-paths";

const fields = ["email", "name", "title", "specialty", "roles", "password"] as const;

/** An admin creates an account; the new user signs in with the password the admin gives them. */
export function CreateUserForm() {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<CreateUserFormInput, unknown, CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: "", name: "", title: "", specialty: "", roles: [], password: "" },
  });

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    const result = await createUserAction(input);
    if (!result.ok) {
      setFailure(showFailure(result.error, setError, fields));
      return;
    }
    router.push(adminPaths.user(result.value.id, { justCreated: true }));
  });

  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="form" data-testid="create-user-form">
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <TextField id="ny-email" label="E-post / E-mail" type="email" autoComplete="off" field={register("email")} error={errors.email?.message} />
      <TextField id="ny-name" label="Namn / Name" field={register("name")} error={errors.name?.message} />
      <TextField id="ny-title" label="Titel / Title (t.ex. Överläkare)" field={register("title")} error={errors.title?.message} />
      <TextField id="ny-specialty" label="Specialitet / Specialty" field={register("specialty")} error={errors.specialty?.message} />
      <RoleCheckboxes idPrefix="ny-roll" field={register("roles")} error={errors.roles?.message} />
      <TextField
        id="ny-password"
        label="Tillfälligt lösenord / Initial password"
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
