"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updateUserProfileAction } from "@/lib/actions/user-actions";
import type { ManagedUser } from "@/lib/auth/manage-users";
import { updateUserProfileSchema, type UpdateUserProfileFormInput } from "@/lib/auth/user-schemas";
import { showFailure } from "./form-failure";
import { TextField } from "./text-field";
import "./users.css";

const fields = ["name", "title", "specialty"] as const;

/** Name, title and specialty: what readers see with this user's reviews from now on. */
export function UserProfileForm({ user }: { user: ManagedUser }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ saved: true } | { saved: false; message: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<UpdateUserProfileFormInput>({
    resolver: zodResolver(updateUserProfileSchema),
    defaultValues: { userId: user.id, name: user.name, title: user.title, specialty: user.specialty },
  });

  const onSubmit = handleSubmit(async (input) => {
    setStatus(null);
    const result = await updateUserProfileAction(input);
    if (!result.ok) {
      setStatus({ saved: false, message: showFailure(result.error, setError, fields) });
      return;
    }
    setStatus({ saved: true });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="uppgifter-rubrik">
      <h2 id="uppgifter-rubrik">Uppgifter</h2>
      <TextField id="profil-name" label="Namn / Name" field={register("name")} error={formState.errors.name?.message} />
      <TextField id="profil-title" label="Titel / Title" field={register("title")} error={formState.errors.title?.message} />
      <TextField id="profil-specialty" label="Specialitet / Specialty" field={register("specialty")} error={formState.errors.specialty?.message} />
      <p className="users-note">Redan gjorda granskningar behåller namnet och titeln de gjordes under.</p>
      <div role="status">
        {status?.saved === true && <p className="users-saved">Uppgifterna är sparade.</p>}
        {status?.saved === false && <p className="form-error">{status.message}</p>}
      </div>
      <button type="submit" disabled={formState.isSubmitting}>
        Spara uppgifter
      </button>
    </form>
  );
}
