import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@/components/ui/design-system.css";

/**
 * An outside expert's page (lib/external-review): no navigation to the rest of the site or the admin,
 * never indexed, and no referrer leaves it (its URL carries the token; proxy.ts sends the same as headers).
 */
export const metadata: Metadata = {
  title: { default: "Extern granskning", template: "%s – extern granskning, Granskad" },
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

export default function ExternalReviewLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="admin-header">
        <span className="site-name">Granskad · extern granskning</span>
      </header>
      <main id="innehall" tabIndex={-1} className="admin-main">
        {children}
      </main>
    </>
  );
}
