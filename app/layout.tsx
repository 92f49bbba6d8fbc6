import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Granskad", template: "%s – Granskad" },
  description: "Patientinformation om injektioner mot ryggsmärta, granskad av läkare.",
};

/** The document shell shared by the public site (app/(public)) and the editorial admin (app/admin). */
export default function RootLayout({ children }: { children: ReactNode }) {
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
