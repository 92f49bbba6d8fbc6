import Link from "next/link";
import type { findRiskListUsage } from "@/lib/workflow/version-queries";
import { versionStatusLabels } from "@/lib/labels/sv";
import { adminPaths } from "@/lib/paths/admin-paths";

/** "Används i": the articles whose published or open version shows this risk list. */
export function RiskListUsage({ usage }: { usage: Awaited<ReturnType<typeof findRiskListUsage>> }) {
  return (
    <section className="review-section" aria-labelledby="usage-heading">
      <h2 id="usage-heading">Används i</h2>
      {usage.length === 0 ? (
        <p>Ingen publicerad eller pågående artikelversion använder risklistan.</p>
      ) : (
        <ul data-testid="risk-list-usage">
          {usage.map((article) => (
            <li key={article.articleId}>
              <Link href={adminPaths.item({ kind: "article", id: article.articleId })}>{article.title}</Link>{" "}
              <span className="review-hint">
                ({article.versions.map((used) => `version ${used.number}, ${versionStatusLabels[used.status]}`).join("; ")})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
