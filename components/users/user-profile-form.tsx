"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updateUserProfileAction } from "@/lib/actions/user-actions";
import type { ManagedUser } from "@/lib/auth/manage-users";
import { updateUserProfileSchema, type UpdateUserProfileFormInput } from "@/lib/auth/user-schemas";
import { FormErrors, TextField } from "@/components/forms/form-field";
import { applyServerFieldErrors } from "@/components/forms/server-field-errors";
import "./users.css";

const fields: readonly string[] = ["name", "title", "specialty"];

/** Name, title and specialty: what readers see with this user's reviews from now on. */
export function UserProfileForm({ user }: { user: ManagedUser }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const { register, handleSubmit, setError, formState } = useForm<UpdateUserProfileFormInput>({
    resolver: zodResolver(updateUserProfileSchema),
    defaultValues: { userId: user.id, name: user.name, title: user.title, specialty: user.specialty },
  });

  const onSubmit = handleSubmit(async (input) => {
    setSaved(false);
    setFormErrors([]);
    const result = await updateUserProfileAction(input);
    if (!result.ok) {
      setFormErrors(applyServerFieldErrors(result.error, setError, (path) => fields.includes(path)));
      return;
    }
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="uppgifter-rubrik">
      <h2 id="uppgifter-rubrik">Uppgifter</h2>
      <TextField id="profil-name" label="Namn" field={register("name")} error={formState.errors.name?.message} />
      <TextField id="profil-title" label="Titel" field={register("title")} error={formState.errors.title?.message} />
      <TextField id="profil-specialty" label="Specialitet" field={register("specialty")} error={formState.errors.specialty?.message} />
      <p className="users-note">Redan gjorda granskningar behåller namnet och titeln de gjordes under.</p>
      <div role="status">{saved && <p className="users-saved">Uppgifterna är sparade.</p>}</div>
      <FormErrors messages={formErrors} />
      <button type="submit" disabled={formState.isSubmitting}>
        Spara uppgifter
      </button>
    </form>
  );
}
