import type { Metadata } from "next";
import Link from "next/link";
import { SiteFooter, SiteHeader } from "@/components/public/site-chrome";

export const metadata: Metadata = { title: "Sidan finns inte" };

/**
 * Rendered inside the root layout only (not the public group's), so it brings the public header and its
 * search box itself: a reader who followed an old link can search for what they were looking for.
 */
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="innehall" tabIndex={-1}>
        <h1>Sidan finns inte</h1>
        <p>Sidan du letar efter finns inte eller är inte publicerad längre. Sök efter den eller gå till startsidan.</p>
        <p>
          <Link href="/">Till startsidan</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
