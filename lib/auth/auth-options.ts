import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { authenticateWithPassword } from "./authenticate";
import { signInSchema } from "./sign-in-schema";
import { clientAddressFrom } from "./client-address";
import { safeReturnPath } from "./return-path";
import { callbackUrlCookie, csrfCookie } from "./sign-in-csrf";

/** Error codes the sign-in page turns into messages (next-auth passes the thrown message through). */
export const signInErrors = { invalid: "CredentialsSignin", throttled: "Throttled" } as const;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/logga-in", error: "/logga-in" },
  // Defined in lib/auth/sign-in-csrf.ts, which proxy.ts uses too (issuing the CSRF cookie to the sign-in
  // page, dropping a callback-URL cookie next-auth could not take).
  cookies: { csrfToken: csrfCookie(), callbackUrl: callbackUrlCookie() },
  providers: [
    CredentialsProvider({
      name: "E-post och lösenord",
      credentials: { email: { label: "E-post", type: "email" }, password: { label: "Lösenord", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const result = await authenticateWithPassword(getDb(), parsed.data, clientAddressFrom(request.headers ?? {}));
        if (result.ok) return result.user;
        if (result.reason === "throttled") throw new Error(signInErrors.throttled);
        return null;
      },
    }),
  ],
  callbacks: {
    /** Every redirect next-auth makes (after sign-in, sign-out, errors) stays on this site. */
    redirect({ url, baseUrl }) {
      return new URL(safeReturnPath(url, baseUrl), baseUrl).toString();
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.roles = user.roles;
        token.sessionEpoch = user.sessionEpoch;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.sub ?? "",
        email: token.email ?? "",
        name: token.name ?? "",
        roles: token.roles ?? [],
        sessionEpoch: token.sessionEpoch ?? -1,
      };
      return session;
    },
  },
};
