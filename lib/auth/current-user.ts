import { cache } from "react";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { authOptions } from "./auth-options";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  title: string;
  specialty: string;
  roles: Role[];
  /** An admin marked them a clinician: they may approve and re-attest clinical changes. */
  clinician: boolean;
};

/**
 * The signed-in user, re-read from the database on every request: a deactivated account, a role change
 * or a bumped session epoch takes effect at once, whatever the session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return loadActiveUser(session.user.id, session.user.sessionEpoch);
});

export async function loadActiveUser(userId: string, sessionEpoch: number): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user || !user.active) return null;
  if (sessionEpoch !== user.sessionEpoch) return null;
  return { id: user.id, email: user.email, name: user.name, title: user.title, specialty: user.specialty, roles: user.roles, clinician: user.clinician };
}
