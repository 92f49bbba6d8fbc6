import type { Metadata } from "next";
import "@/components/ui/design-system.css";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInFailureMessage } from "@/components/auth/sign-in-messages";
import { safeReturnPath } from "@/lib/auth/return-path";
import { csrfCookie, csrfTokenFromCookie } from "@/lib/auth/sign-in-csrf";

export const metadata: Metadata = { title: "Logga in", robots: { index: false } };

type SignInSearchParams = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInSearchParams> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  // Credentials never belong in a URL; take them out of the address bar (and the history entry) at once.
  if (params.email !== undefined || params.password !== undefined) redirect(`/logga-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const csrfToken = csrfTokenFromCookie((await cookies()).get(csrfCookie().name)?.value, process.env.NEXTAUTH_SECRET ?? "");
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <div className="narrow">
      <h1>Logga in</h1>
      <p>För redaktörer, granskare och administratörer.</p>
      <SignInForm callbackUrl={callbackUrl} csrfToken={csrfToken} initialFailure={error || params.csrf ? signInFailureMessage(error ?? "") : null} />
    </div>
  );
}
