import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Granskad", template: "%s – Granskad" },
  description: "Patientinformation om injektioner mot ryggsmärta, granskad av läkare.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="sv">
      <body>
        <a className="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <header className="site-header">
          <Link className="site-name" href="/">
            Granskad
          </Link>
          <span className="site-tagline">Patientinformation granskad av läkare</span>
        </header>
        <main id="innehall" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Informationen ersätter inte en bedömning av läkare eller annan vårdpersonal.</p>
        </footer>
      </body>
    </html>
  );
}
