import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Logga in", robots: { index: false } };

/** Only same-site paths are accepted as a destination after sign-in (no open redirect). */
function safeCallbackUrl(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate && candidate.startsWith("/") && !candidate.startsWith("//") ? candidate : "/admin";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return (
    <div className="narrow">
      <h1>Logga in / Sign in</h1>
      <p>För redaktörer, granskare och administratörer. / For editors, reviewers and administrators.</p>
      <SignInForm callbackUrl={safeCallbackUrl(params.callbackUrl)} />
    </div>
  );
}
