"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormErrors, TextField } from "@/components/forms/form-field";
import { signInSchema, type SignInInput } from "@/lib/auth/sign-in-schema";

const messages: Record<string, string> = {
  CredentialsSignin: "Fel e-post eller lösenord. / Wrong e-mail or password.",
  Throttled: "För många misslyckade försök. Vänta en stund och försök igen. / Too many failed attempts; try again later.",
};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    const result = await signIn("credentials", { ...input, redirect: false });
    if (!result || result.error) {
      setFailure(messages[result?.error ?? ""] ?? "Inloggningen misslyckades. / Sign-in failed.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" data-testid="sign-in-form">
      <FormErrors messages={failure ? [failure] : []} />
      <TextField id="email" label="E-post / E-mail" type="email" autoComplete="username" field={register("email")} error={formState.errors.email?.message} />
      <TextField id="password" label="Lösenord / Password" type="password" autoComplete="current-password" field={register("password")} error={formState.errors.password?.message} />
      <button type="submit" disabled={formState.isSubmitting}>
        Logga in / Sign in
      </button>
    </form>
  );
}
