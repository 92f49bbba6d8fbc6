import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sidan finns inte" };

export default function NotFound() {
  return (
    <main id="innehall" tabIndex={-1}>
      <h1>Sidan finns inte</h1>
      <p>Sidan du letar efter finns inte eller är inte publicerad längre.</p>
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </main>
  );
}
