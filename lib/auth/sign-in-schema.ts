import { z } from "zod";

/** The sign-in form's input, shared by the form (zodResolver) and the credentials provider. */
export const signInSchema = z.object({
  email: z.email("Ange en giltig e-postadress").trim().toLowerCase().max(254),
  password: z.string().min(1, "Ange ditt lösenord").max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;
