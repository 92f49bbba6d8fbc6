"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormErrors, TextField } from "@/components/forms/form-field";
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
      <FormErrors messages={failure ? [failure] : []} />
      {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="email" label="E-post" type="email" autoComplete="username" field={register("email")} error={formState.errors.email?.message} />
      <TextField id="password" label="Lösenord" type="password" autoComplete="current-password" field={register("password")} error={formState.errors.password?.message} />
      <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
        Logga in
      </button>
    </form>
  );
}
