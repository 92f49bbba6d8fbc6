import Link from "next/link";
import { itemTypeName, versionStatusLabels } from "@/lib/labels/sv";
import type { ContentSearchHit } from "@/lib/workflow/dashboard";
import "./dashboard.css";
import { adminPaths } from "@/lib/paths/admin-paths";

/**
 * The dashboard's title search: a plain GET form, so it works without JavaScript and the result has
 * its own address. `hits` is null until something has been searched for.
 */
export function ContentSearch({ query, error, hits }: { query: string; error: string | null; hits: ContentSearchHit[] | null }) {
  return (
    <section aria-labelledby="sok-rubrik">
      <h2 id="sok-rubrik">Sök innehåll</h2>
      <form method="get" action={adminPaths.dashboard} role="search" className="dashboard-search">
        <div className="field">
          <label htmlFor="sok-titel">Titel på artikel eller risklista</label>
          <input id="sok-titel" name="q" type="search" defaultValue={query} maxLength={100} aria-invalid={!!error} aria-describedby={error ? "sok-fel" : undefined} />
        </div>
        <button type="submit">Sök</button>
      </form>
      {error && (
        <p id="sok-fel" className="field-error" role="alert">
          {error}
        </p>
      )}
      {hits &&
        (hits.length === 0 ? (
          <p className="dashboard-empty">Inget innehåll har en titel som innehåller ”{query}”.</p>
        ) : (
          <ul data-testid="sokresultat">
            {hits.map((hit) => (
              <li key={hit.href}>
                <Link href={hit.href}>{hit.title}</Link> – {itemTypeName(hit)}, version {hit.latestNumber} ({versionStatusLabels[hit.latestStatus]})
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
