import Link from "next/link";
import { publicArticlePath, type PublishedArticleSummary } from "@/lib/content/public-content";
import { formatSwedishDate } from "@/lib/labels/sv";

/** The front page's index: overviews as prominent entries, procedures as a list below them. */
export function PublishedArticleIndex({ articles }: { articles: PublishedArticleSummary[] }) {
  const overviews = articles.filter((article) => article.kind === "OVERVIEW");
  const procedures = articles.filter((article) => article.kind === "PROCEDURE");
  if (articles.length === 0) return <p>Det finns inga publicerade artiklar ännu.</p>;
  return (
    <>
      {overviews.map((article) => (
        <article className="overview-card" key={article.slug}>
          <h2>
            <Link href={publicArticlePath(article.slug)}>{article.title}</Link>
          </h2>
          {article.summary && <p>{article.summary}</p>}
          {article.lastReviewedAt && (
            <p className="review-line-brief">
              Senast granskad <time dateTime={article.lastReviewedAt.toISOString()}>{formatSwedishDate(article.lastReviewedAt)}</time>
            </p>
          )}
        </article>
      ))}
      {procedures.length > 0 && (
        <section aria-labelledby="behandlingar">
          <h2 id="behandlingar">Behandlingar</h2>
          <ul className="procedure-index">
            {procedures.map((article) => (
              <li key={article.slug}>
                <Link href={publicArticlePath(article.slug)}>{article.title}</Link>
                {article.summary && <p>{article.summary}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
