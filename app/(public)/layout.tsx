import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "@/components/public/site-chrome";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import "./print.css";

/** Canonical and Open Graph URLs are absolute from the same base as the feed and the API. */
export async function generateMetadata(): Promise<Metadata> {
  return { metadataBase: new URL(publicBaseUrl()) };
}

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="innehall" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
