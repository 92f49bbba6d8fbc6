import Link from "next/link";
import { publicItemPath } from "@/lib/content/public-content";
import { searchHitTypeLabel } from "@/lib/labels/sv";
import type { SearchHit, SnippetPart } from "@/lib/search/search-query";

function Snippet({ parts }: { parts: SnippetPart[] }) {
  // Text parts only: React escapes them, so text from the content never becomes markup.
  return <p className="search-snippet">{parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</p>;
}

function hitPath(hit: SearchHit): string {
  return publicItemPath(hit.kind, hit.slug);
}

/** The ranked hits of one page, numbered from `firstNumber`. */
export function SearchResultList({ hits, firstNumber }: { hits: SearchHit[]; firstNumber: number }) {
  return (
    <ol className="search-results" start={firstNumber}>
      {hits.map((hit) => (
        <li key={`${hit.kind}-${hit.slug}`} data-testid="search-hit">
          <h2>
            <Link href={hitPath(hit)}>{hit.title}</Link>
          </h2>
          <p className="search-hit-type">{searchHitTypeLabel(hit)}</p>
          <Snippet parts={hit.snippet} />
        </li>
      ))}
    </ol>
  );
}

/** Previous and next page links (plain links: no JavaScript needed). */
export function SearchPagination({ phrase, page, pageCount }: { phrase: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => `/sok?${new URLSearchParams({ q: phrase, ...(target > 1 ? { sida: String(target) } : {}) })}`;
  return (
    <nav className="search-pagination" aria-label="Sidor med sökresultat">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          Föregående sida
        </Link>
      )}
      <span>
        Sida {page} av {pageCount}
      </span>
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next">
          Nästa sida
        </Link>
      )}
    </nav>
  );
}
