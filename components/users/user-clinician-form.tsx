"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setUserClinicianAction } from "@/lib/actions/user-actions";
import type { ManagedUser } from "@/lib/auth/manage-users";
import { clinicianLabels } from "@/lib/labels/sv";
import "./users.css";

/** Marks a user a clinician (may approve and re-attest clinical changes) or takes the mark away; audited. */
export function UserClinicianForm({ user }: { user: ManagedUser }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const toggle = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await setUserClinicianAction({ userId: user.id, clinician: !user.clinician });
      if (!result.ok) {
        setFailure(result.error.message);
        return;
      }
      router.refresh();
    });

  return (
    <section aria-labelledby="klinisk-rubrik" className="form">
      <h2 id="klinisk-rubrik">{clinicianLabels.heading}</h2>
      <p data-testid="user-clinician-state">{user.clinician ? clinicianLabels.yes : clinicianLabels.no}</p>
      <div>
        <button type="button" onClick={toggle} disabled={pending} data-testid="user-clinician-toggle">
          {user.clinician ? clinicianLabels.revoke : clinicianLabels.grant}
        </button>
      </div>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
    </section>
  );
}
