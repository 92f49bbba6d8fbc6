import { searchPhraseMaxLength } from "@/lib/search/search-schemas";

/**
 * The search box: a plain GET form to /sok, so it works without JavaScript. In the header of every
 * public page (`place="header"`) and on the search page itself, each with its own field id.
 */
export function SiteSearchForm({ place, phrase = "", error }: { place: "header" | "page"; phrase?: string; error?: string }) {
  const id = place === "header" ? "sok-sidhuvud" : "sok-sida";
  const errorId = `${id}-fel`;
  return (
    <form className={`site-search site-search-${place}`} role="search" action="/sok" method="get" aria-label={place === "header" ? "Sök på webbplatsen" : "Ny sökning"}>
      <label htmlFor={id}>{place === "header" ? "Sök" : "Sök efter"}</label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={phrase}
        maxLength={searchPhraseMaxLength}
        autoComplete="off"
        enterKeyHint="search"
        {...(error ? { "aria-invalid": true, "aria-describedby": errorId } : {})}
      />
      <button type="submit">Sök</button>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </form>
  );
}
