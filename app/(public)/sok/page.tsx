import type { Metadata } from "next";
import { SearchPagination, SearchResultList } from "@/components/public/search-results";
import { SiteSearchForm } from "@/components/public/site-search-form";
import { getDb } from "@/lib/db/client";
import { searchPublished } from "@/lib/search/search-query";
import { maxSearchOffset, maxSearchTerms, searchPageSize, searchPhraseSchema, searchTermsOf } from "@/lib/search/search-schemas";

// Every answer is read from the search documents at request time and never cached (README, Search).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sök", robots: { index: false, follow: true } };

const lastPage = Math.floor(maxSearchOffset / searchPageSize) + 1;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** ?sida=N, 1 to the last page a search serves; anything else is the first page. */
function pageOf(value: string | undefined): number {
  const page = /^\d{1,4}$/.test(value ?? "") ? Number(value) : 1;
  return page >= 1 && page <= lastPage ? page : 1;
}

function hitCount(total: number): string {
  return total === 1 ? "1 träff" : `${total} träffar`;
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = first(params.q);
  if (raw === undefined) {
    return (
      <>
        <h1>Sök</h1>
        <SiteSearchForm place="page" />
        <p>Sök bland texterna om behandlingar, risker och biverkningar. Du kan söka på en del av ett ord, till exempel ”injektion”.</p>
      </>
    );
  }
  const phrase = searchPhraseSchema.safeParse(raw);
  if (!phrase.success) {
    return (
      <>
        <h1>Sök</h1>
        <SiteSearchForm place="page" phrase={raw.slice(0, 200)} error={phrase.error.issues[0]?.message} />
      </>
    );
  }
  const page = pageOf(first(params.sida));
  const results = await searchPublished(getDb(), { phrase: phrase.data, offset: (page - 1) * searchPageSize, limit: searchPageSize });
  const pageCount = Math.min(lastPage, Math.ceil(results.total / searchPageSize));
  const ignoredWords = searchTermsOf(phrase.data).length === maxSearchTerms && (phrase.data.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > maxSearchTerms;
  return (
    <>
      <h1>Sökresultat</h1>
      <SiteSearchForm place="page" phrase={phrase.data} />
      <p role="status" className="search-summary">
        {results.terms.length === 0
          ? `Sökningen ”${phrase.data}” innehåller bara vanliga småord. Sök på ett mer beskrivande ord.`
          : results.total === 0
            ? `Inga träffar för ”${phrase.data}”. Försök med ett annat eller kortare ord.`
            : `${hitCount(results.total)} för ”${phrase.data}”${pageCount > 1 ? `, sida ${page} av ${pageCount}` : ""}.`}
        {ignoredWords && ` Bara de ${maxSearchTerms} första orden söktes.`}
      </p>
      {results.hits.length > 0 && <SearchResultList hits={results.hits} firstNumber={(page - 1) * searchPageSize + 1} />}
      {results.total > 0 && results.hits.length === 0 && <p>Det finns inga fler träffar. Gå tillbaka till första sidan.</p>}
      <SearchPagination phrase={phrase.data} page={page} pageCount={pageCount} />
    </>
  );
}
