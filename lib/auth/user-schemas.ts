import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";

export const passwordSchema = z
  .string()
  .min(12, "Minst 12 tecken / At least 12 characters")
  .max(200, "Högst 200 tecken / At most 200 characters");

/** A new user, from the admin's form or `npm run user:create`. */
export const createUserSchema = z.object({
  email: z.email("Ange en giltig e-postadress / Enter a valid e-mail address").trim().toLowerCase().max(254),
  name: z.string().trim().min(1, "Ange ett namn / Enter a name").max(120),
  title: z.string().trim().max(120).default(""),
  specialty: z.string().trim().max(120).default(""),
  roles: z.array(z.enum(Role)).min(1, "Välj minst en roll / Choose at least one role"),
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;
