import Link from "next/link";
import { SiteSearchForm } from "@/components/public/site-search-form";

/** The public site's header: its name, what it is, and the search box every public page has. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <Link className="site-name" href="/">
        Granskad
      </Link>
      <span className="site-tagline">Patientinformation granskad av läkare</span>
      <SiteSearchForm place="header" />
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>Informationen ersätter inte en bedömning av läkare eller annan vårdpersonal.</p>
    </footer>
  );
}
