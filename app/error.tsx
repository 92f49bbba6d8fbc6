"use client";

import Link from "next/link";

// Error boundaries must be client components. The reader gets a Swedish message; the error itself is
// logged on the server, and its digest lets support find that log line.
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <main id="innehall" tabIndex={-1}>
      <h1>Något gick fel</h1>
      <p>Sidan kunde inte visas just nu. Försök igen om en stund.</p>
      {error.digest && <p className="error-reference">Felkod: {error.digest}</p>}
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </main>
  );
}
