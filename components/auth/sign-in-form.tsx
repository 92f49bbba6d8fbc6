"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInSchema, type SignInInput } from "@/lib/auth/sign-in-schema";
import { signInFailureMessage } from "./sign-in-messages";

/** next-auth's credentials callback: the form posts here, with its CSRF token, with or without JavaScript. */
const credentialsCallback = "/api/auth/callback/credentials";

/**
 * A real POST form: without JavaScript (or before it has loaded) the browser posts e-mail, password and
 * next-auth's CSRF token to the credentials callback, which redirects to `callbackUrl` or back here with
 * `?error=`. With JavaScript the same fields are checked with the same schema first and sent by
 * next-auth's client, and a failure is shown in place. Credentials never go into a URL.
 */
export function SignInForm({ callbackUrl, csrfToken, initialFailure }: { callbackUrl: string; csrfToken: string | undefined; initialFailure: string | null }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(initialFailure);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    const result = await signIn("credentials", { ...input, callbackUrl, redirect: false });
    if (!result || result.error) {
      setFailure(signInFailureMessage(result?.error ?? ""));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  });

  return (
    <form method="post" action={credentialsCallback} onSubmit={onSubmit} noValidate className="form" data-testid="sign-in-form">
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
