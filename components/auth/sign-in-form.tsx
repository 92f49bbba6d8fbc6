"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
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
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">E-post / E-mail</label>
        <input id="email" type="email" autoComplete="username" aria-invalid={!!formState.errors.email} aria-describedby="email-error" {...register("email")} />
        {formState.errors.email && (
          <p id="email-error" className="field-error">
            {formState.errors.email.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Lösenord / Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!formState.errors.password}
          aria-describedby="password-error"
          {...register("password")}
        />
        {formState.errors.password && (
          <p id="password-error" className="field-error">
            {formState.errors.password.message}
          </p>
        )}
      </div>
      <button type="submit" disabled={formState.isSubmitting}>
        Logga in / Sign in
      </button>
    </form>
  );
}
