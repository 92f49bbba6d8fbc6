"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setUserActiveAction } from "@/lib/actions/user-actions";
import type { ManagedUser } from "@/lib/auth/manage-users";
import { ownedItemsPhrase, ownerLabels } from "@/lib/labels/sv";
import "./users.css";

/** Deactivate (ends every session, blocks sign-in) or reactivate an account. Admins cannot deactivate themselves. */
export function UserActiveForm({ user, isSelf, owned }: { user: ManagedUser; isSelf: boolean; owned: { articles: number; riskLists: number } }) {
  const ownsSomething = owned.articles + owned.riskLists > 0;
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const toggle = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await setUserActiveAction({ userId: user.id, active: !user.active });
      if (!result.ok) {
        setFailure(result.error.message);
        return;
      }
      router.refresh();
    });

  return (
    <section aria-labelledby="konto-rubrik" className="form">
      <h2 id="konto-rubrik">Konto</h2>
      <p data-testid="user-active-state">{user.active ? "Kontot är aktivt." : "Kontot är inaktiverat: användaren kan inte logga in."}</p>
      {isSelf && user.active ? (
        <p className="users-note">Du kan inte inaktivera ditt eget konto.</p>
      ) : (
        <>
          {user.active && <p className="users-note">Inaktivering loggar ut användaren överallt direkt. Det användaren har skrivit och granskat finns kvar.</p>}
          {ownsSomething && (
            <p className="users-note" data-testid="user-owned-items">
              <strong>Användaren {ownedItemsPhrase(owned)}.</strong> {user.active ? ownerLabels.deactivationWarning : ownerLabels.stillOwnerless}
            </p>
          )}
          <div>
            <button type="button" onClick={toggle} disabled={pending}>
              {user.active ? "Inaktivera användaren" : "Återaktivera användaren"}
            </button>
          </div>
        </>
      )}
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
    </section>
  );
}
