"use client";

import { signOut } from "next-auth/react";
import { adminPaths } from "@/lib/paths/admin-paths";

export function SignOutButton() {
  return (
    <button type="button" className="link-button" onClick={() => signOut({ callbackUrl: adminPaths.signIn() })}>
      Logga ut
    </button>
  );
}
