import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteSearchForm } from "@/components/public/site-search-form";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import "./print.css";

/** Canonical and Open Graph URLs are absolute from the same base as the feed and the API. */
export async function generateMetadata(): Promise<Metadata> {
  return { metadataBase: new URL(publicBaseUrl()) };
}

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Link className="site-name" href="/">
          Granskad
        </Link>
        <span className="site-tagline">Patientinformation granskad av läkare</span>
        <SiteSearchForm place="header" />
      </header>
      <main id="innehall" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Informationen ersätter inte en bedömning av läkare eller annan vårdpersonal.</p>
      </footer>
    </>
  );
}
