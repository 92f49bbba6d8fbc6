import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";

/*
 * The inputs of user management (lib/auth/create-user.ts, lib/auth/manage-users.ts), one schema per
 * operation, shared by the admin's forms, the server actions and `npm run user:create`. Schema-only, so
 * that the forms' browser bundles stay free of database code.
 */

export const passwordSchema = z
  .string()
  .min(12, "Minst 12 tecken")
  .max(200, "Högst 200 tecken");

const nameSchema = z.string().trim().min(1, "Ange ett namn").max(120);
const rolesSchema = z.array(z.enum(Role)).min(1, "Välj minst en roll");

/** A new user, from the admin's form or `npm run user:create`. */
export const createUserSchema = z.object({
  email: z.email("Ange en giltig e-postadress").trim().toLowerCase().max(254),
  name: nameSchema,
  title: z.string().trim().max(120).default(""),
  specialty: z.string().trim().max(120).default(""),
  roles: rolesSchema,
  /** Only a clinician may approve or re-attest a clinical change (issue 11.4). */
  clinician: z.boolean().default(false),
  password: passwordSchema,
});
export type CreateUserFormInput = z.input<typeof createUserSchema>;
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserRolesSchema = z.object({
  userId: z.uuid(),
  roles: rolesSchema,
  /** The roles the admin saw: if another admin changed them since, the change is refused rather than undoing theirs. */
  expectedRoles: z.array(z.enum(Role)).max(Object.keys(Role).length).optional(),
});
export type UpdateUserRolesFormInput = z.input<typeof updateUserRolesSchema>;

export const updateUserProfileSchema = z.object({
  userId: z.uuid(),
  name: nameSchema,
  title: z.string().trim().max(120),
  specialty: z.string().trim().max(120),
});
export type UpdateUserProfileFormInput = z.input<typeof updateUserProfileSchema>;

export const setUserActiveSchema = z.object({ userId: z.uuid(), active: z.boolean() });

/** An admin marks a user a clinician (may approve clinical changes) or takes the mark away. */
export const setUserClinicianSchema = z.object({ userId: z.uuid(), clinician: z.boolean() });
