import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createUser } from "@/lib/auth/create-user";
import { createUserSchema } from "@/lib/auth/user-schemas";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";

/**
 * The users the Playwright suite signs in as; two editors for the conflict journey; a reviewer who is not
 * a clinician (may not approve clinical changes) beside the clinician reviewer.
 */
export const e2eUserKeys = ["editor", "secondEditor", "reviewer", "nonClinicianReviewer", "admin"] as const;
export type E2eUsers = Record<(typeof e2eUserKeys)[number], { email: string; password: string; name: string }>;

const roleOf: Record<(typeof e2eUserKeys)[number], Role> = { editor: "EDITOR", secondEditor: "EDITOR", reviewer: "REVIEWER", nonClinicianReviewer: "REVIEWER", admin: "ADMIN" };
const nameOf: Record<(typeof e2eUserKeys)[number], string> = {
  editor: "Erik E2e-redaktör",
  secondEditor: "Eva E2e-redaktör",
  reviewer: "Dr. Rut E2e-granskare",
  nonClinicianReviewer: "Nils E2e-språkgranskare",
  admin: "Adam E2e-admin",
};

/**
 * Creates the e2e users with random passwords (never a default password, whatever the database) and
 * writes their credentials where the Playwright fixtures read them.
 */
export async function createE2eUsers(db: Db, file: string): Promise<void> {
  const run = crypto.randomBytes(4).toString("hex");
  const users = {} as E2eUsers;
  for (const key of e2eUserKeys) {
    const email = `${key.toLowerCase()}-${run}@e2e.granskad.local`;
    const password = crypto.randomBytes(18).toString("base64url");
    const input = createUserSchema.parse({ email, password, name: nameOf[key], title: "Överläkare", specialty: "Smärtlindring", roles: [roleOf[key]], clinician: key === "reviewer" });
    const result = await createUser(db, input, null);
    if (!result.ok) throw new Error(`could not create e2e user ${email}: ${result.failure.message}`);
    users[key] = { email, password, name: nameOf[key] };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(users, null, 2), { mode: 0o600 });
}
