import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { siteDescription, siteTitle } from "@/lib/seo/page-metadata";
import "./globals.css";

export const metadata: Metadata = { title: siteTitle, description: siteDescription };

/** The document shell shared by the public site (app/(public)) and the editorial admin (app/admin). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, the not-found page included: Next.js puts the Content-Security-Policy
  // nonce of the request (proxy.ts) on its scripts only while rendering, so a page prerendered at build
  // time would carry scripts the policy blocks.
  await connection();
  return (
    <html lang="sv">
      <body>
        <a className="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        {children}
      </body>
    </html>
  );
}
